import PlanLocalization
import PlanModel
import PlanReports
import PlanServices

/// `acctplan log`'s outputs: one commit per entry with its semantic summary.
enum LogRenderer {
    static func json(_ entries: [LogService.Entry]) -> String {
        let commits: [JSONValue] = entries.map { entry in
            var members: [(String, JSONValue)] = [
                ("id", .string(entry.commit.id.description)),
                ("date", .string(isoTime(entry.commit.authorTime))),
                ("author", .string(entry.commit.authorName)),
                ("message", .string(entry.commit.subject)),
                ("plans", .array(entry.changes.map(DiffReporter.planJSON))),
            ]
            // Only on a commit whose acctplan.yml cannot be read (added after version 1's keys).
            if let problem = entry.unreadableConfig { members.append(("config_unreadable", .string(problem))) }
            return .object(members)
        }
        return JSONValue.object([("version", .integer(1)), ("commits", .array(commits))]).serialized() + "\n"
    }

    /// The summaries' words in `language` (the commit's own subject, ids and values as written).
    static func text(_ entries: [LogService.Entry], color: Bool, language: UILanguage = .en) -> String {
        let style = TerminalStyle(enabled: color)
        var output = ""
        for entry in entries {
            let commit = entry.commit
            output += style.yellow(commit.id.short) + " " + style.dim(isoTime(commit.authorTime).prefix(10) + " " + commit.authorName)
                + "  " + commit.subject + "\n"
            if let problem = entry.unreadableConfig {
                output += "    " + style.red(Localizer.translate(problem + "; no plan is compared while it cannot be read", to: language)) + "\n"
            }
            for change in entry.changes { output += "    " + DiffReporter.summaryLine(change, language: language) + "\n" }
        }
        return output
    }

    static func isoTime(_ time: Int64) -> String {
        let date = CalendarDate(dayNumber: Int((Double(time) / 86_400).rounded(.down)))
        let seconds = Int(time - Int64(date.dayNumber) * 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }
}
