import Foundation
import PlanEngine
import PlanModel
import PlanParser
import PlanWorkspace
import Testing

/// The account health score (docs/score.md) of every account of the workspace template, worked
/// out by hand, as of 2026-11-29 under the default profile (coverage 30, relationship 15,
/// freshness 20, actions 15, pipeline 20; review interval 90 days; fiscal year = calendar 2026).
struct HealthScoreTests {
    static let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../workspace-template").standardizedFileURL
    static let asOf = CalendarDate(parsing: "2026-11-29")!

    static func templateScores() throws -> [String: HealthScore] {
        let workspace = try WorkspaceLoader.load(from: FileSystemSource(root: template))
        let scores = HealthScore.compute(workspace, asOf: asOf)
        return Dictionary(uniqueKeysWithValues: scores.map { ($0.accountID, $0) })
    }

    static func points(_ score: HealthScore?) -> [String: Decimal] {
        Dictionary(uniqueKeysWithValues: (score?.components ?? []).map { ($0.id.rawValue, $0.points) })
    }

    static func near(_ value: Decimal?, _ expected: Decimal) -> Bool {
        guard let value else { return false }
        let difference = value - expected
        return difference < Decimal(string: "0.000000001")! && difference > Decimal(string: "-0.000000001")!
    }

    @Test func shanghaiTobacco() throws {
        let score = try #require(try Self.templateScores()["shanghai-tobacco"])
        let points = Self.points(score)
        // coverage: decision-maker Zhou Ming + sponsor Qian Hui + min(5, 5)/5 → (1 + 1 + 1) / 3 = 1 → 30
        #expect(points["coverage"] == 30)
        // relationship: strong 1, medium 0.5, strong 1, medium 0.5, weak 0 → 3 / 5 = 0.6 → 15 × 0.6 = 9
        #expect(points["relationship"] == 9)
        // freshness: reviewed 2026-11-12, 17 days ≤ 90 → 1 → 20
        #expect(points["freshness"] == 20)
        // actions: 4 open, the earliest due 2026-12-05, none overdue → 1 → 15
        #expect(points["actions"] == 15)
        // pipeline: won opp-leaf-upgrade 1,200,000 closed 2026-09-15 (in FY 2026)
        //   + 2.4M × 80% = 1,920,000 + 3.5M × 50% (propose default) = 1,750,000 + 5.2M × 35% = 1,820,000
        //   = 6,690,000 / 18,000,000 = 0.37166… → 20 × 0.37166… = 7.4333…
        #expect(Self.near(points["pipeline"], Decimal(6_690_000) * 20 / 18_000_000))
        // 30 + 9 + 20 + 15 + 7.4333… = 81.4333… → 81, green (≥ 70)
        #expect(score.score == 81)
        #expect(score.band == .green)
    }

    @Test func sunriseProperties() throws {
        let score = try #require(try Self.templateScores()["sunrise-properties"])
        let points = Self.points(score)
        // coverage: (1 + 1 + 4/5) / 3 = 2.8 / 3 → 30 × 2.8 / 3 = 28
        #expect(points["coverage"] == 28)
        // relationship: weak 0, strong 1, medium 0.5, strong 1 → 2.5 / 4 = 0.625 → 9.375
        #expect(points["relationship"] == Decimal(string: "9.375"))
        // freshness: reviewed 2026-11-25, 4 days → 20; actions: earliest 2026-12-08, none overdue → 15
        #expect(points["freshness"] == 20)
        #expect(points["actions"] == 15)
        // pipeline: won opp-tax-cloud 650,000 (2026-07-10) + 4.2M × 40% = 1,680,000 + 1.6M × 10% = 160,000
        //   + 6M × 12.5% = 750,000 = 3,240,000 / 12,000,000 = 0.27 → 5.4
        #expect(points["pipeline"] == Decimal(string: "5.4"))
        // 28 + 9.375 + 20 + 15 + 5.4 = 77.775 → 78, green (the plan's manual health says red)
        #expect(score.exactTotal == Decimal(string: "77.775"))
        #expect(score.score == 78)
        #expect(score.band == .green)
    }

    @Test func theOtherFourAccounts() throws {
        let scores = try Self.templateScores()
        // zhejiang-tobacco: coverage (1+1+5/5)/3 → 30; relationship medium .5 + strong 1 + weak 0 + none 0
        //   + strong 1 = 2.5/5 → 7.5; freshness 2026-10-28 (32 days) → 20; actions earliest 2026-12-10 → 15;
        //   pipeline 3M × 60% + 800k × 10% = 1,880,000 (opp-logistics lost: nothing) / 9,500,000 × 20 = 3.9578…
        //   = 76.4578… → 76
        let zhejiang = Self.points(scores["zhejiang-tobacco"])
        #expect(zhejiang["coverage"] == 30 && zhejiang["relationship"] == Decimal(string: "7.5"))
        #expect(Self.near(zhejiang["pipeline"], Decimal(1_880_000) * 20 / 9_500_000))
        #expect(scores["zhejiang-tobacco"]?.score == 76)
        // harbour-city-land: coverage (1+1+3/5)/3 → 26; relationship (1 + .5 + 1)/3 → 12.5; freshness → 20;
        //   actions earliest 2026-12-03 → 15; pipeline won opp-financials 1.1M (2026-02-20) + 300k × 30%
        //   + 450k × 55% = 1,437,500 / 2,500,000 = 0.575 → 11.5; 26 + 12.5 + 20 + 15 + 11.5 = 85
        let harbour = Self.points(scores["harbour-city-land"])
        #expect(harbour["coverage"] == 26 && harbour["relationship"] == Decimal(string: "12.5") && harbour["pipeline"] == Decimal(string: "11.5"))
        #expect(scores["harbour-city-land"]?.score == 85)
        // huaxia-power: coverage 28; relationship (.5 + 1 + 1 + 0)/4 → 9.375; freshness (45 days) → 20; actions → 15;
        //   pipeline: opp-hr-cloud won 2025-12-18, before FY 2026: not counted; 4.8M × 75% = 3,600,000
        //   + USD 150k × 7.1 × 30% = 319,500 + 8M × 10% = 800,000 = 4,719,500 / 15M × 20 = 6.2926…
        //   = 78.6676… → 79
        #expect(Self.near(Self.points(scores["huaxia-power"])["pipeline"], Decimal(4_719_500) * 20 / 15_000_000))
        #expect(scores["huaxia-power"]?.score == 79)
        // northwest-wind: coverage 26; relationship (0 + 1 + .5)/3 → 7.5; freshness → 20; actions → 15;
        //   pipeline 600k × 50% + EUR 80k × 7.7 × 10% = 361,600 / 3M × 20 = 2.4106… = 70.9106… → 71, green
        #expect(scores["northwest-wind"]?.score == 71)
        #expect(scores["northwest-wind"]?.band == .green)
        #expect(scores.count == 6)
    }

    @Test func evidenceNamesTheLines() throws {
        let score = try #require(try Self.templateScores()["shanghai-tobacco"])
        let evidence = Dictionary(grouping: score.components.flatMap { c in c.evidence.map { (c.id, $0) } }, by: \.0)
        #expect(evidence[.coverage]?.map(\.1.line) == [33, 34, 35, 36, 37])
        #expect(evidence[.freshness]?.map(\.1.line) == [12])
        #expect(evidence[.actions]?.map(\.1.line) == [60])
        // The four counted opportunities and the revenue target.
        #expect(evidence[.pipeline]?.map(\.1.line) == [53, 54, 55, 56, 13])
        #expect(evidence[.pipeline]?.first?.1.message == "opp-consolidation: negotiate CNY 2,400,000 × 80% = 1,920,000")
    }

    @Test func overdueActionsAndBands() throws {
        let plan = """
            ---
            name: Acme
            industry: tobacco
            stage: departmental
            manager: li-you
            reviewed: 2026-06-01
            ---
            ## Actions

            - [ ] 2026-11-25 @li-you Send the proposal
            - [ ] 2026-11-20 @li-you Call the CFO
            - [ ] @li-you Undated
            """
        let workspace = try WorkspaceLoader.load(from: MemorySource(["accounts/acme.md": plan]))
        let late9 = try #require(HealthScore.compute(workspace, asOf: Self.asOf).first)
        // actions: the most overdue is 2026-11-20, 9 days late (> 7) → 0; its line is named.
        #expect(Self.points(late9)["actions"] == 0)
        #expect(late9.components[3].evidence.map(\.line) == [11])
        // freshness: 2026-06-01 is 181 days before 2026-11-29 (> 180) → 0; a day later 180 → 0.5 → 10.
        #expect(Self.points(late9)["freshness"] == 0)
        let asOfEarlier = CalendarDate(parsing: "2026-11-28")!
        let late8 = try #require(HealthScore.compute(workspace, asOf: asOfEarlier).first)
        #expect(Self.points(late8)["freshness"] == 10)
        // 2026-11-27: 7 days late → 1/3 of 15 = 5.
        let late7 = try #require(HealthScore.compute(workspace, asOf: CalendarDate(parsing: "2026-11-27")!).first)
        #expect(Self.points(late7)["actions"] == 5)
        // Nothing else: no stakeholders, no target → 10 + 5 = 15, red.
        #expect(late7.score == 15 && late7.band == .red)
        #expect(HealthScore.roundHalfUp(Decimal(string: "69.5")!) == 70)
        #expect(HealthScore.roundHalfUp(Decimal(string: "69.4999")!) == 69)
        #expect(HealthScore.band(of: 70, HealthScoreProfile()) == .green)
        #expect(HealthScore.band(of: 69, HealthScoreProfile()) == .amber)
        #expect(HealthScore.band(of: 39, HealthScoreProfile()) == .red)
    }

    @Test func configuredWeights() throws {
        let config = """
            health_score:
              weights: {coverage: 50, relationship: 10, freshness: 10, actions: 10, pipeline: 20}
              bands: {green: 90, amber: 80}
            """
        var files = try Self.templateFiles()
        files["acctplan.yml", default: ""] += "\n" + config
        let workspace = try WorkspaceLoader.load(from: MemorySource(files))
        #expect(workspace.findings.isEmpty, "\(workspace.findings)")
        let score = try #require(HealthScore.compute(workspace, asOf: Self.asOf, accounts: ["sunrise-properties"]).first)
        // coverage 50 × 2.8/3 = 46.666…; relationship 10 × .625 = 6.25; freshness 10; actions 10; pipeline 20 × .27 = 5.4
        // = 78.3166… → 78: amber under bands 90 / 80? No: 78 < 80 → red.
        #expect(Self.near(score.exactTotal, Decimal(50) * 14 / 15 + Decimal(string: "6.25")! + 10 + 10 + Decimal(string: "5.4")!))
        #expect(score.score == 78 && score.band == .red)
    }

    static func templateFiles() throws -> [String: String] {
        let files = FileManager.default.enumerator(atPath: template.path)?.compactMap { $0 as? String } ?? []
        var result: [String: String] = [:]
        for path in files where path.hasSuffix(".md") || path == "acctplan.yml" {
            result[path] = try String(contentsOf: template.appendingPathComponent(path), encoding: .utf8)
        }
        return result
    }
}
