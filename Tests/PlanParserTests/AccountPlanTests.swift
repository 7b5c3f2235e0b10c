import Foundation
import PlanModel
import PlanParser
import Testing

/// A complete account plan (PLAN_FORMAT.md §3, §4): every recognized section, every value with
/// its position.
struct AccountPlanTests {
    static let text = """
        ---
        kind: account
        id: shanghai-tobacco
        name: Shanghai Tobacco Group
        industry: tobacco
        segments: [installed-base-high-end, east-key-accounts]
        stage: integration
        manager: li-you
        team: [wang-fang, chen-hao]
        abu: Tobacco East ABU
        region: East China
        health: green
        since: 2009-03-01
        reviewed: "2026-11-12"
        revenue_target: CNY 18M
        ---
        # Shanghai Tobacco Group – account plan

        Free prose: goals for fiscal year 2027.

        ## Stakeholders

        | Name | Title | Role | Relationship | Owner |
        | --- | --- | --- | --- | --- |
        | Zhou Ming | Chief Information Officer | decision-maker | strong | li-you |
        | Qian Hui | Chief Financial Officer | sponsor | | |

        ## Installed base

        | Product | Modules | Since | Status |
        | --- | --- | --- | --- |
        | Financials | General ledger, payables | 2009 | live |
        | Group Consolidation | Consolidation | 2026-06-01 | implementing |

        ## Opportunities

        | Close | Amount | ID | Notes | Stage | Name | Probability |
        | --- | --- | --- | --- | --- | --- | --- |
        | 2026-12-20 | CNY 2.4M | opp-consolidation | CFO signs | negotiate | Group consolidation phase 2 | 80% |
        | 2027-03-31 | 3,500,000 | opp-data-platform | | propose | Enterprise data platform | |

        ## Actions

        - [ ] 2026-12-05 @li-you Confirm the phase-2 scope with the CFO #opp-consolidation
        - [x] 2026-09-10 @li-you Sign the upgrade contract
        - [X] @chen-hao Post-go-live health check
        - [ ] Draft the data-platform proposal for #opp-data-platform, with #opp-consolidation.

        ## Moments of truth

        - 2026-06-01 @zhao-lei Consolidation pilot went live without a missed close
        - 2026-11-03 Evening visit to the CIO

        ## Post-go-live service

        A named service team looks after the live systems.
        """

    @Test func hasNoFindings() {
        #expect(parse(Self.text).located == [])
    }

    @Test func frontMatterValues() throws {
        let plan = parse(Self.text).plan
        #expect(plan.isReadable)
        #expect(plan.kind == .account)
        #expect(plan.id == "shanghai-tobacco")
        #expect(plan.path == "accounts/shanghai-tobacco.md")
        #expect(plan.frontMatter.map(\.key) == ["kind", "id", "name", "industry", "segments", "stage", "manager", "team",
                                               "abu", "region", "health", "since", "reviewed", "revenue_target"])
        let header = plan.header
        #expect(header.name?.at == "Shanghai Tobacco Group@4:7")
        #expect(header.industry?.at == "tobacco@5:11")
        #expect(header.segments.map(\.at) == ["installed-base-high-end@6:12", "east-key-accounts@6:37"])
        #expect(header.stage?.at == "integration@7:8")
        #expect(header.manager?.at == "li-you@8:10")
        #expect(header.team.map(\.at) == ["wang-fang@9:8", "chen-hao@9:19"])
        #expect(header.abu?.at == "Tobacco East ABU@10:6")
        #expect(header.region?.at == "East China@11:9")
        #expect(header.health?.value == .green)
        #expect(header.health?.location == SourceLocation(line: 12, column: 9))
        #expect(header.since?.at == "2009-03-01@13:8")
        // A quoted date is a date too (§5: "a YAML date or string").
        #expect(header.reviewed?.at == "2026-11-12@14:11")
        let revenue = try #require(header.revenueTarget)
        #expect(revenue.value == Money(Decimal(18_000_000), currency: "CNY"))
        #expect(revenue.location == SourceLocation(line: 15, column: 17))
        #expect(header.owner == nil)
        #expect(header.targets == nil)
    }

    @Test func titleAndSections() {
        let plan = parse(Self.text).plan
        #expect(plan.title == "Shanghai Tobacco Group – account plan")
        #expect(plan.sections.map(\.heading) == ["Stakeholders", "Installed base", "Opportunities", "Actions",
                                                "Moments of truth", "Post-go-live service"])
        #expect(plan.sections.map(\.kind) == [.stakeholders, .installedBase, .opportunities, .actions, .moments, nil])
        #expect(plan.sections.map(\.location.line) == [21, 28, 35, 42, 49, 54])
        #expect(plan.sections.map(\.location.column) == [1, 1, 1, 1, 1, 1])
        // A section ends on the line before the next level-2 heading.
        #expect(plan.sections.prefix(5).map(\.endLine) == [27, 34, 41, 48, 53])
        #expect(plan.sections[5].endLine >= 56)
        #expect(plan.disabledRules.isEmpty)
    }

    @Test func stakeholders() throws {
        let people = parse(Self.text).plan.stakeholders
        try #require(people.count == 2)
        #expect(people[0].location == SourceLocation(line: 25, column: 1))
        #expect(people[0].name?.at == "Zhou Ming@25:3")
        #expect(people[0].title?.at == "Chief Information Officer@25:15")
        #expect(people[0].role?.value == .decisionMaker)
        #expect(people[0].role?.location == SourceLocation(line: 25, column: 43))
        #expect(people[0].relationship?.value == .strong)
        #expect(people[0].relationship?.location == SourceLocation(line: 25, column: 60))
        #expect(people[0].owner?.at == "li-you@25:69")
        #expect(people[0].extra == [])
        #expect(people[1].name?.at == "Qian Hui@26:3")
        #expect(people[1].role?.value == .sponsor)
        #expect(people[1].role?.location == SourceLocation(line: 26, column: 40))
        // Empty optional cells are absent values, not errors.
        #expect(people[1].relationship == nil)
        #expect(people[1].owner == nil)
    }

    @Test func installedBase() throws {
        let products = parse(Self.text).plan.installedBase
        try #require(products.count == 2)
        #expect(products[0].location == SourceLocation(line: 32, column: 1))
        #expect(products[0].product?.at == "Financials@32:3")
        #expect(products[0].modules?.at == "General ledger, payables@32:16")
        #expect(products[0].since?.at == "2009@32:43")
        #expect(products[0].status?.value == .live)
        #expect(products[0].status?.location == SourceLocation(line: 32, column: 50))
        #expect(products[1].product?.at == "Group Consolidation@33:3")
        #expect(products[1].since?.at == "2026-06-01@33:41")
        #expect(products[1].status?.value == .implementing)
    }

    /// Columns in free order; the unknown `Notes` column is kept as an extra field.
    @Test func opportunities() throws {
        let pipeline = parse(Self.text).plan.opportunities
        try #require(pipeline.count == 2)
        let first = pipeline[0]
        #expect(first.location == SourceLocation(line: 39, column: 1))
        #expect(first.id?.at == "opp-consolidation@39:27")
        #expect(first.name?.at == "Group consolidation phase 2@39:71")
        #expect(first.stage?.at == "negotiate@39:59")
        #expect(first.amount?.value == Money(Decimal(2_400_000), currency: "CNY"))
        #expect(first.amount?.location == SourceLocation(line: 39, column: 16))
        #expect(first.probability?.value == Decimal(80))
        #expect(first.probability?.location == SourceLocation(line: 39, column: 101))
        #expect(first.close?.at == "2026-12-20@39:3")
        #expect(first.extra == [ExtraField(column: "Notes", value: "CFO signs")])

        let second = pipeline[1]
        #expect(second.id?.at == "opp-data-platform@40:28")
        #expect(second.stage?.value == "propose")
        #expect(second.amount?.value == Money(Decimal(3_500_000), currency: nil))
        // An empty Probability means the stage's default: no value of its own.
        #expect(second.probability == nil)
        #expect(second.close?.value == CalendarDate(year: 2027, month: 3, day: 31))
        #expect(second.extra == [ExtraField(column: "Notes", value: "")])
    }

    @Test func actions() throws {
        let actions = parse(Self.text).plan.actions
        try #require(actions.count == 4)

        #expect(actions[0].location == SourceLocation(line: 44, column: 1))
        #expect(actions[0].done == false)
        #expect(actions[0].due?.at == "2026-12-05@44:7")
        #expect(actions[0].owner?.at == "li-you@44:18")
        #expect(actions[0].text == "Confirm the phase-2 scope with the CFO #opp-consolidation")
        #expect(actions[0].key == "Confirm the phase-2 scope with the CFO #opp-consolidation")
        #expect(actions[0].references.map(\.at) == ["opp-consolidation@44:65"])

        #expect(actions[1].done == true)
        #expect(actions[1].due?.at == "2026-09-10@45:7")
        #expect(actions[1].text == "Sign the upgrade contract")
        #expect(actions[1].references == [])

        // `[X]` is done too; no date is fine for a done action.
        #expect(actions[2].done == true)
        #expect(actions[2].due == nil)
        #expect(actions[2].dueMalformed == false)
        #expect(actions[2].owner?.at == "chen-hao@46:7")
        #expect(actions[2].text == "Post-go-live health check")

        // No date and no owner: all of it is text; `#id` tokens anywhere, punctuation not included.
        #expect(actions[3].done == false)
        #expect(actions[3].due == nil)
        #expect(actions[3].owner == nil)
        #expect(actions[3].text == "Draft the data-platform proposal for #opp-data-platform, with #opp-consolidation.")
        #expect(actions[3].references.map(\.at) == ["opp-data-platform@47:44", "opp-consolidation@47:69"])
    }

    @Test func moments() throws {
        let moments = parse(Self.text).plan.moments
        try #require(moments.count == 2)
        #expect(moments[0].location == SourceLocation(line: 51, column: 1))
        #expect(moments[0].date?.at == "2026-06-01@51:3")
        #expect(moments[0].person?.at == "zhao-lei@51:14")
        #expect(moments[0].text == "Consolidation pilot went live without a missed close")
        #expect(moments[0].key == "2026-06-01 Consolidation pilot went live without a missed close")
        #expect(moments[1].date?.at == "2026-11-03@52:3")
        #expect(moments[1].person == nil)
        #expect(moments[1].text == "Evening visit to the CIO")
    }

    /// `kind` and `id` may be left out: they follow from the folder and the file name.
    @Test func kindAndIDAreOptional() {
        let text = Self.text.replacingOccurrences(of: "kind: account\nid: shanghai-tobacco\n", with: "")
        let result = parse(text)
        #expect(result.located == [])
        #expect(result.plan.header.name?.location == SourceLocation(line: 2, column: 7))
        #expect(result.plan.sections.first?.location.line == 19)
    }
}
