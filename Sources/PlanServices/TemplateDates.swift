import PlanModel

/// The bundled template's plans are written as of one day (``writtenAsOf``): reviews a few
/// weeks old, actions due in the coming weeks, opportunities closing next quarter. `init` moves
/// every date in them by the days from then to the day it runs, so that a new workspace reads
/// as fresh as the template did: without it, `init` then `lint` reported overdue actions and
/// stale reviews in plans nobody had written yet, more each month.
public enum TemplateDates {
    /// The day workspace-template/ and workspace-template-zh/ are written for: `lint --as-of`
    /// this day reports only the English template's one deliberate finding (a `health-mismatch`).
    public static let writtenAsOf = CalendarDate(year: 2026, month: 12, day: 1)!

    /// Whether `path` (workspace-relative) is a plan, whose dates move; README, acctplan.yml and
    /// the workflow keep theirs (they document commands and settings, not a plan's state).
    public static func moves(_ path: String) -> Bool {
        let folders = PlanKind.allCases.map { $0.folder + "/" }
        return path.hasSuffix(".md") && folders.contains { path.hasPrefix($0) }
    }

    /// `text` with every date written `YYYY-MM-DD` or `YYYY/MM/DD` (digits on neither side)
    /// moved by `days`, in the way it was written. Anything else (amounts, ids, years alone,
    /// an impossible date such as 2026-02-30) is left as it is.
    public static func shift(_ text: String, byDays days: Int) -> String {
        guard days != 0 else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        func digit(_ at: Int) -> Int? {
            guard at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 else { return nil }
            return Int(bytes[at] - 0x30)
        }
        func number(_ at: Int, _ count: Int) -> Int? {
            var value = 0
            for offset in 0..<count {
                guard let d = digit(at + offset) else { return nil }
                value = value * 10 + d
            }
            return value
        }
        while index < bytes.count {
            let separator = index + 4 < bytes.count ? bytes[index + 4] : 0
            if digit(index) != nil, index == 0 || digit(index - 1) == nil,
               separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/"),
               index + 7 < bytes.count, bytes[index + 7] == separator, digit(index + 10) == nil,
               let year = number(index, 4), let month = number(index + 5, 2), let day = number(index + 8, 2),
               let date = CalendarDate(year: year, month: month, day: day) {
                let moved = date.adding(days: days)
                func padded(_ value: Int, _ width: Int) -> [UInt8] {
                    let digits = Array(String(value).utf8)
                    return Array(repeating: UInt8(ascii: "0"), count: max(0, width - digits.count)) + digits
                }
                out += padded(moved.year, 4) + [separator] + padded(moved.month, 2) + [separator] + padded(moved.day, 2)
                index += 10
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The template's files as of `day`: the plans' dates moved from ``writtenAsOf``.
    public static func files(_ files: [(path: String, content: String)], asOf day: CalendarDate) -> [(path: String, content: String)] {
        let days = writtenAsOf.days(until: day)
        return files.map { moves($0.path) ? ($0.path, shift($0.content, byDays: days)) : $0 }
    }
}
