import PlanModel

/// A person id not declared under `people:` (checked only when `people:` is non-empty).
public struct UnknownPersonRule: LintRule {
    public init() {}
    static let people = "people:\n  li-you: {name: Li You}\n  wang-fang: {name: Wang Fang}\n"
    public let description = RuleDescription(
        id: .unknownPerson,
        summary: "A person id (manager, team, owner, @owner of an action or moment, stakeholder Owner) is not in `people:`",
        rationale: "Plans assign work to people; an id nobody has is work nobody does. Checked only when acctplan.yml lists people.",
        defaultSeverity: .warning,
        valid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nteam: [wang-fang]\nreviewed: 2026-11-01\n---\n",
                        files: ["acctplan.yml": UnknownPersonRule.people]),
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: anyone\nreviewed: 2026-11-01\n---\n"),
        ],
        invalid: [
            RuleExample("""
                ---
                name: Acme
                industry: tobacco
                stage: departmental
                manager: ↓li-yu
                reviewed: 2026-11-01
                ---
                ## Actions

                - [ ] 2027-01-10 ↓@zhang-wei Prepare the steering committee
                """, files: ["acctplan.yml": UnknownPersonRule.people]),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        let people = context.config.people
        guard !people.isEmpty else { return [] }
        var findings: [Finding] = []
        for plan in context.workspace.plans where plan.isReadable {
            var references: [(Located<String>, String)] = []
            if let manager = plan.header.manager { references.append((manager, "manager")) }
            if let owner = plan.header.owner { references.append((owner, "owner")) }
            references += plan.header.team.map { ($0, "team member") }
            references += plan.stakeholders.compactMap { person in person.owner.map { ($0, "stakeholder owner") } }
            references += plan.actions.compactMap { action in action.owner.map { ($0, "action owner") } }
            references += plan.moments.compactMap { moment in moment.person.map { ($0, "person") } }
            for (person, role) in references where people[person.value] == nil {
                let suggestion = ValueSyntax.closest(to: person.value, in: people.keys)
                findings.append(context.finding(
                    .unknownPerson, plan, at: person.location,
                    "\(role) '\(person.value)' is not in people:" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                    hint: suggestion == nil ? "add \(person.value) under people: in acctplan.yml" : nil))
            }
        }
        return findings
    }
}
