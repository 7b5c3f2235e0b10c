import PlanEngine
import PlanLocalization
import PlanModel

/// How prose changed, in each diff output: the changed lines of each part (bounded by
/// ``ProseDiff``), so a reviewer reads the sentence that changed, not "prose changed".
extension DiffReporter {
    /// A part's name: its `##` heading, or the text before the first section.
    static func proseName(_ part: ProseChange) -> String { part.heading ?? ProseSection.outsideSectionsName }

    /// For commit messages and `log`: "prose edited (Risks, Service notes)".
    static func proseSummary(_ change: PlanChange, language: UILanguage = .en) -> String {
        DiffWords.proseEdited(change.prose.map(proseName), in: language)
    }

    /// "… and 3 more changed lines", for the lines the bounds left out.
    static func omitted(_ part: ProseChange, language: UILanguage = .en) -> String {
        DiffWords.omittedLines(part.omittedLines, in: language)
    }

    static func proseText(_ change: PlanChange, style: TerminalStyle, language: UILanguage = .en) -> String {
        guard !change.prose.isEmpty else { return "  " + style.dim(DiffWords.proseChanged(in: language)) + "\n" }
        var output = ""
        for part in change.prose {
            let status = part.status == .modified ? nil : part.status.rawValue
            output += "  " + DiffWords.prosePart(proseName(part), status: status, markdown: false, in: language) + "\n"
            for line in part.lines {
                output += line.operation == .removed ? "    " + style.red("- \(line.text)") + "\n" : "    " + style.green("+ \(line.text)") + "\n"
            }
            if part.isTruncated { output += "    " + style.dim(omitted(part, language: language)) + "\n" }
        }
        return output
    }

    static func proseJSON(_ part: ProseChange) -> JSONValue {
        .object([
            ("section", part.heading.map(JSONValue.string) ?? .null),
            ("status", .string(part.status.rawValue)),
            ("lines", .array(part.lines.map { line in
                .object([("op", .string(line.operation.rawValue)), ("line", .integer(line.line)), ("text", .string(line.text))])
            })),
            ("omitted_lines", .integer(part.omittedLines)),
            ("truncated", .bool(part.isTruncated)),
        ])
    }

    /// A fenced `diff` block per part; the fence is longer than any run of backticks in the text.
    static func proseMarkdown(_ change: PlanChange, language: UILanguage = .en) -> String {
        guard !change.prose.isEmpty else { return DiffWords.proseEditedMarkdown(in: language) + "\n\n" }
        var output = ""
        for part in change.prose {
            let status = part.status == .modified ? nil : part.status.rawValue
            output += DiffWords.prosePart(escape(proseName(part)), status: status, markdown: true, in: language) + "\n\n"
            // A section past the plan's budget has no lines to show: no empty block, only the count.
            if !part.lines.isEmpty {
                let longest = part.lines.map { longestBacktickRun($0.text) }.max() ?? 0
                let fence = String(repeating: "`", count: max(3, longest + 1))
                output += fence + "diff\n"
                for line in part.lines { output += line.operation.rawValue + " " + line.text + "\n" }
                output += fence + "\n\n"
            }
            if part.isTruncated { output += "_\(omitted(part, language: language))\(language == .en ? "." : "。")_\n\n" }
        }
        return output
    }

    private static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
