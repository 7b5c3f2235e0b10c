import PlanEngine
import PlanLocalization
import PlanModel

/// `acctplan score --format markdown`: a table of accounts (for a pull request or a wiki page);
/// `--explain` adds one table per account with each component's points and evidence.
extension ScoreReporter {
    /// Labels, reckonings and evidence in `language`; names, ids and values as written.
    public static func markdown(_ report: ScoreReport, explain: Bool, language: UILanguage = .en) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        func t(_ english: String, _ chinese: String) -> String { language == .en ? english : chinese }
        func band(_ band: ScoreBand) -> String { band.word(language) }
        let profile = report.profile
        var lines = [t("## Account health as of \(report.asOf)", "## 客户健康评分，截至 \(report.asOf)"), "",
                     t("Score out of 100; \(bands(profile)).", "满分 100；绿色 ≥ \(profile.green)，黄色 ≥ \(profile.amber)，其余为红色。"), ""]
        let since = report.then != nil
        lines.append(t("| Account | Score | Band |", "| 客户 | 评分 | 等级 |")
            + (since ? t(" Since \(report.sinceDate?.description ?? "") |", " 自 \(report.sinceDate?.description ?? "") 以来 |") : ""))
        lines.append("| --- | ---: | --- |" + (since ? " --- |" : ""))
        let ordered = report.scores.sorted { ($1.score, $0.accountID) < ($0.score, $1.accountID) }
        for score in ordered {
            var row = "| \(cell(score.name)) (`\(score.accountID)`) | \(score.score) | \(band(score.band)) |"
            if since {
                let before = report.then?[score.accountID].map { t(" (was \($0.score) \($0.band.rawValue))", "（之前 \($0.score) \(band($0.band))）") } ?? ""
                let change = report.change(score)
                row += " \(change == "new" ? t("new", "新增") : change ?? "")\(before) |"
            }
            lines.append(row)
        }
        lines += ["", language == .en ? summary(report.scores) : chineseSummary(report.scores)]
        if let trend = report.trend { lines += trendMarkdown(trend, language: language) }
        guard explain else { return lines.joined(separator: "\n") + "\n" }
        for score in ordered {
            lines += ["", "### \(cell(score.name))\(t(": ", "："))\(score.score)\(t(", ", "，"))\(band(score.band))", "",
                      t("| Component | Points | Evidence |", "| 组成部分 | 得分 | 依据 |"), "| --- | ---: | --- |"]
            for component in score.components {
                let evidence = component.evidence.map { "`\($0.path):\($0.line)` \(cell(Localizer.translate($0.message, to: language)))" }
                lines.append("| \(component.id.rawValue) | \(points(component.points))\(t(" of ", " / "))\(component.weight) | "
                    + ([cell(Localizer.translate(component.reckoning, to: language))] + evidence).joined(separator: "<br>") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
