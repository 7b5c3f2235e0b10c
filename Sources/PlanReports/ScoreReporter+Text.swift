import Foundation
import PlanEngine
import PlanFormat
import PlanLocalization
import PlanModel

/// `acctplan score` (text): one line per account, best first; `--explain` adds each component's
/// points, how they were reached, and the plan lines they come from.
extension ScoreReporter {
    /// The labels, the components' reckonings and their evidence in `language` (values as written).
    public static func text(_ report: ScoreReport, explain: Bool, color: Bool, language: UILanguage = .en) -> String {
        let style = TerminalStyle(enabled: color)
        func t(_ english: String, _ chinese: String) -> String { language == .en ? english : chinese }
        func paint(_ band: ScoreBand, _ text: String) -> String {
            switch band {
            case .green: return style.green(text)
            case .amber: return style.yellow(text)
            case .red: return style.red(text)
            }
        }
        var lines = [style.bold(t("Account health as of \(report.asOf)", "客户健康评分，截至 \(report.asOf)"))
            + t(" (score out of 100; \(bands(report.profile)))",
                "（满分 100；绿色 ≥ \(report.profile.green)，黄色 ≥ \(report.profile.amber)，其余为红色）")]
        if let date = report.sinceDate {
            lines.append(t("Change since \(date)", "自 \(date) 以来的变化") + (report.sinceRevision.map { t(" (commit \($0.prefix(7)))", "（提交 \($0.prefix(7))）") }
                ?? t(" (before the history: every account is new)", "（早于历史记录：所有客户都是新增）")))
        }
        lines.append("")
        let ordered = report.scores.sorted { ($1.score, $0.accountID) < ($0.score, $1.accountID) }
        for score in ordered {
            let number = String(repeating: " ", count: max(0, 3 - String(score.score).count)) + String(score.score)
            let word = score.band.word(language)
            let band = word + String(repeating: " ", count: max(0, 5 - DisplayWidth.of(word)))
            var line = "  " + paint(score.band, "\(number)  \(band)") + "  \(score.name) (\(score.accountID))"
            if let change = report.change(score) {
                let before = report.then?[score.accountID].map { t(" (was \($0.score) \($0.band.rawValue))", "（之前 \($0.score) \($0.band.word(language))）") } ?? ""
                line += "  " + (change == "new" ? t("new since then", "此后新增") : change + before)
            }
            lines.append(line)
            guard explain else { continue }
            for component in score.components {
                let name = component.id.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                lines.append("       \(name) \(points(component.points))\(t(" of ", " / "))\(component.weight)  "
                    + style.dim(Localizer.translate(component.reckoning, to: language)))
                for evidence in component.evidence {
                    lines.append("         " + style.cyan("\(evidence.path):\(evidence.line)") + "  "
                        + Localizer.translate(evidence.message, to: language))
                }
            }
            lines.append("")
        }
        if !explain { lines.append("") }
        lines.append(language == .en ? summary(report.scores) : chineseSummary(report.scores))
        if !explain && !report.scores.isEmpty {
            lines.append(t("'acctplan score --explain' shows where every point comes from.", "“acctplan score --explain”会列出每一分的来源。"))
        }
        if let trend = report.trend { lines += trendText(trend, bold: style.bold, language: language) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "6 个客户：5 个绿色、1 个黄色、0 个红色；平均评分 78.3".
    static func chineseSummary(_ scores: [HealthScore]) -> String {
        let count: (ScoreBand) -> Int = { band in scores.filter { $0.band == band }.count }
        let total = scores.reduce(0) { $0 + $1.score }
        let mean = scores.isEmpty ? "–" : points(Decimal(total) / Decimal(scores.count))
        return "\(scores.count) 个客户：\(count(.green)) 个绿色、\(count(.amber)) 个黄色、\(count(.red)) 个红色；平均评分 \(mean)"
    }
}
