import Foundation
import PlanModel
import PlanParser
import Testing
import TestSupport

/// `Depth.counting` (rollup, score, whitespace, report): everything of `full` but the front
/// matter's entries of the standard keys, which the header holds.
struct CountingDepthTests {
    static let plan = """
        ---
        name: Shanghai Tobacco
        stage: departmental
        industry: tobacco
        crm_id: SF-0042
        health: green
        fiscal_note: "closes in March"
        ---
        # Shanghai Tobacco

        ## Actions

        - [ ] 2027-01-10 @li-you Plan the workshop
        """

    @Test func standardEntriesAreDroppedCustomOnesKept() {
        let full = PlanParser().parse(Data(Self.plan.utf8), path: "accounts/shanghai-tobacco.md", kind: .account,
                                      id: "shanghai-tobacco", depth: .full)
        let counting = PlanParser().parse(Data(Self.plan.utf8), path: "accounts/shanghai-tobacco.md", kind: .account,
                                          id: "shanghai-tobacco", depth: .counting)
        #expect(full.plan.frontMatter.map(\.key) == ["name", "stage", "industry", "crm_id", "health", "fiscal_note"])
        #expect(counting.plan.frontMatter.map(\.key) == ["crm_id", "fiscal_note"])
        #expect(counting.plan.frontMatter.map(\.value) == full.plan.frontMatter.filter { ["crm_id", "fiscal_note"].contains($0.key) }.map(\.value))
        // The rest is the full parse: header, items, findings.
        #expect(counting.plan.header == full.plan.header)
        #expect(counting.plan.actions.map(\.text) == full.plan.actions.map(\.text))
        #expect(counting.findings.map(\.message) == full.findings.map(\.message))
        #expect(!full.findings.isEmpty, "the unknown keys are reported at both depths")
    }

    @Test func aGroupPlanKeepsOnlyItsNonStandardKeys() {
        let text = "---\nname: Tobacco\nowner: li-you\nnote: x\n---\n# Tobacco\n"
        let counting = PlanParser().parse(Data(text.utf8), path: "industries/tobacco.md", kind: .industry, id: "tobacco", depth: .counting)
        #expect(counting.plan.frontMatter.map(\.key) == ["note"])
        #expect(counting.plan.header.name?.value == "Tobacco")
    }

    /// `Depth.stageAndGroups` (a history census) reads only the header fields `StageAndGroups`
    /// holds: on generated front matters (good and bad values, unknown keys, broken YAML) it gives
    /// what the full parse gives.
    @Test func stageAndGroupsDepthGivesWhatTheFullParseGives() {
        var random = SplitMix64(seed: 41)
        let body = "# Plan\n\n## Actions\n\n- [ ] 2027-01-10 @li-you Call\n"
        let extra = ["stage: departmental", "stage: [a, b]", "industry: tobacco", "industry: Not An Id", "segments: [s-1, s-2]",
                     "segments: s-1", "segments: [Bad Id]", "manager: li-you", "manager: 李", "region: East", "abu: ABU 1",
                     "health: green", "reviewed: 2026-13-40", "revenue_target: CNY 1M", "fiscal_year: x", "kind: industry",
                     "id: other", "unknown_key: 1", "targets: {revenue: 1M}", "abu: [x]", "region:", "stage: 'quoted'"]
        for round in 0..<3_000 {
            var lines = (0..<Int.random(in: 0...8, using: &random)).map { _ in extra[Int(random.next() % UInt64(extra.count))] }
            if round % 5 == 0 { lines.append(PlainFrontMatterTests.frontMatter(&random)) }
            let text = "---\n" + lines.joined(separator: "\n") + "\n---\n" + body
            let parser = PlanParser()
            let full = parser.parse(Data(text.utf8), path: "accounts/a.md", kind: .account, id: "a", depth: .full)
            let history = parser.parse(Data(text.utf8), path: "accounts/a.md", kind: .account, id: "a", depth: .stageAndGroups)
            #expect(StageAndGroups(history.plan) == StageAndGroups(full.plan), "round \(round):\n\(text)")
            #expect(history.findings.isEmpty)
        }
    }

    /// What makes the full parse refuse a plan in its body — merge-conflict markers, bytes that
    /// are not UTF-8, a table too wide to parse — makes a history census refuse it too: `rollup
    /// --since` and `--trend` count a past plan as `rollup --rev` does (docs/reliability.md).
    @Test func aBodyTheFullParseRefusesIsRefusedByAHistoryCensus() {
        let header = "---\nstage: industry-solution\nindustry: tobacco\nsegments: [s-1]\n---\n# Plan\n\n"
        let wideRow = "|" + String(repeating: " a |", count: PlanParser.maxTableColumns + 1) + "\n"
        let bodies: [(String, [UInt8])] = [
            ("conflict", Array("## Actions\n\n<<<<<<< HEAD\n- [ ] 2027-01-10 @li-you Call\n=======\n- [ ] 2027-01-11 @li-you Call\n>>>>>>> other\n".utf8)),
            ("diff3 base marker alone", Array("## Actions\n\n||||||| base\n".utf8)),
            ("stray closing marker", Array("## Notes\n\n>>>>>>> theirs\n".utf8)),
            ("CRLF conflict", Array("## Notes\r\n\r\n<<<<<<< HEAD\r\na\r\n=======\r\nb\r\n>>>>>>> x\r\n".utf8)),
            ("invalid UTF-8", Array("## Notes\n\nCaf".utf8) + [0xE9] + Array(" au lait\n".utf8)),
            ("NUL byte", Array("## Notes\n\na".utf8) + [0] + Array("b\n".utf8)),
            ("too wide a table", Array("## Notes\n\n".utf8) + Array(wideRow.utf8)),
            ("a heading underline only", Array("Title\n=======\n\ntext\n".utf8)),
            ("markers after text, not at a line start", Array("## Notes\n\nsee <<<<<<< and >>>>>>> here\n".utf8)),
        ]
        for (name, body) in bodies {
            for lineEnd in ["\n", "\r\n"] {
                let data = Data(header.replacingOccurrences(of: "\n", with: lineEnd).utf8) + Data(body)
                let parser = PlanParser()
                let full = parser.parse(data, path: "accounts/a.md", kind: .account, id: "a", depth: .full)
                let history = parser.parse(data, path: "accounts/a.md", kind: .account, id: "a", depth: .stageAndGroups)
                #expect(StageAndGroups(history.plan) == StageAndGroups(full.plan), "\(name), \(lineEnd.debugDescription)")
            }
        }
        // The cases above that the full parse refuses are refused (the test would otherwise hold for
        // a parser that read every body).
        let refused = bodies.filter { !PlanParser().parse(Data(header.utf8) + Data($0.1), path: "accounts/a.md", kind: .account,
                                                                id: "a", depth: .full).plan.isReadable }.map(\.0)
        #expect(refused == ["conflict", "diff3 base marker alone", "stray closing marker", "CRLF conflict", "invalid UTF-8", "NUL byte",
                            "too wide a table"])

        // A block of longer markers (conflict-marker-size 8) that opens inside a quoted value of
        // the front matter, which YAML still reads, and closes in the body: neither half alone is
        // a block, so the census must look at the whole file, as the full parse does.
        let crossing = "---\nname: \"Huaxia Power\n<<<<<<<< ours\nGeneration Group\"\nstage: departmental\n---\n# Plan\n\n"
            + "========\nstage: departmental\n---\n# theirs\n>>>>>>>> theirs\n"
        for lineEnd in ["\n", "\r\n"] {
            let data = Data(crossing.replacingOccurrences(of: "\n", with: lineEnd).utf8)
            let full = PlanParser().parse(data, path: "accounts/a.md", kind: .account, id: "a", depth: .full)
            let history = PlanParser().parse(data, path: "accounts/a.md", kind: .account, id: "a", depth: .stageAndGroups)
            #expect(!full.plan.isReadable && full.plan.hasMergeConflicts, "\(lineEnd.debugDescription)")
            #expect(StageAndGroups(history.plan) == StageAndGroups(full.plan), "\(lineEnd.debugDescription)")
        }
    }
}
