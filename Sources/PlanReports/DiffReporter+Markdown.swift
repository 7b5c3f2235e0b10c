import Foundation
import PlanEngine
import PlanModel

/// `acctplan diff --format markdown`: a pull-request comment.
extension DiffReporter {
    /// For a pull-request comment: lifecycle moves first, one block per plan.
    public static func markdown(_ changes: [PlanChange], from: String, to: String) -> String {
        guard !changes.isEmpty else { return "**acctplan:** no plan changes between `\(from)` and `\(to)`.\n" }
        let moves = changes.filter { $0.stageMove != nil && $0.status != .added && $0.status != .removed }
        var output = "### acctplan: \(changes.count) plan\(changes.count == 1 ? "" : "s") changed (`\(from)` → `\(to)`)\n\n"
        if !moves.isEmpty {
            output += "**Lifecycle moves**\n\n"
            for change in moves {
                if let move = change.stageMove {
                    output += "- `\(change.id)`: \(escape(show(move.from, field: "stage"))) → **\(escape(show(move.to, field: "stage")))**\n"
                }
            }
            output += "\n"
        }
        let ordered = moves + changes.filter { change in !moves.contains { $0.path == change.path } }
        for change in ordered {
            output += "#### `\(change.id)` (\(change.kind.rawValue), \(change.status.rawValue))\n\n"
            if let old = change.oldPath { output += "Moved from `\(old)` to `\(change.path)`.\n\n" }
            if let unreadable = change.unreadable {
                output += "> ⚠️ \(unreadable.sentence.prefix(1).uppercased() + unreadable.sentence.dropFirst()); run `acctplan lint`.\n\n"
            }
            if change.status == .added || change.status == .removed {
                output += "\(change.status == .added ? "New" : "Removed") plan `\(change.path)`.\n\n"
                continue
            }
            if !change.fields.isEmpty || !change.sections.isEmpty {
                output += "| what | before | after |\n| --- | --- | --- |\n"
                for field in change.fields {
                    output += "| \(escape(field.name)) | \(escape(show(field.from, field: field.name))) | \(escape(show(field.to, field: field.name))) |\n"
                }
                for section in change.sections {
                    for item in section.items {
                        let label = "\(section.id) `\(escape(item.key))`"
                        switch item.status {
                        case .added: output += "| \(label) | — | added |\n"
                        case .removed: output += "| \(label) | removed | — |\n"
                        default:
                            for field in item.fields {
                                output += "| \(label) \(escape(field.name)) | \(escape(show(field.from, field: field.name))) | \(escape(show(field.to, field: field.name))) |\n"
                            }
                        }
                    }
                }
                output += "\n"
            }
            if change.proseChanged { output += proseMarkdown(change) }
        }
        return output
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
