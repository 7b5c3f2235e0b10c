import Foundation
import Testing

/// Rollups carry the health score (issue 15): the mean score and the count per band of every
/// group, with the real binary on the template workspace as of 2026-11-29.
struct RollupScoreTests {
    /// The template's scores (ScoreTests, worked out in HealthScoreTests): harbour-city-land 85,
    /// shanghai-tobacco 81, huaxia-power 79, sunrise-properties 78, zhejiang-tobacco 76,
    /// northwest-wind 71 — all green (≥ 70).
    @Test func meanScoreAndBandsPerGroupAddUpByHand() throws {
        let repo = try DiffRepo()
        defer { repo.remove() }
        let object = try repo.json(["rollup", "--as-of", "2026-11-29"])
        let groups = try #require(object["groups"] as? [[String: Any]])
        func score(_ group: [String: Any]) -> [String: NSNumber]? { group["score"] as? [String: NSNumber] }
        var means: [String: Decimal] = [:]
        for group in groups {
            let id = try #require(group["id"] as? String)
            let summary = try #require(score(group))
            means[id] = summary["mean"]?.decimalValue
            #expect(summary["amber"]?.intValue == 0 && summary["red"]?.intValue == 0, "\(id)")
            #expect(summary["green"]?.intValue == group["accounts"] as? Int, "every account is green: \(id)")
        }
        #expect(means == [
            "energy": Decimal(string: "75")!,                  // huaxia 79 + northwest 71 = 150 / 2
            "real-estate": Decimal(string: "81.5")!,           // harbour 85 + sunrise 78 = 163 / 2
            "tobacco": Decimal(string: "78.5")!,               // shanghai 81 + zhejiang 76 = 157 / 2
            "installed-base-high-end": Decimal(string: "78.5")!, // 81 + 79 + 78 + 76 = 314 / 4
            "new-logo-growth": Decimal(string: "78")!,         // harbour 85 + northwest 71 = 156 / 2
        ])
        let total = try #require(object["total"] as? [String: Any])
        #expect(score(total)?["mean"]?.decimalValue == Decimal(string: "78.3"), "470 / 6 = 78.33…, one decimal")
        #expect(score(total)?["green"]?.intValue == 6)

        let text = try repo.acctplan(["rollup", "--as-of", "2026-11-29", "--by", "manager"], extra: ["NO_COLOR": "1"])
        #expect(text.status == 0, "\(text)")
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("group") && $0.hasSuffix("score    g/a/r") }, "\(text.stdout)")
        // liu-yang: huaxia 79 + northwest 71; zhang-min: harbour 85 + sunrise 78; ma-tao 76 alone.
        #expect(lines.contains { $0.hasPrefix("manager liu-yang") && $0.contains("   75.0    2/0/0") }, "\(text.stdout)")
        #expect(lines.contains { $0.hasPrefix("manager zhang-min") && $0.contains("   81.5    2/0/0") }, "\(text.stdout)")
        #expect(lines.contains { $0.hasPrefix("manager ma-tao") && $0.contains("   76.0    1/0/0") }, "\(text.stdout)")
    }

    /// A plan whose review is long overdue drops a band,
    /// and the group's counts follow.
    @Test func aWeakerPlanMovesItsGroupsBandCounts() throws {
        let repo = try DiffRepo()
        defer { repo.remove() }
        let path = repo.ws.appendingPathComponent("accounts/northwest-wind.md")
        var plan = try String(contentsOf: path, encoding: .utf8)
        let reviewed = try #require(plan.range(of: #"reviewed: \d{4}-\d{2}-\d{2}"#, options: .regularExpression))
        plan.replaceSubrange(reviewed, with: "reviewed: 2025-01-01")
        try plan.write(to: path, atomically: true, encoding: .utf8)
        let object = try repo.json(["rollup", "--as-of", "2026-11-29"])
        let energy = try #require((object["groups"] as? [[String: Any]])?.first { $0["id"] as? String == "energy" })
        let summary = try #require(energy["score"] as? [String: NSNumber])
        // northwest-wind loses its 20 freshness points: 71 → 51, amber; energy (79 + 51) / 2 = 65.
        #expect(summary["mean"]?.decimalValue == 65 && summary["green"]?.intValue == 1 && summary["amber"]?.intValue == 1,
                "\(summary)")
    }
}

/// The dashboard shows the health score (issue 15): each group card its mean and bands, each
/// account table the account's score, and the account page the explained score with its lines.
struct ReportScoreTests {
    @Test func groupCardsAccountTablesAndTheAccountPageShowTheScore() throws {
        let repo = try DiffRepo()
        defer { repo.remove() }
        let site = repo.ws.deletingLastPathComponent().appendingPathComponent("site")
        let report = try repo.acctplan(["report", "-o", site.path, "--as-of", "2026-11-29"])
        #expect(report.status == 0, "\(report)")
        func page(_ path: String) throws -> String { try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8) }
        // Real estate: harbour-city-land 85 + sunrise-properties 78 = 163 / 2 = 81.5.
        let realEstate = try page("industries/real-estate.html")
        #expect(realEstate.contains("<dt>Health score</dt><dd>mean 81.5 · <span class=\"up\">2 green</span>"), "\(realEstate)")
        #expect(realEstate.contains("<span class=\"num\">78</span> <span class=\"badge good\">green</span>"))
        #expect(realEstate.contains("<span class=\"num\">85</span> <span class=\"badge good\">green</span>"))
        let sunrise = try page("accounts/sunrise-properties.html")
        #expect(sunrise.contains("<h2>Health score: <span class=\"num\">78</span> <span class=\"badge good\">green</span></h2>"))
        // The same components and lines as `acctplan score sunrise-properties --explain` (ScoreTests).
        #expect(sunrise.contains("<td>coverage</td><td class=\"num\">28 of 30</td>"), "\(sunrise)")
        #expect(sunrise.contains("<td>pipeline</td><td class=\"num\">5.4 of 20</td>"))
        #expect(sunrise.contains("<li><code>line 33</code> Xie Ying: sponsor</li>"))
        #expect(sunrise.contains("<li><code>line 12</code> reviewed 2026-11-25, 4 days before 2026-11-29: within 90 days</li>"))
        let plan = try String(contentsOf: repo.ws.appendingPathComponent("accounts/east/sunrise-properties.md"), encoding: .utf8)
        let lines = plan.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[32].contains("Xie Ying") && lines[11].contains("reviewed: 2026-11-25"), "the lines named hold what they say")
    }
}
