import PlanModel

/// Reported while listing files (an acctplan extension): a link that leads outside the workspace
/// is never read. The invalid case needs a real symbolic link and is tested end to end.
public struct OutsideWorkspaceRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .outsideWorkspace,
        summary: "A plan file is a link that leads outside the workspace, or is not a regular file (a FIFO, a device); it is not read",
        rationale: "Lint output and CI annotations are often public; a link must never make acctplan read or show a file from elsewhere on the machine.",
        defaultSeverity: .error, phase: .parse, traits: [.extension],
        valid: [
            RuleExample(RuleExample.acme),
        ],
        invalid: [])
}
