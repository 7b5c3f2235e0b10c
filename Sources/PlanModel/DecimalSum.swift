import Foundation

/// A running sum of `Decimal`s that gives exactly what `var sum: Decimal = 0; sum += value` gives
/// (the same value, the same representation), but adds in a 128-bit integer while that holds
/// the sum exactly. Foundation's `+` normalises both sides and compacts the result on every call,
/// about a microsecond each; a rollup of 10,000 plans makes hundreds of thousands of them.
///
/// The sum is `units × 10^exponent`. A value or product that does not fit (more than 37 digits
/// at the smallest exponent seen, NaN, a significand over 64 bits) hands the sum over to
/// Foundation's arithmetic, starting from the exact partial sum: up to there Foundation's sums
/// were exact too, so from there on the result is Foundation's own.
public struct DecimalSum: Sendable {
    private var units: Int128 = 0
    private var exponent = 0
    private var started = false
    /// The sum in Foundation's arithmetic, once the integer could not hold it.
    private var foundation: Decimal?

    public init() {}

    /// `sum += value`.
    public mutating func add(_ value: Decimal) {
        if foundation == nil, let (significand, exponent) = Self.parts(value), addUnits(significand, exponent) { return }
        addInFoundation(value)
    }

    /// `sum += left * right`: the product is exact in 128 bits, as Foundation's is for such operands.
    public mutating func add(_ left: Decimal, times right: Decimal) {
        if foundation == nil, let (a, aExponent) = Self.parts(left), let (b, bExponent) = Self.parts(right) {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            if !overflow, product.magnitude < Self.limit, addUnits(product, aExponent + bExponent) { return }
        }
        addInFoundation(left * right)
    }

    /// The sum, as Foundation's additions would have left it (0 when nothing was added).
    public var value: Decimal {
        if let foundation { return foundation }
        return started ? Self.decimal(units, exponent) : Decimal(0)
    }

    private mutating func addInFoundation(_ value: Decimal) {
        var sum = self.value
        sum += value
        foundation = sum
    }

    private mutating func addUnits(_ significand: Int128, _ exponent: Int) -> Bool {
        guard exponent >= -Self.maxExponent, exponent <= Self.maxExponent else { return false }
        guard started else {
            guard significand.magnitude < Self.limit else { return false }
            (units, self.exponent, started) = (significand, exponent, true)
            return true
        }
        let common = min(self.exponent, exponent)
        guard let left = Self.scaled(units, by: self.exponent - common), let right = Self.scaled(significand, by: exponent - common)
        else { return false }
        let (sum, overflow) = left.addingReportingOverflow(right)
        guard !overflow, sum.magnitude < Self.limit else { return false }
        (units, self.exponent) = (sum, common)
        return true
    }

    /// 10^37: every operand and sum the integer holds stays under it, so that Foundation's own
    /// normalisation to a common exponent (38 digits) was exact for it too.
    private static let limit = UInt128(powersOfTen[37])
    private static let maxExponent = 90
    private static let powersOfTen: [Int128] = (0...37).map { power in (0..<power).reduce(Int128(1)) { product, _ in product * 10 } }

    private static func scaled(_ value: Int128, by power: Int) -> Int128? {
        guard power > 0 else { return value.magnitude < limit ? value : nil }
        guard power <= 37 else { return value == 0 ? 0 : nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: powersOfTen[power])
        return overflow || product.magnitude >= limit ? nil : product
    }

    /// The Decimal `units × 10^exponent`, compacted as Foundation's arithmetic leaves its results.
    private static func decimal(_ units: Int128, _ exponent: Int) -> Decimal {
        if units == 0 { return Decimal(0) }
        let magnitude = units.magnitude
        let significand = magnitude <= UInt128(UInt64.max) ? Decimal(UInt64(magnitude)) : Decimal(string: String(magnitude))!
        return Decimal(sign: units < 0 ? .minus : .plus, exponent: exponent, significand: significand)
    }

    /// A Decimal's significand (when it fits in 64 bits) and exponent, read from its storage: the
    /// NSDecimal layout (an 8-bit exponent, a byte of length and flags, two reserved bytes, eight
    /// 16-bit words of mantissa, least significant first). ``layoutIsKnown`` checks that layout
    /// once against Foundation's public API; when it does not hold, every sum is Foundation's.
    static func parts(_ value: Decimal) -> (Int128, Int)? {
        guard layoutIsKnown, !value.isNaN, let (magnitude, exponent) = stored(value) else { return nil }
        return (value.sign == .minus ? -Int128(magnitude) : Int128(magnitude), exponent)
    }

    /// The significand (when its upper four words are zero) and the exponent as stored.
    private static func stored(_ value: Decimal) -> (UInt64, Int)? {
        withUnsafeBytes(of: value) { raw in
            guard raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self) == 0 else { return nil }
            return (UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt64.self)), Int(Int8(bitPattern: raw[0])))
        }
    }

    /// Whether ``parts(_:)`` reads Decimals right on this Foundation: checked on values built
    /// through the public API, results of Foundation's arithmetic among them.
    static let layoutIsKnown: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let big = Decimal(UInt64(1) << 48)
        let checks: [(Decimal, UInt64, Int, Bool)] = [
            (Decimal(sign: .plus, exponent: -3, significand: Decimal(4500)), 45, -1, false),
            (Decimal(sign: .minus, exponent: 5, significand: Decimal(UInt64.max)), UInt64.max, 5, true),
            ((big + Decimal(5)) - big, 5, 0, false),
            (Decimal(sign: .plus, exponent: -2, significand: Decimal(384)) * Decimal(45), 1728, -1, false),
            (Decimal(sign: .plus, exponent: -1, significand: Decimal(24)) + Decimal(1_260_000), 12_600_024, -1, false),
            (Decimal(0), 0, 0, false),
        ]
        return checks.allSatisfy { value, significand, exponent, negative in
            guard let (readSignificand, readExponent) = stored(value) else { return false }
            return readSignificand == significand && (value.sign == .minus) == negative && (significand == 0 || readExponent == exponent)
        }
    }()
}

extension Decimal {
    /// The nearest Double, or nil when the significand is over 64 bits or the value NaN: read from
    /// the significand and exponent (``DecimalSum``), without Foundation's digit-by-digit conversion.
    /// For estimates only: an amount is never a Double.
    public var approximateDouble: Double? {
        guard let (significand, exponent) = DecimalSum.parts(self) else { return nil }
        // The significand fits 64 bits (parts says so): converted from UInt64, not through the
        // generic Int128 conversion; powers of ten that are exact Doubles come from a table.
        let magnitude = Double(UInt64(truncatingIfNeeded: significand.magnitude))
        let power = (-22...22).contains(exponent) ? Self.powersOfTen[exponent + 22] : pow(10, Double(exponent))
        return (significand < 0 ? -magnitude : magnitude) * power as Double
    }

    /// 10^-22 ... 10^22, each the Double nearest to it (as `pow` gives them).
    private static let powersOfTen: [Double] = (-22...22).map { pow(10, Double($0)) }
}
