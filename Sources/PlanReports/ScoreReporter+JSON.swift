import PlanEngine
import PlanModel

/// `acctplan score --format json` (docs/score.md): `{"version": 1, "as_of", "accounts": [...]}`,
/// every component with its evidence; `since` on each account with `--since` (null when the
/// account had no plan then). Points are rounded half up to two decimals.
extension ScoreReporter {
    public static func json(_ report: ScoreReport) -> String {
        // Each account is serialized on its own and the texts joined: a tree of 10,000 accounts
        // with their evidence held at once cost 130 MB more at peak (docs/performance.md).
        var text = JSONValue.object([("version", .integer(1)), ("as_of", .string(report.asOf.description))]).serialized()
        text.removeLast()
        text += #","accounts":["#
        for (index, score) in report.scores.enumerated() {
            if index > 0 { text += "," }
            text += account(score, then: report.then).serialized()
        }
        text += "]"
        if let trend = report.trend { text += #","trend":"# + trendJSON(trend).serialized() }
        return text + "}\n"
    }

    static func account(_ score: HealthScore, then: [String: HealthScore]?) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(score.accountID)), ("path", .string(score.path)), ("name", .string(score.name)),
            ("score", .integer(score.score)), ("band", .string(score.band.rawValue)),
            ("components", .array(score.components.map { component in
                .object([
                    ("id", .string(component.id.rawValue)), ("weight", .integer(component.weight)),
                    ("points", .number(component.points.roundedToCents)),
                    ("evidence", .array(component.evidence.map {
                        .object([("path", .string($0.path)), ("line", .integer($0.line)), ("message", .string($0.message))])
                    })),
                ])
            })),
        ]
        if let then {
            members.append(("since", then[score.accountID].map {
                .object([("score", .integer($0.score)), ("band", .string($0.band.rawValue))])
            } ?? .null))
        }
        return .object(members)
    }
}
