import Foundation
import PlanEngine
import PlanLocalization
import PlanModel

/// `acctplan score --trend`: the mean score and bands at each period end, in each format but CSV
/// (one row per account has no place for them; JSON has them).
extension ScoreReporter {
    /// A bar of 20 cells for a mean score out of 100 ("█████████████████░░░").
    static func meanBar(_ summary: Rollup.ScoreSummary) -> String {
        guard let mean = summary.mean else { return String(repeating: "·", count: 20) }
        let filled = min(20, max(0, HealthScore.roundHalfUp(mean / 5)))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
    }

    static func trendText(_ trend: [ScoreReport.TrendPoint], bold: (String) -> String, language: UILanguage = .en) -> [String] {
        func t(_ english: String, _ chinese: String) -> String { language == .en ? english : chinese }
        var lines = ["", bold(t("Mean score trend", "平均评分走势"))]
        // A heading with nothing under it read as a failure (a newcomer trial).
        if trend.isEmpty { lines.append(t("  no period has ended in the range yet", "  该范围内还没有结束的期间")) }
        for point in trend {
            let summary = point.summary
            let counts = point.revision == nil ? t("before the history", "早于历史记录") : summary.count == 0 ? t("no account", "没有客户")
                : t("\(summary.green) green, \(summary.amber) amber, \(summary.red) red",
                    "\(summary.green) 个绿色、\(summary.amber) 个黄色、\(summary.red) 个红色")
            lines.append("  \(point.date)  \(meanBar(summary))  \(RollupReporter.meanScore(summary).padding(toLength: 5, withPad: " ", startingAt: 0))  \(counts)")
        }
        return lines
    }

    static func trendMarkdown(_ trend: [ScoreReport.TrendPoint], language: UILanguage = .en) -> [String] {
        let head = language == .en ? ["### Mean score trend", "| Period end | Mean score | Green | Amber | Red |"]
            : ["### 平均评分走势", "| 期末 | 平均评分 | 绿色 | 黄色 | 红色 |"]
        if trend.isEmpty {
            return ["", head[0], "", language == .en ? "No period has ended in the range yet." : "该范围内还没有结束的期间。"]
        }
        return ["", head[0], "", head[1], "| --- | ---: | ---: | ---: | ---: |"]
            + trend.map { "| \($0.date) | \(RollupReporter.meanScore($0.summary)) | \($0.summary.green) | \($0.summary.amber) | \($0.summary.red) |" }
    }

    static func trendJSON(_ trend: [ScoreReport.TrendPoint]) -> JSONValue {
        .array(trend.map { point in
            .object([("date", .string(point.date.description)), ("revision", .optional(point.revision)),
                     ("mean", point.summary.mean.map { .number($0) } ?? .null), ("green", .integer(point.summary.green)),
                     ("amber", .integer(point.summary.amber)), ("red", .integer(point.summary.red))])
        })
    }
}
