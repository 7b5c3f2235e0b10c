import Foundation
import PlanModel

/// A plan's text cut into the parts the merge matches: the front matter's lines (between the
/// `---` lines), the text before the first `## ` heading, and the level-2 sections.
struct PlanText {
    struct Section {
        /// What matches it across versions: its recognized kind, else its heading text.
        var key: String
        var kind: SectionKind?
        var heading: String
        var body: [String]
        var lines: [String] { [heading] + body }
    }

    var frontMatter: [String]
    var preamble: [String]
    var sections: [Section]
    var endsWithNewline: Bool
    /// Lines end with `\r\n` (see ``TextLines``).
    var crlf: Bool

    /// Nil when the text has no front matter (not a plan).
    init?(_ data: Data, planKind: PlanKind) {
        let text = TextLines(data)
        endsWithNewline = text.endsWithNewline
        crlf = text.crlf
        let lines = text.lines
        guard lines.first?.trimmingTrailingSpaces() == "---",
              let close = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpaces() == "---" || $0.trimmingTrailingSpaces() == "..." })
        else { return nil }
        frontMatter = Array(lines[1..<close])
        var preamble: [String] = []
        var sections: [Section] = []
        var fence: String?
        for line in lines[(close + 1)...] {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
            } else if line.hasPrefix("## ") || line == "##" {
                let title = Self.title(line)
                let kind = SectionKind(heading: title).flatMap { $0.kinds.contains(planKind) ? $0 : nil }
                sections.append(Section(key: kind.map { "kind:" + $0.rawValue } ?? "heading:" + title.lowercased(),
                                        kind: kind, heading: line, body: []))
                continue
            }
            if sections.isEmpty { preamble.append(line) } else { sections[sections.count - 1].body.append(line) }
        }
        self.preamble = preamble
        self.sections = sections
    }

    /// A `## ` heading's text: blanks and closing `#`s trimmed (in Swift; Foundation's trimming
    /// bridges through NSString, a tenth of a merge).
    static func title(_ line: String) -> String {
        func blank(_ character: Character) -> Bool { character.isWhitespace && !character.isNewline }
        func trim(_ text: Substring, _ unwanted: (Character) -> Bool) -> Substring {
            let start = text.drop(while: unwanted)
            return start[..<(start.lastIndex { !unwanted($0) }.map(start.index(after:)) ?? start.startIndex)]
        }
        return String(trim(trim(trim(line.dropFirst(2), blank), { $0 == "#" }), blank))
    }

    /// An empty plan: the base of a file added on both sides.
    init() {
        frontMatter = []
        preamble = []
        sections = []
        endsWithNewline = true
        crlf = false
    }
}
