import Foundation
import PlanEngine
import PlanModel
import PlanReports
import Testing

/// Golden output of prose changes in every diff rendering: the summary line (`log`, commit
/// messages), text, JSON and Markdown.
struct DiffReporterProseGoldenTests {
    /// An edited sentence in Risks, a new Chinese part, the intro's title, and a part cut by the bounds.
    static let change = PlanChange(
        kind: .account, id: "xinan-tobacco", path: "accounts/xinan-tobacco.md", status: .modified,
        fields: [FieldChange(name: "health", from: .text("green"), to: .text("yellow"))],
        proseChanged: true,
        prose: [
            ProseChange(heading: nil, status: .modified, lines: [
                ProseLineChange(.removed, line: 10, text: "# Xinan Tobacco"),
                ProseLineChange(.added, line: 10, text: "# Xinan Tobacco – account plan"),
            ]),
            ProseChange(heading: "Risks", status: .modified, lines: [
                ProseLineChange(.removed, line: 41, text: "Budget freeze until Q3."),
                ProseLineChange(.added, line: 41, text: "Budget freeze until Q4; the CFO confirmed it."),
            ]),
            ProseChange(heading: "风险 | 竞争", status: .added, lines: [
                ProseLineChange(.added, line: 60, text: "## 风险 | 竞争"),
                ProseLineChange(.added, line: 62, text: "竞争对手在接触财务总监。"),
            ], omittedLines: 3),
            ProseChange(heading: "Service notes", status: .removed, lines: [], omittedLines: 1),
        ])

    @Test func summaryNamesTheParts() {
        #expect(DiffReporter.summaryLine(Self.change)
                == "xinan-tobacco: health green → yellow; prose edited (before the first section, Risks, 风险 | 竞争, Service notes)")
    }

    @Test func textShowsTheChangedLines() {
        let expected = """
            accounts/xinan-tobacco.md (account xinan-tobacco, modified)
              health: green → yellow
              prose, before the first section:
                - # Xinan Tobacco
                + # Xinan Tobacco – account plan
              prose, Risks:
                - Budget freeze until Q3.
                + Budget freeze until Q4; the CFO confirmed it.
              prose, 风险 | 竞争 (added):
                + ## 风险 | 竞争
                + 竞争对手在接触财务总监。
                … and 3 more changed lines
              prose, Service notes (removed):
                … and 1 more changed line

            """
        #expect(DiffReporter.text([Self.change]) == expected)
        let coloured = DiffReporter.text([Self.change], color: true)
        #expect(coloured.contains("\u{1B}[1;31m- Budget freeze until Q3.\u{1B}[0m"), "\(coloured)")
        #expect(coloured.contains("\u{1B}[32m+ Budget freeze until Q4; the CFO confirmed it.\u{1B}[0m"), "\(coloured)")
    }

    @Test func markdownHasADiffBlockPerPart() {
        let expected = """
            ### acctplan: 1 plan changed (`main (abc1234)` → `working tree`)

            #### `xinan-tobacco` (account, modified)

            | what | before | after |
            | --- | --- | --- |
            | health | green | yellow |

            Prose, **before the first section**:

            ```diff
            - # Xinan Tobacco
            + # Xinan Tobacco – account plan
            ```

            Prose, **Risks**:

            ```diff
            - Budget freeze until Q3.
            + Budget freeze until Q4; the CFO confirmed it.
            ```

            Prose, **风险 \\| 竞争** (added):

            ```diff
            + ## 风险 | 竞争
            + 竞争对手在接触财务总监。
            ```

            _… and 3 more changed lines._

            Prose, **Service notes** (removed):

            _… and 1 more changed line._


            """
        #expect(DiffReporter.markdown([Self.change], from: "main (abc1234)", to: "working tree") == expected)
    }

    @Test func jsonAddsAProseListAndKeepsProseChanged() throws {
        let rendered = DiffReporter.json([Self.change], from: "0123abcd", to: "worktree")
        let expected = #"{"version":1,"from":"0123abcd","to":"worktree","plans":["#
            + #"{"kind":"account","id":"xinan-tobacco","path":"accounts/xinan-tobacco.md","status":"modified","#
            + #""fields":[{"name":"health","from":"green","to":"yellow"}],"sections":[],"prose_changed":true,"#
            + #""prose":["#
            + ##"{"section":null,"status":"modified","lines":[{"op":"-","line":10,"text":"# Xinan Tobacco"},"##
            + ##"{"op":"+","line":10,"text":"# Xinan Tobacco – account plan"}],"omitted_lines":0,"truncated":false},"##
            + #"{"section":"Risks","status":"modified","lines":[{"op":"-","line":41,"text":"Budget freeze until Q3."},"#
            + #"{"op":"+","line":41,"text":"Budget freeze until Q4; the CFO confirmed it."}],"omitted_lines":0,"truncated":false},"#
            + ###"{"section":"风险 | 竞争","status":"added","lines":[{"op":"+","line":60,"text":"## 风险 | 竞争"},"###
            + #"{"op":"+","line":62,"text":"竞争对手在接触财务总监。"}],"omitted_lines":3,"truncated":true},"#
            + #"{"section":"Service notes","status":"removed","lines":[],"omitted_lines":1,"truncated":true}]}]}"#
            + "\n"
        #expect(rendered == expected)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        #expect((object["plans"] as? [[String: Any]])?.first?["prose"] is [[String: Any]])
    }
}
