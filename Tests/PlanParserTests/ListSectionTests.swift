import Foundation
import PlanModel
import PlanParser
import Testing

/// The Actions task list (PLAN_FORMAT.md §3.2) and the Moments of truth list (§3.3).
struct ListSectionTests {
    @Test func actions() throws {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Actions

            - [ ] 2026-12-15 @chen-hao Run the architecture workshop
              on MES interfaces with the factory IT leads #opp-mes
            - [ ] 2027-01-20 Quarterly service review
            with the finance shared-service centre
            - Call the CIO about the renewal
            - [ ] 2026-13-01 @li-you Impossible date
            - [ ] 2026-12-01 @Li_You Bad owner
            - [ ] 2026-12-05 @li-you
            - [x] 2026-10-01 @wang-fang Quarterly service review
            with the finance shared-service centre
            - [ ] 2026-12-05 @li-you Confirm scope #opp-a, and #opp-c.
            """
        let result = parse(text)
        #expect(result.located == [
            "invalid-value 10:1", // not a task-list item
            "invalid-value 11:7", // 2026-13-01
            "invalid-value 12:18", // @Li_You is no person id
            "missing-field 13:1", // nothing to do
            "duplicate-key 14:1", // same text as line 8: checkbox, date and owner are not part of the key
        ])
        let actions = result.plan.actions
        let wrapped = try #require(actions.first)
        #expect(wrapped.location == SourceLocation(line: 6, column: 1))
        #expect(wrapped.due?.at == "2026-12-15@6:7")
        #expect(wrapped.owner?.at == "chen-hao@6:18")
        // A wrapped item is one action; its continuation line belongs to the text.
        #expect(wrapped.text == "Run the architecture workshop on MES interfaces with the factory IT leads #opp-mes")
        #expect(wrapped.references.map(\.at) == ["opp-mes@7:47"])

        let lazy = try #require(actions.first { $0.location.line == 8 })
        #expect(lazy.text == "Quarterly service review with the finance shared-service centre")
        #expect(lazy.owner == nil)
        #expect(lazy.due?.value == CalendarDate(year: 2027, month: 1, day: 20))

        let impossible = try #require(actions.first { $0.location.line == 11 })
        #expect(impossible.due == nil)
        #expect(impossible.dueMalformed)
        #expect(impossible.text == "Impossible date")

        let badOwner = try #require(actions.first { $0.location.line == 12 })
        #expect(badOwner.owner == nil)
        #expect(badOwner.text == "Bad owner")

        let done = try #require(actions.first { $0.location.line == 14 })
        #expect(done.done)
        #expect(done.key == lazy.key)

        let references = try #require(actions.last)
        #expect(references.references.map(\.at) == ["opp-a@16:40", "opp-c@16:52"])
    }

    @Test func actionItemsOfAnyBulletAndEmptyBoxes() throws {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Action plan

            * [ ] 2026-12-05 First
            * [x] Second
            * [X] Third
            """
        let result = parse(text)
        #expect(result.located == [])
        #expect(result.plan.actions.map(\.done) == [false, true, true])
        #expect(result.plan.actions.map(\.text) == ["First", "Second", "Third"])
        #expect(result.plan.actions[0].due?.at == "2026-12-05@6:7")
    }

    @Test func moments() throws {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Moments of truth

            - 2026-06-01 @zhao-lei Pilot went live
            - 2026-09-15 @li-you Pilot went live
            - 2026-06-01 @li-you Pilot went live
            - Sometime in spring @li-you Evening visit
            - 2026-02-30 @li-you Impossible date
            - 2026-11-03 @Li_You Evening visit to the CIO:
              agreed to pilot consolidation
            """
        let result = parse(text)
        #expect(result.located == [
            "duplicate-key 8:1", // same date and text as line 6
            "missing-field 9:3", // no date
            "invalid-value 10:3", // 2026-02-30
            "invalid-value 11:14", // @Li_You
        ])
        let moments = result.plan.moments
        #expect(moments.map(\.location.line) == [6, 7, 8, 9, 10, 11])
        #expect(moments[0].key == "2026-06-01 Pilot went live")
        #expect(moments[1].key == "2026-09-15 Pilot went live")
        #expect(moments[1].person?.at == "li-you@7:14")
        #expect(moments[3].date == nil)
        #expect(moments[4].date == nil)
        #expect(moments[5].date?.at == "2026-11-03@11:3")
        #expect(moments[5].person == nil)
        #expect(moments[5].text == "Evening visit to the CIO: agreed to pilot consolidation")
    }

    /// Items of other lists in the plan are not actions or moments.
    @Test func listsOutsideTheSectionsAreProse() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            # A

            - [ ] 2026-12-05 Goal for the year
            - Another goal

            ## Risks

            - [ ] 2026-12-05 Competitor pricing
            """
        let result = parse(text)
        #expect(result.located == [])
        #expect(result.plan.actions.isEmpty)
        #expect(result.plan.moments.isEmpty)
    }

    /// A list may follow a line of prose or a heading directly.
    @Test func listsWithoutBlankLinesAround() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Actions
            Our next steps:
            - [ ] 2026-12-05 @li-you First
            - [x] Second
              wrapped
            ## Moments of truth
            - 2026-11-03 @li-you Visit
            """
        let result = parse(text)
        #expect(result.located == [])
        #expect(result.plan.actions.map(\.text) == ["First", "Second wrapped"])
        #expect(result.plan.actions.map(\.location.line) == [6, 7])
        #expect(result.plan.actions.first?.owner?.at == "li-you@6:18")
        #expect(result.plan.moments.map(\.key) == ["2026-11-03 Visit"])
        #expect(result.plan.moments.first?.person?.at == "li-you@10:14")
    }
}
