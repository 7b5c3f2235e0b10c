import Foundation
import PlanEngine
import PlanModel

/// How prose changes are rendered: the changed lines of each part, `-` before `+`, as in a line
/// diff; "… and N more changed lines" where the engine's bounds left lines out.
extension DiffReporter {
    /// The part's name: its `##` heading, or "intro" for the prose outside every `##` section.
    static func proseLabel(_ prose: ProseChange) -> String { prose.heading ?? ProseSection.outsideSectionsLabel }

    /// `prose edited (Risks, Service notes)`, or just `prose edited` when only the fingerprint tells.
    static func proseSummary(_ change: PlanChange) -> String {
        change.prose.isEmpty ? "prose edited" : "prose edited (" + change.prose.map(proseLabel).joined(separator: ", ") + ")"
    }

    static func omittedText(_ prose: ProseChange) -> String {
        "… and \(prose.omittedLines) more changed line\(prose.omittedLines == 1 ? "" : "s")"
    }

    static func proseText(_ change: PlanChange, style: TerminalStyle) -> String {
        if change.prose.isEmpty { return change.proseChanged ? "  " + style.dim("prose changed") + "\n" : "" }
        var output = ""
        for prose in change.prose {
            output += "  prose (\(proseLabel(prose))):\n"
            for line in prose.lines {
                let text = "\(line.operation.rawValue) \(line.text)"
                output += "    " + (line.operation == .removed ? style.red(text) : style.green(text)) + "\n"
            }
            if prose.isTruncated { output += "    " + style.dim(omittedText(prose)) + "\n" }
        }
        return output
    }

    /// `{"section": "Risks", "status": "modified", "lines": [{"op": "-", "line": 12, "text": "…"}],
    /// "truncated": false, "more_lines": 0}`; `section` is null for the prose outside sections.
    static func proseJSON(_ prose: ProseChange) -> JSONValue {
        .object([
            ("section", prose.heading.map { .string($0) } ?? .null),
            ("status", .string(prose.status.rawValue)),
            ("lines", .array(prose.lines.map { line in
                .object([("op", .string(line.operation.rawValue)), ("line", .integer(line.line)), ("text", .string(line.text))])
            })),
            ("truncated", .bool(prose.isTruncated)),
            ("more_lines", .integer(prose.omittedLines)),
        ])
    }

    /// A bold label and a fenced `diff` block per part, which GitHub colours. A line of the
    /// block starts with `-` or `+`, so no prose line can close the fence.
    static func proseMarkdown(_ change: PlanChange) -> String {
        if change.prose.isEmpty { return change.proseChanged ? "_Prose edited._\n\n" : "" }
        var output = ""
        for prose in change.prose {
            output += "**Prose: \(escape(proseLabel(prose)))**\n\n"
            if !prose.lines.isEmpty {
                output += "```diff\n" + prose.lines.map { "\($0.operation.rawValue) \($0.text)\n" }.joined() + "```\n\n"
            }
            if prose.isTruncated { output += "_\(omittedText(prose))._\n\n" }
        }
        return output
    }
}
