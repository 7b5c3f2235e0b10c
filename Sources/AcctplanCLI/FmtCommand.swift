import ArgumentParser
import PlanServices

/// `acctplan fmt`: rewrite plans in canonical form.
struct FmtCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "fmt",
        abstract: UI.help("Rewrite plans in canonical form, without changing what they mean.", "把计划改写为规范格式，不改变其含义。"),
        discussion: """
            Canonical form: front-matter keys in the order of the plan format (kind, id, name, industry, segments, stage, manager, team, abu, region, health, since, reviewed, revenue_target; industry and segment plans: name, owner, reviewed, fiscal_year, targets; other keys after them), every comment kept beside its key, one space (not a tab) between 'key:' and its value; tables of recognized sections aligned so that every row has the same display width (CJK characters count two columns); list markers '-' and task boxes '[ ]'/'[x]'; no trailing whitespace in front matter, headings, table rows and items; exactly one line end at the end of the file. Free prose and unrecognized sections are left byte for byte.

            Files are written atomically (a temporary file renamed over the plan, mode kept) and only when they change. A plan that does not parse is not touched: its problems are printed instead. Every result is parsed again and must mean exactly what the original meant.

            Exit status: 0 done (or, with --check, nothing to change), 1 with --check when some plan would change, 2 when a plan could not be formatted (it does not parse) or acctplan could not run.

            Examples:
              acctplan fmt                          # every plan of the workspace
              acctplan fmt accounts/east            # the plans in one folder
              acctplan fmt --check                  # in CI: list plans not in canonical form, exit 1 if any
            """) }

    @Argument(help: ArgumentHelp(UI.help("Plan files or folders to format (default: the whole workspace).", "要格式化的计划文件或文件夹（默认：整个工作区）。"), valueName: "path"))
    var paths: [String] = []

    @Flag(help: ArgumentHelp(UI.help("Change nothing: list the plans that would change and exit 1 if there are any.", "不做任何修改：列出将会改变的计划，有则以状态 1 退出。")))
    var check = false

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        let run = try FormatService.format(paths: paths, check: check, workspace: workspaceOptions.workspace)
        FmtRenderer.report(run, check: check, language: UI.languageOutsideWorkspace())
        if run.failed > 0 { throw ExitCode(2) }
        if check && run.changed > 0 { throw ExitCode(1) }
    }
}
