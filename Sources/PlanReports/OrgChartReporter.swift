import PlanEngine
import PlanLocalization
import PlanModel

/// `acctplan show ID --map`: the customer's organisation from the Stakeholders table's Reports to
/// column — an indented tree (text), a Mermaid flowchart (GitHub draws it in a comment), or JSON —
/// with the coverage gaps called out: no sponsor, a decision-maker without a good relationship.
public enum OrgChartReporter {
    /// The coverage gaps of a plan's stakeholders, in words.
    public static func gaps(_ plan: Plan) -> [String] {
        var gaps: [String] = []
        if !plan.stakeholders.contains(where: { $0.role?.value == .sponsor }) { gaps.append("no sponsor") }
        if !plan.stakeholders.contains(where: { $0.role?.value == .decisionMaker }) { gaps.append("no decision-maker") }
        for person in plan.stakeholders where person.role?.value == .decisionMaker {
            let relationship = person.relationship?.value
            if relationship == nil || relationship == .weak || relationship == Relationship.none {
                gaps.append("decision-maker \(person.name?.value ?? "?") has a \(relationship?.rawValue ?? "unknown") relationship")
            }
        }
        return gaps
    }

    static func describe(_ person: Stakeholder, language: UILanguage = .en) -> String {
        [person.title?.value, person.role?.value.rawValue,
         person.relationship.map { (language == .en ? "relationship " : "关系 ") + $0.value.rawValue }]
            .compactMap { $0 }.joined(separator: " · ")
    }

    /// Words in `language`; names, titles, roles and relationships as written.
    public static func text(_ plan: Plan, color: Bool, language: UILanguage = .en) -> String {
        let style = TerminalStyle(enabled: color)
        func t(_ english: String, _ chinese: String) -> String { language == .en ? english : chinese }
        let chart = OrgChart(plan.stakeholders)
        let people = plan.stakeholders
        var output = style.bold("\(plan.header.name?.value ?? plan.id)\(t(": organisation", "：组织架构"))")
            + t(" (\(plan.path))", "（\(plan.path)）") + "\n"
        guard !people.isEmpty else { return output + t("  no stakeholders\n", "  没有干系人\n") }
        func line(_ index: Int, prefix: String, branch: String) {
            let person = people[index]
            var note = ""
            if chart.unknown.contains(index), let written = person.reportsTo?.value {
                note = style.yellow(t("  (reports to '\(written)': no such stakeholder)", "  （汇报对象“\(written)”：没有这位干系人）"))
            }
            if let cycle = chart.cycles.first(where: { $0.contains(index) }), cycle.first == index {
                let round = (cycle + [cycle[0]]).map { people[$0].name?.value ?? "?" }.joined(separator: " → ")
                note = style.red(t("  (Reports to goes round: \(round))", "  （汇报对象形成循环：\(round)）"))
            }
            let key = person.role?.value == .decisionMaker || person.role?.value == .sponsor
            let name = person.name?.value ?? "?"
            output += prefix + branch + (key ? style.bold(name) : name) + "  " + style.dim(describe(person, language: language)) + note + "\n"
            let reports = chart.reports(of: index)
            let childPrefix = prefix + (branch == "├── " ? "│   " : branch.isEmpty ? "" : "    ")
            for (position, child) in reports.enumerated() {
                line(child, prefix: childPrefix, branch: position == reports.count - 1 ? "└── " : "├── ")
            }
        }
        for root in chart.roots { line(root, prefix: "  ", branch: "") }
        let gaps = gaps(plan)
        if !gaps.isEmpty {
            output += "\n" + gaps.map { "  " + style.yellow(t("gap:", "缺口：")) + t(" ", "") + Localizer.translate($0, to: language) + "\n" }.joined()
        }
        return output
    }

    /// A Mermaid flowchart, top down; nodes coloured by relationship, decision-makers and
    /// sponsors marked with ★; gaps as a note node.
    public static func mermaid(_ plan: Plan, language: UILanguage = .en) -> String {
        let chart = OrgChart(plan.stakeholders)
        let people = plan.stakeholders
        func label(_ text: String) -> String {
            text.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "<", with: "#lt;").replacingOccurrences(of: ">", with: "#gt;")
        }
        var lines = ["flowchart TD"]
        for (index, person) in people.enumerated() {
            let key = person.role?.value == .decisionMaker || person.role?.value == .sponsor
            let title = (key ? "★ " : "") + (person.name?.value ?? "?")
            let details = [person.title?.value, person.role?.value.rawValue].compactMap { $0 }.joined(separator: " · ")
            let kind = "rel_" + (person.relationship?.value.rawValue ?? "unknown")
            lines.append("  s\(index)[\"\(label(title))" + (details.isEmpty ? "" : "<br/>\(label(details))") + "\"]:::\(kind)")
        }
        for (index, manager) in chart.manager.enumerated() {
            if let manager { lines.append("  s\(manager) --> s\(index)") }
        }
        for cycle in chart.cycles {
            for (position, node) in cycle.enumerated() {
                lines.append("  s\(node) -. \(language == .en ? "reports to" : "汇报给") .-> s\(cycle[(position + 1) % cycle.count])")
            }
        }
        let gaps = gaps(plan)
        if !gaps.isEmpty {
            let text = language == .en ? "Gaps: " + gaps.joined(separator: "; ")
                : "缺口：" + gaps.map { Localizer.translate($0, to: language) }.joined(separator: "；")
            lines.append("  gaps[\"" + label(text) + "\"]:::gap")
        }
        lines += [
            "  classDef rel_strong fill:#d3f9d8,stroke:#2b8a3e",
            "  classDef rel_medium fill:#fff3bf,stroke:#e67700",
            "  classDef rel_weak fill:#ffe3e3,stroke:#c92a2a",
            "  classDef rel_none fill:#f1f3f5,stroke:#868e96",
            "  classDef rel_unknown fill:#f1f3f5,stroke:#868e96,stroke-dasharray:3",
            "  classDef gap fill:#fff,stroke:#c92a2a,color:#c92a2a",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"version": 1, "account", "path", "roots": [node...], "gaps": [...]}`, a node being
    /// `{"name", "title", "role", "relationship", "line", "reports": [node...]}`.
    public static func json(_ plan: Plan) -> String {
        let chart = OrgChart(plan.stakeholders)
        let people = plan.stakeholders
        func node(_ index: Int) -> JSONValue {
            let person = people[index]
            return .object([
                ("name", .optional(person.name?.value)), ("title", .optional(person.title?.value)),
                ("role", .optional(person.role?.value.rawValue)), ("relationship", .optional(person.relationship?.value.rawValue)),
                ("line", .integer(person.location.line)), ("reports", .array(chart.reports(of: index).map(node))),
            ])
        }
        return JSONValue.object([
            ("version", .integer(1)), ("account", .string(plan.id)), ("path", .string(plan.path)),
            ("roots", .array(chart.roots.map(node))), ("gaps", .array(gaps(plan).map { .string($0) })),
        ]).serialized(pretty: true) + "\n"
    }
}
