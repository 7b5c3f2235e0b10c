import PlanModel

/// Reported by the parser (an acctplan extension): a plan or `acctplan.yml` holds the conflict
/// markers git leaves after a merge, or the index records the file as unmerged.
public struct MergeConflictRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .mergeConflict,
        summary: "A plan or acctplan.yml has unresolved merge conflicts: `<<<<<<<`, `|||||||`, `=======` and `>>>>>>>` lines, or conflict stages in the git index; the file is not read until they are resolved. Always an error: it cannot be turned off or made a warning",
        rationale: "After `git pull` or `git merge`, the lines between conflict markers hold two versions at once. Read as a plan they become nonsense rows, actions with markers in their text, or a YAML error, and a commit would record them; nothing else about the file can be trusted until a person has chosen.",
        defaultSeverity: .error, phase: .parse, traits: [.extension, .makesPlanUnreadable, .alwaysError],
        valid: [
            RuleExample(RuleExample.acme + "\n# Acme\n\nHeading\n=======\n\nA setext heading's underline is not a conflict marker.\n"),
        ],
        invalid: [
            RuleExample("""
                ---
                name: Acme
                industry: tobacco
                ↓<<<<<<< HEAD
                stage: industry-solution
                =======
                stage: integration
                >>>>>>> origin/main
                manager: li-you
                reviewed: 2026-11-01
                ---
                """),
            RuleExample(RuleExample.acme + """

                ## Actions

                - [ ] 2026-12-15 @li-you Run the group-finance workshop
                ↓<<<<<<< HEAD
                - [ ] 2026-12-20 @li-you Consolidation pilot
                ||||||| base
                =======
                - [ ] 2027-01-10 @li-you Interface spec for MES
                >>>>>>> feature
                """),
            RuleExample(RuleExample.acme + """

                ## Opportunities

                | ID      | Name | Stage     | Amount | Close      |
                | ------- | ---- | --------- | ------ | ---------- |
                ↓<<<<<<< ours
                | opp-erp | ERP  | negotiate | 2.4M   | 2027-03-31 |
                =======
                | opp-erp | ERP  | propose   | 2.0M   | 2027-03-31 |
                >>>>>>> theirs

                ## Risks

                ↓<<<<<<< ours
                Budget freeze until March.
                """),
        ])
}
