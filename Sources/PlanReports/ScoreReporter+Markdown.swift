import PlanEngine
import PlanModel

/// `acctplan score --format markdown`: a table of accounts (for a pull request or a wiki page);
/// `--explain` adds one table per account with each component's points and evidence.
extension ScoreReporter {
    public static func markdown(_ report: ScoreReport, explain: Bool) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["## Account health as of \(report.asOf)", "", "Score out of 100; \(bands(report.profile)).", ""]
        let since = report.then != nil
        lines.append("| Account | Score | Band |" + (since ? " Since \(report.sinceDate?.description ?? "") |" : ""))
        lines.append("| --- | ---: | --- |" + (since ? " --- |" : ""))
        let ordered = report.scores.sorted { ($1.score, $0.accountID) < ($0.score, $1.accountID) }
        for score in ordered {
            var row = "| \(cell(score.name)) (`\(score.accountID)`) | \(score.score) | \(score.band.rawValue) |"
            if since {
                let before = report.then?[score.accountID].map { " (was \($0.score) \($0.band.rawValue))" } ?? ""
                row += " \(report.change(score) ?? "")\(before) |"
            }
            lines.append(row)
        }
        lines += ["", summary(report.scores)]
        if let trend = report.trend { lines += trendMarkdown(trend) }
        guard explain else { return lines.joined(separator: "\n") + "\n" }
        for score in ordered {
            lines += ["", "### \(cell(score.name)): \(score.score), \(score.band.rawValue)", "",
                      "| Component | Points | Evidence |", "| --- | ---: | --- |"]
            for component in score.components {
                let evidence = component.evidence.map { "`\($0.path):\($0.line)` \(cell($0.message))" }
                lines.append("| \(component.id.rawValue) | \(points(component.points)) of \(component.weight) | "
                    + ([cell(component.reckoning)] + evidence).joined(separator: "<br>") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
