import Foundation
import PlanEngine
import PlanModel

/// `acctplan diff` for people: each changed plan with its fields and items, in colour on a terminal.
extension DiffReporter {
    public static func text(_ changes: [PlanChange], color: Bool = false) -> String {
        let style = TerminalStyle(enabled: color)
        var output = ""
        for change in changes {
            var header = "\(change.path) (\(change.kind.rawValue) \(change.id), \(change.status.rawValue)"
            if let old = change.oldPath { header += " from \(old)" }
            output += style.bold(header + ")") + "\n"
            if let unreadable = change.unreadable {
                output += "  " + style.red(unreadable.sentence + "; run acctplan lint") + "\n"
            }
            for field in change.fields {
                output += "  \(field.name): \(style.red(show(field.from, field: field.name))) → \(style.green(show(field.to, field: field.name)))\n"
            }
            for section in change.sections {
                output += "  \(section.id):\n"
                for item in section.items {
                    switch item.status {
                    case .added:
                        output += "    " + style.green("+ \(item.key)") + details(item) + "\n"
                    case .removed:
                        output += "    " + style.red("- \(item.key)") + "\n"
                    default:
                        output += "    ~ \(item.key): " + item.fields.map { field in
                            "\(field.name) \(style.red(show(field.from, field: field.name))) → \(style.green(show(field.to, field: field.name)))"
                        }.joined(separator: ", ") + "\n"
                    }
                }
            }
            if change.proseChanged { output += proseText(change, style: style) }
        }
        return output
    }

    private static func details(_ item: ItemChange) -> String {
        let values = item.fields.map { "\($0.name) \(show($0.to, field: $0.name))" }
        return values.isEmpty ? "" : " (" + values.joined(separator: ", ") + ")"
    }
}
