import Foundation
import PlanEngine
import PlanFormat
import PlanModel
import Testing

/// Tabs in front matter: YAML 1.2 takes a tab as the space between `key:` and its value, but
/// many YAML tools do not, so fmt writes one space there. A tab in indentation is no YAML at all:
/// the plan is refused where the tab is, with a hint that says so.
struct FrontMatterTabTests {
    @Test func tabsAfterAKeyBecomeOneSpace() {
        let plan = "---\nname: Tab Co\nindustry:\ttobacco\nstage: departmental\nmanager:\t\tli-you\n"
            + "team: [li-you]\nreviewed: 2026-11-01\n---\n# Tab Co\n"
        #expect(Fmt.format(plan) == "---\nname: Tab Co\nindustry: tobacco\nstage: departmental\nmanager: li-you\n"
            + "team: [li-you]\nreviewed: 2026-11-01\n---\n# Tab Co\n")
    }

    @Test func tabsMixedWithSpacesAfterAKeyAndInNestedMappings() {
        let plan = """
            ---
            name: Energy
            owner: \t li-you
            reviewed:\t 2026-11-01
            fiscal_year: 2026
            targets:
              revenue:\tCNY 40M
              stages: {integration:\t2}
            ---
            # Energy

            """
        #expect(Fmt.format(plan, kind: .industry, id: "energy") == """
            ---
            name: Energy
            owner: li-you
            reviewed: 2026-11-01
            fiscal_year: 2026
            targets:
              revenue: CNY 40M
              stages: {integration: 2}
            ---
            # Energy

            """)
    }

    @Test func aTabBeforeAKeyCommentGoesAndOnlyTrailingTabsAreTrimmed() {
        let plan = "---\nname: Tab Co\nindustry:\t# set below\n  tobacco\nstage: departmental\nmanager: li-you\t# owner\n"
            + "reviewed: 2026-11-01\t\n---\n# Tab Co\n"
        #expect(Fmt.format(plan) == "---\nname: Tab Co\nindustry: # set below\n  tobacco\nstage: departmental\n"
            + "manager: li-you\t# owner\nreviewed: 2026-11-01\n---\n# Tab Co\n")
    }

    @Test func aTabInsideAValueOrABlockScalarStays() {
        let plan = "---\nname: \"Tab:\tCo\"\nindustry: tobacco\nstage: departmental\nmanager: li-you\n"
            + "reviewed: 2026-11-01\nnotes: |\n  step:\tone\n---\n# Tab Co\n"
        #expect(Fmt.outcome(plan) == .unchanged)
    }

    @Test(arguments: [
        ("industry: tobacco\n\tstage: departmental\n", 4),
        ("industry: tobacco\nstage: departmental\nfoo:\n\tbar: 1\n", 6),
        ("industry: tobacco\nstage: departmental\nsegments:\n  -\thigh-end\n", 6),
    ])
    func aTabInIndentationIsRefusedWithItsPlaceAndAHint(frontMatter: String, line: Int) {
        let plan = "---\nname: Tab Co\n" + frontMatter + "manager: li-you\nreviewed: 2026-11-01\n---\n# Tab Co\n"
        guard case .refused(let findings) = Fmt.outcome(plan) else {
            Issue.record("not refused: \(Fmt.outcome(plan))")
            return
        }
        #expect(findings.map(\.rule) == [.frontMatter])
        #expect(findings.first?.location.line == line, "\(findings)")
        #expect(findings.first?.hint?.contains("tab") == true, "\(findings)")
    }
}
