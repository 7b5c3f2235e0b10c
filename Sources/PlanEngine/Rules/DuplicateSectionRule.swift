import PlanModel

/// Reported by the parser: a recognized section appears twice.
public struct DuplicateSectionRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .duplicateSection,
        summary: "A recognized section (Stakeholders, Installed base, Opportunities, Actions, Moments of truth) appears twice",
        rationale: "Readers and the tool would each take a different half of a split section; one section per subject keeps the plan whole.",
        defaultSeverity: .error, phase: .parse,
        valid: [
            RuleExample(RuleExample.acme + "## Actions\n\n- [ ] 2027-01-10 @li-you Call\n\n## Notes\n\n## Notes\n"),
        ],
        invalid: [
            RuleExample(RuleExample.acme + "## Actions\n\n- [ ] 2027-01-10 @li-you Call\n\n↓## 行动计划\n\n- [ ] 2027-01-11 @li-you Visit\n"),
        ])
}
