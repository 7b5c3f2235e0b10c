import Foundation
import PlanEngine
import PlanModel

/// `acctplan rollup --format json`.
extension RollupReporter {
    static func counts(_ counts: [(stage: String, count: Int)]) -> JSONValue {
        .object(counts.map { ($0.stage, .integer($0.count)) })
    }

    static func pipeline(_ money: Rollup.PipelineAmounts) -> JSONValue {
        .object([("open", .amount(money.open)), ("weighted", .amount(money.weighted)), ("won", .amount(money.won))])
    }

    static func actions(_ actions: Rollup.Actions) -> JSONValue {
        .object([("open", .integer(actions.open)), ("overdue", .integer(actions.overdue)), ("done", .integer(actions.done))])
    }

    static func health(_ health: Rollup.HealthCounts) -> JSONValue {
        .object([("green", .integer(health.green)), ("yellow", .integer(health.yellow)), ("red", .integer(health.red)),
                 ("unset", .integer(health.unset))])
    }

    /// The health scores: mean (one decimal, null without accounts) and the count per band.
    static func score(_ score: Rollup.ScoreSummary) -> JSONValue {
        .object([("mean", score.mean.map { .number($0) } ?? .null), ("green", .integer(score.green)),
                 ("amber", .integer(score.amber)), ("red", .integer(score.red))])
    }

    public static func json(_ rollup: Rollup, revision: String?, history: History? = nil) -> String {
        var members: [(String, JSONValue)] = [
            ("version", .integer(1)),
            ("as_of", .string(rollup.asOf.description)),
            ("revision", .optional(revision)),
            ("currency", .string(rollup.currency)),
            ("stages", .array(rollup.stages.map { .string($0) })),
            ("groups", .array(rollup.groups.map { group in
                var object: [(String, JSONValue)] = [
                    ("dimension", .string(group.dimension.rawValue)), ("id", .string(group.id)),
                    ("name", .optional(group.name)), ("has_plan", .bool(group.hasPlan)), ("accounts", .integer(group.accounts)),
                    ("stage_counts", counts(group.stageCounts)),
                    ("stage_targets", .object(group.stageTargets.map {
                        ($0.stage, .object([("target", .integer($0.target)), ("actual", .integer($0.actual))]))
                    })),
                    ("revenue", .object([("target", .amount(group.revenue.target)), ("planned", .amount(group.revenue.planned)),
                                         ("gap", .amount(group.revenue.gap))])),
                    ("pipeline", pipeline(group.pipeline)),
                    ("actions", actions(group.actions)),
                    ("stale", .integer(group.stale)),
                    ("health", health(group.health)),
                    ("score", score(group.score)),
                ]
                if let moved = group.moved {
                    object.append(("moved", .object([("up", .integer(moved.up)), ("down", .integer(moved.down)),
                                                     ("new", .integer(moved.new)), ("removed", .integer(moved.removed))])))
                }
                return .object(object)
            })),
            ("total", .object([
                ("accounts", .integer(rollup.total.accounts)), ("stage_counts", counts(rollup.total.stageCounts)),
                ("pipeline", pipeline(rollup.total.pipeline)), ("actions", actions(rollup.total.actions)),
                ("stale", .integer(rollup.total.stale)), ("health", health(rollup.total.health)),
                ("score", score(rollup.total.score)),
            ])),
        ]
        if let history {
            if history.transitions != nil || history.sinceRevision != nil || history.sinceDate != nil {
                members.append(("since", .object([("revision", .optional(history.sinceRevision)),
                                                  ("date", .optional(history.sinceDate?.description))])))
            }
            if let transitions = history.transitions {
                members.append(("transitions", .array(transitions.map {
                    .object([("account", .string($0.account)), ("from", .optional($0.from)), ("to", .optional($0.to))])
                })))
            }
            if let trend = history.trend {
                members.append(("trend", .array(trend.map {
                    .object([("date", .string($0.date.description)), ("revision", .optional($0.revision)),
                             ("stage_counts", counts($0.stageCounts))])
                })))
            }
        }
        return JSONValue.object(members).serialized() + "\n"
    }
}
