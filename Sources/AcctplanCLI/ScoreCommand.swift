import ArgumentParser
import PlanReports
import PlanServices

/// `acctplan score`: each account's health score, explainable to the line.
struct ScoreCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "score",
        abstract: UI.help("Account health scores from 0 to 100, each point traced to a line of a plan.", "客户健康评分（0 到 100），每一分都能追溯到计划中的某一行。"),
        discussion: UI.discussion("""
            Five components (weights in acctplan.yml under health_score:, 100 in all): coverage 30 (a decision-maker, a sponsor, up to five stakeholders), relationship 15 (strong 1, medium 0.5), freshness 20 (reviewed within review_interval_days), actions 15 (open actions, none overdue), pipeline 20 (won this fiscal year + weighted open pipeline against revenue_target). Bands: green ≥ 70, amber ≥ 40, red below (health_score: bands:). docs/score.md defines every number.

            --explain lists each component's points and the plan lines they come from (path:line). --since REV|DATE adds each account's score then (read from git history, judged as of that day) and the change; a DATE means the last commit on HEAD's first-parent history made on or before that day. --trend monthly|quarterly adds the mean score and the accounts per band at each period end since then, each judged as of its day.

            Formats: text (default), json (evidence always included), csv (one row per account; with --explain, one row per line of evidence), markdown.

              acctplan score
              acctplan score shanghai-tobacco --explain
              acctplan score --since 2026-09-30 --format csv > health.csv
              acctplan score --since 2026-01-01 --trend monthly
            """, """
            五个组成部分（权重在 acctplan.yml 的 health_score: 下设置，合计 100）：coverage 30（一位决策者、一位发起人、最多五名干系人）、relationship 15（强 1、中 0.5）、freshness 20（在 review_interval_days 内评审过）、actions 15（有未完成的行动且均未逾期）、pipeline 20（本财年赢单 + 加权的未关闭商机，与 revenue_target 相比）。等级：绿色 ≥ 70，黄色 ≥ 40，其余为红色（health_score: bands:）。docs/score.md 定义了每个数字。

            --explain 列出每个组成部分的得分及其来源的计划行（path:line）。--since REV|DATE 加上每个客户当时的评分（从 git 历史读取，按当天判断）及其变化；DATE 指 HEAD 第一父提交历史中当天或之前的最后一个提交。--trend monthly|quarterly 加上此后每个期末的平均评分和各等级的客户数，各按当天判断。

            格式：text（默认）、json（总是包含依据）、csv（每个客户一行；加 --explain 时每条依据一行）、markdown。

              acctplan score
              acctplan score shanghai-tobacco --explain
              acctplan score --since 2026-09-30 --format csv > health.csv
              acctplan score --since 2026-01-01 --trend monthly
            """)) }

    @Argument(help: ArgumentHelp(UI.help("Account ids (file names without .md; default: every account).", "客户编号（去掉 .md 的文件名；默认：所有客户）。"), valueName: "account"))
    var accounts: [String] = []

    @Flag(help: ArgumentHelp(UI.help("Show each component's points and the plan lines they come from.", "显示各评分项的得分及其来自计划中的哪些行。")))
    var explain = false

    @Option(help: ArgumentHelp(UI.help("A revision or a date (YYYY-MM-DD, not after --as-of): add the score then and the change.", "版本或日期（YYYY-MM-DD，不晚于 --as-of）：加上当时的评分及变化。"),
                                valueName: "rev-or-date"))
    var since: String?

    @Option(help: ArgumentHelp(UI.help("monthly or quarterly: add the mean score and bands at each period end since --since.", "monthly 或 quarterly：加上自 --since 起每个期末的平均评分和档位。"),
                               valueName: "period"))
    var trend: RollupHistoryReader.Trend?

    @Option(help: FormatChoice<ScoreFormatList>.help)
    var format = FormatChoice<ScoreFormatList>.first

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOption: AsOfOption

    func validate() throws {
        if trend != nil && since == nil { throw ValidationError("--trend needs --since DATE: where the trend starts") }
    }

    func run() throws {
        let asOf = try asOfOption.date()
        let result = try ScoreService.score(workspace: workspaceOptions.workspace, at: sourceOptions.choice, accounts: accounts,
                                            since: since, trend: trend, asOf: asOf,
                                            withEvidence: format.format.showsEvidence(explain: explain), progress: ProgressLine(),
                                            warn: Terminal.warn)
        Terminal.standardOutput(format.format.render(result.report, explain: explain, color: Terminal.useColor(),
                                                     language: UI.language(workspace: result.language)))
    }
}

enum ScoreFormatList: FormatList {
    static var formats: [any ScoreFormat] { ScoreFormats.all }
    static func name(of format: any ScoreFormat) -> String { format.name }
}
