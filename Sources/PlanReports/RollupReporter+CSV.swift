import Foundation
import PlanEngine
import PlanModel

/// `acctplan rollup --format csv`: one row per group, for a spreadsheet.
extension RollupReporter {
    public static func csv(_ rollup: Rollup) -> String {
        let hasMoves = rollup.groups.contains { $0.moved != nil }
        var header = ["dimension", "id", "name", "has_plan", "accounts"] + rollup.stages
        header += ["revenue_target", "revenue_planned", "revenue_gap", "pipeline_open", "pipeline_weighted", "pipeline_won",
                   "actions_open", "actions_overdue", "actions_done", "stale", "health_green", "health_yellow",
                   "health_red", "health_unset"]
        if hasMoves { header += ["moved_up", "moved_down", "moved_new", "moved_removed"] }
        // Added last (issue 15), so that a spreadsheet reading the earlier columns by position still works.
        header += ["score_mean", "score_green", "score_amber", "score_red"]
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
            row += [group.score.mean.map(\.plainString) ?? "", String(group.score.green), String(group.score.amber), String(group.score.red)]
            rows.append(row)
        }
        return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
