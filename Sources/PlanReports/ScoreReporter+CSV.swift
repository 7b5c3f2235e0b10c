import PlanEngine
import PlanModel

/// `acctplan score --format csv`: one row per account, the points of each component (two
/// decimals) as columns, RFC 4180 like the rollup's CSV (CRLF line ends); with `--since`, the score and band then and the change.
/// With `--explain`, one row per line of evidence instead (`explainedCSV`).
extension ScoreReporter {
    public static func csv(_ report: ScoreReport) -> String {
        let components = HealthScoreProfile.Component.allCases.map(\.rawValue)
        var header = ["id", "path", "name", "score", "band"] + components
        if report.then != nil { header += ["since_score", "since_band", "change"] }
        var rows = [header.map(RollupReporter.csvField).joined(separator: ",")]
        for score in report.scores {
            var fields = [score.accountID, score.path, score.name, String(score.score), score.band.rawValue]
            fields += score.components.map { $0.points.roundedToCents.plainString }
            rows.append((fields + sinceFields(score, report)).map(RollupReporter.csvField).joined(separator: ","))
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    /// `--explain --format csv`: what `--explain` shows, one row per line of evidence — the
    /// account, the component (its weight, points and reckoning repeated on each of its rows) and
    /// the plan line with what it says; a component without evidence has one row with the line
    /// and message empty. Messages in English, as in JSON, whatever the workspace language.
    public static func explainedCSV(_ report: ScoreReport) -> String {
        var header = ["id", "path", "name", "score", "band", "component", "weight", "points", "reckoning", "line", "message"]
        if report.then != nil { header += ["since_score", "since_band", "change"] }
        var rows = [header.map(RollupReporter.csvField).joined(separator: ",")]
        for score in report.scores {
            let account = [score.accountID, score.path, score.name, String(score.score), score.band.rawValue]
            let since = sinceFields(score, report)
            for component in score.components {
                let points = [component.id.rawValue, String(component.weight), component.points.roundedToCents.plainString, component.reckoning]
                let lines = component.evidence.isEmpty ? [["", ""]] : component.evidence.map { [String($0.line), $0.message] }
                for line in lines {
                    rows.append((account + points + line + since).map(RollupReporter.csvField).joined(separator: ","))
                }
            }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    /// With `--since`: the account's score and band then and the change ("new" and empty ones
    /// when it had no plan then); nothing without.
    static func sinceFields(_ score: HealthScore, _ report: ScoreReport) -> [String] {
        guard let then = report.then else { return [] }
        let before = then[score.accountID]
        return [before.map { String($0.score) } ?? "", before?.band.rawValue ?? "", report.change(score) ?? ""]
    }
}
