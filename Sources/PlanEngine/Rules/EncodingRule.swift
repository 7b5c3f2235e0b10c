import PlanModel

/// Reported by the parser (an acctplan extension to the core rules): the file is not UTF-8 text.
public struct EncodingRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .encoding,
        summary: "The file is not UTF-8 text (invalid byte sequences or NUL bytes), or cannot be read at all",
        rationale: "Plans are text read by people in editors and reviews; a file in another encoding or a binary file would be misread silently.",
        defaultSeverity: .error, phase: .parse, traits: [.extension, .makesPlanUnreadable],
        valid: [
            RuleExample("\u{FEFF}---\r\nname: 雅克美\r\nindustry: tobacco\r\nstage: departmental\r\nmanager: li-you\r\nreviewed: 2026-11-01\r\n---\r\n"),
        ],
        invalid: [
            RuleExample("---\nname: Acme↓\u{0}\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n"),
        ])
}
