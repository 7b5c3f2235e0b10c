import Foundation
import PlanEngine
import PlanLocalization
import PlanModel

/// `acctplan diff` for people: each changed plan with its fields and items, in colour on a terminal.
extension DiffReporter {
    /// The header of each plan and the notes in `language`; field names, keys and values as written.
    public static func text(_ changes: [PlanChange], color: Bool = false, language: UILanguage = .en) -> String {
        let style = TerminalStyle(enabled: color)
        let english = language == .en
        var output = ""
        for change in changes {
            let status = english ? change.status.rawValue
                : [.added: "新增", .removed: "删除", .modified: "修改", .renamed: "重命名"][change.status] ?? change.status.rawValue
            var header = "\(change.path)\(english ? " (" : "（")\(ReportLabel.kind(change.kind.rawValue, in: language)) \(change.id)"
                + "\(english ? ", " : "，")\(status)"
            if let old = change.oldPath { header += english ? " from \(old)" : "，原为 \(old)" }
            output += style.bold(header + (english ? ")" : "）")) + "\n"
            if let unreadable = change.unreadable {
                output += "  " + style.red(english ? unreadable.sentence + "; run acctplan lint"
                                           : Localizer.translate(unreadable.sentence, to: language) + "；请运行 acctplan lint") + "\n"
            }
            for field in change.fields {
                output += "  \(field.name): \(style.red(show(field.from, field: field.name))) → \(style.green(show(field.to, field: field.name)))\n"
            }
            for section in change.sections {
                output += "  \(DiffWords.section(section.id, in: language))\(english ? ":" : "：")\n"
                for item in section.items {
                    switch item.status {
                    case .added:
                        output += "    " + style.green("+ \(item.key)") + details(item, language: language) + "\n"
                    case .removed:
                        output += "    " + style.red("- \(item.key)") + "\n"
                    default:
                        output += "    ~ \(item.key)\(english ? ": " : "：")" + item.fields.map { field in
                            // A ticked action reads "已完成" in Chinese, as in `log`; "done false → true" in English.
                            if !english, section.section == .actions, field.name == "done", case .bool(let done) = field.to {
                                return style.green(DiffWords.actionDone(done, in: language))
                            }
                            return "\(field.name) \(style.red(show(field.from, field: field.name, language: language))) → "
                                + style.green(show(field.to, field: field.name, language: language))
                        }.joined(separator: english ? ", " : "，") + "\n"
                    }
                }
            }
            if change.proseChanged { output += proseText(change, style: style, language: language) }
        }
        return output
    }

    private static func details(_ item: ItemChange, language: UILanguage) -> String {
        let values = item.fields.map { "\($0.name) \(show($0.to, field: $0.name, language: language))" }
        guard !values.isEmpty else { return "" }
        return language == .en ? " (" + values.joined(separator: ", ") + ")" : "（" + values.joined(separator: "，") + "）"
    }
}
