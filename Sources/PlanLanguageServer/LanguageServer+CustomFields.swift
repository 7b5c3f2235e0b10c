import Foundation
import PlanModel

/// The workspace's own front-matter keys (`fields:` in `acctplan.yml`, PLAN_FORMAT.md §6): what
/// completion offers for them, by their declared type, and what each means.
extension LanguageServer {
    /// What a custom field's type accepts, for completion and hover, in English and Chinese.
    static func accepts(_ type: CustomFieldType) -> (english: String, chinese: String) {
        switch type {
        case .string: return ("text", "文本")
        case .integer: return ("a whole number, e.g. `1`", "整数，例如 `1`")
        case .number: return ("a number, e.g. `12.5`", "数字，例如 `12.5`")
        case .boolean: return ("`true` or `false`", "`true` 或 `false`")
        case .date: return ("a date, `YYYY-MM-DD`", "日期，格式为 `YYYY-MM-DD`")
        case .money: return ("an amount with its currency, e.g. `CNY 1.5M`", "带币种的金额，例如 `CNY 1.5M`")
        case .list: return ("a list, e.g. `[a, b]`", "列表，例如 `[a, b]`")
        }
    }

    /// The documentation of custom field `key`, in the workspace's language.
    func customFieldDocumentation(_ key: String, _ type: CustomFieldType) -> JSON {
        let accepts = Self.accepts(type)
        return ["kind": "markdown", "value": .string(say(
            "**\(key)** — custom field of type `\(type.rawValue)`, declared under `fields:` in acctplan.yml; accepts \(accepts.english).",
            "**\(key)** — 自定义字段，类型为 `\(type.rawValue)`，在 acctplan.yml 的 `fields:` 下声明；可填\(accepts.chinese)。"))]
    }

    /// The values completion offers for custom field `key`: both booleans; today's date (the
    /// lint date) as a snippet to edit; an amount in the workspace currency or a currency of
    /// `fx:`; for text and lists, the values other plans already give the field (so that one
    /// spelling wins); nothing for numbers, which no list could guess.
    func customFieldValues(_ key: String, _ type: CustomFieldType) -> [JSON] {
        let documentation = customFieldDocumentation(key, type)
        let detail = JSON.string("custom field (\(type.rawValue))")
        switch type {
        case .boolean:
            return ["true", "false"].map { ["label": .string($0), "kind": 20, "detail": detail, "documentation": documentation] }
        case .date:
            return [["label": .string(asOf.description), "kind": 12, "detail": "today",
                     "insertText": .string("${1:\(asOf.description)}"), "insertTextFormat": 2, "documentation": documentation]]
        case .money:
            let config = self.config
            return ([config.currency] + config.fx.keys.sorted()).enumerated().map { index, code in
                ["label": .string("\(code) …"), "kind": 12, "detail": detail, "filterText": .string(code),
                 "insertText": .string("\(code) ${1:amount}"), "insertTextFormat": 2,
                 "sortText": .string(String(format: "%03d", index)), "documentation": documentation]
            }
        case .string, .list:
            var uses: [String: Int] = [:]
            for plan in workspaceOnDisk()?.plans ?? [] {
                guard let value = plan.frontMatter.first(where: { $0.key == key })?.value else { continue }
                switch value {
                case .scalar(let text, _) where !text.isEmpty: uses[text, default: 0] += 1
                case .list(let items): for case .scalar(let text, _) in items where !text.isEmpty { uses[text, default: 0] += 1 }
                default: break
                }
            }
            return uses.keys.sorted().map { value in
                ["label": .string(value), "kind": 12, "detail": .string("used in \(uses[value]!) plan\(uses[value] == 1 ? "" : "s")"),
                 "documentation": documentation]
            }
        case .integer, .number:
            return []
        }
    }
}
