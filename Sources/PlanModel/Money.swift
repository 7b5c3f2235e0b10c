import Foundation

/// An amount of money as written in a plan: exact decimal, with an optional ISO-4217 code
/// (nil means the workspace currency). Never binary floating point.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    public var amount: Decimal
    public var currency: String?

    public init(_ amount: Decimal, currency: String? = nil) {
        self.amount = amount
        self.currency = currency
    }

    /// Why a money text did not parse.
    public enum SyntaxError: Error, Equatable, Sendable {
        case empty
        case badCurrency(String)
        case notANumber
        case negative
        case badThousands
        case tooLarge
    }

    /// Parses `[CUR ]NUMBER[SUFFIX]`: `2400000`, `2,400,000`, `CNY 2.4M`, `300k`, `USD 1,250.50`;
    /// and as Chinese authors write amounts, the suffixes `万` (ten thousand) and `亿` (a hundred
    /// million) and the currency word `人民币` before or after the number: `500万`, `人民币 1.2亿`,
    /// `500万人民币` (docs/format.md, "Writing values").
    public static func parse(_ text: String) -> Result<Money, SyntaxError> {
        // Byte-level: Character-based Substring operations are grapheme-aware and slow, and every
        // amount of every plan comes through here.
        var bytes = Substring(text).utf8[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        guard !bytes.isEmpty else { return .failure(.empty) }
        var currency: String?
        // `人民币` (renminbi), before or after the number, is the currency word for CNY.
        if bytes.starts(with: renminbi) {
            currency = "CNY"
            bytes = bytes.dropFirst(renminbi.count).drop(while: { $0 == 0x20 || $0 == 0x09 })
        } else if bytes.reversed().starts(with: renminbi.reversed()) {
            currency = "CNY"
            bytes = bytes.dropLast(renminbi.count)
            while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        }
        guard !bytes.isEmpty else { return .failure(.notANumber) }
        func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) }
        if currency != nil {
            // The currency word was read; a code as well (`人民币 CNY 5`) falls to the number check.
        } else if let space = bytes.firstIndex(of: 0x20) {
            let code = bytes[..<space]
            guard code.count == 3, code.allSatisfy(isUpper) else {
                return .failure(.badCurrency(String(decoding: code, as: UTF8.self)))
            }
            currency = String(decoding: code, as: UTF8.self)
            bytes = bytes[space...].drop(while: { $0 == 0x20 })
        } else if let first = bytes.first, isLetter(first) || first >= 0x80 {
            let letters = bytes.prefix(while: { isLetter($0) || $0 >= 0x80 })
            return .failure(.badCurrency(String(decoding: letters, as: UTF8.self)))
        }
        if bytes.first == UInt8(ascii: "-") { return .failure(.negative) }
        var exponentShift = 0
        switch bytes.last {
        case UInt8(ascii: "k"): exponentShift = 3
        case UInt8(ascii: "m"), UInt8(ascii: "M"): exponentShift = 6
        case UInt8(ascii: "b"), UInt8(ascii: "B"): exponentShift = 9
        default: break
        }
        if exponentShift != 0 {
            bytes = bytes.dropLast()
        } else if bytes.reversed().starts(with: wan.reversed()) {
            exponentShift = 4
            bytes = bytes.dropLast(wan.count)
        } else if bytes.reversed().starts(with: yi.reversed()) {
            exponentShift = 8
            bytes = bytes.dropLast(yi.count)
        }
        switch parseDecimal(bytes, allowThousands: true) {
        case .success(let value):
            let result = exponentShift == 0 ? value : Decimal(sign: .plus, exponent: exponentShift, significand: value)
            return .success(Money(result, currency: currency))
        case .failure(let error):
            return .failure(error)
        }
    }

    /// `人民币`, `万` (10⁴) and `亿` (10⁸) in UTF-8: the Chinese currency word and suffixes.
    private static let renminbi: [UInt8] = Array("人民币".utf8)
    private static let wan: [UInt8] = Array("万".utf8)
    private static let yi: [UInt8] = Array("亿".utf8)

    public static func parseDecimal(_ text: Substring, allowThousands: Bool) -> Result<Decimal, SyntaxError> {
        parseDecimal(text.utf8[...], allowThousands: allowThousands)
    }

    /// Parses a plain non-negative decimal number with `.` as the decimal point and, when allowed,
    /// `,` separating groups of three digits. Exact: digits go straight into the significand.
    public static func parseDecimal(_ bytes: Substring.UTF8View.SubSequence, allowThousands: Bool)
        -> Result<Decimal, SyntaxError>
    {
        guard !bytes.isEmpty else { return .failure(.notANumber) }
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        var groupLength = 0
        var sawComma = false
        var firstGroupLength = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if digits >= 19 { return .failure(.tooLarge) }
                significand = significand * 10 + UInt64(byte - 48)
                digits += 1
                if seenPoint { fractionDigits += 1 } else { groupLength += 1 }
            case UInt8(ascii: ","):
                guard allowThousands, !seenPoint, digits > 0 else { return .failure(.badThousands) }
                if sawComma {
                    guard groupLength == 3 else { return .failure(.badThousands) }
                } else {
                    firstGroupLength = groupLength
                    guard (1...3).contains(firstGroupLength) else { return .failure(.badThousands) }
                }
                sawComma = true
                groupLength = 0
            case UInt8(ascii: "."):
                guard !seenPoint else { return .failure(.notANumber) }
                if sawComma && groupLength != 3 { return .failure(.badThousands) }
                seenPoint = true
            default:
                return .failure(.notANumber)
            }
        }
        if !seenPoint && sawComma && groupLength != 3 { return .failure(.badThousands) }
        guard digits > 0, bytes.last != UInt8(ascii: "."), bytes.first != UInt8(ascii: ".") else {
            return .failure(.notANumber)
        }
        let value = Decimal(sign: .plus, exponent: -fractionDigits, significand: Decimal(significand))
        return .success(value)
    }

    public var description: String {
        let number = amount.plainString
        return currency.map { "\($0) \(number)" } ?? number
    }
}

extension Decimal {
    /// The number without exponent notation and with `.` as decimal point, whatever the locale.
    public var plainString: String {
        if let fast = fastPlainString { return fast }
        var value = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 10, .plain)
        return NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    /// `plainString` without Foundation when no rounding is needed (at most 10 decimals, a
    /// significand below 2^64): the significand's digits with the point put in, as
    /// NSDecimalNumber writes them (trailing zeros of the significand included). Every amount of
    /// a JSON output and every probability of the score's evidence comes through here.
    var fastPlainString: String? {
        guard let (significand, exponent) = DecimalSum.parts(self), significand != 0, exponent >= -10, exponent <= 20 else {
            return nil
        }
        var digits = String(significand.magnitude)
        if exponent > 0 {
            digits += String(repeating: "0", count: exponent)
        } else if exponent < 0 {
            let places = -exponent
            if digits.utf8.count <= places {
                digits = "0." + String(repeating: "0", count: places - digits.utf8.count) + digits
            } else {
                digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
            }
        }
        return significand < 0 ? "-" + digits : digits
    }

    /// `self / 100`, exactly: the exponent moves down by two (Decimal's long division is about ten
    /// times slower, and every account's weighted pipeline is divided by 100).
    public var dividedByHundred: Decimal {
        guard !isNaN, exponent > -120 else { return self / 100 }
        return Decimal(sign: sign, exponent: exponent - 2, significand: significand)
    }

    /// Rounded half-up to two decimals, as every amount in JSON output.
    public var roundedToCents: Decimal {
        var value = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        return rounded
    }
}
