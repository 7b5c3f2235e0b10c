import PlanEngine
import PlanModel

/// `acctplan score --format csv`: one row per account, the points of each component (two
/// decimals) as columns, RFC 4180 like the rollup's CSV (CRLF line ends); with `--since`, the score and band then and the change.
extension ScoreReporter {
    public static func csv(_ report: ScoreReport) -> String {
        let components = HealthScoreProfile.Component.allCases.map(\.rawValue)
        var header = ["id", "path", "name", "score", "band"] + components
        if report.then != nil { header += ["since_score", "since_band", "change"] }
        var rows = [header.map(RollupReporter.csvField).joined(separator: ",")]
        for score in report.scores {
            var fields = [score.accountID, score.path, score.name, String(score.score), score.band.rawValue]
            fields += score.components.map { $0.points.roundedToCents.plainString }
            if let then = report.then {
                let before = then[score.accountID]
                fields += [before.map { String($0.score) } ?? "", before?.band.rawValue ?? "", report.change(score) ?? ""]
            }
            rows.append(fields.map(RollupReporter.csvField).joined(separator: ","))
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }
}
