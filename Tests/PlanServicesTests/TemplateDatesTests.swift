import PlanModel
import PlanServices
import Testing

/// `init` moves the template's dates to the day it runs (TemplateDates).
struct TemplateDatesTests {
    @Test func movesDatesInTheWayTheyAreWritten() {
        let text = """
            reviewed: 2026-11-12
            | opp-erp | ERP | negotiate | CNY 2.4M | 2027/01/31 |
            - [ ] 2026-12-15 @li-you Workshop #opp-erp
            - 2009-03-01 Financials live (since 2009; 2,026 users; id 12026-11-120)
            """
        #expect(TemplateDates.shift(text, byDays: 20) == """
            reviewed: 2026-12-02
            | opp-erp | ERP | negotiate | CNY 2.4M | 2027/02/20 |
            - [ ] 2027-01-04 @li-you Workshop #opp-erp
            - 2009-03-21 Financials live (since 2009; 2,026 users; id 12026-11-120)
            """)
        #expect(TemplateDates.shift(text, byDays: 0) == text)
    }

    @Test func crossesMonthsYearsAndLeapDaysBothWays() {
        #expect(TemplateDates.shift("2028-02-28", byDays: 1) == "2028-02-29")
        #expect(TemplateDates.shift("2027-02-28", byDays: 1) == "2027-03-01")
        #expect(TemplateDates.shift("2026-12-31", byDays: 1) == "2027-01-01")
        #expect(TemplateDates.shift("2027-01-01", byDays: -1) == "2026-12-31")
        #expect(TemplateDates.shift("2026/03/01", byDays: -365) == "2025/03/01")
    }

    /// Not a date: left exactly as it is.
    @Test func leavesWhatIsNotADateAlone() {
        for text in ["2026-02-30", "2026-13-01", "2026-1-05", "2026-11/05", "20261-11-05", "2026-11-051", "2026-11-0", "2026-11-"] {
            #expect(TemplateDates.shift(text, byDays: 7) == text, "\(text)")
        }
    }

    @Test func onlyPlansMoveAndTheDayTheTemplateIsWrittenForChangesNothing() {
        let files = [("README.md", "acctplan score --since 2026-09-30\n"), ("acctplan.yml", "currency: CNY\n"),
                     ("accounts/east/a.md", "reviewed: 2026-11-12\n"), ("industries/t.md", "- [ ] 2026-12-14 x\n"),
                     ("segments/s.md", "reviewed: 2026-11-12\n"), ("docs/a.md", "2026-11-12\n")]
        let moved = TemplateDates.files(files, asOf: CalendarDate(year: 2026, month: 12, day: 8)!)
        #expect(moved.map(\.content) == ["acctplan score --since 2026-09-30\n", "currency: CNY\n", "reviewed: 2026-11-19\n",
                                         "- [ ] 2026-12-21 x\n", "reviewed: 2026-11-19\n", "2026-11-12\n"])
        #expect(TemplateDates.files(files, asOf: TemplateDates.writtenAsOf).map(\.content) == files.map(\.1))
    }
}
