import PlanEngine
import PlanModel

/// `acctplan score` (text): one line per account, best first; `--explain` adds each component's
/// points, how they were reached, and the plan lines they come from.
extension ScoreReporter {
    public static func text(_ report: ScoreReport, explain: Bool, color: Bool) -> String {
        let style = TerminalStyle(enabled: color)
        func paint(_ band: ScoreBand, _ text: String) -> String {
            switch band {
            case .green: return style.green(text)
            case .amber: return style.yellow(text)
            case .red: return style.red(text)
            }
        }
        var lines = [style.bold("Account health as of \(report.asOf)") + " (score out of 100; \(bands(report.profile)))"]
        if let date = report.sinceDate {
            lines.append("Change since \(date)" + (report.sinceRevision.map { " (commit \($0.prefix(7)))" } ?? " (before the history: every account is new)"))
        }
        lines.append("")
        let ordered = report.scores.sorted { ($1.score, $0.accountID) < ($0.score, $1.accountID) }
        for score in ordered {
            let number = String(repeating: " ", count: max(0, 3 - String(score.score).count)) + String(score.score)
            let band = score.band.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)
            var line = "  " + paint(score.band, "\(number)  \(band)") + "  \(score.name) (\(score.accountID))"
            if let change = report.change(score) {
                let before = report.then?[score.accountID].map { " (was \($0.score) \($0.band.rawValue))" } ?? ""
                line += "  " + (change == "new" ? "new since then" : change + before)
            }
            lines.append(line)
            guard explain else { continue }
            for component in score.components {
                let name = component.id.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                lines.append("       \(name) \(points(component.points)) of \(component.weight)  " + style.dim(component.reckoning))
                for evidence in component.evidence {
                    lines.append("         " + style.cyan("\(evidence.path):\(evidence.line)") + "  \(evidence.message)")
                }
            }
            lines.append("")
        }
        if !explain { lines.append("") }
        lines.append(summary(report.scores))
        if !explain && !report.scores.isEmpty { lines.append("'acctplan score --explain' shows where every point comes from.") }
        if let trend = report.trend { lines += trendText(trend, bold: style.bold) }
        return lines.joined(separator: "\n") + "\n"
    }
}
