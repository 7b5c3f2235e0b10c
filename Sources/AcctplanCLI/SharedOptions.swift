import ArgumentParser
import Foundation
import PlanModel
import PlanServices

/// `--workspace DIR`, shared by every command that reads a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(UI.help("The workspace root (default: the nearest folder with acctplan.yml at or above the current one).",
                                                                 "工作区根目录（默认：当前文件夹或其上级中最近的含 acctplan.yml 的文件夹）。"), valueName: "dir"))
    var workspace: String?

    /// The workspace root, or a clear failure.
    func root() throws -> URL { try WorkspaceLocation.root(workspace) }
}

/// `--as-of YYYY-MM-DD`, defaulting to today's local date.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp(UI.help("The date to judge staleness and overdue items against (default: today).",
                                                                           "判断是否过期、逾期所依据的日期（默认：今天）。"), valueName: "yyyy-mm-dd"))
    var asOf: String?

    func date() throws -> CalendarDate { try Self.date(asOf) }

    /// `text` as a date, or today when nil; a clear failure when it is not a date.
    static func date(_ asOf: String?) throws -> CalendarDate {
        guard let asOf else { return Self.today() }
        guard let date = CalendarDate(parsing: asOf) else {
            // `--as-of 2026-02-30` was told the form it had right (a newcomer trial): the
            // calendar's reason, as for a date in a plan or a query.
            if let impossibility = CalendarDate.impossibility(of: asOf, slashes: false) {
                throw ToolFailure("--as-of '\(asOf)' is not a date", hint: impossibility)
            }
            throw ToolFailure("--as-of '\(asOf)' is not a date; write YYYY-MM-DD, e.g. 2026-11-29")
        }
        return date
    }

    static func today() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(dayNumber: 0)
    }
}
