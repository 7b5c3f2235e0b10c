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
}
