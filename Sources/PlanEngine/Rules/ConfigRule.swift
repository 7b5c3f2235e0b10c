import PlanModel

/// `acctplan.yml` itself is invalid. Most problems are found while reading it; this rule adds the
/// check that needs the rule registry: every id under `rules:` must name a rule.
public struct ConfigRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .config,
        summary: "acctplan.yml is invalid: unknown setting, bad value, unknown rule id",
        rationale: "The configuration decides stages, currencies and severities for every plan; a mistake there is a mistake everywhere.",
        defaultSeverity: .error,
        valid: [
            RuleExample(files: ["acctplan.yml": "version: 1\ncurrency: CNY\nfx: {USD: 7.1}\nrules:\n  stale-review: error\n"]),
        ],
        invalid: [
            RuleExample(files: ["acctplan.yml": "version: 1\n↓curency: CNY\n"]),
            RuleExample(files: ["acctplan.yml": "version: 1\nrules:\n  ↓stale-reviews: off\n"]),
            RuleExample(files: ["acctplan.yml": "fx: {USD: ↓seven}\n"]),
            RuleExample(files: ["acctplan.yml": "version: 1\nrules:\n  ↓merge-conflict: warning\n"]),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        let known = Set(RuleRegistry.all.map(\.description.id))
        return context.config.ruleLocations.keys.sorted().compactMap { id in
            guard let location = context.config.ruleLocations[id] else { return nil }
            if RuleRegistry.alwaysErrors.contains(id) {
                guard context.config.ruleSeverities[id]?.severity != .error else { return nil }
                return Finding(.config, path: "acctplan.yml", at: location,
                               "'\(id)' is always an error; this setting is ignored",
                               hint: "a file with merge-conflict markers is not read at all, so its problem cannot be hidden; remove this line")
            }
            guard !known.contains(id) else { return nil }
            let suggestion = ValueSyntax.closest(to: id.rawValue, in: known.map(\.rawValue))
            return Finding(.config, path: "acctplan.yml", at: location,
                           "unknown rule '\(id)'" + ValueSyntax.didYouMean(suggestion),
                           hint: "'acctplan rules' lists every rule id")
        }
    }
}
