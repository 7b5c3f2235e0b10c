import Foundation
import PlanEngine
import PlanModel
import PlanParser
import PlanWorkspace
import Testing

/// The lifecycle rollup engine (PLAN_FORMAT.md §8 `rollup`) on a small inline workspace whose every
/// number was worked out by hand (see the comments at `RollupFixture`), and the history helpers
/// behind `--since` and `--trend`.
struct RollupTests {}

// MARK: - Fixture

/// As of 2026-11-29, review interval 90 days: a plan is stale when `reviewed` is before 2026-08-31.
///
/// Configuration: currency CNY, fx USD 7.1. Opportunity stages are the defaults except that
/// `develop` defaults to 40 % (so a hard-coded default would show) and a custom closed stage
/// `parked` (20 %, closed) is added (so "closed" must come from the configuration).
///
/// Industries: `tobacco` (plan, targets revenue CNY 30M, stages departmental 3 /
/// industry-solution 2 / integration 1, and actions of its own, which are not counted),
/// `energy` (NO plan file), `retail` (plan reviewed long ago, which does not make anything
/// stale; targets revenue 5M and industry-solution 1; no member accounts).
/// Segments: `high-end` (plan, targets revenue USD 2M = 14,200,000, industry-solution 3),
/// `growth` (plan, no targets).
///
/// Accounts (stage / segments / manager / region / abu / health / reviewed / revenue_target):
///
/// | id | industry | segments | stage | manager | region | abu | health | reviewed | target |
/// | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
/// | alpha | tobacco | high-end, growth | integration | li-you | East | Tobacco ABU | green | 2026-11-01 | CNY 10M |
/// | beta | tobacco | high-end | industry-solution | wang-fang | East | – | yellow | 2026-08-30 (stale) | – |
/// | gamma | tobacco | – | departmental | li-you | West | – | – (unset) | 2026-08-31 (not stale) | USD 1M = 7,100,000 |
/// | delta | energy | growth | industry-solution | li-you | West | Energy ABU | red | 2026-06-01 (stale) | 3M |
/// | epsilon | energy | – | departmental | wang-fang | – | – | green | 2026-11-20 | – |
///
/// Opportunities (amount in CNY → open / weighted / won):
/// - alpha: o1 negotiate 2,000,000, empty → 75 %: open 2,000,000, weighted 1,500,000
///          o2 develop USD 100k = 710,000 at 25 %: open 710,000, weighted 177,500
///          o3 won 1,000,000: won 1,000,000 (not open); o4 lost 500,000: nothing
///          → open 2,710,000, weighted 1,677,500, won 1,000,000
/// - beta:  o1 qualify 300,000, empty → 10 %: weighted 30,000
///          o2 propose 1,234.56 at 12.5 %: weighted 154.32
///          o3 parked (closed) 400,000: nothing
///          → open 301,234.56, weighted 30,154.32, won 0
/// - gamma: o1 develop 100,000, empty → 40 % (configured): weighted 40,000
///          o2 won USD 10k = 71,000: won 71,000
///          → open 100,000, weighted 40,000, won 71,000
/// - delta: o1 negotiate 1,000,000 at 60 %: open 1,000,000, weighted 600,000
/// - epsilon: no opportunities.
///
/// Actions (open / overdue / done):
/// - alpha: open due 11-28 (overdue), open due 11-29 (the as-of day: not overdue), done due
///          10-01 (done, never overdue), open due 12-31 → 3 / 1 / 1
/// - beta:  done, open without date → 1 / 0 / 1
/// - gamma: open due 2026-01-05 → 1 / 1 / 0
/// - delta: none → 0 / 0 / 0
/// - epsilon: two done → 0 / 0 / 2
enum RollupFixture {
    static let asOf = CalendarDate(parsing: "2026-11-29")!

    static let config = """
        version: 1
        currency: CNY
        fx: {USD: 7.1}
        review_interval_days: 90
        opportunity_stages:
          - {id: qualify,   probability: 10}
          - {id: develop,   probability: 40}
          - {id: propose,   probability: 50}
          - {id: negotiate, probability: 75}
          - {id: won,       probability: 100, closed: true}
          - {id: lost,      probability: 0,   closed: true}
          - {id: parked,    probability: 20,  closed: true}
        people:
          li-you: {name: Li You}
          wang-fang: {name: Wang Fang}

        """

    static let tobacco = """
        ---
        name: Tobacco
        owner: li-you
        reviewed: 2026-11-01
        fiscal_year: 2027
        targets:
          revenue: CNY 30M
          accounts: 3
          stages:
            departmental: 3
            industry-solution: 2
            integration: 1
        ---
        # Tobacco

        ## Actions

        - [ ] 2026-01-01 @li-you An overdue industry action (not counted: actions are counted over account plans)
        - [x] 2026-02-01 @li-you A done industry action (not counted either)

        """

    static let retail = """
        ---
        name: Retail
        owner: wang-fang
        reviewed: 2025-01-01
        targets:
          revenue: 5,000,000
          stages:
            industry-solution: 1
        ---
        # Retail

        """

    static let highEnd = """
        ---
        name: Installed-base high-end
        owner: li-you
        targets:
          revenue: USD 2M
          stages:
            industry-solution: 3
        ---
        # High-end

        """

    static let growth = """
        ---
        name: New-logo growth
        owner: wang-fang
        ---
        # Growth

        """

    static func account(name: String, industry: String, segments: [String] = [], stage: String, manager: String,
                        extra: [String] = [], reviewed: String, body: String) -> String {
        var lines = ["---", "name: \(name)", "industry: \(industry)"]
        if !segments.isEmpty { lines.append("segments: [\(segments.joined(separator: ", "))]") }
        lines += ["stage: \(stage)", "manager: \(manager)"] + extra + ["reviewed: \(reviewed)", "---", "# \(name)", "",
                  "## Stakeholders", "", "| Name | Role |", "| --- | --- |", "| Zhou Ming | decision-maker |", ""]
        return lines.joined(separator: "\n") + "\n" + body
    }

    static let alpha = account(
        name: "Alpha Tobacco", industry: "tobacco", segments: ["high-end", "growth"], stage: "integration", manager: "li-you",
        extra: ["region: East", "abu: Tobacco ABU", "health: green", "revenue_target: CNY 10M"], reviewed: "2026-11-01",
        body: """
            ## Opportunities

            | ID | Name | Stage | Amount | Probability | Close |
            | --- | --- | --- | --- | --- | --- |
            | o1 | Consolidation | negotiate | 2,000,000 | | 2026-12-20 |
            | o2 | Data platform | develop | USD 100k | 25% | 2027-03-31 |
            | o3 | Budgeting | won | 1M | | 2026-10-01 |
            | o4 | Treasury | lost | 500k | | 2026-09-01 |

            ## Actions

            - [ ] 2026-11-28 @li-you Send the proposal #o1
            - [ ] 2026-11-29 @li-you Call the CFO
            - [x] 2026-10-01 @li-you Kick-off workshop
            - [ ] 2026-12-31 @wang-fang Plan the next year

            """)

    static let beta = account(
        name: "Beta Tobacco", industry: "tobacco", segments: ["high-end"], stage: "industry-solution", manager: "wang-fang",
        extra: ["region: East", "health: yellow"], reviewed: "2026-08-30",
        body: """
            ## Opportunities

            | ID | Name | Stage | Amount | Probability | Close |
            | --- | --- | --- | --- | --- | --- |
            | o1 | HR | qualify | 300,000 | | 2027-02-01 |
            | o2 | Small add-on | propose | 1,234.56 | 12.5% | 2027-01-15 |
            | o3 | On hold | parked | 400k | | 2027-06-30 |

            ## Actions

            - [x] 2026-09-01 Visit the plant
            - [ ] Find a sponsor

            """)

    static let gamma = account(
        name: "Gamma Tobacco", industry: "tobacco", stage: "departmental", manager: "li-you",
        extra: ["region: West", "revenue_target: USD 1M"], reviewed: "2026-08-31",
        body: """
            ## Opportunities

            | ID | Name | Stage | Amount | Probability | Close |
            | --- | --- | --- | --- | --- | --- |
            | o1 | Finance | develop | 100,000 | | 2027-01-31 |
            | o2 | Licences | won | USD 10k | | 2026-06-30 |

            ## Actions

            - [ ] 2026-01-05 @li-you Old promise

            """)

    static let delta = account(
        name: "Delta Energy", industry: "energy", segments: ["growth"], stage: "industry-solution", manager: "li-you",
        extra: ["region: West", "abu: Energy ABU", "health: red", "revenue_target: 3M"], reviewed: "2026-06-01",
        body: """
            ## Opportunities

            | ID | Name | Stage | Amount | Probability | Close |
            | --- | --- | --- | --- | --- | --- |
            | o1 | Grid | negotiate | 1,000,000 | 60 | 2026-12-31 |

            """)

    static let epsilon = account(
        name: "Epsilon Energy", industry: "energy", stage: "departmental", manager: "wang-fang",
        extra: ["health: green"], reviewed: "2026-11-20",
        body: """
            ## Actions

            - [x] 2026-10-01 Demo
            - [x] 2026-10-15 Pilot

            """)

    static let files: [String: String] = [
        "acctplan.yml": config,
        "industries/tobacco.md": tobacco,
        "industries/retail.md": retail,
        "segments/high-end.md": highEnd,
        "segments/growth.md": growth,
        "accounts/alpha.md": alpha,
        "accounts/east/beta.md": beta,
        "accounts/gamma.md": gamma,
        "accounts/delta.md": delta,
        "accounts/epsilon.md": epsilon,
    ]

    static func workspace(_ files: [String: String] = files) throws -> Workspace {
        try WorkspaceLoader.load(from: MemorySource(files))
    }

    static func rollup(_ dimensions: [Rollup.Dimension] = [.industry, .segment]) throws -> Rollup {
        Rollup.compute(try workspace(), asOf: asOf, dimensions: dimensions)
    }
}

/// Exact decimals from text (never through a binary floating-point literal).
private func dec(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

/// A group's numbers in one comparable line, amounts as plain decimal strings.
private func summary(_ group: Rollup.Group) -> String {
    func amount(_ value: Decimal?) -> String { value.map { "\($0.plainString)" } ?? "null" }
    let counts = group.stageCounts.map { "\($0.stage)=\($0.count)" }.joined(separator: ",")
    let targets = group.stageTargets.map { "\($0.stage):\($0.target)/\($0.actual)" }.joined(separator: ",")
    return "\(group.dimension.rawValue)/\(group.id) name=\(group.name ?? "null") plan=\(group.hasPlan) accounts=\(group.accounts) "
        + "members=\(group.members.joined(separator: ",")) counts=[\(counts)] targets=[\(targets)] "
        + "revenue=\(amount(group.revenue.target))/\(amount(group.revenue.planned))/\(amount(group.revenue.gap)) "
        + "pipeline=\(amount(group.pipeline.open))/\(amount(group.pipeline.weighted))/\(amount(group.pipeline.won)) "
        + "actions=\(group.actions.open)/\(group.actions.overdue)/\(group.actions.done) stale=\(group.stale) "
        + "health=\(group.health.green)/\(group.health.yellow)/\(group.health.red)/\(group.health.unset)"
}

private func actions(_ value: Rollup.Actions) -> String { "\(value.open)/\(value.overdue)/\(value.done)" }

private func health(_ value: Rollup.HealthCounts) -> String { "\(value.green)/\(value.yellow)/\(value.red)/\(value.unset)" }

private func counts(_ list: [(stage: String, count: Int)]) -> String {
    list.map { "\($0.stage)=\($0.count)" }.joined(separator: ",")
}

// MARK: - Industries and segments

extension RollupTests {
    @Test func fixtureParsesWithoutErrors() throws {
        let workspace = try RollupFixture.workspace()
        let errors = Linter.lint(workspace, asOf: RollupFixture.asOf).filter { $0.severity == .error }
        #expect(errors.isEmpty, "the fixture must be a valid workspace: \(errors)")
        #expect(workspace.plans(.account).count == 5)
        #expect(workspace.plans(.account).allSatisfy { $0.header.stage != nil && $0.isReadable })
    }

    @Test func topLevelFields() throws {
        let rollup = try RollupFixture.rollup()
        #expect(rollup.asOf == RollupFixture.asOf)
        #expect(rollup.currency == "CNY")
        #expect(rollup.stages == ["departmental", "industry-solution", "integration"])
    }

    /// Every industry and segment that has a plan or a member, sorted by dimension then id.
    @Test func groupsAreEveryIndustryAndSegmentSorted() throws {
        let rollup = try RollupFixture.rollup()
        #expect(rollup.groups.map { "\($0.dimension.rawValue)/\($0.id)" } == [
            "industry/energy", "industry/retail", "industry/tobacco", "segment/growth", "segment/high-end",
        ])
    }

    /// tobacco: alpha, beta, gamma.
    /// counts 1/1/1; targets departmental 3 (actual 3: all at or beyond), industry-solution 2
    /// (alpha, beta), integration 1 (alpha); revenue 30,000,000 − (10,000,000 + 0 + 7,100,000)
    /// = 12,900,000; open 2,710,000 + 301,234.56 + 100,000 = 3,111,234.56; weighted
    /// 1,677,500 + 30,154.32 + 40,000 = 1,747,654.32; won 1,000,000 + 71,000 = 1,071,000;
    /// actions 3+1+1 / 1+0+1 / 1+1+0 = 5/2/2; stale 1 (beta); health green alpha, yellow beta,
    /// unset gamma.
    @Test func industryWithPlanAndTargets() throws {
        let rollup = try RollupFixture.rollup()
        let tobacco = try #require(rollup.groups.first { $0.dimension == .industry && $0.id == "tobacco" })
        #expect(summary(tobacco) == "industry/tobacco name=Tobacco plan=true accounts=3 members=alpha,beta,gamma "
            + "counts=[departmental=1,industry-solution=1,integration=1] "
            + "targets=[departmental:3/3,industry-solution:2/2,integration:1/1] "
            + "revenue=30000000/17100000/12900000 pipeline=3111234.56/1747654.32/1071000 "
            + "actions=5/2/2 stale=1 health=1/1/0/1")
        #expect(tobacco.revenue.target == dec("30000000"))
        #expect(tobacco.revenue.planned == dec("17100000"))
        #expect(tobacco.revenue.gap == dec("12900000"))
        #expect(tobacco.pipeline.open == dec("3111234.56"))
        #expect(tobacco.pipeline.weighted == dec("1747654.32"))
        #expect(tobacco.pipeline.won == dec("1071000"))
    }

    /// energy has no plan: has_plan false, no name, no targets, gap null.
    /// delta + epsilon: counts departmental 1 (epsilon), industry-solution 1 (delta);
    /// planned 3,000,000 (epsilon has none); open 1,000,000, weighted 600,000, won 0;
    /// actions 0/0/2; stale 1 (delta); health green 1, red 1.
    @Test func industryWithoutPlan() throws {
        let rollup = try RollupFixture.rollup()
        let energy = try #require(rollup.groups.first { $0.id == "energy" })
        #expect(summary(energy) == "industry/energy name=null plan=false accounts=2 members=delta,epsilon "
            + "counts=[departmental=1,industry-solution=1,integration=0] targets=[] "
            + "revenue=null/3000000/null pipeline=1000000/600000/0 actions=0/0/2 stale=1 health=1/0/1/0")
        #expect(energy.revenue.gap == nil, "gap is null without a target")
    }

    /// retail has a plan but no member: it appears, with zeros, and its target is all gap.
    @Test func planWithoutMembersAppearsWithZeros() throws {
        let rollup = try RollupFixture.rollup()
        let retail = try #require(rollup.groups.first { $0.id == "retail" })
        #expect(summary(retail) == "industry/retail name=Retail plan=true accounts=0 members= "
            + "counts=[departmental=0,industry-solution=0,integration=0] targets=[industry-solution:1/0] "
            + "revenue=5000000/0/5000000 pipeline=0/0/0 actions=0/0/0 stale=0 health=0/0/0/0")
    }

    /// high-end: alpha + beta. Target USD 2M = 14,200,000, planned 10,000,000 → gap 4,200,000;
    /// industry-solution target 3, actual 2 (beta at it, alpha beyond it); open 2,710,000 +
    /// 301,234.56; weighted 1,677,500 + 30,154.32; won 1,000,000; actions 4/1/2; stale 1 (beta).
    /// growth: alpha + delta, no targets. planned 10M + 3M; open 2,710,000 + 1,000,000; weighted
    /// 1,677,500 + 600,000; won 1,000,000; actions 3/1/1; stale 1 (delta); green 1, red 1.
    @Test func segmentsCountAnAccountInEachOfItsSegments() throws {
        let rollup = try RollupFixture.rollup()
        let highEnd = try #require(rollup.groups.first { $0.id == "high-end" })
        #expect(summary(highEnd) == "segment/high-end name=Installed-base high-end plan=true accounts=2 members=alpha,beta "
            + "counts=[departmental=0,industry-solution=1,integration=1] targets=[industry-solution:3/2] "
            + "revenue=14200000/10000000/4200000 pipeline=3011234.56/1707654.32/1000000 "
            + "actions=4/1/2 stale=1 health=1/1/0/0")
        let growth = try #require(rollup.groups.first { $0.id == "growth" })
        #expect(summary(growth) == "segment/growth name=New-logo growth plan=true accounts=2 members=alpha,delta "
            + "counts=[departmental=0,industry-solution=1,integration=1] targets=[] "
            + "revenue=null/13000000/null pipeline=3710000/2277500/1000000 actions=3/1/1 stale=1 health=1/0/1/0")
    }

    /// Each account once, although alpha is in two segments (and in an industry):
    /// counts departmental 2 (gamma, epsilon), industry-solution 2 (beta, delta), integration 1;
    /// open 3,111,234.56 + 1,000,000 = 4,111,234.56; weighted 1,747,654.32 + 600,000 =
    /// 2,347,654.32; won 1,071,000; actions 5/2/4; stale 2 (beta, delta); health 2/1/1/1.
    @Test func totalCountsEachAccountOnce() throws {
        let total = try RollupFixture.rollup().total
        #expect(total.accounts == 5)
        #expect(counts(total.stageCounts) == "departmental=2,industry-solution=2,integration=1")
        #expect(total.pipeline.open == dec("4111234.56"))
        #expect(total.pipeline.weighted == dec("2347654.32"))
        #expect(total.pipeline.won == dec("1071000"))
        #expect(actions(total.actions) == "5/2/4")
        #expect(total.stale == 2)
        #expect(health(total.health) == "2/1/1/1")
        // The total is not the sum over groups (alpha is in three of them).
        let rollup = try RollupFixture.rollup()
        #expect(rollup.groups.reduce(0) { $0 + $1.accounts } == 9)
    }

    /// "Won" is read from the configuration (closed, probability 100), not from the stage's name:
    /// renamed `signed`, the same opportunities are still won; a `won` stage that is not closed
    /// at 100 % wins nothing.
    @Test func wonComesFromTheConfiguredStageNotItsName() throws {
        var files = RollupFixture.files
        for (path, text) in files where path.hasPrefix("accounts/") {
            files[path] = text.replacingOccurrences(of: "| won |", with: "| signed |")
        }
        files["acctplan.yml"] = RollupFixture.config.replacingOccurrences(
            of: "{id: won,       probability: 100, closed: true}", with: "{id: signed, probability: 100, closed: true}")
        let renamed = Rollup.compute(try RollupFixture.workspace(files), asOf: RollupFixture.asOf, dimensions: [.industry])
        #expect(renamed.total.pipeline.won == dec("1071000"))
        #expect(renamed.total.pipeline.open == dec("4111234.56"))

        files = RollupFixture.files
        files["acctplan.yml"] = RollupFixture.config.replacingOccurrences(
            of: "{id: won,       probability: 100, closed: true}", with: "{id: won, probability: 90, closed: true}")
        let notWon = Rollup.compute(try RollupFixture.workspace(files), asOf: RollupFixture.asOf, dimensions: [.industry])
        #expect(notWon.total.pipeline.won == 0)
    }

    /// Stale is "older than review_interval_days": 2026-08-31 is exactly 90 days before the
    /// as-of date and not stale, 2026-08-30 is.
    @Test func staleBoundary() throws {
        var files = RollupFixture.files
        files["acctplan.yml"] = RollupFixture.config.replacingOccurrences(of: "review_interval_days: 90",
                                                                          with: "review_interval_days: 91")
        let rollup = Rollup.compute(try RollupFixture.workspace(files), asOf: RollupFixture.asOf)
        // With 91 days only delta (2026-06-01) is stale: beta (2026-08-30) is 91 days old, not older.
        #expect(rollup.total.stale == 1)
        let later = Rollup.compute(try RollupFixture.workspace(), asOf: RollupFixture.asOf.adding(days: 1))
        // One day later gamma (2026-08-31) becomes stale too.
        #expect(later.total.stale == 3)
    }

    /// Overdue moves with the as-of date: on 2026-11-30 alpha's action due 11-29 is overdue too.
    @Test func overdueDependsOnAsOf() throws {
        let later = Rollup.compute(try RollupFixture.workspace(), asOf: RollupFixture.asOf.adding(days: 1))
        #expect(actions(later.total.actions) == "5/3/4")
        let early = Rollup.compute(try RollupFixture.workspace(), asOf: CalendarDate(parsing: "2026-01-05")!)
        // Nothing is before 2026-01-05: gamma's action is due that very day.
        #expect(early.total.actions.overdue == 0)
    }

    /// A stage order configured differently changes "at or beyond".
    @Test func stageTargetsFollowTheConfiguredOrder() throws {
        var files = RollupFixture.files
        files["acctplan.yml"] = RollupFixture.config + """
            lifecycle:
              - {id: departmental, label: D}
              - {id: integration, label: A}
              - {id: industry-solution, label: I}

            """
        let rollup = Rollup.compute(try RollupFixture.workspace(files), asOf: RollupFixture.asOf)
        #expect(rollup.stages == ["departmental", "integration", "industry-solution"])
        let tobacco = try #require(rollup.groups.first { $0.id == "tobacco" })
        // integration is now below industry-solution: at or beyond integration are alpha and beta.
        #expect(tobacco.stageTargets.map { "\($0.stage):\($0.target)/\($0.actual)" }
                == ["departmental:3/3", "industry-solution:2/1", "integration:1/2"])
        #expect(counts(tobacco.stageCounts) == "departmental=1,integration=1,industry-solution=1")
    }
}

// MARK: - Other dimensions

extension RollupTests {
    /// Managers: li-you (alpha, gamma, delta), wang-fang (beta, epsilon); names from `people:`,
    /// no plan, no targets.
    /// li-you: counts 1/1/1; planned 10M + 7.1M + 3M = 20.1M; open 2,710,000 + 100,000 + 1,000,000
    /// = 3,810,000; weighted 1,677,500 + 40,000 + 600,000 = 2,317,500; won 1,071,000;
    /// actions 4/2/1; stale 1 (delta); health green 1, red 1, unset 1.
    /// wang-fang: counts 1/1/0; planned 0; open 301,234.56; weighted 30,154.32; won 0;
    /// actions 1/0/3; stale 1 (beta); health green 1, yellow 1.
    @Test func byManager() throws {
        let rollup = try RollupFixture.rollup([.manager])
        #expect(rollup.groups.map(summary) == [
            "manager/li-you name=Li You plan=false accounts=3 members=alpha,delta,gamma "
                + "counts=[departmental=1,industry-solution=1,integration=1] targets=[] "
                + "revenue=null/20100000/null pipeline=3810000/2317500/1071000 actions=4/2/1 stale=1 health=1/0/1/1",
            "manager/wang-fang name=Wang Fang plan=false accounts=2 members=beta,epsilon "
                + "counts=[departmental=1,industry-solution=1,integration=0] targets=[] "
                + "revenue=null/0/null pipeline=301234.56/30154.32/0 actions=1/0/3 stale=1 health=1/1/0/0",
        ])
        #expect(rollup.total.accounts == 5)
        #expect(actions(rollup.total.actions) == "5/2/4")
    }

    /// Regions: East (alpha, beta), West (gamma, delta); epsilon has no region and is in no group,
    /// but in the total.
    @Test func byRegion() throws {
        let rollup = try RollupFixture.rollup([.region])
        #expect(rollup.groups.map { "\($0.dimension.rawValue)/\($0.id):\($0.members.joined(separator: ","))" }
                == ["region/East:alpha,beta", "region/West:delta,gamma"])
        let west = try #require(rollup.groups.last)
        // gamma + delta: open 100,000 + 1,000,000, weighted 40,000 + 600,000, won 71,000; planned 7.1M + 3M.
        #expect(summary(west) == "region/West name=null plan=false accounts=2 members=delta,gamma "
            + "counts=[departmental=1,industry-solution=1,integration=0] targets=[] "
            + "revenue=null/10100000/null pipeline=1100000/640000/71000 actions=1/1/0 stale=1 health=0/0/1/1")
        #expect(rollup.total.accounts == 5)
    }

    /// ABUs: "Energy ABU" (delta), "Tobacco ABU" (alpha), sorted by id.
    @Test func byABU() throws {
        let rollup = try RollupFixture.rollup([.abu])
        #expect(rollup.groups.map { "\($0.id):\($0.members.joined(separator: ","))" }
                == ["Energy ABU:delta", "Tobacco ABU:alpha"])
        #expect(rollup.groups.allSatisfy { !$0.hasPlan && $0.stageTargets.isEmpty && $0.revenue.target == nil })
        let tobaccoABU = try #require(rollup.groups.last)
        #expect(tobaccoABU.pipeline.open == dec("2710000") && tobaccoABU.pipeline.weighted == dec("1677500")
                && tobaccoABU.pipeline.won == dec("1000000"))
    }

    /// `--by industry` alone: no segment groups.
    @Test func singleDimension() throws {
        let rollup = try RollupFixture.rollup([.industry])
        #expect(rollup.groups.map(\.id) == ["energy", "retail", "tobacco"])
        #expect(rollup.total.accounts == 5)
    }
}

// MARK: - History

/// Two snapshots of a small workspace for `--since`:
/// then: a departmental (s1), b industry-solution, c integration (s1), x departmental (s1)
/// now:  a industry-solution (s1) — up; b unchanged; c departmental (s1) — down;
///       x removed; y integration (s2) — new.
enum HistoryFixture {
    static func account(_ id: String, stage: String, segments: [String] = []) -> String {
        var text = "---\nname: \(id.uppercased())\nindustry: tobacco\n"
        if !segments.isEmpty { text += "segments: [\(segments.joined(separator: ", "))]\n" }
        return text + "stage: \(stage)\nmanager: li-you\nreviewed: 2026-11-01\n---\n# \(id)\n"
    }

    static let common = [
        "acctplan.yml": "version: 1\ncurrency: CNY\nfx: {USD: 7.1}\n",
        "industries/tobacco.md": "---\nname: Tobacco\nowner: li-you\n---\n# Tobacco\n",
        "segments/s1.md": "---\nname: S1\nowner: li-you\n---\n# S1\n",
        "segments/s2.md": "---\nname: S2\nowner: li-you\n---\n# S2\n",
    ]

    static func then() throws -> Workspace {
        var files = common
        files["accounts/a.md"] = account("a", stage: "departmental", segments: ["s1"])
        files["accounts/b.md"] = account("b", stage: "industry-solution")
        files["accounts/c.md"] = account("c", stage: "integration", segments: ["s1"])
        files["accounts/x.md"] = account("x", stage: "departmental", segments: ["s1"])
        return try WorkspaceLoader.load(from: MemorySource(files))
    }

    static func now() throws -> Workspace {
        var files = common
        files["accounts/a.md"] = account("a", stage: "industry-solution", segments: ["s1"])
        files["accounts/b.md"] = account("b", stage: "industry-solution")
        files["accounts/c.md"] = account("c", stage: "departmental", segments: ["s1"])
        files["accounts/y.md"] = account("y", stage: "integration", segments: ["s2"])
        return try WorkspaceLoader.load(from: MemorySource(files))
    }
}

private func describe(_ transitions: [RollupHistory.Transition]) -> [String] {
    transitions.map { "\($0.account): \($0.from ?? "null") → \($0.to ?? "null")" }
}

private func describe(_ moved: Rollup.Moved?) -> String {
    moved.map { "up \($0.up) down \($0.down) new \($0.new) removed \($0.removed)" } ?? "nil"
}

extension RollupTests {
    @Test func transitionsListEveryChangedAccountSorted() throws {
        let transitions = RollupHistory.transitions(then: try HistoryFixture.then(), now: try HistoryFixture.now())
        #expect(describe(transitions) == [
            "a: departmental → industry-solution",
            "c: integration → departmental",
            "x: departmental → null",
            "y: null → integration",
        ])
    }

    @Test func transitionsFromNothingAndToTheSame() throws {
        let now = try HistoryFixture.now()
        // No earlier snapshot (before the first commit): every account is new.
        #expect(describe(RollupHistory.transitions(then: nil, now: now)) == [
            "a: null → industry-solution", "b: null → industry-solution", "c: null → departmental", "y: null → integration",
        ])
        // The same snapshot on both sides: nothing moved.
        #expect(RollupHistory.transitions(then: now, now: now).isEmpty)
    }

    @Test func aPlanWithoutAStageExistedAndAnUnreadablePlanIsLeftOut() throws {
        let then = try WorkspaceLoader.load(from: MemorySource([
            "accounts/nostage.md": "---\nname: N\nindustry: tobacco\nmanager: li-you\nreviewed: 2026-11-01\n---\n",
            "accounts/torn.md": "---\nname: T\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n",
        ]))
        let now = try WorkspaceLoader.load(from: MemorySource([
            "accounts/nostage.md": "---\nname: N\nindustry: tobacco\nstage: integration\nmanager: li-you\nreviewed: 2026-11-01\n---\n",
            "accounts/torn.md": "---\nname: T\n<<<<<<< HEAD\nstage: integration\n=======\n>>>>>>> x\n---\n",
        ]))
        let transitions = RollupHistory.transitions(then: then, now: now)
        #expect(transitions.map { "\($0.account): \($0.fromLabel) → \($0.toLabel)" } == ["nostage: (no stage) → integration"])
    }

    /// tobacco now: a up, b same, c down, y new; x (then in tobacco) removed.
    /// s1 now: a up, c down; x (then in s1) removed. s2: y new.
    @Test func applyMovesCountsPerGroup() throws {
        let now = try HistoryFixture.now()
        var rollup = Rollup.compute(now, asOf: RollupFixture.asOf)
        #expect(rollup.groups.allSatisfy { $0.moved == nil }, "no moves without --since")
        RollupHistory.applyMoves(to: &rollup, then: try HistoryFixture.then(), now: now)
        #expect(rollup.groups.map { "\($0.dimension.rawValue)/\($0.id): \(describe($0.moved))" } == [
            "industry/tobacco: up 1 down 1 new 1 removed 1",
            "segment/s1: up 1 down 1 new 0 removed 1",
            "segment/s2: up 0 down 0 new 1 removed 0",
        ])
    }

    @Test func applyMovesWithoutEarlierSnapshotMakesEveryMemberNew() throws {
        let now = try HistoryFixture.now()
        var rollup = Rollup.compute(now, asOf: RollupFixture.asOf)
        RollupHistory.applyMoves(to: &rollup, then: nil, now: now)
        #expect(rollup.groups.map { "\($0.id): \(describe($0.moved))" } == [
            "tobacco: up 0 down 0 new 4 removed 0",
            "s1: up 0 down 0 new 2 removed 0",
            "s2: up 0 down 0 new 1 removed 0",
        ])
    }

    @Test func applyMovesByManager() throws {
        let now = try HistoryFixture.now()
        var rollup = Rollup.compute(now, asOf: RollupFixture.asOf, dimensions: [.manager])
        RollupHistory.applyMoves(to: &rollup, then: try HistoryFixture.then(), now: now)
        #expect(rollup.groups.map { "\($0.id): \(describe($0.moved))" } == ["li-you: up 1 down 1 new 1 removed 1"])
    }

    @Test func stageCountsOfASnapshot() throws {
        let config = try HistoryFixture.now().config
        #expect(counts(RollupHistory.stageCounts(try HistoryFixture.then(), config: config))
                == "departmental=2,industry-solution=1,integration=1")
        #expect(counts(RollupHistory.stageCounts(try HistoryFixture.now(), config: config))
                == "departmental=1,industry-solution=2,integration=1")
        #expect(counts(RollupHistory.stageCounts(nil, config: config))
                == "departmental=0,industry-solution=0,integration=0")
    }
}

// MARK: - Period ends

private func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

private func ends(_ from: String, _ to: String, quarterly: Bool, fiscal: MonthDay = MonthDay(month: 1, day: 1)) -> [String] {
    RollupHistory.periodEnds(from: day(from), to: day(to), quarterly: quarterly, fiscalYearStart: fiscal).map(\.description)
}

extension RollupTests {
    @Test func monthEnds() {
        #expect(ends("2026-01-01", "2026-06-30", quarterly: false)
                == ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"])
        // Up to the as-of date: June's end is after 2026-06-29.
        #expect(ends("2026-01-15", "2026-06-29", quarterly: false)
                == ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"])
        // Across a year end, and a leap February.
        #expect(ends("2027-11-10", "2028-03-01", quarterly: false) == ["2027-11-30", "2027-12-31", "2028-01-31", "2028-02-29"])
        // A start on a month end counts that month end.
        #expect(ends("2026-02-28", "2026-03-30", quarterly: false) == ["2026-02-28"])
        #expect(ends("2026-03-01", "2026-03-30", quarterly: false) == [])
        #expect(ends("2026-06-30", "2026-01-01", quarterly: false) == [])
    }

    @Test func calendarQuarterEnds() {
        #expect(ends("2026-01-01", "2026-12-31", quarterly: true) == ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"])
        #expect(ends("2026-02-15", "2026-11-29", quarterly: true) == ["2026-03-31", "2026-06-30", "2026-09-30"])
        #expect(ends("2026-03-31", "2026-03-31", quarterly: true) == ["2026-03-31"])
    }

    /// A fiscal year starting 04-01 has quarters ending Jun 30, Sep 30, Dec 31 and Mar 31.
    @Test func fiscalQuarterEnds() {
        let april = MonthDay(month: 4, day: 1)
        #expect(ends("2026-04-01", "2027-03-31", quarterly: true, fiscal: april)
                == ["2026-06-30", "2026-09-30", "2026-12-31", "2027-03-31"])
        #expect(ends("2026-01-01", "2026-11-29", quarterly: true, fiscal: april) == ["2026-03-31", "2026-06-30", "2026-09-30"])
        let february = MonthDay(month: 2, day: 1)
        #expect(ends("2026-01-01", "2026-12-31", quarterly: true, fiscal: february)
                == ["2026-01-31", "2026-04-30", "2026-07-31", "2026-10-31"])
    }

    /// `fiscal_year_start` from acctplan.yml reaches the engine as a MonthDay.
    @Test func fiscalYearStartFromConfiguration() throws {
        var files = HistoryFixture.common
        files["acctplan.yml"] = "version: 1\ncurrency: CNY\nfiscal_year_start: \"04-01\"\n"
        let config = try WorkspaceLoader.load(from: MemorySource(files)).config
        #expect(config.fiscalYearStart == MonthDay(month: 4, day: 1))
        #expect(RollupHistory.periodEnds(from: day("2026-04-01"), to: day("2027-03-31"), quarterly: true,
                                         fiscalYearStart: config.fiscalYearStart).map(\.description)
                == ["2026-06-30", "2026-09-30", "2026-12-31", "2027-03-31"])
    }

    /// The last period end is 9999-12-31: the month after it has no date (a newcomer trial's
    /// `--as-of 9999-12-31` with a trend crashed on it).
    @Test func periodEndsStopAtTheCalendarsEnd() {
        #expect(RollupHistory.periodEnds(from: day("9999-10-01"), to: day("9999-12-31"), quarterly: false).map(\.description)
                == ["9999-10-31", "9999-11-30", "9999-12-31"])
        #expect(RollupHistory.periodEnds(from: day("9999-01-01"), to: day("9999-12-31"), quarterly: true,
                                         fiscalYearStart: MonthDay(month: 2, day: 1)).map(\.description)
                == ["9999-01-31", "9999-04-30", "9999-07-31", "9999-10-31"])
    }
}
