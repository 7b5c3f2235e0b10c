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
        let known = ClosestMatch(people.keys)
        var findings: [Finding] = []
        context.forEachPlan(readable: true) { plan in
            var suggestions = SuggestionBudget()
            func check(_ person: Located<String>?, _ role: String) {
                guard let person, people[person.value] == nil else { return }
                let suggestion = suggestions.closest(to: person.value, in: known)
                findings.append(context.finding(
                    .unknownPerson, plan, at: person.location,
                    "\(role) '\(person.value)' is not in people:" + ValueSyntax.didYouMean(suggestion),
                    hint: suggestion == nil ? "add \(person.value) under people: in acctplan.yml" : nil))
            }
            check(plan.header.manager, "manager")
            check(plan.header.owner, "owner")
            for member in plan.header.team { check(member, "team member") }
            for person in plan.stakeholders { check(person.owner, "stakeholder owner") }
            for action in plan.actions { check(action.owner, "action owner") }
            for moment in plan.moments { check(moment.person, "person") }
        }
        return findings
    }
}
