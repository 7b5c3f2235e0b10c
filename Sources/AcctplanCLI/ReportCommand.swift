import ArgumentParser
import Foundation
import PlanServices

/// `acctplan report`: the static HTML dashboard.
struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "report",
        abstract: UI.help("Write a static HTML dashboard of the rollups: totals, industries, segments, trend, pipeline, accounts.", "生成汇总的静态 HTML 仪表板：合计、行业、细分市场、趋势、商机管道、客户。"),
        discussion: UI.discussion("""
            Writes index.html (totals; a card per industry and segment with its stage distribution, targets against actuals and pipeline; the stage trend over time from git history; pipeline by close quarter; stale plans and overdue actions), a page per industry, segment and account, follow-ups.html and style.css. It needs no server and no network: open index.html in a browser, print it, or publish the folder (a CI artifact, GitHub Pages).

            The numbers are the rollup's (docs/rollups.md). The trend has one point per fiscal quarter end (or month end, with --trend monthly) from the first commit, or from --since, to the as-of date. --since REV|DATE also lists the accounts that moved since then.

            DIR is created when missing. A folder that is not empty is only written into when it holds an earlier report (a .acctplan-report file); its files are replaced.

              acctplan report --output report
              acctplan report --output report --since 2026-09-30
              acctplan report --output public --rev origin/main --as-of 2026-12-31
            """, """
            写入 index.html（合计；每个行业和细分市场一张卡片，含阶段分布、目标与实际、商机；来自 git 历史的阶段走势；按成交季度的商机；过期未评审的计划和逾期的行动）、每个行业、细分市场和客户一个页面、follow-ups.html 和 style.css。不需要服务器和网络：在浏览器中打开 index.html、打印，或发布整个文件夹（CI 构件、GitHub Pages）。

            数字与 rollup 相同（docs/rollups.md）。走势从第一个提交（或 --since）到统计日期，每个财季末一个点（--trend monthly 时每个月末一个点）。--since REV|DATE 还会列出此后阶段有变动的客户。

            DIR 不存在时会创建。非空文件夹只在其中有上一次的报告（.acctplan-report 文件）时才写入，其中的文件会被替换。

              acctplan report --output report
              acctplan report --output report --since 2026-09-30
              acctplan report --output public --rev origin/main --as-of 2026-12-31
            """)) }

    @Option(name: [.short, .long], help: ArgumentHelp(UI.help("The folder to write the report into (created when missing).", "写入报告的文件夹（不存在时创建）。"), valueName: "dir"))
    var output: String

    @Option(help: ArgumentHelp(UI.help("A revision or a date (YYYY-MM-DD): list the moves since then and start the trend there.", "版本或日期（YYYY-MM-DD）：列出此后的阶段变动，并从该处开始绘制趋势。"),
                               valueName: "rev-or-date"))
    var since: String?

    @Option(help: ArgumentHelp(UI.help("One point of the stage trend per fiscal quarter end or month end.", "阶段趋势在每个财季末或月末取一个点。"), valueName: "period"))
    var trend: RollupHistoryReader.Trend = .quarterly

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOption: AsOfOption

    func run() throws {
        let asOf = try asOfOption.date()
        let written = try ReportService.write(output: output, workspace: workspaceOptions.workspace, at: sourceOptions.choice,
                                              since: since, trend: trend, asOf: asOf, progress: ProgressLine(), warn: Terminal.warn,
                                              language: UI.language(workspace:))
        let index = URL(fileURLWithPath: output).appendingPathComponent("index.html").relativePath
        let kept = written.kept == 0 ? "" : written.language == .zhCN
            ? "（\(written.kept) 个客户页面与上次相同，保留未重写）" : " (\(written.kept) account pages unchanged since the last report, kept)"
        Terminal.standardOutput(written.language == .zhCN
            ? "已为 \(written.accounts) 个客户写入 \(written.files) 个文件\(kept)；请打开 \(index)\n"
            : "Wrote \(written.files) files for \(written.accounts) accounts\(kept); open \(index)\n")
    }
}
