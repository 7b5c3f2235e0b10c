import Foundation
import PlanEngine
import PlanModel

/// `acctplan show ID`: one plan as parsed, for people.
public enum PlanText {
    public static func render(_ plan: Plan, config: WorkspaceConfig, color: Bool = false) -> String {
        let style = TerminalStyle(enabled: color)
        var output = style.bold(plan.title ?? plan.header.name?.value ?? plan.id) + "\n"
        output += style.dim("\(plan.kind.rawValue) \(plan.id) · \(plan.path)") + "\n\n"
        let width = plan.frontMatter.map(\.key.count).max() ?? 0
        for entry in plan.frontMatter {
            output += "  " + entry.key.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            output += describe(entry.value) + "\n"
        }
        let currency = config.currency
        if !plan.stakeholders.isEmpty {
            output += "\n" + style.bold("Stakeholders") + "\n"
            for person in plan.stakeholders {
                let parts = [person.title?.value, person.role?.value.rawValue, person.relationship.map { "relationship \($0.value.rawValue)" },
                             person.owner.map { "owner \($0.value)" }, person.reportsTo.map { "reports to \($0.value)" }].compactMap { $0 }
                output += "  \(person.name?.value ?? "?")  \(style.dim(parts.joined(separator: ", ")))\n"
            }
        }
        if !plan.installedBase.isEmpty {
            output += "\n" + style.bold("Installed base") + "\n"
            for product in plan.installedBase {
                let parts = [product.modules?.value, product.since.map { "since \($0.value)" }, product.status?.value.rawValue,
                             product.offering.map { "offering \($0.value)" }].compactMap { $0 }
                output += "  \(product.product?.value ?? "?")  \(style.dim(parts.joined(separator: ", ")))\n"
            }
        }
        if !plan.opportunities.isEmpty {
            output += "\n" + style.bold("Opportunities") + style.dim(" (amounts in \(currency))") + "\n"
            for opportunity in plan.opportunities {
                let amount = opportunity.convertedAmount(config).map(Format.amount) ?? "?"
                let probability = opportunity.effectiveProbability(config).map { "\($0.plainString)%" } ?? "?"
                let defaulted = opportunity.probability == nil ? " (stage default)" : ""
                let weighted = opportunity.weightedAmount(config).map(Format.amount) ?? "?"
                output += "  \(opportunity.id?.value ?? "?")  \(opportunity.name?.value ?? "")  "
                output += "\(opportunity.stage?.value ?? "?")  \(amount) × \(probability)\(defaulted) = \(weighted)"
                output += "  close \(opportunity.close?.value.description ?? "?")"
                output += opportunity.offering.map { "  offering \($0.value)" } ?? ""
                output += "\n"
            }
        }
        if !plan.actions.isEmpty {
            output += "\n" + style.bold("Actions") + "\n"
            for action in plan.actions {
                let due = action.due.map { " \($0.value)" } ?? ""
                let owner = action.owner.map { " @\($0.value)" } ?? ""
                output += "  [\(action.done ? "x" : " ")]\(due)\(owner) \(action.text)\n"
            }
        }
        if !plan.moments.isEmpty {
            output += "\n" + style.bold("Moments of truth") + "\n"
            for moment in plan.moments {
                let person = moment.person.map { " @\($0.value)" } ?? ""
                output += "  \(moment.date?.value.description ?? "?")\(person) \(moment.text)\n"
            }
        }
        for table in plan.schemaTables where !table.rows.isEmpty {
            guard let spec = config.schema.section(id: table.section), let key = spec.keyColumn else { continue }
            output += "\n" + style.bold(spec.headings.first ?? spec.id) + "\n"
            for row in table.rows {
                let parts = spec.columns.filter { $0.id != key }.compactMap { column in row.cells[column.id].map { "\(column.id) \($0.value)" } }
                output += "  \(row.cells[key]?.value ?? "?")  \(style.dim(parts.joined(separator: ", ")))\n"
            }
        }
        let prose = plan.sections.filter { !$0.isRecognized }.map(\.heading)
        if !prose.isEmpty { output += "\n" + style.dim("Other sections: " + prose.joined(separator: ", ")) + "\n" }
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
