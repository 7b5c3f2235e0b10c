import Foundation
import PlanModel
import PlanParser
import Testing

/// Inputs found by fuzzing (scripts/fuzz, docs/reliability.md), minimised, each with the finding
/// it must give now.
struct FuzzRegressionTests {
    /// libyaml also ends lines at a lone CR, NEL (U+0085), LS (U+2028) and PS (U+2029); a plan's
    /// lines end only at LF. Positions come from the code-point offset, on the plan's lines.
    @Test func yamlPositionsCountOnlyLineFeeds() {
        // The `{` left open on line 2 (where an unclosed flow collection is reported).
        #expect(parse("---\n{\r\re\n---").findings.map(\.located) == ["front-matter 2:1"])
        #expect(parse("---\nname: a\r\rb: c: d\n---").findings.map(\.located) == ["front-matter 2:14"])
        let separators = "---\nname: \"A\u{2028}B\u{85}C\rD\"\nindustry: tobacco\nbogus: 1\nstage: integration\nmanager: li-you\nreviewed: 2026-11-12\n---\n"
        #expect(parse(separators).located == ["unknown-field 4:1"])
        #expect(parseConfig("-\ro").1.map(\.located) == ["config 1:4"])
        // A control character is a reader error, which libyaml places by byte offset.
        #expect(parse("---\nname: 上海\u{01}\n---\n").findings.filter { $0.rule == .frontMatter }.map(\.located)
            == ["front-matter 2:9"])
    }

    /// CommonMark also ends a line at a lone CR: the body's line numbers ran past the end of the
    /// file, and items were read from lines that do not exist.
    @Test func bodyLinesCountOnlyLineFeeds() {
        // Only the five missing fields: no "action has no text" from a line past the end.
        #expect(parse("---\n---\n## Actions\r\r-").located == Array(repeating: "missing-field 1:1", count: 5))
        let plan = parse(HostileInputTests.header + "## Actions\r\n\r\n- [ ] 2026-12-01 @li-you Call\r- [ ] @nobody Visit\n")
        // One action on line 10, whose text runs on past the lone CR, as the plan's lines say.
        #expect(plan.located == [])
        #expect(plan.plan.actions.map(\.location.line) == [10])
        #expect(plan.plan.actions.map(\.text) == ["Call\r- [ ] @nobody Visit"])
    }
}
