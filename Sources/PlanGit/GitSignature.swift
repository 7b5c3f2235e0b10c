import CGit2
import Foundation

/// Who made a commit and when, as git records it.
public struct GitSignature: Equatable, Sendable {
    public var name: String
    public var email: String
    /// Seconds since 1970-01-01 UTC.
    public var time: Int64
    /// The author's time-zone offset from UTC in minutes.
    public var offsetMinutes: Int32

    public init(name: String, email: String, time: Int64, offsetMinutes: Int32) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// Author or committer identity as git itself decides it: `GIT_AUTHOR_NAME`/`_EMAIL`/`_DATE`
    /// (or `GIT_COMMITTER_*`), then `user.name`/`user.email` from git configuration; the date
    /// defaults to now in the local time zone. nil when no name or email can be found.
    public static func resolve(_ role: Role, repository: GitRepository,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               now: Date = Date()) throws -> GitSignature? {
        let prefix = role == .author ? "GIT_AUTHOR_" : "GIT_COMMITTER_"
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        guard let name = nonEmpty(environment[prefix + "NAME"]) ?? nonEmpty(repository.configString("user.name")),
              let email = nonEmpty(environment[prefix + "EMAIL"]) ?? nonEmpty(repository.configString("user.email"))
        else { return nil }
        if let text = nonEmpty(environment[prefix + "DATE"]) {
            guard let (time, offset) = parseDate(text) else {
                throw InvalidDate(variable: prefix + "DATE", text: text)
            }
            return GitSignature(name: name, email: email, time: time, offsetMinutes: offset)
        }
        let offset = Int32(TimeZone.current.secondsFromGMT(for: now) / 60)
        return GitSignature(name: name, email: email, time: Int64(now.timeIntervalSince1970.rounded(.down)), offsetMinutes: offset)
    }

    public enum Role: Sendable { case author, committer }

    /// `@1795147200 +0800`, `1795147200 +0800`, or ISO 8601 `2026-11-20T04:00:00Z` /
    /// `2026-11-20T04:00:00+08:00` / `2026-11-20 04:00:00 +0800`.
    static func parseDate(_ text: String) -> (Int64, Int32)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let raw = trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed
        let parts = raw.split(separator: " ")
        if let seconds = Int64(parts.first ?? "") {
            let offset = parts.count > 1 ? parseOffset(String(parts[1])) : 0
            guard let offset else { return nil }
            return (seconds, offset)
        }
        // ISO 8601 and its git variant with a space.
        var date = raw
        var offset: Int32 = 0
        if date.hasSuffix("Z") {
            date.removeLast()
        } else if let sign = date.lastIndex(where: { $0 == "+" || $0 == "-" }), date.distance(from: date.startIndex, to: sign) > 10 {
            guard let parsed = parseOffset(String(date[sign...]).replacingOccurrences(of: ":", with: "")) else { return nil }
            offset = parsed
            date = String(date[..<sign]).trimmingCharacters(in: .whitespaces)
        }
        let pieces = date.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == " " || $0 == ":" })
        let fields = pieces.compactMap { Int($0) }
        guard fields.count == pieces.count, fields.count == 6 || fields.count == 5 else { return nil }
        var components = DateComponents()
        components.year = fields[0]; components.month = fields[1]; components.day = fields[2]
        components.hour = fields[3]; components.minute = fields[4]; components.second = fields.count == 6 ? fields[5] : 0
        guard let zone = TimeZone(secondsFromGMT: Int(offset) * 60) else { return nil }
        components.timeZone = zone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let instant = calendar.date(from: components) else { return nil }
        return (Int64(instant.timeIntervalSince1970), offset)
    }

    private static func parseOffset(_ text: String) -> Int32? {
        guard text.count == 5, let sign = text.first, sign == "+" || sign == "-", let value = Int32(text.dropFirst()),
              value / 100 <= 14, value % 100 < 60 else { return nil }
        let minutes = (value / 100) * 60 + value % 100
        return sign == "-" ? -minutes : minutes
    }

    /// A `GIT_AUTHOR_DATE` / `GIT_COMMITTER_DATE` that is not a date git understands.
    public struct InvalidDate: Error, CustomStringConvertible, Sendable {
        public let variable: String
        public let text: String

        public var description: String {
            "\(variable) '\(text)' is not a date git understands (use e.g. 2026-11-20T04:00:00+08:00 or '@1795147200 +0800')"
        }
    }
}
