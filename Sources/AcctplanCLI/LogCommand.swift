import ArgumentParser
import Foundation
import PlanEngine
import PlanGit
import PlanModel
import PlanReports

/// `acctplan log [ID]`: history of plan changes.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "History of plan changes, newest first, each commit with its semantic summary.",
        discussion: """
            With ID, only the commits that changed that plan (following renames). --since takes a revision (commits after it) or a date YYYY-MM-DD (commits on or after it).

              acctplan log
              acctplan log shanghai-tobacco --since 2026-09-01
              acctplan log --since v2026-q3 --format json
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("A plan id: only commits that changed it.", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("A revision or a date (YYYY-MM-DD): where history starts.", valueName: "rev-or-date"))
    var since: String?

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: OutputFormat = .text

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        let opened = try WorkspaceRepository.open(workspaceOptions, purpose: "acctplan log reads git history")
        let (repository, prefix) = (opened.repository, opened.prefix)
        var hidden: ObjectID?
        var sinceDate: CalendarDate?
        if let since {
            if let date = CalendarDate(parsing: since) {
                sinceDate = date
            } else if let commit = try? repository.resolveCommit(since) {
                hidden = commit
            } else {
                throw ToolFailure("--since '\(since)' is neither a revision nor a date (YYYY-MM-DD)")
            }
        }
        do {
            let versions = PlanVersions(repository: repository, prefix: prefix)
            var tracked: Set<String>? = id.map { [$0] }
            var entries: [(CommitInfo, [PlanChange])] = []
            for commit in try repository.history(hiding: hidden) {
                if let sinceDate, commit.committerDay < sinceDate { break }
                // A merge's changes are listed with the commits that made them on their branch.
                if commit.isMerge { continue }
                let parentTree = try commit.firstParent.map { try repository.treeOfCommit($0) }
                var changes = try versions.changes(from: parentTree.map { .tree($0) } ?? .tree(repository.emptyTree()),
                                                   to: .tree(commit.tree))
                if let current = tracked {
                    changes = changes.filter { current.contains($0.id) }
                    // Follow renames backwards: the plan had the old name before this commit.
                    for change in changes {
                        if let old = change.oldPath, let (_, oldID) = PlanVersions.planIdentity(old) { tracked?.insert(oldID) }
                    }
                }
                if !changes.isEmpty { entries.append((commit, changes)) }
            }
            render(entries)
        } catch let error as GitError {
            throw ToolFailure("cannot read the repository: \(error)")
        }
    }

    static func isoTime(_ time: Int64) -> String {
        let date = CalendarDate(dayNumber: Int((Double(time) / 86_400).rounded(.down)))
        let seconds = Int(time - Int64(date.dayNumber) * 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }

    func render(_ entries: [(CommitInfo, [PlanChange])]) {
        switch format {
        case .json:
            let commits: [JSONValue] = entries.map { commit, changes in
                .object([
                    ("id", .string(commit.id.description)),
                    ("date", .string(Self.isoTime(commit.authorTime))),
                    ("author", .string(commit.authorName)),
                    ("message", .string(commit.subject)),
                    ("plans", .array(changes.map(DiffReporter.planJSON))),
                ])
            }
            Terminal.standardOutput(JSONValue.object([("version", .integer(1)), ("commits", .array(commits))]).serialized() + "\n")
        case .text:
            let style = TerminalStyle(enabled: Terminal.useColor())
            var output = ""
            for (commit, changes) in entries {
                output += style.yellow(commit.id.short) + " " + style.dim(Self.isoTime(commit.authorTime).prefix(10) + " " + commit.authorName)
                    + "  " + commit.subject + "\n"
                for change in changes { output += "    " + DiffReporter.summaryLine(change) + "\n" }
            }
            Terminal.standardOutput(output)
        }
    }
}
