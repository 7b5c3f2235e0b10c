import ArgumentParser
import Foundation
import PlanLocalization
import PlanModel
import PlanReports
import PlanServices

/// The `acctplan` command: lists the subcommands; each lives in its own file.
public struct AcctplanCommand: ParsableCommand {
    public static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "acctplan",
        abstract: UI.help("Key-account plans as Markdown in git: create, lint, format, show, commit and report on plans.", "以 Markdown 形式在 git 中管理大客户计划：创建、检查、格式化、查看、提交计划并生成报告。"),
        discussion: UI.discussion("""
            A workspace is a folder (normally a git repository) with acctplan.yml at its root and plans in accounts/, industries/ and segments/. acctplan finds it from the current directory upwards, or from --workspace DIR.

            Exit status: 0 success, 1 when the answer is "no" (lint errors), 2 when acctplan could not do the job (bad arguments, no workspace).

            Language: --lang en|zh-CN (every command takes it), then language: in acctplan.yml, then LC_ALL, LC_MESSAGES, LANG. JSON, SARIF and CSV outputs are the same in every language (docs/language.md).

            Environment: NO_COLOR turns colour off. ACCTPLAN_THREADS=N reads and checks plans on at most N threads (default: all cores); the output is the same byte for byte with any N. ACCTPLAN_HISTORY_STORE=off makes rollup and report read history without their store in .git/acctplan (slower; the same output).
            """, """
            工作区是一个文件夹（通常是 git 仓库），根目录有 acctplan.yml，计划存放在 accounts/、industries/ 和 segments/ 中。acctplan 从当前文件夹向上查找工作区，或使用 --workspace DIR 指定的文件夹。

            退出状态：0 成功；1 回答为“否”（检查发现错误）；2 acctplan 无法完成任务（参数错误、没有工作区）。

            语言：--lang en|zh-CN（所有命令都接受），其次是 acctplan.yml 中的 language:，再次是 LC_ALL、LC_MESSAGES、LANG。JSON、SARIF 和 CSV 输出在任何语言下都相同（docs/language.md）。

            环境变量：NO_COLOR 关闭颜色。ACCTPLAN_THREADS=N 最多用 N 个线程读取和检查计划（默认：所有核心）；无论 N 为多少，输出逐字节相同。ACCTPLAN_HISTORY_STORE=off 让 rollup 和 report 读取历史时不使用 .git/acctplan 中的历史缓存（较慢；输出相同）。
            """),
        version: ToolInfo.version,
        subcommands: [
            InitCommand.self, NewCommand.self, LintCommand.self, ShowCommand.self, DiffCommand.self, LogCommand.self,
            RollupCommand.self, QueryCommand.self, ScoreCommand.self, WhitespaceCommand.self, ReportCommand.self, FmtCommand.self,
            CommitCommand.self, HooksCommand.self, TextconvCommand.self,
            RulesCommand.self, LspCommand.self,
            MergeDriverCommand.self, ResolveCommand.self,
        ]
    ) }

    public init() {}

    /// Runs acctplan with `arguments` and returns the exit status. Usage errors exit 2 (not
    /// ArgumentParser's 64), as CLI.md specifies; `--help` and `--version` exit 0.
    /// `acctplan help WORD` for a word that is no command printed the overview and exited 0 (a
    /// newcomer trial): it is a mistake, named like an unknown command.
    static func checkHelpTopic(_ arguments: [String]) throws {
        guard arguments.first == "help", let word = arguments.dropFirst().first(where: { !$0.hasPrefix("-") }) else { return }
        // ArgumentParser's own `help` is a command too (`acctplan help help`).
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(word) else { return }
        throw ToolFailure("no command '\(word)'" + ValueSyntax.didYouMean(ValueSyntax.closest(to: word, in: names))
            + "; 'acctplan --help' lists the commands")
    }

    public static func run(_ arguments: [String]) -> Int32 {
        do {
            if let driver = MergeDriverInvocation(arguments) {
                try driver.run()
            } else {
                let arguments = try UI.takeLanguageOption(arguments)
                if let hot = HotPath(arguments) {
                    try hot.run()
                } else {
                    UI.chooseHelpLanguage(arguments)
                    try checkHelpTopic(arguments)
                    var command = try parseAsRoot(arguments)
                    try command.run()
                }
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
            // Help and --version in the help language; a usage error in an error line's language
            // (--lang, then the workspace's `language:`, then the locale; docs/language.md).
            let language = code == .success ? UI.helpLanguage : UI.languageForError(arguments)
            let message = ParserWords.localized(fullMessage(for: error), arguments: arguments, chinese: language == .zhCN)
            if code == .success {
                Terminal.standardOutput(message + "\n")
                return 0
            }
            Terminal.standardError(message + "\n")
            return 2
        }
    }
}
