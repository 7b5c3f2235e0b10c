import Foundation
import PlanModel

/// The value syntaxes of PLAN_FORMAT.md §5, each checked against an independent reading.
enum ValueTargets {
    static let posix = Locale(identifier: "en_US_POSIX")

    /// Every amount `Money.parse` accepts is non-negative, has a valid code, and is exactly the
    /// number Foundation reads from the same digits (without code or `人民币`, separators and
    /// suffix: k, M, B, 万, 亿).
    static func money(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard case .success(let money) = Money.parse(text) else { return }
        _ = money.description
        // The amount's text (its fast path reads the Decimal's storage) is Foundation's own.
        var exact = money.amount, rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 10, .plain)
        let foundation = NSDecimalNumber(decimal: rounded).description(withLocale: posix)
        require(money.amount.plainString == foundation,
                "\(text.debugDescription): plainString \(money.amount.plainString), Foundation writes \(foundation)")
        require(money.amount >= 0, "negative amount \(money.amount) from \(text.debugDescription)")
        if let code = money.currency {
            require(code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") },
                    "bad currency \(code.debugDescription) from \(text.debugDescription)")
        }
        var number = text.trimmingSpaces()
        func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" }
        // `人民币` (CNY) before or after the number, or a code and a space before it.
        if number.hasPrefix("人民币") {
            number = number.dropFirst(3).drop(while: isBlank)
        } else if number.hasSuffix("人民币") {
            number = number.dropLast(3)
            while let last = number.last, isBlank(last) { number = number.dropLast() }
        } else if money.currency != nil, let space = number.firstIndex(of: " ") {
            number = number[space...].drop(while: { $0 == " " })
        }
        var exponent = 0
        switch number.last {
        case "k": exponent = 3
        case "m", "M": exponent = 6
        case "b", "B": exponent = 9
        case "万": exponent = 4
        case "亿": exponent = 8
        default: break
        }
        if exponent != 0 { number = number.dropLast() }
        let digits = number.filter { $0 != "," }
        guard let read = Decimal(string: digits, locale: posix) else {
            require(false, "Foundation cannot read \(digits.debugDescription), parsed from \(text.debugDescription)")
            return
        }
        let expected = Decimal(sign: .plus, exponent: exponent, significand: read)
        require(money.amount == expected, "\(text.debugDescription) parsed as \(money.amount), Foundation reads \(expected)")
    }

    /// 0001-01-01 and 9999-12-31 as day numbers: the range of valid dates.
    static let firstDay = -719_162
    static let lastDay = 2_932_896

    /// A parsed date prints as the text it came from and survives the day-number round trip;
    /// every day number from year 1 to 9999 survives the round trip through date and text.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let date = CalendarDate(parsing: text) {
            require(date.description == text, "\(text.debugDescription) parsed as \(date)")
            require(CalendarDate(dayNumber: date.dayNumber) == date, "\(date) does not survive its day number")
            require(date < date.adding(days: 1), "\(date) is not before the next day")
        }
        guard bytes.count >= 4 else { return }
        let raw = UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
        let number = firstDay + Int(raw % UInt32(lastDay - firstDay + 1))
        let date = CalendarDate(dayNumber: number)
        require(date.dayNumber == number, "day \(number) comes back as \(date.dayNumber)")
        require(CalendarDate(year: date.year, month: date.month, day: date.day) == date, "day \(number) is \(date), not a valid date")
        require(CalendarDate(parsing: date.description) == date, "\(date) does not parse back")
    }

    /// The spec's id pattern, as a regular expression, to check the hand-written byte loop against.
    static let idPattern = try! NSRegularExpression(pattern: #"\A[a-z0-9][a-z0-9-]{0,63}\z"#)
    static let stageIDs = ["departmental", "industry-solution", "integration", "qualify", "develop", "propose",
                           "negotiate", "won", "lost"]

    /// Percentages stay within 0...100; `isValidID` agrees with the regular expression; the
    /// "did you mean" search returns one of its candidates.
    static func percent(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let value = ValueSyntax.parsePercent(text) {
            require(value >= 0 && value <= 100, "\(text.debugDescription) is \(value) percent")
        }
        let range = NSRange(text.startIndex..., in: text)
        let matches = idPattern.firstMatch(in: text, range: range) != nil
        require(ValueSyntax.isValidID(text) == matches, "isValidID(\(text.debugDescription)) is \(!matches), the pattern says \(matches)")
        if let suggestion = ValueSyntax.closest(to: text, in: stageIDs) {
            require(stageIDs.contains(suggestion), "closest(to: \(text.debugDescription)) made up \(suggestion)")
        }
    }
}
