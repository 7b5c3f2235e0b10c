import ArgumentParser
import Foundation
import PlanLocalization
import PlanReports
import PlanServices

/// The `acctplan` command: lists the subcommands; each lives in its own file.
public struct AcctplanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "acctplan",
        abstract: "Key-account plans as Markdown in git: create, lint, format, show, commit and report on plans.",
        discussion: """
            A workspace is a folder (normally a git repository) with acctplan.yml at its root and plans in accounts/, industries/ and segments/. acctplan finds it from the current directory upwards, or from --workspace DIR.

            Exit status: 0 success, 1 when the answer is "no" (lint errors), 2 when acctplan could not do the job (bad arguments, no workspace).

            Environment: NO_COLOR turns colour off. ACCTPLAN_THREADS=N reads and checks plans on at most N threads (default: all cores); the output is the same byte for byte with any N.
            """,
        version: ToolInfo.version,
        subcommands: [
            InitCommand.self, NewCommand.self, LintCommand.self, ShowCommand.self, DiffCommand.self, LogCommand.self,
            RollupCommand.self, QueryCommand.self, ScoreCommand.self, ReportCommand.self, FmtCommand.self,
            CommitCommand.self, HooksCommand.self, TextconvCommand.self,
            RulesCommand.self, LspCommand.self,
            MergeDriverCommand.self, ResolveCommand.self,
        ]
    )

    public init() {}

    /// Runs acctplan with `arguments` and returns the exit status. Usage errors exit 2 (not
    /// ArgumentParser's 64), as CLI.md specifies; `--help` and `--version` exit 0.
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            if let driver = MergeDriverInvocation(arguments) {
                try driver.run()
            } else {
                let arguments = try UI.takeLanguageOption(arguments)
                var command = try parseAsRoot(arguments)
                try command.run()
            }
            if let failure = Terminal.outputFailure {
                Terminal.standardError(LintWords.errorLine("could not write standard output (\(failure)); the command itself completed",
                                                           hint: nil, in: UI.languageForError(arguments)))
                return 2
            }
            return 0
        } catch let failure as any UserFacingError {
            // The one place an environment problem becomes a message and exit status 2.
            Terminal.standardError(LintWords.errorLine(failure.message, hint: failure.hint,
                                                       in: UI.languageForError(arguments)))
            return failure.exitStatus
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Terminal.standardOutput(fullMessage(for: error) + "\n")
                return 0
            }
            Terminal.standardError(fullMessage(for: error) + "\n")
            return 2
        }
    }
}
