import ArgumentParser
import PlanReports
import PlanServices

/// `acctplan lint`: validate plans and the configuration.
struct LintCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "lint",
        abstract: UI.help("Check plans and acctplan.yml against the plan format and the lint rules.", "按计划格式和检查规则检查计划与 acctplan.yml。"),
        discussion: UI.discussion("""
            Reports every problem as path:line:column: severity: message [rule]. PATHs narrow what is reported (files or folders); rules that compare plans (duplicate ids, references, targets) still see the whole workspace.

            Formats: text (default), json (stable, for scripts), github (GitHub Actions annotations), sarif (SARIF 2.1.0 for code-scanning tools).

            Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 lint could not run.

            Examples:
              acctplan lint
              acctplan lint accounts/east --as-of 2026-12-31
              acctplan lint --format github      # in CI
              acctplan lint --staged             # the staged plans (the pre-commit hook)
              acctplan lint --rev origin/main    # any revision, straight from git
              acctplan lint --lang zh-CN         # messages in Chinese
            """, """
            每个问题报告为 路径:行:列: 严重级别: 消息 [规则]。PATH 限定报告的范围（文件或文件夹）；比较多个计划的规则（重复编号、引用、目标）仍然检查整个工作区。

            格式：text（默认）、json（稳定，供脚本使用）、github（GitHub Actions 注释）、sarif（SARIF 2.1.0，供代码扫描工具使用）。json 和 sarif 在任何语言下都相同。

            退出状态：0 没有错误；1 有错误（使用 --strict 时警告也算）；2 无法运行检查。

            示例：
              acctplan lint
              acctplan lint accounts/east --as-of 2026-12-31
              acctplan lint --format github      # 在 CI 中
              acctplan lint --staged             # 已暂存的计划（pre-commit 钩子）
              acctplan lint --rev origin/main    # 任意版本，直接从 git 读取
              acctplan lint --lang zh-CN         # 中文消息
            """)) }

    @Argument(help: ArgumentHelp(UI.help("Plan files or folders to report on (default: the whole workspace).",
                                         "要报告的计划文件或文件夹（默认：整个工作区）。"), valueName: "path"))
    var paths: [String] = []

    @Flag(help: ArgumentHelp(UI.help("Fail (exit 1) on warnings too.", "有警告也视为失败（退出状态 1）。")))
    var strict = false

    @Option(help: FormatChoice<LintFormatList>.help)
    var format = FormatChoice<LintFormatList>.first

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOption: AsOfOption

    func run() throws {
        // Annotations and SARIF name files from the repository's top, where GitHub looks for them.
        let report = try LintService.lint(workspace: workspaceOptions.workspace, at: sourceOptions.choice, paths: paths,
                                          asOf: try asOfOption.date(), repositoryPaths: format.format.namesFilesFromRepositoryTop)
        Terminal.standardOutput(format.format.render(report, color: Terminal.useColor(),
                                                     language: UI.language(workspace: report.language)))
        // A named path with no plan under it was "checked" in silence (a newcomer trial named a
        // plan in a hidden folder and took "no problems" for a pass).
        for path in report.pathsWithoutPlans {
            Terminal.standardError(Terminal.say(
                "acctplan: warning: '\(path)' holds no plan, so nothing in it was checked: README.md, files named _*.md, "
                    + "hidden files and folders (.*) and files outside accounts/, industries/ and segments/ are not plans\n",
                "acctplan: 警告：“\(path)”中没有计划，因此其中的内容未被检查：README.md、以 _ 开头的文件、隐藏的文件和文件夹（.*）"
                    + "以及 accounts/、industries/、segments/ 之外的文件都不是计划\n"))
        }
        if report.errors > 0 || (strict && report.warnings > 0) { throw ExitCode(1) }
    }
}
