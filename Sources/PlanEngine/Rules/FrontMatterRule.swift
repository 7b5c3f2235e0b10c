import PlanModel

/// Reported by the parser: the YAML front matter cannot be read.
public struct FrontMatterRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .frontMatter,
        summary: "Front matter missing, unterminated, not a mapping, a YAML syntax error, an alias or anchor, a tag, or a duplicate key",
        rationale: "Every plan starts with a YAML mapping between two '---' lines; without it the plan's fields cannot be read at all. Aliases, tags and repeated keys make a plan mean something other than what a reviewer reads.",
        defaultSeverity: .error, phase: .parse, traits: [.makesPlanUnreadable],
        valid: [
            RuleExample(RuleExample.acme + "# Acme\n"),
        ],
        invalid: [
            RuleExample("↓# Acme\n\nNo front matter here.\n"),
            RuleExample("↓---\nname: Acme\nindustry: tobacco\n# Acme\n"),
            RuleExample("---\nname: Acme\nindustry: ↓[tobacco\nstage: departmental\n---\n"),
            RuleExample("---\nname: Acme\n↓name: Acme Group\n---\n"),
            RuleExample("---\nname: ↓&n Acme\nabu: *n\n---\n"),
            RuleExample("---\n↓- just\n- a list\n---\n"),
        ])
}
