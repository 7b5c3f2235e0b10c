import Foundation
import PlanEngine
import PlanModel
import Testing

/// What the report lists behind the rollup's counts (stale plans, overdue actions) and the
/// pipeline by close quarter, on the hand-computed `RollupFixture` (see its comment).
struct RollupListTests {
    private static func dec(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    @Test func stalePlansAreTheOnesTheRollupCounts() throws {
        let workspace = try RollupFixture.workspace()
        let stale = Rollup.stalePlans(Rollup.countedAccounts(workspace), asOf: RollupFixture.asOf, config: workspace.config)
        // delta reviewed 2026-06-01 (181 days before 2026-11-29), beta 2026-08-30 (91 days); gamma's
        // 2026-08-31 is exactly 90 days: not stale. Longest unreviewed first.
        #expect(stale.map { "\($0.account) \($0.reviewed) \($0.daysSinceReview)" } == [
            "delta 2026-06-01 181", "beta 2026-08-30 91",
        ])
        #expect(stale.count == Rollup.compute(workspace, asOf: RollupFixture.asOf).total.stale)
        #expect(stale.first?.path == "accounts/delta.md")
    }

    @Test func overdueActionsAreTheOnesTheRollupCounts() throws {
        let workspace = try RollupFixture.workspace()
        let overdue = Rollup.overdueActions(Rollup.countedAccounts(workspace), asOf: RollupFixture.asOf)
        // gamma's 2026-01-05 promise (328 days), then alpha's proposal due 11-28 (1 day); alpha's
        // call due on the as-of day, its done action and beta's undated one are not overdue.
        #expect(overdue.map { "\($0.account) \($0.due) \($0.daysOverdue) @\($0.owner ?? "-") \($0.text)" } == [
            "gamma 2026-01-05 328 @li-you Old promise", "alpha 2026-11-28 1 @li-you Send the proposal #o1",
        ])
        #expect(overdue.count == Rollup.compute(workspace, asOf: RollupFixture.asOf).total.actions.overdue)
        #expect(overdue.allSatisfy { $0.line > 1 })
    }

    @Test func pipelineByCloseQuarterAddsUpToTheRollup() throws {
        let workspace = try RollupFixture.workspace()
        let quarters = Rollup.pipelineByCloseQuarter(Rollup.countedAccounts(workspace), config: workspace.config)
        // Q4 2026: alpha o1 2,000,000 (75 % → 1,500,000), delta o1 1,000,000 (60 % → 600,000).
        // Q1 2027: alpha o2 710,000 (177,500), beta o1 300,000 (30,000), beta o2 1,234.56 (154.32),
        // gamma o1 100,000 (40 % → 40,000). Closed stages (won, lost, parked) are left out.
        #expect(quarters.map { "\($0.start?.description ?? "-")..\($0.end?.description ?? "-") \($0.opportunities)" } == [
            "2026-10-01..2026-12-31 2", "2027-01-01..2027-03-31 4",
        ])
        #expect(quarters.map(\.open) == [Self.dec("3000000"), Self.dec("1111234.56")])
        #expect(quarters.map(\.weighted) == [Self.dec("2100000"), Self.dec("247654.32")])
        let total = Rollup.compute(workspace, asOf: RollupFixture.asOf).total.pipeline
        #expect(quarters.reduce(Decimal(0)) { $0 + $1.open } == total.open)
        #expect(quarters.reduce(Decimal(0)) { $0 + $1.weighted } == total.weighted)
    }

    @Test func opportunitiesWithoutCloseDateComeLast() throws {
        var files = RollupFixture.files
        files["accounts/epsilon.md"] = RollupFixture.account(
            name: "Epsilon Energy", industry: "energy", stage: "departmental", manager: "wang-fang", reviewed: "2026-11-20",
            body: """
                ## Opportunities

                | ID | Name | Stage | Amount | Close |
                | --- | --- | --- | --- | --- |
                | o1 | Undated | qualify | 50,000 | soon |

                """)
        let workspace = try RollupFixture.workspace(files)
        let quarters = Rollup.pipelineByCloseQuarter(Rollup.countedAccounts(workspace), config: workspace.config)
        let last = try #require(quarters.last)
        #expect(last.start == nil && last.end == nil && last.opportunities == 1 && last.open == 50000 && last.weighted == 5000)
        #expect(quarters.reduce(Decimal(0)) { $0 + $1.open } == Rollup.compute(workspace, asOf: RollupFixture.asOf).total.pipeline.open)
    }

    /// Quarters follow the month of `fiscal_year_start`, like the quarterly trend's period ends.
    @Test func fiscalQuarters() {
        func quarter(_ date: String, _ start: MonthDay) -> String {
            let range = Rollup.fiscalQuarter(of: CalendarDate(parsing: date)!, fiscalYearStart: start)
            return "\(range.start)..\(range.end)"
        }
        let january = MonthDay(month: 1, day: 1), april = MonthDay(month: 4, day: 1), february = MonthDay(month: 2, day: 1)
        #expect(quarter("2026-11-29", january) == "2026-10-01..2026-12-31")
        #expect(quarter("2027-01-01", january) == "2027-01-01..2027-03-31")
        #expect(quarter("2027-02-28", april) == "2027-01-01..2027-03-31")
        #expect(quarter("2027-04-01", april) == "2027-04-01..2027-06-30")
        #expect(quarter("2027-01-15", february) == "2026-11-01..2027-01-31")
        #expect(quarter("2024-02-29", february) == "2024-02-01..2024-04-30")
        // The ends agree with the quarterly period ends of --trend.
        let ends = RollupHistory.periodEnds(from: CalendarDate(parsing: "2026-01-01")!, to: CalendarDate(parsing: "2027-12-31")!,
                                            quarterly: true, fiscalYearStart: february)
        for end in ends {
            #expect(Rollup.fiscalQuarter(of: end, fiscalYearStart: february).end == end)
        }
    }
}
