import Foundation
import PlanModel
import PlanParser
import Testing

/// Input no plan author means to write: each gives a located finding, never a crash or a hang.
/// Time limits are generous hang guards, not benchmarks.
struct HostileInputTests {
    /// A clean account plan's front matter and body, for building larger inputs.
    static let header = "---\nname: A\nindustry: tobacco\nstage: integration\nmanager: li-you\nreviewed: 2026-11-12\n---\n"

    @Test(arguments: [
        "# Shanghai Tobacco\n\nNo front matter.\n",
        "",
        "\n---\nname: A\n---\n",
        "name: A\n---\n",
        "--- \nname: A\n",
    ])
    func noFrontMatter(text: String) {
        let result = withinTimeLimit { parse(text) }
        #expect(result.findings.map(\.rule).contains(.frontMatter))
        #expect(result.findings.filter { $0.rule == .frontMatter }.map(\.location) == [.fileStart])
        #expect(!result.plan.isReadable)
    }

    @Test(arguments: [
        "---\nname: A\nindustry: tobacco\n# Title\n\nBody.\n",
        "---\n",
        "---",
        "---\nname: A\n--- \n# Title\n",
        "---\nname: A\n----\n",
    ])
    func unterminatedFrontMatter(text: String) {
        let result = withinTimeLimit { parse(text) }
        #expect(result.located == ["front-matter 1:1"])
        #expect(!result.plan.isReadable)
    }

    @Test func yamlSyntaxErrorIsReportedAtItsLine() throws {
        let text = """
            ---
            name: A
            industry: tobacco
            stage: integration: now
            manager: li-you
            reviewed: 2026-11-12
            ---
            # A
            """
        let result = parse(text)
        #expect(result.findings.map(\.rule) == [.frontMatter])
        #expect(result.findings.first?.location.line == 4)
        #expect(try #require(result.findings.first).message.contains("YAML"))
    }

    @Test func tabIndentationIsReportedAtItsLine() {
        let text = "---\nname: Tobacco\nowner: zhou-jie\ntargets:\n\trevenue: CNY 26M\n---\n"
        let result = parse(text, kind: .industry, id: "tobacco")
        #expect(result.findings.map(\.rule) == [.frontMatter])
        #expect(result.findings.first?.location.line == 5)
    }

    @Test func duplicateKeyIsReportedAtTheSecondOccurrence() throws {
        let text = """
            ---
            name: A
            industry: tobacco
            name: B
            stage: integration
            manager: li-you
            reviewed: 2026-11-12
            ---
            """
        let result = parse(text)
        #expect(result.located == ["front-matter 4:1"])
        #expect(try #require(result.findings.first).message.contains("name"))
    }

    @Test func duplicateKeysInNestedAndFlowMappings() {
        let nested = """
            ---
            name: Tobacco
            owner: zhou-jie
            targets:
              revenue: CNY 26M
              stages:
                integration: 1
                integration: 2
            ---
            """
        #expect(parse(nested, kind: .industry, id: "tobacco").located == ["front-matter 8:5"])
        let flow = "---\nname: Tobacco\nowner: zhou-jie\ntargets: {accounts: 3, accounts: 4}\n---\n"
        #expect(parse(flow, kind: .industry, id: "tobacco").located == ["front-matter 4:24"])
        // A quoted key is the same key.
        let quoted = "---\nname: Tobacco\n\"name\": Tobacco 2\nowner: zhou-jie\n---\n"
        #expect(parse(quoted, kind: .industry, id: "tobacco").located == ["front-matter 3:1"])
    }

    /// Billion laughs: nine levels of nine aliases each would expand to 9^9 strings.
    @Test func aliasBombIsRejectedFast() {
        var lines = ["---", "name: A", #"a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for level in 1..<names.count {
            let previous = "*\(names[level - 1])"
            lines.append("\(names[level]): &\(names[level]) [" + Array(repeating: previous, count: 9).joined(separator: ",") + "]")
        }
        lines += ["---", "# A"]
        let result = withinTimeLimit { parse(lines.joined(separator: "\n")) }
        #expect(result.findings.filter { $0.rule == .frontMatter }.map(\.location.line) == [3])
        #expect(result.findings.map(\.rule) == [.frontMatter])
    }

    @Test func anchorsAndAliasesAreRejected() {
        #expect(parse("---\nname: &n Shanghai\n---\n").located == ["front-matter 2:7"])
        #expect(parse("---\nname: A\nregion: *r\n---\n").located == ["front-matter 3:9"])
    }

    @Test(arguments: [
        "name: !!str 123", "name: !custom A", "targets: !!map {revenue: 5}", "team: !!seq [li-you]",
    ])
    func tagsAreRejected(line: String) {
        let result = parse("---\nowner: zhou-jie\n\(line)\n---\n", kind: .industry, id: "tobacco")
        #expect(result.findings.map(\.rule) == [.frontMatter])
        #expect(result.findings.first?.location.line == 3)
        #expect(result.findings.first?.location.column == line.firstIndex(of: "!").map { line.distance(from: line.startIndex, to: $0) + 1 })
    }

    static let deepYAML: [(what: String, yaml: String)] = [
        ("flow sequences", "name: " + String(repeating: "[", count: 100_000)),
        ("closed flow sequences", "name: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)),
        ("flow mappings", "name: " + String(repeating: "{a: ", count: 100_000)),
        ("block sequences", "team:\n  " + String(repeating: "- ", count: 100_000) + "li-you"),
        ("block mappings", (0..<2_000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")),
    ]

    @Test(arguments: deepYAML)
    func deepNestingIsRejected(what: String, yaml: String) {
        let result = withinTimeLimit { parse("---\n\(yaml)\n---\n# A\n") }
        #expect(result.findings.map(\.rule) == [.frontMatter], "\(what)")
        #expect((2...3).contains(result.findings.first?.location.line ?? 0), "\(what)")
    }

    /// Text and raw bytes, joined.
    static func bytes(_ parts: [Any]) -> [UInt8] {
        var result: [UInt8] = []
        for part in parts {
            if let text = part as? String { result += Array(text.utf8) }
            if let raw = part as? [UInt8] { result += raw }
        }
        return result
    }

    static let badEncodings: [(bytes: [UInt8], expected: String)] = [
        (bytes(["---\nname: A\nregion: Caf", [0xE9] as [UInt8], " Shanghai\n---\n"]), "encoding 3:12"),
        (bytes(["---\nregion: 华东", [0xFF] as [UInt8], "\n---\n"]), "encoding 2:11"),
        (bytes([header, "# A\n\nText ", [0xC0, 0xAF] as [UInt8]]), "encoding 10:6"), // overlong
        (bytes([header, "# 计划 ", [0xED, 0xA0, 0x80] as [UInt8]]), "encoding 8:6"), // surrogate
        (bytes([header, "# 计划", [0xE4, 0xB8] as [UInt8]]), "encoding 8:5"), // truncated at the end
        (bytes(["---\nname: A", [0x00] as [UInt8], "\n---\n"]), "encoding 2:8"), // NUL
        (bytes([[0xEF, 0xBB, 0xBF] as [UInt8], "---\nname: ", [0xFF] as [UInt8]]), "encoding 2:7"), // after a BOM
        ([0xFE, 0xFF, 0x00, 0x2D], "encoding 1:1"), // UTF-16
        (bytes(["---\r\nname: A\r\nregion: 华", [0x80] as [UInt8]]), "encoding 3:10"), // CRLF
    ]

    static let deepMarkdown: [(what: String, body: String)] = [
        ("block quotes", String(repeating: ">", count: 100_000) + " deep"),
        ("lists", String(repeating: "- ", count: 100_000) + "deep"),
        ("links", String(repeating: "[", count: 100_000) + "x" + String(repeating: "](u)", count: 100_000)),
        ("emphasis", String(repeating: "*", count: 100_000) + "x"),
        ("escaped pipes", "## Stakeholders\n\n| Name | Role |\n| --- | --- |\n| " + String(repeating: "\\|", count: 500_000)
            + " | user |"),
    ]

    /// The Markdown body is prose: however deep it nests, it is read without a crash.
    @Test(arguments: deepMarkdown)
    func deepMarkdownBodyIsRead(what: String, body: String) {
        let result = withinTimeLimit { parse(Self.header + "# A\n\n" + body + "\n") }
        #expect(result.located == [], "\(what)")
        #expect(result.plan.isReadable, "\(what)")
    }

    @Test(arguments: badEncodings)
    func invalidUTF8IsReportedWhereItIs(bytes: [UInt8], expected: String) {
        // The oracle (the standard library's decoder) agrees with the expectation written here.
        let withoutBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        #expect(firstEncodingProblem(withoutBOM).map { "encoding \($0)" } == expected)
        let result = withinTimeLimit { parse(Data(bytes)) }
        #expect(result.located == [expected])
        #expect(!result.plan.isReadable)
    }

    @Test(arguments: [1, 7, 42, 2026] as [UInt64])
    func binaryGarbage(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        var bytes = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[100] = 0
        let expected = try #require(firstEncodingProblem(bytes))
        let result = withinTimeLimit { parse(Data(bytes)) }
        #expect(result.located == ["encoding \(expected)"])
        #expect(!result.plan.isReadable)

        // The same garbage after a valid front matter.
        let prefixed = Array(Self.header.utf8) + bytes
        let later = try #require(firstEncodingProblem(prefixed))
        #expect(later.line >= 8)
        #expect(withinTimeLimit { parse(Data(prefixed)) }.located == ["encoding \(later)"])
    }

    @Test func twentyMegabytePlanIsRefusedUnread() {
        let line = "The account team met the CIO and agreed the next steps for the consolidation programme.\n"
        let body = String(repeating: line, count: 20 * 1_048_576 / line.utf8.count + 1)
        let data = Data((Self.header + "# A\n\n" + body).utf8)
        #expect(data.count > 20 * 1_048_576)
        let result = withinTimeLimit { parse(data) }
        #expect(result.located == ["too-large 1:1"])
        #expect(!result.plan.isReadable)
    }

    @Test func justOverTheSizeLimitIsRefused() {
        let padding = String(repeating: "x", count: PlanParser.maxPlanBytes - Self.header.utf8.count + 1)
        let data = Data((Self.header + padding).utf8)
        #expect(data.count == PlanParser.maxPlanBytes + 1)
        #expect(withinTimeLimit { parse(data) }.located == ["too-large 1:1"])
    }

    static func stakeholderTable(rows: Int) -> String {
        var text = Self.header + "# A\n\n## Stakeholders\n\n| Name | Role |\n| --- | --- |\n"
        for row in 1...rows { text += "| Person \(row) | user |\n" }
        return text
    }

    @Test func tableOfTenThousandAndOneRowsIsTooLarge() {
        let text = Self.stakeholderTable(rows: 10_001)
        #expect(text.utf8.count < PlanParser.maxPlanBytes)
        let result = withinTimeLimit { parse(text) }
        // Reported on the header line (line 12); the first 10,000 rows are still read.
        #expect(result.located == ["too-large 12:1"])
        #expect(result.plan.stakeholders.count == 10_000)
        #expect(result.plan.stakeholders.last?.name?.value == "Person 10000")
    }

    @Test func tableOfTenThousandRowsIsFine() {
        let result = withinTimeLimit { parse(Self.stakeholderTable(rows: 10_000)) }
        #expect(result.located == [])
        #expect(result.plan.stakeholders.count == 10_000)
    }

    /// A table of many columns (cmark-gfm's table parsing is quadratic in the header width), within
    /// the 4 MiB limit: read quickly, or refused as too large.
    @Test func veryWideTableHeader() {
        let columns = 40_000 // GitHub's parser takes at most 65,535 columns as a table
        let text = Self.header + "# A\n\n## Stakeholders\n\n| Name | Role " + String(repeating: "| x ", count: columns) + "|\n"
            + "| --- | --- " + String(repeating: "| - ", count: columns) + "|\n| Zhou Ming | sponsor |\n"
        #expect(text.utf8.count < PlanParser.maxPlanBytes)
        let result = withinTimeLimit { parse(text) }
        let refused = result.findings.contains { $0.rule == .tooLarge }
        #expect(refused || result.plan.stakeholders.map { $0.name?.value } == ["Zhou Ming"])
        #expect(result.findings.allSatisfy { $0.rule == .tooLarge }, "\(Set(result.findings.map(\.rule)))")
    }

    /// Short rows under a wide header: GitHub's parser fills in every missing cell, so 30 KB of text
    /// become two million cells. Read quickly, or refused as too large.
    @Test func shortRowsUnderAWideHeader() {
        let text = Self.header + "# A\n\n## Stakeholders\n\n| Name | Role " + String(repeating: "| x ", count: 1_000) + "|\n"
            + "| --- | --- " + String(repeating: "| - ", count: 1_000) + "|\n" + (1...2_000).map { "| a\($0) |\n" }.joined()
        #expect(text.utf8.count < 40_000)
        let result = withinTimeLimit { parse(text) }
        #expect(result.findings.allSatisfy { [.tooLarge, .missingField].contains($0.rule) }, "\(Set(result.findings.map(\.rule)))")
    }

    /// Every limit's exact diagnostic: rule, line, column and message.
    @Test func tableLimitsAreReportedWhereTheyAre() throws {
        let wide = Self.header + "# A\n\n## Stakeholders\n\n| Name | Role " + String(repeating: "| x ", count: 300) + "|\n"
        let refusedWide = withinTimeLimit { parse(wide) }
        #expect(refusedWide.located == ["too-large 12:1"])
        #expect(refusedWide.findings.first?.message == "a table row has 303 '|' separators; the limit is 256 columns")
        #expect(refusedWide.findings.first?.hint == "a plan's tables have a handful of columns; split or simplify this one")

        let cells = Self.header + "# A\n\n## Stakeholders\n\n| Name | Role |\n| --- | --- |\n" + (1...5_000).map { "| a\($0) | user |\n" }.joined()
            + "\n## Notes\n\n| " + String(repeating: "x | ", count: 250) + "\n"
        let refusedCells = withinTimeLimit { parse(cells) }
        #expect(refusedCells.located == ["too-large 5017:1"])
        #expect(refusedCells.findings.first?.message == "the plan's tables would have 5003 rows of up to 251 cells; the limit is 1000000 cells")
    }

    @Test func frontMatterOverOneMebibyteIsRefused() {
        let text = "---\nname: A\nnotes: \"" + String(repeating: "x", count: 1_048_576) + "\"\n---\n# A\n"
        let result = withinTimeLimit { parse(text) }
        #expect(result.findings.map(\.rule) == [.frontMatter])
        #expect((1...2).contains(result.findings.first?.location.line ?? 0))
    }

    /// CRLF line ends and a BOM (§3) change nothing: same values, same lines and columns.
    @Test(arguments: [(AccountPlanTests.text, "shanghai-tobacco"), (ChinesePlanTests.text, "zhejiang-tobacco")])
    func crlfWithBOMParsesLikeLF(text: String, id: String) {
        let lf = parse(text, id: id)
        let crlf = parse(Data([0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)), id: id)
        #expect(crlf.plan == lf.plan)
        #expect(crlf.located == lf.located)
        #expect(crlf.findings.map(\.message).sorted() == lf.findings.map(\.message).sorted())
        #expect(!crlf.plan.actions.contains { $0.text.contains("\r") })
        #expect(crlf.plan.title?.contains("\r") == false)
    }

    @Test func bomAloneDoesNotShiftColumns() {
        let text = "---\nname: A\nindustry: Tobacco\nstage: integration\nmanager: li-you\nreviewed: 2026-11-12\n---\n"
        #expect(parse(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))).located == ["invalid-value 3:11"])
    }
}
