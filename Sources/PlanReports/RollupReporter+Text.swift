import Foundation
import PlanEngine
import PlanModel

/// `acctplan rollup` for people (text) and for a pull request or wiki (Markdown).
extension RollupReporter {
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

    /// A group's mean score, always with one decimal (`74.5`, `80.0`); `—` without accounts.
    static func meanScore(_ score: Rollup.ScoreSummary) -> String {
        guard let mean = score.mean else { return "—" }
        let text = mean.plainString
        return text.contains(".") ? text : text + ".0"
    }

    /// The count of accounts per band, green/amber/red (`4/2/0`).
    static func bands(_ score: Rollup.ScoreSummary) -> String { "\(score.green)/\(score.amber)/\(score.red)" }

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
            + left("overdue", 9) + left("stale", 7) + left("score", 7) + left("g/a/r", 9)) + "\n"
        for group in rollup.groups {
            let counts = group.stageCounts.map { left(String($0.count), 5) }.joined(separator: " ")
            output += pad("\(group.dimension.rawValue) \(group.id)", nameWidth) + "  " + left(String(group.accounts), 5) + "  "
                + bar(group.stageCounts) + "  " + counts + "  "
                + left(group.revenue.target.map(Format.amount) ?? "—", 14) + left(group.revenue.gap.map(Format.amount) ?? "—", 14)
                + left(Format.amount(group.pipeline.open), 16) + left(Format.amount(group.pipeline.weighted), 14)
                + left(String(group.actions.overdue), 9) + left(String(group.stale), 7)
                + left(meanScore(group.score), 7) + left(bands(group.score), 9)
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
            + left(String(total.actions.overdue), 9) + left(String(total.stale), 7)
            + left(meanScore(total.score), 7) + left(bands(total.score), 9)) + "\n"
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
            + " | revenue target | planned | gap | open pipeline | weighted | overdue actions | stale | mean score | green/amber/red |\n"
        output += "| --- | ---: | " + rollup.stages.map { _ in "---:" }.joined(separator: " | ")
            + " | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        for group in rollup.groups {
            output += "| \(group.dimension.rawValue) `\(cell(group.id))`\(group.hasPlan ? "" : " (no plan)") | \(group.accounts) | "
                + group.stageCounts.map { String($0.count) }.joined(separator: " | ") + " | "
                + [group.revenue.target.map(Format.amount) ?? "—", Format.amount(group.revenue.planned),
                   group.revenue.gap.map(Format.amount) ?? "—", Format.amount(group.pipeline.open),
                   Format.amount(group.pipeline.weighted), String(group.actions.overdue), String(group.stale),
                   meanScore(group.score), bands(group.score)].joined(separator: " | ")
                + " |\n"
        }
        output += "| **total** | \(rollup.total.accounts) | " + rollup.total.stageCounts.map { String($0.count) }.joined(separator: " | ")
            + " | | | | \(Format.amount(rollup.total.pipeline.open)) | \(Format.amount(rollup.total.pipeline.weighted)) | "
            + "\(rollup.total.actions.overdue) | \(rollup.total.stale) | \(meanScore(rollup.total.score)) | \(bands(rollup.total.score)) |\n"
        if let transitions = history?.transitions, !transitions.isEmpty {
            output += "\n**Lifecycle moves**\n\n"
            for transition in transitions {
                output += "- `\(transition.account)`: \(transition.fromLabel) → \(transition.toLabel)\n"
            }
        }
        return output
    }
}
