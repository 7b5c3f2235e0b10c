import PlanEngine
import PlanModel

/// `acctplan score --format json` (docs/score.md): `{"version": 1, "as_of", "accounts": [...]}`,
/// every component with its evidence; `since` on each account with `--since` (null when the
/// account had no plan then). Points are rounded half up to two decimals.
extension ScoreReporter {
    public static func json(_ report: ScoreReport) -> String {
        let accounts: [JSONValue] = report.scores.map { score in
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
            if let then = report.then {
                members.append(("since", then[score.accountID].map {
                    .object([("score", .integer($0.score)), ("band", .string($0.band.rawValue))])
                } ?? .null))
            }
            return .object(members)
        }
        let object: JSONValue = .object([("version", .integer(1)), ("as_of", .string(report.asOf.description)),
                                         ("accounts", .array(accounts))])
        return object.serialized() + "\n"
    }
}
