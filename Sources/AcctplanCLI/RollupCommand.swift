import ArgumentParser
import PlanEngine
import PlanReports
import PlanServices

/// `acctplan rollup`: the lifecycle rollup management reads.
struct RollupCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "rollup",
        abstract: UI.help("Lifecycle rollups: accounts per stage, targets, pipeline and actions per industry and segment.", "生命周期汇总：按行业和细分市场统计各阶段客户数、目标、商机管道和行动。"),
        discussion: UI.discussion("""
            One group per industry and segment that has a plan or a member account (or, with --by, per manager, region or ABU: those group by the field and have no targets).

            --since REV|DATE adds the stage transitions since then and each group's moves (up, down, new, removed); a DATE means the last commit on HEAD's first-parent history made on or before that day. A DATE before the history starts (every account is then new) or after its last commit gives a warning on stderr; a DATE after the as-of date (today) is an error (exit 2). --trend monthly|quarterly (with --since DATE) adds one stage count per period end, from history: the customers' S-curve over time.

            Formats: text (default), json (PLAN_FORMAT.md §8), csv (one row per group), markdown. docs/rollups.md defines every number.

              acctplan rollup
              acctplan rollup --by manager --format csv > managers.csv
              acctplan rollup --since 2026-09-30 --format markdown
              acctplan rollup --trend quarterly --since 2025-01-01
            """, """
            每个有计划或有成员客户的行业和细分市场一组（用 --by 时按客户经理、区域或 ABU 分组：这些按字段分组，没有目标）。

            --since REV|DATE 加上此后的阶段变化和每组的变动（上升、下降、新增、删除）；DATE 指 HEAD 第一父提交历史中当天或之前的最后一个提交。DATE 早于历史开始（此时所有客户都是新增）或晚于最后一个提交时，在标准错误上给出警告；DATE 晚于统计日期（今天）是错误（退出码 2）。--trend monthly|quarterly（配合 --since DATE）从历史中为每个期末加上各阶段的客户数：客户随时间的 S 曲线。

            格式：text（默认）、json（PLAN_FORMAT.md §8）、csv（每组一行）、markdown。docs/rollups.md 定义了每个数字。

              acctplan rollup
              acctplan rollup --by manager --format csv > managers.csv
              acctplan rollup --since 2026-09-30 --format markdown
              acctplan rollup --trend quarterly --since 2025-01-01
            """)) }

    typealias Trend = RollupHistoryReader.Trend

    @Option(help: ArgumentHelp(UI.help("Group by industry, segment, manager, region or abu (default: industries and segments).", "按 industry、segment、manager、region 或 abu 分组（默认：行业和细分市场）。"), valueName: "dimension"))
    var by: Rollup.Dimension?

    @Option(help: ArgumentHelp(UI.help("A revision or a date (YYYY-MM-DD, not after --as-of): add the moves since then.", "版本或日期（YYYY-MM-DD，不晚于 --as-of）：加上此后的阶段变动。"),
                                valueName: "rev-or-date"))
    var since: String?

    @Option(help: ArgumentHelp(UI.help("monthly or quarterly: add a stage count per period end since --since.", "monthly 或 quarterly：加上自 --since 起每个期末的阶段统计。"), valueName: "period"))
    var trend: Trend?

    @Option(help: FormatChoice<RollupFormatList>.help)
    var format = FormatChoice<RollupFormatList>.first

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOption: AsOfOption

    func validate() throws {
        if trend != nil && since == nil { throw ValidationError("--trend needs --since DATE: where the trend starts") }
    }

    func run() throws {
        let asOf = try asOfOption.date()
        let result = try RollupService.rollup(workspace: workspaceOptions.workspace, at: sourceOptions.choice, by: by, since: since,
                                              trend: trend, asOf: asOf, progress: ProgressLine(), warn: Terminal.warn)
        Terminal.standardOutput(format.format.render(result.rollup, history: result.history, revision: result.revision?.description,
                                                     color: Terminal.useColor(), language: UI.language(workspace: result.language)))
    }
}

extension Rollup.Dimension: ExpressibleByArgument {}
extension RollupHistoryReader.Trend: ExpressibleByArgument {}
