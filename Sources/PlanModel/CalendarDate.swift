/// A calendar date with no time and no time zone: `YYYY-MM-DD`.
public struct CalendarDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or nil (month 13, February 30th, ...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; anything else (other separators, missing zero padding,
    /// trailing text, an impossible day) is nil.
    public init?(parsing text: String) {
        var copy = text
        guard let parsed = copy.withUTF8({ CalendarDate.parse($0) }) else { return nil }
        self = parsed
    }

    /// Parses a date as a plan writes it: `YYYY-MM-DD`, or `YYYY/MM/DD` as Chinese authors
    /// often do (docs/format.md, "Writing values"); one separator throughout, zero-padded.
    /// Command-line options and JSON keep to `YYYY-MM-DD` (`init(parsing:)`).
    public init?(planText text: String) {
        var copy = text
        guard let parsed = copy.withUTF8({ CalendarDate.parse($0, slashes: true) }) else { return nil }
        self = parsed
    }

    /// Parses `YYYY-MM-DD` (and, with `slashes`, `YYYY/MM/DD`) from UTF-8 bytes.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, slashes: Bool = false) -> CalendarDate? {
        guard bytes.count == 10, bytes[4] == bytes[7],
              bytes[4] == UInt8(ascii: "-") || (slashes && bytes[4] == UInt8(ascii: "/")) else { return nil }
        var fields = (0, 0, 0)
        for (index, byte) in bytes.enumerated() where index != 4 && index != 7 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte &- UInt8(ascii: "0"))
            if index < 4 { fields.0 = fields.0 * 10 + digit } else if index < 7 { fields.1 = fields.1 * 10 + digit } else {
                fields.2 = fields.2 * 10 + digit
            }
        }
        return CalendarDate(year: fields.0, month: fields.1, day: fields.2)
    }

    /// Why `text`, written in the form of a date (`YYYY-MM-DD`, or with `slashes` `YYYY/MM/DD`),
    /// is not one: "February 2026 has 28 days", "there is no month 13: months are 01 to 12".
    /// nil when it is a date, or is not in the form (then the form is what to say).
    public static func impossibility(of text: String, slashes: Bool = true) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == bytes[7],
              bytes[4] == UInt8(ascii: "-") || (slashes && bytes[4] == UInt8(ascii: "/")),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) }),
              let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)), let day = Int(text.suffix(2))
        else { return nil }
        guard (1...12).contains(month) else {
            return "there is no month \(text.dropFirst(5).prefix(2)): months are 01 to 12"
        }
        guard year >= 1 else { return "there is no year 0000: years start at 0001" }
        let days = daysIn(month: month, year: year)
        guard !(1...days).contains(day) else { return nil }
        return "\(monthNames[month - 1]) \(year) has \(days) days"
    }

    /// The months' English names, for messages.
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before): the proleptic Gregorian day number.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        guard (0...9999).contains(year) else { return "\(year)-\(month)-\(day)" }
        let digits: [UInt8] = [
            UInt8(48 + year / 1000), UInt8(48 + year / 100 % 10), UInt8(48 + year / 10 % 10), UInt8(48 + year % 10), 45,
            UInt8(48 + month / 10), UInt8(48 + month % 10), 45, UInt8(48 + day / 10), UInt8(48 + day % 10),
        ]
        return String(decoding: digits, as: UTF8.self)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
