import Foundation
import Testing

/// `acctplan score` with the real binary on a workspace made by `acctplan init` (the template's
/// scores as of 2026-11-29 are worked out by hand in PlanEngineTests/HealthScoreTests).
struct ScoreTests {
    static let sunrise = "accounts/east/sunrise-properties.md"

    func text(_ path: URL) throws -> String { try String(contentsOf: path, encoding: .utf8) }

    @Test func textListsEveryAccountBestFirst() throws {
        let repo = try DiffRepo()
        defer { repo.remove() }
        let result = try repo.acctplan(["score", "--as-of", "2026-11-29"], extra: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == """
            Account health as of 2026-11-29 (score out of 100; green ≥ 70, amber ≥ 40, red below)

               85  green  Harbour City Land Development (harbour-city-land)
               81  green  Shanghai Tobacco Group (shanghai-tobacco)
               79  green  Huaxia Power Generation Group (huaxia-power)
               78  green  Sunrise Properties Holdings (sunrise-properties)
               76  green  浙江烟草工业集团 (zhejiang-tobacco)
               71  green  Northwest Wind Energy Co. (northwest-wind)

            6 accounts: 6 green, 0 amber, 0 red; mean score 78.3
            'acctplan score --explain' shows where every point comes from.

            """)
        #expect(!result.stdout.contains("\u{1B}"), "no colour into a pipe")
    }

    @Test func explainNamesTheLines() throws {
        let repo = try DiffRepo()
        defer { repo.remove() }
        let result = try repo.acctplan(["score", "sunrise-properties", "--explain", "--as-of", "2026-11-29"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("78  green  Sunrise Properties Holdings (sunrise-properties)"))
        #expect(lines.contains("coverage     28 of 30  (decision-maker 1 + sponsor 1 + 4/5 stakeholders) / 3"))
        #expect(lines.contains("\(Self.sunrise):33  Xie Ying: sponsor"))
        #expect(lines.contains("relationship 9.4 of 15  2.5 of 4 stakeholders"))
        #expect(lines.contains("\(Self.sunrise):12  reviewed 2026-11-25, 4 days before 2026-11-29: within 90 days"))
        #expect(lines.contains("\(Self.sunrise):52  opp-tax-cloud: won CNY 650,000, closed 2026-07-10 in this fiscal year"))
        #expect(lines.contains("pipeline     5.4 of 20  min(1, CNY 3,240,000 / 12,000,000)"))
        // The lines named hold what the evidence names.
        let plan = try text(repo.ws.appendingPathComponent(Self.sunrise)).split(separator: "\n", omittingEmptySubsequences: false)
        let named = [(32, "Deng Hua"), (33, "Xie Ying"), (12, "reviewed: 2026-11-25"), (56, "2026-12-08"), (49, "opp-cost-rollout"),
                     (52, "opp-tax-cloud"), (13, "revenue_target: 12000000")]
        for (number, words) in named {
            #expect(plan[number - 1].contains(words), "line \(number): \(plan[number - 1])")
            #expect(lines.contains { $0.hasPrefix("\(Self.sunrise):\(number)  ") }, "line \(number) is named")
        }
    }

    @Test func jsonHasTheIssuesShape() throws {
        let repo = try DiffRepo()
        defer { repo.remove() }
        let object = try repo.json(["score", "--as-of", "2026-11-29"])
        #expect(object["version"] as? Int == 1)
        #expect(object["as_of"] as? String == "2026-11-29")
        let accounts = try #require(object["accounts"] as? [[String: Any]])
        #expect(accounts.map { $0["id"] as? String } == ["shanghai-tobacco", "sunrise-properties", "zhejiang-tobacco",
                                                          "harbour-city-land", "huaxia-power", "northwest-wind"])
        let shanghai = accounts[0]
        #expect(Set(shanghai.keys) == ["id", "path", "name", "score", "band", "components"], "no since without --since")
        #expect(shanghai["path"] as? String == "accounts/east/shanghai-tobacco.md")
        #expect(shanghai["score"] as? Int == 81 && shanghai["band"] as? String == "green")
        let components = try #require(shanghai["components"] as? [[String: Any]])
        #expect(components.map { $0["id"] as? String } == ["coverage", "relationship", "freshness", "actions", "pipeline"])
        #expect(components.map { $0["weight"] as? Int } == [30, 15, 20, 15, 20])
        #expect(components.map { ($0["points"] as? NSNumber)?.doubleValue } == [30, 9, 20, 15, 7.43])
        let freshness = try #require(components[2]["evidence"] as? [[String: Any]])
        #expect(freshness.count == 1)
        #expect(freshness[0]["line"] as? Int == 12)
        #expect(freshness[0]["path"] as? String == "accounts/east/shanghai-tobacco.md")
    }

    @Test func csvMarkdownAndErrors() throws {
        let repo = try DiffRepo()
        defer { repo.remove() }
        let csv = try repo.acctplan(["score", "huaxia-power", "--format", "csv", "--as-of", "2026-11-29"])
        #expect(csv.stdout == "id,path,name,score,band,coverage,relationship,freshness,actions,pipeline\r\n"
            + "huaxia-power,accounts/huaxia-power.md,Huaxia Power Generation Group,79,green,28,9.38,20,15,6.29\r\n")
        // --explain with csv: a row per line of evidence (it was ignored: a newcomer trial), the
        // same bytes in every language.
        let explained = try repo.acctplan(["score", "huaxia-power", "--format", "csv", "--explain", "--as-of", "2026-11-29"])
        #expect(explained.status == 0, "\(explained)")
        let rows = explained.stdout.components(separatedBy: "\r\n")
        #expect(rows.first == "id,path,name,score,band,component,weight,points,reckoning,line,message", "\(explained)")
        #expect(rows.contains("huaxia-power,accounts/huaxia-power.md,Huaxia Power Generation Group,79,green,freshness,20,20,within 90 days,12,"
            + "\"reviewed 2026-10-15, 45 days before 2026-11-29: within 90 days\""), "\(explained)")
        #expect(rows.filter { $0.hasPrefix("huaxia-power,") }.count == 14, "\(explained)")
        let chinese = try repo.acctplan(["score", "huaxia-power", "--format", "csv", "--explain", "--as-of", "2026-11-29", "--lang", "zh-CN"])
        #expect(chinese.stdout == explained.stdout, "\(chinese)")
        let markdown = try repo.acctplan(["score", "huaxia-power", "--format", "markdown", "--explain", "--as-of", "2026-11-29"])
        #expect(markdown.stdout.contains("| Huaxia Power Generation Group (`huaxia-power`) | 79 | green |"), "\(markdown)")
        #expect(markdown.stdout.contains("| freshness | 20 of 20 | within 90 days<br>`accounts/huaxia-power.md:12` reviewed 2026-10-15"))
        let unknown = try repo.acctplan(["score", "huaxia-powr"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("acctplan: error: no account plan 'huaxia-powr' (did you mean 'huaxia-power'?)"), "\(unknown)")
        // The beginning of an id, which no spelling distance reaches (a newcomer trial).
        let begun = try repo.acctplan(["score", "huaxia"])
        #expect(begun.stderr.contains("acctplan: error: no account plan 'huaxia' (did you mean 'huaxia-power'?)"), "\(begun)")
        // Weights that do not add up: the scores use the default profile, and stderr says why.
        let config = repo.ws.appendingPathComponent("acctplan.yml")
        try (text(config) + "\nhealth_score:\n  weights: {coverage: 40}\n").write(to: config, atomically: true, encoding: .utf8)
        let misconfigured = try repo.acctplan(["score", "huaxia-power", "--format", "csv", "--as-of", "2026-11-29"])
        #expect(misconfigured.status == 0 && misconfigured.stdout == csv.stdout, "\(misconfigured)")
        #expect(misconfigured.stderr.contains("the health_score weights add up to 110, not 100; the scores use the default profile"),
                "\(misconfigured)")
        let format = try repo.acctplan(["score", "--format", "html"])
        #expect(format.status != 0 && format.stderr.contains("text, json, csv or markdown"), "\(format)")
    }

    @Test func revStagedAndSince() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        // 2026-11-29: the CFO relationship of Sunrise turns strong.
        let path = repo.ws.appendingPathComponent(Self.sunrise)
        let before = try text(path)
        let after = before.replacingOccurrences(of: "| decision-maker | weak  ", with: "| decision-maker | strong")
        #expect(after != before)
        try repo.write(after, to: Self.sunrise)
        try repo.commit("strong", "The CFO is on our side", at: "2026-11-29T10:00:00Z")
        // Then (the init commit of 2026-08-01, judged as of 2026-09-30): 78 as computed by hand.
        // Now: relationship (1 + 1 + 0.5 + 1) / 4 = 0.875 → 13.125; 28 + 13.125 + 20 + 15 + 5.4 = 81.525 → 82: +4.
        let object = try repo.json(["score", "sunrise-properties", "--since", "2026-09-30", "--as-of", "2026-11-29"])
        let account = try #require((object["accounts"] as? [[String: Any]])?.first)
        #expect(account["score"] as? Int == 82)
        let since = try #require(account["since"] as? [String: Any])
        #expect(since["score"] as? Int == 78 && since["band"] as? String == "green")
        let text = try repo.acctplan(["score", "sunrise-properties", "--since", repo.commits["init"] ?? "", "--as-of", "2026-11-29"])
        #expect(text.stdout.contains("   82  green  Sunrise Properties Holdings (sunrise-properties)  +4 (was 78 green)"), "\(text)")
        // --rev reads the commit, whatever the working tree says; --staged the index.
        try repo.write(before, to: Self.sunrise)
        let working = try repo.json(["score", "sunrise-properties", "--as-of", "2026-11-29"])
        let rev = try repo.json(["score", "sunrise-properties", "--rev", "HEAD", "--as-of", "2026-11-29"])
        let staged = try repo.json(["score", "sunrise-properties", "--staged", "--as-of", "2026-11-29"])
        func score(_ object: [String: Any]) -> Int? { ((object["accounts"] as? [[String: Any]])?.first)?["score"] as? Int }
        #expect(score(working) == 78 && score(rev) == 82 && score(staged) == 82)
        // A --since date before the history: every account is new, with a warning.
        let early = try repo.acctplan(["score", "--since", "2026-01-01", "--as-of", "2026-11-29"])
        #expect(early.status == 0 && early.stdout.contains("new since then"), "\(early)")
        #expect(early.stderr.contains("before the history starts"), "\(early)")
        let late = try repo.acctplan(["score", "--since", "2026-12-31", "--as-of", "2026-11-29"])
        #expect(late.status == 2 && late.stderr.contains("after the as-of date"), "\(late)")
    }

    /// `--trend`: the mean score at each month end, from the commit of that day, judged as of it.
    @Test func trendFollowsTheHistoryMonthByMonth() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        let path = repo.ws.appendingPathComponent(Self.sunrise)
        let stronger = try text(path).replacingOccurrences(of: "| decision-maker | weak  ", with: "| decision-maker | strong")
        try repo.write(stronger, to: Self.sunrise)
        try repo.commit("strong", "The CFO is on our side", at: "2026-10-15T10:00:00Z")
        // Sunrise alone: 78 on the init commit (revStagedAndSince), 82 once the CFO is strong.
        let object = try repo.json(["score", "sunrise-properties", "--since", "2026-08-01", "--trend", "monthly", "--as-of", "2026-11-29"])
        let trend = try #require(object["trend"] as? [[String: Any]])
        #expect(trend.map { $0["date"] as? String } == ["2026-08-31", "2026-09-30", "2026-10-31"])
        #expect(trend.map { $0["revision"] as? String } == [repo.commits["init"], repo.commits["init"], repo.commits["strong"]])
        #expect(trend.map { ($0["mean"] as? NSNumber)?.intValue } == [78, 78, 82])
        #expect(trend.map { ($0["green"] as? NSNumber)?.intValue } == [1, 1, 1])
        let text = try repo.acctplan(["score", "--since", "2026-08-01", "--trend", "quarterly", "--as-of", "2026-11-29"],
                                     extra: ["NO_COLOR": "1"])
        #expect(text.status == 0, "\(text)")
        // All six on 2026-09-30 (the init commit): the template's scores judged as of that day.
        #expect(text.stdout.contains("Mean score trend\n  2026-09-30  "), "\(text.stdout)")
        #expect(text.stdout.contains("6 green, 0 amber, 0 red\n"), "\(text.stdout)")
        let markdown = try repo.acctplan(["score", "--since", "2026-08-01", "--trend", "monthly", "--format", "markdown",
                                          "--as-of", "2026-11-29"])
        #expect(markdown.stdout.contains("| Period end | Mean score | Green | Amber | Red |"), "\(markdown)")
        // No month end in the range: said, not an empty heading.
        let none = try repo.acctplan(["score", "--since", "2026-11-02", "--trend", "monthly", "--as-of", "2026-11-29"], extra: ["NO_COLOR": "1"])
        #expect(none.status == 0 && none.stdout.hasSuffix("Mean score trend\n  no period has ended in the range yet\n"), "\(none)")
        let missing = try repo.acctplan(["score", "--trend", "monthly"])
        #expect(missing.status != 0 && missing.stderr.contains("--trend needs --since"), "\(missing)")
    }
}
