import Foundation
import PlanEngine
import PlanFormat
import PlanLocalization
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

    /// The labels in `language` (columns padded by display width: a Chinese character is two).
    public static func text(_ rollup: Rollup, history: History? = nil, color: Bool = false, language: UILanguage = .en) -> String {
        let style = TerminalStyle(enabled: color)
        func label(_ label: ReportLabel) -> String { label.text(language) }
        let english = language == .en
        var output = style.bold("\(label(.lifecycleRollupAsOf)) \(rollup.asOf)")
            + style.dim(english ? " (amounts in \(rollup.currency))" : "（金额单位：\(rollup.currency)）") + "\n"
        let symbols: [Character] = ["░", "▒", "▓", "█", "▚", "▞"]
        output += style.dim(label(.stages) + (english ? ": " : "：") + rollup.stages.enumerated().map { "\(symbols[$0.offset % symbols.count]) \($0.element)" }
            .joined(separator: "  ")) + "\n\n"
        let nameWidth = max(12, (rollup.groups.map { DisplayWidth.of(groupLabel($0, language)) }.max() ?? 0))
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) }
        func left(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text }
        output += style.dim(pad(label(.group), nameWidth) + (english ? "  accts  " : "  客户数 ") + pad(label(.stages), 20) + "  "
            + rollup.stages.map { left(String($0.prefix(5)), 5) }
            .joined(separator: " ") + "  " + left(label(.target), 14) + left(label(.gap), 14) + left(label(.openPipeline), 16)
            + left(label(.weighted), 14) + left(label(.overdue), 9) + left(label(.stale), 7) + left(label(.score), 7)
            + left(english ? "g/a/r" : label(.greenAmberRed), 9)) + "\n"
        for group in rollup.groups {
            let counts = group.stageCounts.map { left(String($0.count), 5) }.joined(separator: " ")
            output += pad(groupLabel(group, language), nameWidth) + "  " + left(String(group.accounts), 5) + "  "
                + bar(group.stageCounts) + "  " + counts + "  "
                + left(group.revenue.target.map(Format.amount) ?? "—", 14) + left(group.revenue.gap.map(Format.amount) ?? "—", 14)
                + left(Format.amount(group.pipeline.open), 16) + left(Format.amount(group.pipeline.weighted), 14)
                + left(String(group.actions.overdue), 9) + left(String(group.stale), 7)
                + left(meanScore(group.score), 7) + left(bands(group.score), 9)
            if let moved = group.moved {
                output += style.dim("  \(label(.moved)) ↑\(moved.up) ↓\(moved.down) +\(moved.new) −\(moved.removed)")
            }
            if lacksItsPlan(group) { output += style.yellow(english ? "  (no plan)" : "  （无计划）") }
            output += "\n"
        }
        let total = rollup.total
        output += style.bold(pad(label(.total), nameWidth) + "  " + left(String(total.accounts), 5) + "  " + bar(total.stageCounts) + "  "
            + total.stageCounts.map { left(String($0.count), 5) }.joined(separator: " ") + "  " + left("", 28)
            + left(Format.amount(total.pipeline.open), 16) + left(Format.amount(total.pipeline.weighted), 14)
            + left(String(total.actions.overdue), 9) + left(String(total.stale), 7)
            + left(meanScore(total.score), 7) + left(bands(total.score), 9)) + "\n"
        if let transitions = history?.transitions {
            output += "\n" + style.bold("\(label(.movesSince)) \(history?.sinceDate?.description ?? history?.sinceRevision.map { String($0.prefix(7)) } ?? label(.theStart))") + "\n"
            if transitions.isEmpty { output += "  \(label(.none))\n" }
            for transition in transitions {
                output += "  \(transition.account): \(transition.fromLabel(in: language)) → \(transition.toLabel(in: language))\n"
            }
        }
        if let trend = history?.trend {
            output += "\n" + style.bold(label(.stageTrend)) + "\n"
            for point in trend {
                output += "  \(point.date)  " + bar(point.stageCounts, width: 30) + "  "
                    + point.stageCounts.map { "\($0.stage) \($0.count)" }.joined(separator: ", ") + "\n"
            }
        }
        return output
    }

    public static func markdown(_ rollup: Rollup, history: History? = nil, language: UILanguage = .en) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        func label(_ label: ReportLabel) -> String { label.text(language) }
        var output = "### \(label(.lifecycleRollupAsOf)) \(rollup.asOf) (\(rollup.currency))\n\n"
        output += "| \(label(.group)) | \(label(.accounts)) | " + rollup.stages.joined(separator: " | ") + " | "
            + [ReportLabel.revenueTarget, .planned, .gap, .openPipeline, .weighted, .overdueActions, .stale, .meanScore, .greenAmberRed]
                .map(label).joined(separator: " | ") + " |\n"
        output += "| --- | ---: | " + rollup.stages.map { _ in "---:" }.joined(separator: " | ")
            + " | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        for group in rollup.groups {
            let name = group.dimension == .manager ? group.name.map { " " + cell($0) } ?? "" : ""
            output += "| \(ReportLabel.kind(group.dimension.rawValue, in: language)) `\(cell(group.id))`\(name)\(lacksItsPlan(group) ? " (\(label(.noPlan)))" : "") | \(group.accounts) | "
                + group.stageCounts.map { String($0.count) }.joined(separator: " | ") + " | "
                + [group.revenue.target.map(Format.amount) ?? "—", Format.amount(group.revenue.planned),
                   group.revenue.gap.map(Format.amount) ?? "—", Format.amount(group.pipeline.open),
                   Format.amount(group.pipeline.weighted), String(group.actions.overdue), String(group.stale),
                   meanScore(group.score), bands(group.score)].joined(separator: " | ")
                + " |\n"
        }
        output += "| **\(label(.total))** | \(rollup.total.accounts) | " + rollup.total.stageCounts.map { String($0.count) }.joined(separator: " | ")
            + " | | | | \(Format.amount(rollup.total.pipeline.open)) | \(Format.amount(rollup.total.pipeline.weighted)) | "
            + "\(rollup.total.actions.overdue) | \(rollup.total.stale) | \(meanScore(rollup.total.score)) | \(bands(rollup.total.score)) |\n"
        if let transitions = history?.transitions, !transitions.isEmpty {
            output += "\n**\(label(.lifecycleMoves))**\n\n"
            for transition in transitions {
                output += "- `\(transition.account)`: \(transition.fromLabel(in: language)) → \(transition.toLabel(in: language))\n"
            }
        }
        return output
    }

    /// A group's words in the text table: kind and id, and a manager's name from `people:`
    /// (docs/rollups.md promised it; only JSON and CSV had it).
    static func groupLabel(_ group: Rollup.Group, _ language: UILanguage) -> String {
        let name = group.dimension == .manager ? group.name.map { " (\($0))" } ?? "" : ""
        return "\(ReportLabel.kind(group.dimension.rawValue, in: language)) \(group.id)\(name)"
    }

    /// An industry or segment the accounts name that has no plan file: "(no plan)". Managers,
    /// regions and ABUs never have plan files, so they are never said to lack one.
    static func lacksItsPlan(_ group: Rollup.Group) -> Bool {
        !group.hasPlan && (group.dimension == .industry || group.dimension == .segment)
    }
}

extension RollupHistory.Transition {
    /// ``fromLabel`` in `language`: the stage, "(new)" or "(no stage)" / （新增）, （无阶段）.
    func fromLabel(in language: UILanguage) -> String {
        from ?? (existedThen ? ReportLabel.noStage : .newAccount).text(language)
    }

    /// ``toLabel`` in `language`: the stage, "(removed)" or "(no stage)" / （已删除）, （无阶段）.
    func toLabel(in language: UILanguage) -> String {
        to ?? (existsNow ? ReportLabel.noStage : .removedAccount).text(language)
    }
}
