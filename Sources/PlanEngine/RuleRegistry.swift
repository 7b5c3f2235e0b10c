import PlanModel

/// Every rule, sorted by id: a plain static array, not a mutable registry.
public enum RuleRegistry {
    public static let all: [any LintRule] = [
        ConfigRule(),
        DuplicateIDRule(),
        DuplicateKeyRule(),
        DuplicateSectionRule(),
        EncodingRule(),
        FrontMatterRule(),
        HealthMismatchRule(),
        IDMismatchRule(),
        InvalidValueRule(),
        MergeConflictRule(),
        MissingFieldRule(),
        NoSponsorRule(),
        OutsideWorkspaceRule(),
        OverdueActionRule(),
        PastCloseRule(),
        ReportingCycleRule(),
        StaleReviewRule(),
        TargetGapRule(),
        TooLargeRule(),
        UndatedActionRule(),
        UnknownCurrencyRule(),
        UnknownFieldRule(),
        UnknownPersonRule(),
        UnknownReferenceRule(),
        UnknownStageRule(),
    ].sorted { $0.description.id < $1.description.id }

    public static let defaultSeverities: [RuleID: Severity] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.description.id, $0.description.defaultSeverity) })

    /// Every rule's description, in registry order: the catalogue `rules`, docs/rules.md and
    /// SARIF show.
    public static let descriptions = all.map(\.description)

    /// The ids of the rules with `trait`.
    public static func ids(with trait: RuleDescription.Trait) -> Set<RuleID> {
        Set(descriptions.filter { $0.traits.contains(trait) }.map(\.id))
    }

    /// Rules whose findings are always errors, whatever `rules:` or an `acctplan-disable`
    /// comment says.
    public static let alwaysErrors = ids(with: .alwaysError)

    public static func rule(_ id: RuleID) -> (any LintRule)? { all.first { $0.description.id == id } }
}
