import Foundation
import PlanEngine
import PlanLocalization
import PlanModel

/// `acctplan diff --format markdown`: a pull-request comment.
extension DiffReporter {
    /// For a pull-request comment: lifecycle moves first, one block per plan.
    /// Headings, labels and sentences in `language`; values, ids and paths as written.
    public static func markdown(_ changes: [PlanChange], from: String, to: String, language: UILanguage = .en) -> String {
        let english = language == .en
        func label(_ label: ReportLabel) -> String { label.text(language) }
        func status(_ status: ChangeStatus) -> String {
            english ? status.rawValue : [.added: "新增", .removed: "删除", .modified: "修改", .renamed: "重命名"][status] ?? status.rawValue
        }
        guard !changes.isEmpty else {
            return english ? "**acctplan:** no plan changes between `\(from)` and `\(to)`.\n"
                : "**acctplan：**\(end(from)) 与 \(end(to)) 之间计划没有变化。\n"
        }
        let moves = changes.filter { $0.stageMove != nil && $0.status != .added && $0.status != .removed }
        var output = english ? "### acctplan: \(changes.count) plan\(changes.count == 1 ? "" : "s") changed (`\(from)` → `\(to)`)\n\n"
            : "### acctplan：\(changes.count) 个计划有变化（\(end(from)) → \(end(to))）\n\n"
        if !moves.isEmpty {
            output += "**\(label(.lifecycleMoves))**\n\n"
            for change in moves {
                if let move = change.stageMove {
                    output += "- `\(change.id)`: \(escape(show(move.from, field: "stage"))) → **\(escape(show(move.to, field: "stage")))**\n"
                }
            }
            output += "\n"
        }
        let ordered = moves + changes.filter { change in !moves.contains { $0.path == change.path } }
        for change in ordered {
            let kind = ReportLabel.kind(change.kind.rawValue, in: language)
            output += english ? "#### `\(change.id)` (\(kind), \(status(change.status)))\n\n" : "#### `\(change.id)`（\(kind)，\(status(change.status))）\n\n"
            if let old = change.oldPath {
                output += english ? "Moved from `\(old)` to `\(change.path)`.\n\n" : "从 `\(old)` 移到 `\(change.path)`。\n\n"
            }
            if let unreadable = change.unreadable {
                output += english ? "> ⚠️ \(unreadable.sentence.prefix(1).uppercased() + unreadable.sentence.dropFirst()); run `acctplan lint`.\n\n"
                    : "> ⚠️ \(Localizer.translate(unreadable.sentence, to: language))；请运行 `acctplan lint`。\n\n"
            }
            if change.status == .added || change.status == .removed {
                output += "\(label(change.status == .added ? .newPlan : .removedPlan))\(english ? " " : "")`\(change.path)`\(english ? "." : "。")\n\n"
                continue
            }
            if !change.fields.isEmpty || !change.sections.isEmpty {
                output += "| \(label(.what)) | \(label(.before)) | \(label(.after)) |\n| --- | --- | --- |\n"
                for field in change.fields {
                    output += "| \(escape(field.name)) | \(escape(show(field.from, field: field.name))) | \(escape(show(field.to, field: field.name))) |\n"
                }
                for section in change.sections {
                    for item in section.items {
                        let label = "\(DiffWords.section(section.id, in: language)) `\(escape(item.key))`"
                        switch item.status {
                        case .added: output += "| \(label) | — | \(ReportLabel.added.text(language)) |\n"
                        case .removed: output += "| \(label) | \(ReportLabel.removed.text(language)) | — |\n"
                        default:
                            for field in item.fields {
                                let before = show(field.from, field: field.name, language: language)
                                let after = show(field.to, field: field.name, language: language)
                                output += "| \(label) \(escape(field.name)) | \(escape(before)) | \(escape(after)) |\n"
                            }
                        }
                    }
                }
                output += "\n"
            }
            if change.proseChanged { output += proseMarkdown(change, language: language) }
        }
        return output
    }

    /// One end of the diff in a Chinese heading: the working tree and the index in Chinese
    /// (工作区, 暂存区), a revision as code (`HEAD (abc1234)`).
    static func end(_ text: String) -> String {
        switch text {
        case "working tree": "工作区"
        case "index": "暂存区"
        default: "`\(text)`"
        }
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\n": result += " "
            case "`": result += "'"
            default: result.append(character)
            }
        }
        return result
    }
}
