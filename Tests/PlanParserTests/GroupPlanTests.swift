import Foundation
import PlanModel
import PlanParser
import Testing

/// Industry and segment plans (PLAN_FORMAT.md §4): owner, fiscal year and targets; only the
/// Actions section is structured, every account-only section is free prose.
struct GroupPlanTests {
    @Test func industryPlanWithTargets() throws {
        let text = """
            ---
            kind: industry
            name: Tobacco
            owner: zhou-jie
            reviewed: 2026-11-18
            fiscal_year: 2027
            targets:
              revenue: CNY 26M
              accounts: 3
              stages:
                industry-solution: 2
                integration: 1
            ---
            # Tobacco industry plan, fiscal year 2027

            ## Stakeholders

            | Who | What |
            | --- | --- |
            | anyone | anything |

            ## Opportunities

            | Not | A | Pipeline |
            | --- | --- | --- |

            ## Moments of truth

            - no date here

            ## Actions

            - [ ] 2026-12-14 @zhou-jie Publish the reference architecture
            - [x] 2026-10-10 @zhou-jie Collect win and loss reviews
            """
        let result = parse(text, kind: .industry, id: "tobacco")
        #expect(result.located == [])
        let plan = result.plan
        #expect(plan.kind == .industry)
        #expect(plan.header.name?.at == "Tobacco@3:7")
        #expect(plan.header.owner?.at == "zhou-jie@4:8")
        #expect(plan.header.reviewed?.at == "2026-11-18@5:11")
        #expect(plan.header.fiscalYear?.at == "2027@6:14")
        let targets = try #require(plan.header.targets)
        #expect(targets.location.line == 8)
        #expect(targets.revenue?.value == Money(Decimal(26_000_000), currency: "CNY"))
        #expect(targets.revenue?.location == SourceLocation(line: 8, column: 12))
        #expect(targets.accounts?.at == "3@9:13")
        #expect(targets.stages.map { "\($0.stage.at)=\($0.count)" } == ["industry-solution@11:5=2", "integration@12:5=1"])
        // Account-only sections are free prose here: nothing is read from them, nothing reported.
        #expect(plan.sections.map(\.heading) == ["Stakeholders", "Opportunities", "Moments of truth", "Actions"])
        #expect(plan.sections.map(\.kind) == [nil, nil, nil, .actions])
        #expect(plan.stakeholders.isEmpty)
        #expect(plan.opportunities.isEmpty)
        #expect(plan.moments.isEmpty)
        #expect(plan.actions.map(\.text) == ["Publish the reference architecture", "Collect win and loss reviews"])
        #expect(plan.actions.map(\.done) == [false, true])
        #expect(plan.actions[0].owner?.at == "zhou-jie@33:18")
    }

    @Test func segmentPlanWithBadTargets() throws {
        let text = """
            ---
            name: Installed-base high-end customers
            owner: he-jun
            fiscal_year: next
            targets: {revenue: lots, accounts: three, stages: {integration: two, departmental: 1}, budget: 5}
            stage: integration
            ---
            """
        let result = parse(text, kind: .segment, id: "installed-base-high-end")
        #expect(result.located == [
            "invalid-value 4:14", // fiscal_year: next
            "invalid-value 5:20", // revenue: lots
            "invalid-value 5:36", // accounts: three
            "invalid-value 5:65", // stages.integration: two
            "unknown-field 5:88", // targets.budget
            "unknown-field 6:1", // `stage` is an account key
        ])
        let targets = try #require(result.plan.header.targets)
        #expect(targets.revenue == nil)
        #expect(targets.accounts == nil)
        #expect(targets.stages.map { "\($0.stage.at)=\($0.count)" } == ["departmental@5:70=1"])
        #expect(result.plan.header.fiscalYear == nil)
        #expect(result.plan.header.owner?.at == "he-jun@3:8")
    }

    @Test func groupPlansRequireNameAndOwnerOnly() {
        let text = """
            ---
            reviewed: 2026-11-18
            ---
            # Energy
            """
        let result = parse(text, kind: .industry, id: "energy")
        #expect(result.located == ["missing-field 1:1", "missing-field 1:1"])
        #expect(result.findings.contains { $0.message.contains("'owner'") })
        #expect(result.findings.contains { $0.message.contains("'name'") })
    }

    @Test func accountKeysAreUnknownInGroupPlans() {
        let text = """
            ---
            name: New-logo growth
            owner: he-jun
            manager: li-you
            revenue_target: CNY 5M
            ---
            """
        #expect(parse(text, kind: .segment, id: "new-logo-growth").located == ["unknown-field 4:1", "unknown-field 5:1"])
    }

    @Test func groupKeysAreUnknownInAccountPlans() {
        let text = """
            ---
            name: A
            industry: tobacco
            stage: integration
            manager: li-you
            reviewed: 2026-11-12
            owner: li-you
            targets: {revenue: 5M}
            ---
            """
        #expect(parse(text).located == ["unknown-field 7:1", "unknown-field 8:1"])
    }

    @Test func targetsMustBeAMapping() {
        let text = """
            ---
            name: Energy
            owner: zhou-jie
            targets: CNY 5M
            ---
            """
        let result = parse(text, kind: .industry, id: "energy")
        #expect(result.located == ["invalid-value 4:10"])
        #expect(result.plan.header.targets == nil)
    }

    @Test func actionsAreReadInSegmentPlans() {
        let text = """
            ---
            name: New-logo growth
            owner: he-jun
            ---
            ## 行动计划

            - [ ] 2027-01-31 @he-jun Review the service agreements
            """
        let plan = parse(text, kind: .segment, id: "new-logo-growth").plan
        #expect(plan.sections.map(\.kind) == [.actions])
        #expect(plan.actions.map(\.text) == ["Review the service agreements"])
        #expect(plan.actions.first?.due?.at == "2027-01-31@7:7")
    }
}
