import Foundation
import PlanEngine
import PlanLocalization
import PlanModel

/// The health score on the dashboard (docs/score.md): a group's mean and bands, an account's
/// score in the account tables, and on the account page every component with its evidence.
extension HTMLReport {
    /// "78 green" as a badge coloured by band.
    func scoreBadge(_ score: Int, _ band: ScoreBand) -> String {
        let kind = band == .green ? "good" : band == .amber ? "warn" : "bad"
        return "<span class=\"num\">\(score)</span> <span class=\"badge \(kind)\">\(band.word(language))</span>"
    }

    /// "mean 78.3 · 4 green · 1 amber · 0 red" for a group's card.
    func scoreSummary(_ score: Rollup.ScoreSummary) -> String {
        guard score.mean != nil else { return "—" }
        return "\(t("mean", "平均")) \(RollupReporter.meanScore(score)) · <span class=\"up\">\(score.green) \(t("green", "绿"))</span> · "
            + "<span class=\"warn\">\(score.amber) \(t("amber", "黄"))</span> · <span class=\"down\">\(score.red) \(t("red", "红"))</span>"
    }

    /// The account page's explained score: each component's points out of its weight, how they
    /// were reached, and the plan lines they come from (the same as `acctplan score --explain`).
    func scoreSection(_ plan: Plan) -> String {
        let score = HealthScore.compute(plan, config: workspace.config, asOf: rollup.asOf)
        let profile = workspace.config.healthScore
        var output = ""
        output.reserveCapacity(4096)
        output += "<section class=\"score\" id=\"health-score\"><h2>\(t("Health score: ", "健康评分："))\(scoreBadge(score.score, score.band))</h2>"
            + t("<p class=\"note\">Out of 100 as of \(rollup.asOf) (\(HTML.escape(ScoreReporter.bands(profile)))). "
                + "Every point comes from a line of <code>\(HTML.escape(plan.path))</code>; <code>acctplan score \(HTML.escape(plan.id)) "
                + "--explain</code> shows the same.</p>",
                "<p class=\"note\">满分 100，截至 \(rollup.asOf)（绿色 ≥ \(profile.green)，黄色 ≥ \(profile.amber)，其余为红色）。"
                + "每一分都来自 <code>\(HTML.escape(plan.path))</code> 中的某一行；<code>acctplan score \(HTML.escape(plan.id)) "
                + "--explain</code> 显示相同的内容。</p>")
        // The components' table, appended in place (10,000 pages each build one).
        var table = HTMLTable(&output, header: [t("Component", "组成部分"), t("Points", "得分"), t("How", "计算"), t("Evidence", "依据")],
                              numericColumns: [1])
        let (lineWord, lineSuffix, of) = (t("line", "第"), t("", " 行"), t(" of ", " / "))
        for component in score.components {
            table.startRow(&output)
            table.cell(&output, HTML.escape(component.id.rawValue))
            table.openCell(&output)
            output += ScoreReporter.points(component.points)
            output += of
            output += String(component.weight)
            table.closeCell(&output)
            table.cell(&output, HTML.escape(Localizer.translate(component.reckoning, to: language)))
            table.openCell(&output)
            if !component.evidence.isEmpty {
                output += "<ul class=\"items\">"
                for evidence in component.evidence {
                    output += "<li><code>"
                    output += lineWord
                    output += " "
                    output += String(evidence.line)
                    output += lineSuffix
                    output += "</code> "
                    output += HTML.escape(Localizer.translate(evidence.message, to: language))
                    output += "</li>"
                }
                output += "</ul>"
            }
            table.closeCell(&output)
            table.endRow(&output)
        }
        table.end(&output)
        return output + "</section>"
    }
}
