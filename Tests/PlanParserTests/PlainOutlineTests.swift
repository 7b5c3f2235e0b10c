import Foundation
@testable import PlanParser
import Testing
import TestSupport

/// The plain outline (no cmark) must read every body it accepts exactly as cmark-gfm reads it,
/// and must accept the plans people and `acctplan new` write; anything else goes to cmark.
struct PlainOutlineTests {
    static let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../workspace-template").standardizedFileURL

    /// Lines of every kind a body can hold, the plain ones and the ones that must send it to cmark.
    static let pieces: [[String]] = [
        ["# Title", "## Stakeholders", "### Sub section", "## Moments of truth", "## 中文标题", "#NoSpace", "####### seven",
         "## With *emphasis*", "## Closed ##", "# ", "  ## indented", "## A & B", "## `code`", "##   spaced   title"],
        ["| Name | Role |", "| --- | --- |", "|---|:---:|", "| a | b | c |", "| x |", "||", "|", "| a \\| b |",
         "| `a|b` | c |", "|-|-|", "| --- | --- | --- |", "|:-|-:|", "| - | x |", "| Zhou | CIO |", "| a | b"],
        ["- [ ] 2026-01-02 @li-you Send the offer", "- [x] Done #opp-1", "- [X] Done too", "- plain item", "- ", "-", "- [ ]",
         "- [y] odd box", "- 1. nested", "- # heading", "- | cell", "* star", "+ plus", "1. one", "2) two", "---", "- - -",
         "***", "___", "- [x]no space", "- 2025-05-17 Won the tender", "- **bold** item", "-no space",
         // cmark-gfm ticks a box when `[x]` is anywhere on the line
         "- [ ] check [x] later", "- [ ] 202[X]2-05 Go", "- [ ] a x] b", "- [ ] a [x ]", "- [x] a [ ] b", "- plain [x] item"],
        ["Plain text.", "More text here", "2027 plans", "2026. a year", "> quote", "<div>", "```", "~~~", "    code",
         "[ref]: /url", "===", ":---", ":-:", "Text with | pipe", "Text *emph*", "\\escaped", "&amp; entity", "@mention", "中文段落。", "\tTabbed", "\u{FEFF}", "# Form\u{0C}", "Feed\u{0B}",
         "Text\r", "a | b"],
        ["", "", "", "   "],
    ]

    /// A body: mostly the shapes plans have (heading, table, list, paragraph, blank lines), with a
    /// tricky line now and then.
    static func body(_ random: inout SplitMix64) -> String {
        var lines: [String] = []
        for _ in 0..<Int.random(in: 0...14, using: &random) {
            switch random.next() % 6 {
            case 0: lines += ["## Section \(random.next() % 9)", ""]
            case 1:
                lines += ["| ID | Name |", "| --- | --- |"]
                for row in 0..<Int.random(in: 0...3, using: &random) { lines.append("| opp-\(row) | Deal |") }
                lines.append("")
            case 2:
                for item in 0..<Int.random(in: 1...4, using: &random) { lines.append("- [\(item % 2 == 0 ? " " : "x")] 2026-12-0\(item + 1) Step") }
                if Bool.random(using: &random) { lines.append("") }
            case 3: lines += ["Some prose about the account.", ""]
            default:
                let kind = Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
                lines.append(kind[Int(random.next() % UInt64(kind.count))])
            }
        }
        return lines.joined(separator: "\n") + (Bool.random(using: &random) ? "\n" : "")
    }

    @Test func plainReadsWhatItAcceptsAsCmarkDoes() {
        var random = SplitMix64(seed: 31)
        var accepted = 0
        let rounds = 30_000
        for round in 0..<rounds {
            let text = Self.body(&random)
            let bytes = ArraySlice(Array(text.utf8))
            let offset = Int(random.next() % 20)
            guard let plain = MarkdownOutline.plain(bytes, lineOffset: offset) else { continue }
            accepted += 1
            let cmark = MarkdownOutline.withCmark(bytes, lineOffset: offset)
            #expect(plain == cmark, "round \(round):\n\(text)\nplain: \(plain.blocks)\ncmark: \(cmark.blocks)")
            if plain != cmark { return }
        }
        // Both readings were compared often enough, and cmark still had work to do.
        #expect(accepted > rounds / 4 && accepted < rounds * 9 / 10, "\(accepted) of \(rounds)")
    }

    @Test func everyTemplatePlanIsPlain() throws {
        let files = FileManager.default.enumerator(at: Self.template, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" && $0.path.contains("/accounts/") }
        #expect(files.count >= 4)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            // The body: after the front matter's closing `---`.
            let parts = text.components(separatedBy: "\n---\n")
            let body = ArraySlice(Array(parts.dropFirst().joined(separator: "\n---\n").utf8))
            let plain = MarkdownOutline.plain(body, lineOffset: 0)
            #expect(plain != nil, "\(file.lastPathComponent)")
            #expect(plain == MarkdownOutline.withCmark(body, lineOffset: 0), "\(file.lastPathComponent)")
        }
    }

    /// Found by replaying the plan fuzzer's corpus through both readings: cmark-gfm ticks a box
    /// with `[x]` anywhere on the line, makes a table of a line of text over `:---` and drops a
    /// leading byte order mark; vertical tabs and form feeds are left to it.
    @Test(arguments: ["# A\n\n- [ ] 202[x]2-05 Go\n", "- [ ] check [X] later\n", "industry: t: 202\n:---\n", "\u{FEFF}",
                      "# A\u{0C}\n", "Text\u{0B}\n"])
    func fuzzerFindingsReadAsCmarkReadsThem(body: String) {
        let bytes = ArraySlice(Array(body.utf8))
        let cmark = MarkdownOutline.withCmark(bytes, lineOffset: 0)
        if let plain = MarkdownOutline.plain(bytes, lineOffset: 0) { #expect(plain == cmark) }
        #expect(MarkdownOutline.parse(bytes, lineOffset: 0) == cmark)
    }
}
