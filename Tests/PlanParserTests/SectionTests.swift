import Foundation
import PlanModel
import PlanParser
import Testing

/// Level-2 sections (PLAN_FORMAT.md §3): a recognized section at most once, any other heading is
/// free prose, and the `acctplan-disable` comment (§7).
struct SectionTests {
    @Test func theSameSectionTwiceIsAnErrorAtTheSecondHeading() throws {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Actions

            - [ ] 2026-12-05 First

            ## actions

            - [ ] 2026-12-06 Second
            """
        let result = parse(text)
        #expect(result.located == ["duplicate-section 8:1"])
        #expect(try #require(result.findings.first).message.contains("4"))
        #expect(result.plan.sections.map(\.kind) == [.actions, .actions])
        #expect(result.plan.actions.first?.text == "First")
    }

    /// An English and a Chinese alias name the same section.
    @Test(arguments: [
        ("Stakeholders", "干系人"), ("干系人", "关键人物"), ("Installed base", "已实施产品"), ("Opportunities", "商机"),
        ("Actions", "行动计划"), ("Action plan", "Actions"), ("Moments of truth", "关键时刻"), ("MOT", "Moments of truth"),
    ])
    func aliasesOfOneSectionAreDuplicates(first: String, second: String) {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## \(first)

            ## \(second)
            """
        #expect(parse(text).located == ["duplicate-section 6:1"])
    }

    @Test func freeProseSectionsMayRepeat() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Risks

            ## 风险

            ## Risks
            """
        let result = parse(text)
        #expect(result.located == [])
        #expect(result.plan.sections.map(\.heading) == ["Risks", "风险", "Risks"])
        #expect(result.plan.sections.map(\.kind) == [nil, nil, nil])
    }

    /// In an industry plan, Stakeholders is free prose: it may repeat and its table is not checked.
    @Test func accountOnlySectionsInAnIndustryPlanAreFreeProse() {
        let text = """
            ---
            name: Tobacco
            owner: zhou-jie
            ---
            ## Stakeholders

            | Name | Title |
            | --- | --- |
            | Zhou Ming | CIO |

            ## 干系人

            ## Installed base

            | Modules |
            | --- |
            | GL |

            ## 商机

            - not a table

            ## MOT

            - no date
            """
        let result = parse(text, kind: .industry, id: "tobacco")
        #expect(result.located == [])
        #expect(result.plan.sections.map(\.kind) == [nil, nil, nil, nil, nil])
        #expect(result.plan.stakeholders.isEmpty)
        #expect(result.plan.installedBase.isEmpty)
        #expect(result.plan.moments.isEmpty)
    }

    @Test func onlyLevelTwoHeadingsOpenSections() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            # Title

            ### Actions

            - [ ] 2026-12-05 Not an action: no section is open

            ## Opportunities

            ### Notes

            | ID | Name | Stage | Amount | Close |
            | --- | --- | --- | --- | --- |
            | opp-a | A | propose | 1k | 2027-01-31 |

            #### Opportunities
            """
        let result = parse(text)
        #expect(result.located == [])
        #expect(result.plan.title == "Title")
        #expect(result.plan.sections.map(\.heading) == ["Opportunities"])
        #expect(result.plan.actions.isEmpty)
        #expect(result.plan.opportunities.map { $0.id?.value } == ["opp-a"])
        #expect(result.plan.sections.first?.location == SourceLocation(line: 10, column: 1))
    }

    @Test func titleIsTheFirstLevelOneHeading() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            Intro before the title.

            #   Shanghai Tobacco Group   #

            # Second title
            """
        #expect(parse(text).plan.title == "Shanghai Tobacco Group")
        #expect(parse("---\n{name: A}\n---\nNo title at all.\n").plan.title == nil)
    }

    @Test func disableCommentListsRules() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            <!-- acctplan-disable stale-review, past-close -->
            # A
            """
        #expect(parse(text).plan.disabledRules == ["stale-review", "past-close"])
    }

    @Test func bareDisableCommentDisablesEverything() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            # A

            <!-- acctplan-disable -->
            """
        #expect(parse(text).plan.disabledRules == [RuleID.all])
    }

    @Test func severalDisableCommentsAddUp() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            # A
            <!-- acctplan-disable no-sponsor -->

            ## Risks

            <!-- acctplan-disable undated-action,overdue-action -->
            """
        #expect(parse(text).plan.disabledRules == ["no-sponsor", "undated-action", "overdue-action"])
    }

    @Test func otherCommentsDisableNothing() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            # A
            <!-- reviewed with the CIO -->
            <!-- acctplan: keep -->
            """
        #expect(parse(text).plan.disabledRules.isEmpty)
    }

    @Test func headingsInCodeBlocksOpenNoSection() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            # A

            ```markdown
            ## Actions

            - [ ] 2026-12-05 Example only
            ```

                ## Stakeholders
            """
        let result = parse(text)
        #expect(result.located == [])
        #expect(result.plan.sections.isEmpty)
        #expect(result.plan.actions.isEmpty)
    }

    @Test func setextAndClosedATXHeadingsOpenSections() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            Actions
            -------

            - [ ] 2026-12-05 First

            ## Moments of truth ##

            - 2026-11-03 Visit
            """
        let result = parse(text)
        #expect(result.located == [])
        #expect(result.plan.sections.map(\.kind) == [.actions, .moments])
        #expect(result.plan.sections.map(\.location.line) == [4, 9])
        #expect(result.plan.actions.map(\.text) == ["First"])
        #expect(result.plan.moments.map(\.text) == ["Visit"])
    }
}
