import Foundation
import PlanEngine
import PlanLocalization
import PlanModel

/// `acctplan show ID`: one plan as parsed, for people.
public enum PlanText {
    /// The labels in `language`; values (ids, stages, amounts, dates) as written.
    public static func render(_ plan: Plan, config: WorkspaceConfig, color: Bool = false, language: UILanguage = .en) -> String {
        let style = TerminalStyle(enabled: color)
        func label(_ label: ReportLabel) -> String { label.text(language) }
        let comma = language == .en ? ", " : "，"
        var output = style.bold(plan.title ?? plan.header.name?.value ?? plan.id) + "\n"
        output += style.dim("\(ReportLabel.kind(plan.kind.rawValue, in: language)) \(plan.id) · \(plan.path)") + "\n\n"
        let width = plan.frontMatter.map(\.key.count).max() ?? 0
        for entry in plan.frontMatter {
            output += "  " + entry.key.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            output += describe(entry.value) + "\n"
        }
        let currency = config.currency
        if !plan.stakeholders.isEmpty {
            output += "\n" + style.bold(label(.stakeholders)) + "\n"
            for person in plan.stakeholders {
                let parts = [person.title?.value, person.role?.value.rawValue, person.relationship.map { "\(label(.relationship)) \($0.value.rawValue)" },
                             person.owner.map { "\(label(.owner)) \($0.value)" },
                             person.reportsTo.map { "\(label(.reportsTo)) \($0.value)" }].compactMap { $0 }
                output += "  \(person.name?.value ?? "?")  \(style.dim(parts.joined(separator: comma)))\n"
            }
        }
        if !plan.installedBase.isEmpty {
            output += "\n" + style.bold(label(.installedBase)) + "\n"
            for product in plan.installedBase {
                let parts = [product.modules?.value, product.since.map { "\(label(.since)) \($0.value)" }, product.status?.value.rawValue,
                             product.offering.map { "\(label(.offering)) \($0.value)" }].compactMap { $0 }
                output += "  \(product.product?.value ?? "?")  \(style.dim(parts.joined(separator: comma)))\n"
            }
        }
        if !plan.opportunities.isEmpty {
            output += "\n" + style.bold(label(.opportunities))
                + style.dim(language == .en ? " (amounts in \(currency))" : "（金额单位：\(currency)）") + "\n"
            for opportunity in plan.opportunities {
                let amount = opportunity.convertedAmount(config).map(Format.amount) ?? "?"
                let probability = opportunity.effectiveProbability(config).map { "\($0.plainString)%" } ?? "?"
                let defaulted = opportunity.probability == nil ? (language == .en ? " (stage default)" : "（\(label(.stageDefault))）") : ""
                let weighted = opportunity.weightedAmount(config).map(Format.amount) ?? "?"
                output += "  \(opportunity.id?.value ?? "?")  \(opportunity.name?.value ?? "")  "
                output += "\(opportunity.stage?.value ?? "?")  \(amount) × \(probability)\(defaulted) = \(weighted)"
                output += "  \(label(.close)) \(opportunity.close?.value.description ?? "?")"
                output += opportunity.offering.map { "  \(label(.offering)) \($0.value)" } ?? ""
                output += "\n"
            }
        }
        if !plan.actions.isEmpty {
            output += "\n" + style.bold(label(.actions)) + "\n"
            for action in plan.actions {
                let due = action.due.map { " \($0.value)" } ?? ""
                let owner = action.owner.map { " @\($0.value)" } ?? ""
                output += "  [\(action.done ? "x" : " ")]\(due)\(owner) \(action.text)\n"
            }
        }
        if !plan.moments.isEmpty {
            output += "\n" + style.bold(label(.momentsOfTruth)) + "\n"
            for moment in plan.moments {
                let person = moment.person.map { " @\($0.value)" } ?? ""
                output += "  \(moment.date?.value.description ?? "?")\(person) \(moment.text)\n"
            }
        }
        for table in plan.schemaTables where !table.rows.isEmpty {
            guard let spec = config.schema.section(id: table.section), let key = spec.keyColumn else { continue }
            let heading = language == .zhCN ? spec.headings.first { !$0.allSatisfy(\.isASCII) } ?? spec.headings.first : spec.headings.first
            output += "\n" + style.bold(heading ?? spec.id) + "\n"
            for row in table.rows {
                let parts = spec.columns.filter { $0.id != key }.compactMap { column in row.cells[column.id].map { "\(column.id) \($0.value)" } }
                output += "  \(row.cells[key]?.value ?? "?")  \(style.dim(parts.joined(separator: comma)))\n"
            }
        }
        let prose = plan.sections.filter { !$0.isRecognized }.map(\.heading)
        if !prose.isEmpty { output += "\n" + style.dim(label(.otherSections) + (language == .en ? ": " : "：") + prose.joined(separator: comma)) + "\n" }
        return output
    }

    /// A front-matter value as one line: lists joined with commas, mappings as `key: value`.
    static func describe(_ value: FrontMatterValue) -> String {
        switch value {
        case .null: return "—"
        case .scalar(let text, _): return text
        case .list(let items): return items.map(describe).joined(separator: ", ")
        case .mapping(let entries): return entries.map { "\($0.key): \(describe($0.value))" }.joined(separator: "; ")
        }
    }
}
