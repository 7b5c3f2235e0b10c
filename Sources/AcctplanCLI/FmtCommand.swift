import ArgumentParser
import PlanServices

/// `acctplan fmt`: rewrite plans in canonical form.
struct FmtCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "fmt",
        abstract: UI.help("Rewrite plans in canonical form, without changing what they mean.", "把计划改写为规范格式，不改变其含义。"),
        discussion: UI.discussion("""
            Canonical form: front-matter keys in the order of the plan format (kind, id, name, industry, segments, stage, manager, team, abu, region, health, since, reviewed, revenue_target; industry and segment plans: name, owner, reviewed, fiscal_year, targets; other keys after them), every comment kept beside its key, one space (not a tab) between 'key:' and its value; tables of recognized sections aligned so that every row has the same display width (CJK characters count two columns); list markers '-' and task boxes '[ ]'/'[x]'; no trailing whitespace in front matter, headings, table rows and items; exactly one line end at the end of the file. Free prose and unrecognized sections are left byte for byte.

            Files are written atomically (a temporary file renamed over the plan, mode kept) and only when they change. A plan that does not parse is not touched: its problems are printed instead. Every result is parsed again and must mean exactly what the original meant.

            Exit status: 0 done (or, with --check, nothing to change), 1 with --check when some plan would change, 2 when a plan could not be formatted (it does not parse) or acctplan could not run.

            Examples:
              acctplan fmt                  # every plan of the workspace
              acctplan fmt accounts/east    # the plans in one folder
              acctplan fmt --check          # in CI: list non-canonical plans, exit 1
            """, """
            规范格式：前置元数据的键按计划格式的顺序排列（kind、id、name、industry、segments、stage、manager、team、abu、region、health、since、reviewed、revenue_target；行业和细分市场计划：name、owner、reviewed、fiscal_year、targets；其他键排在其后），每条注释留在其键旁，“key:”与值之间用一个空格（不用制表符）；可识别部分的表格对齐，使每行显示宽度相同（中日韩字符占两列）；列表标记用“-”，任务框用“[ ]”/“[x]”；前置元数据、标题、表格行和条目末尾没有空白；文件末尾恰好一个换行。自由正文和无法识别的部分逐字节保留。

            文件以原子方式写入（临时文件改名覆盖计划，保留权限），且只在有变化时写入。无法解析的计划不会被改动，而是列出其问题。每个结果都会重新解析，其含义必须与原文完全相同。

            退出状态：0 完成（或在 --check 下无需修改），1 在 --check 下有计划需要修改，2 有计划无法格式化（无法解析）或 acctplan 无法运行。

            示例：
              acctplan fmt                  # 工作区的所有计划
              acctplan fmt accounts/east    # 一个文件夹中的计划
              acctplan fmt --check          # 用于 CI：列出非规范格式的计划，有则退出码 1
            """)) }

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
