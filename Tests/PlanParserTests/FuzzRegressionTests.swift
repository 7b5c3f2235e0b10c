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
        #expect(parse("---\n{\r\re\n---").findings.map(\.located) == ["front-matter 3:1"])
        let separators = "---\nname: \"A\u{2028}B\u{85}C\rD\"\nindustry: tobacco\nbogus: 1\nstage: integration\nmanager: li-you\nreviewed: 2026-11-12\n---\n"
        #expect(parse(separators).located == ["unknown-field 4:1"])
        #expect(parseConfig("-\ro").1.map(\.located) == ["config 1:4"])
        // A control character is a reader error, which libyaml places by byte offset.
        #expect(parse("---\nname: 上海\u{01}\n---\n").findings.filter { $0.rule == .frontMatter }.map(\.located)
            == ["front-matter 2:9"])
    }
}
