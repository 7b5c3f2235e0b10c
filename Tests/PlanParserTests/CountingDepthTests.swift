import Foundation
import PlanModel
import PlanParser
import Testing

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
}
