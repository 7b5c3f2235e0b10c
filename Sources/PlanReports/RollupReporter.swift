import Foundation
import PlanEngine
import PlanModel

/// Rollup outputs: JSON (PLAN_FORMAT.md §8 exactly), a text table with a stage bar per group,
/// CSV (RFC 4180, one row per group, stable columns) and Markdown.
public enum RollupReporter {
    /// History attached to a rollup by `--since` and `--trend`.
    public struct History: Sendable {
        public var sinceRevision: String?
        public var sinceDate: CalendarDate?
        public var transitions: [RollupHistory.Transition]?
        public var trend: [TrendPoint]?

        public init(sinceRevision: String? = nil, sinceDate: CalendarDate? = nil,
                    transitions: [RollupHistory.Transition]? = nil,
                    trend: [TrendPoint]? = nil) {
            self.sinceRevision = sinceRevision
            self.sinceDate = sinceDate
            self.transitions = transitions
            self.trend = trend
        }
    }

    /// One point of `--trend`: the stage counts at the end of a period, as of the commit read
    /// (nil when the period ends before the first commit).
    public struct TrendPoint: Sendable {
        public var date: CalendarDate
        public var revision: String?
        public var stageCounts: [(stage: String, count: Int)]

        public init(date: CalendarDate, revision: String?, stageCounts: [(stage: String, count: Int)]) {
            self.date = date
            self.revision = revision
            self.stageCounts = stageCounts
        }
    }

    // MARK: JSON

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

    // MARK: CSV

    public static func csv(_ rollup: Rollup) -> String {
        let hasMoves = rollup.groups.contains { $0.moved != nil }
        var header = ["dimension", "id", "name", "has_plan", "accounts"] + rollup.stages
        header += ["revenue_target", "revenue_planned", "revenue_gap", "pipeline_open", "pipeline_weighted", "pipeline_won",
                   "actions_open", "actions_overdue", "actions_done", "stale", "health_green", "health_yellow",
                   "health_red", "health_unset"]
        if hasMoves { header += ["moved_up", "moved_down", "moved_new", "moved_removed"] }
        var rows = [header]
        func amount(_ value: Decimal?) -> String { value.map { $0.roundedToCents.plainString } ?? "" }
        for group in rollup.groups {
            var row = [group.dimension.rawValue, group.id, group.name ?? "", group.hasPlan ? "true" : "false", String(group.accounts)]
            row += group.stageCounts.map { String($0.count) }
            let money: [String] = [amount(group.revenue.target), amount(group.revenue.planned), amount(group.revenue.gap),
                                   amount(group.pipeline.open), amount(group.pipeline.weighted), amount(group.pipeline.won)]
            let tallies: [Int] = [group.actions.open, group.actions.overdue, group.actions.done, group.stale,
                                  group.health.green, group.health.yellow, group.health.red, group.health.unset]
            row += money
            row += tallies.map { String($0) }
            if hasMoves {
                let moved = group.moved ?? Rollup.Moved()
                let movedFields: [String] = [String(moved.up), String(moved.down), String(moved.new), String(moved.removed)]
                row += movedFields
            }
            rows.append(row)
        }
        return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: Text and Markdown

    /// A bar of `width` cells split by stage count: one letter per stage (D, I, A, ...).
    static func bar(_ counts: [(stage: String, count: Int)], width: Int = 20) -> String {
        let total = counts.reduce(0) { $0 + $1.count }
        guard total > 0 else { return String(repeating: "·", count: width) }
        let symbols: [Character] = ["░", "▒", "▓", "█", "▚", "▞"]
        var cells = ""
        var used = 0
        for (index, entry) in counts.enumerated() {
            var share = Int((Double(entry.count) / Double(total) * Double(width)).rounded())
            if index == counts.count - 1 { share = width - used }
            share = max(0, min(share, width - used))
            cells += String(repeating: symbols[index % symbols.count], count: share)
            used += share
        }
        return cells
    }

    public static func text(_ rollup: Rollup, history: History? = nil, color: Bool = false) -> String {
        let style = TerminalStyle(enabled: color)
        var output = style.bold("Lifecycle rollup as of \(rollup.asOf)") + style.dim(" (amounts in \(rollup.currency))") + "\n"
        let symbols: [Character] = ["░", "▒", "▓", "█", "▚", "▞"]
        output += style.dim("stages: " + rollup.stages.enumerated().map { "\(symbols[$0.offset % symbols.count]) \($0.element)" }
            .joined(separator: "  ")) + "\n\n"
        let nameWidth = max(12, (rollup.groups.map { "\($0.dimension.rawValue) \($0.id)".count }.max() ?? 0))
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        func left(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        output += style.dim(pad("group", nameWidth) + "  accts  " + pad("stages", 20) + "  " + rollup.stages.map { left(String($0.prefix(5)), 5) }
            .joined(separator: " ") + "  " + left("target", 14) + left("gap", 14) + left("open pipeline", 16) + left("weighted", 14)
            + left("overdue", 9) + left("stale", 7)) + "\n"
        for group in rollup.groups {
            let counts = group.stageCounts.map { left(String($0.count), 5) }.joined(separator: " ")
            output += pad("\(group.dimension.rawValue) \(group.id)", nameWidth) + "  " + left(String(group.accounts), 5) + "  "
                + bar(group.stageCounts) + "  " + counts + "  "
                + left(group.revenue.target.map(Format.amount) ?? "—", 14) + left(group.revenue.gap.map(Format.amount) ?? "—", 14)
                + left(Format.amount(group.pipeline.open), 16) + left(Format.amount(group.pipeline.weighted), 14)
                + left(String(group.actions.overdue), 9) + left(String(group.stale), 7)
            if let moved = group.moved {
                output += style.dim("  moved ↑\(moved.up) ↓\(moved.down) +\(moved.new) −\(moved.removed)")
            }
            if !group.hasPlan { output += style.yellow("  (no plan)") }
            output += "\n"
        }
        let total = rollup.total
        output += style.bold(pad("total", nameWidth) + "  " + left(String(total.accounts), 5) + "  " + bar(total.stageCounts) + "  "
            + total.stageCounts.map { left(String($0.count), 5) }.joined(separator: " ") + "  " + left("", 28)
            + left(Format.amount(total.pipeline.open), 16) + left(Format.amount(total.pipeline.weighted), 14)
            + left(String(total.actions.overdue), 9) + left(String(total.stale), 7)) + "\n"
        if let transitions = history?.transitions {
            output += "\n" + style.bold("Moves since \(history?.sinceDate?.description ?? history?.sinceRevision.map { String($0.prefix(7)) } ?? "the start")") + "\n"
            if transitions.isEmpty { output += "  none\n" }
            for transition in transitions {
                output += "  \(transition.account): \(transition.fromLabel) → \(transition.toLabel)\n"
            }
        }
        if let trend = history?.trend {
            output += "\n" + style.bold("Stage trend") + "\n"
            for point in trend {
                output += "  \(point.date)  " + bar(point.stageCounts, width: 30) + "  "
                    + point.stageCounts.map { "\($0.stage) \($0.count)" }.joined(separator: ", ") + "\n"
            }
        }
        return output
    }

    public static func markdown(_ rollup: Rollup, history: History? = nil) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var output = "### Lifecycle rollup as of \(rollup.asOf) (\(rollup.currency))\n\n"
        output += "| group | accounts | " + rollup.stages.joined(separator: " | ")
            + " | revenue target | planned | gap | open pipeline | weighted | overdue actions | stale |\n"
        output += "| --- | ---: | " + rollup.stages.map { _ in "---:" }.joined(separator: " | ")
            + " | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        for group in rollup.groups {
            output += "| \(group.dimension.rawValue) `\(cell(group.id))`\(group.hasPlan ? "" : " (no plan)") | \(group.accounts) | "
                + group.stageCounts.map { String($0.count) }.joined(separator: " | ") + " | "
                + [group.revenue.target.map(Format.amount) ?? "—", Format.amount(group.revenue.planned),
                   group.revenue.gap.map(Format.amount) ?? "—", Format.amount(group.pipeline.open),
                   Format.amount(group.pipeline.weighted), String(group.actions.overdue), String(group.stale)].joined(separator: " | ")
                + " |\n"
        }
        output += "| **total** | \(rollup.total.accounts) | " + rollup.total.stageCounts.map { String($0.count) }.joined(separator: " | ")
            + " | | | | \(Format.amount(rollup.total.pipeline.open)) | \(Format.amount(rollup.total.pipeline.weighted)) | "
            + "\(rollup.total.actions.overdue) | \(rollup.total.stale) |\n"
        if let transitions = history?.transitions, !transitions.isEmpty {
            output += "\n**Lifecycle moves**\n\n"
            for transition in transitions {
                output += "- `\(transition.account)`: \(transition.fromLabel) → \(transition.toLabel)\n"
            }
        }
        return output
    }
}
