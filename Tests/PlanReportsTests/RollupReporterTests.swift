import Foundation
import PlanEngine
import PlanModel
import PlanReports
import Testing

/// The rollup outputs (PLAN_FORMAT.md §8 `rollup`): the JSON contract byte for byte, exact
/// amounts, CSV columns and quoting, and the text and Markdown tables. The rollups are computed by
/// PlanEngine from workspaces built in code (no parser needed).
struct RollupReporterTests {
    static let asOf = CalendarDate(parsing: "2026-11-29")!
    static let here = SourceLocation.fileStart

    static func dec(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }
    static func at<T>(_ value: T) -> Located<T> { Located(value, at: here) }

    static var config: WorkspaceConfig {
        var config = WorkspaceConfig()
        config.currency = "CNY"
        config.fx = ["USD": dec("7.1")]
        return config
    }

    static func industry(_ id: String, name: String, revenue: Money? = nil, stages: [(String, Int)] = []) -> Plan {
        var plan = Plan(kind: .industry, id: id, path: "industries/\(id).md")
        plan.header.name = at(name)
        plan.header.owner = at("li-you")
        if revenue != nil || !stages.isEmpty {
            var targets = Targets(location: here)
            targets.revenue = revenue.map { at($0) }
            targets.stages = stages.map { StageTarget(stage: at($0.0), count: $0.1) }
            plan.header.targets = targets
        }
        return plan
    }

    static func opportunity(_ id: String, _ stage: String, _ amount: Money, probability: String? = nil) -> Opportunity {
        var opportunity = Opportunity(location: here)
        opportunity.id = at(id)
        opportunity.name = at(id.uppercased())
        opportunity.stage = at(stage)
        opportunity.amount = at(amount)
        opportunity.probability = probability.map { at(dec($0)) }
        opportunity.close = at(CalendarDate(parsing: "2027-01-31")!)
        return opportunity
    }

    static func action(_ text: String, done: Bool, due: String?) -> PlanAction {
        var action = PlanAction(location: here, done: done, text: text)
        action.due = due.map { at(CalendarDate(parsing: $0)!) }
        return action
    }

    static func account(_ id: String, industry: String, stage: String, health: Health? = nil, reviewed: String = "2026-11-01",
                        target: Money? = nil, opportunities: [Opportunity] = [], actions: [PlanAction] = []) -> Plan {
        var plan = Plan(kind: .account, id: id, path: "accounts/\(id).md")
        plan.header.name = at(id.uppercased())
        plan.header.industry = at(industry)
        plan.header.stage = at(stage)
        plan.header.manager = at("li-you")
        plan.header.health = health.map { at($0) }
        plan.header.reviewed = at(CalendarDate(parsing: reviewed)!)
        plan.header.revenueTarget = target.map { at($0) }
        plan.opportunities = opportunities
        plan.actions = actions
        return plan
    }

    static func workspace(_ plans: [Plan]) -> Workspace {
        Workspace(config: config, plans: plans, findings: [], planPaths: plans.map(\.path))
    }

    /// One industry, one account:
    /// - revenue target 5,000,000.10; the account's target USD 1,000.005 = 7,100.0355 → planned
    ///   7100.04 (rounded half-up to cents), gap 4,992,900.0645 → 4992900.06;
    /// - negotiate 1,000.01 at the default 75 % → open 1000.01, weighted 750.0075 → 750.01;
    ///   won 2.675 → 2.68 (a binary double would print 2.67);
    /// - actions: one open due 2026-11-01 (overdue), one done;
    /// - health score 22, red: freshness 20 (reviewed within the interval) + pipeline
    ///   20 × (won 2.675 + weighted 750.0075) / 7,100.0355 = 2.12; no stakeholders (coverage and
    ///   relationship 0); the open action is 28 days overdue (actions 0). 22.12 rounds to 22.
    static var tiny: Rollup {
        let tobacco = industry("tobacco", name: "Tobacco", revenue: Money(dec("5000000.10")), stages: [("industry-solution", 1)])
        let a = account("a", industry: "tobacco", stage: "industry-solution", health: .green,
                        target: Money(dec("1000.005"), currency: "USD"),
                        opportunities: [opportunity("o1", "negotiate", Money(dec("1000.01"))),
                                        opportunity("o2", "won", Money(dec("2.675")))],
                        actions: [action("Call", done: false, due: "2026-11-01"), action("Visit", done: true, due: nil)])
        return Rollup.compute(workspace([tobacco, a]), asOf: asOf)
    }

    static let tinyGolden = #"{"version":1,"as_of":"2026-11-29","revision":null,"currency":"CNY","#
        + #""stages":["departmental","industry-solution","integration"],"#
        + #""groups":[{"dimension":"industry","id":"tobacco","name":"Tobacco","has_plan":true,"accounts":1,"#
        + #""stage_counts":{"departmental":0,"industry-solution":1,"integration":0},"#
        + #""stage_targets":{"industry-solution":{"target":1,"actual":1}},"#
        + #""revenue":{"target":5000000.1,"planned":7100.04,"gap":4992900.06},"#
        + #""pipeline":{"open":1000.01,"weighted":750.01,"won":2.68},"#
        + #""actions":{"open":1,"overdue":1,"done":1},"stale":0,"#
        + #""health":{"green":1,"yellow":0,"red":0,"unset":0},"#
        + #""score":{"mean":22,"green":0,"amber":0,"red":1}}],"#
        + #""total":{"accounts":1,"stage_counts":{"departmental":0,"industry-solution":1,"integration":0},"#
        + #""pipeline":{"open":1000.01,"weighted":750.01,"won":2.68},"#
        + #""actions":{"open":1,"overdue":1,"done":1},"stale":0,"#
        + #""health":{"green":1,"yellow":0,"red":0,"unset":0},"#
        + #""score":{"mean":22,"green":0,"amber":0,"red":1}}}"# + "\n"

    // MARK: JSON

    @Test func jsonGolden() {
        let json = RollupReporter.json(Self.tiny, revision: nil)
        #expect(json == Self.tinyGolden)
    }

    @Test func jsonRevisionIsTheCommitId() throws {
        let id = String(repeating: "ab", count: 20)
        let json = RollupReporter.json(Self.tiny, revision: id)
        #expect(json.hasPrefix(#"{"version":1,"as_of":"2026-11-29","revision":""# + id + #"","currency":"CNY","#), "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["revision"] as? String == id)
    }

    /// With history: `since`, `transitions`, `trend` at the top level and `moved` in each group.
    @Test func jsonGoldenWithHistory() {
        var rollup = Self.tiny
        rollup.groups[0].moved = Rollup.Moved(up: 1, down: 0, new: 2, removed: 3)
        let history = RollupReporter.History(
            sinceRevision: "c0ffee", sinceDate: CalendarDate(parsing: "2026-03-01")!,
            transitions: [RollupHistory.Transition(account: "a", from: "departmental", to: "industry-solution"),
                          RollupHistory.Transition(account: "b", from: nil, to: "integration"),
                          RollupHistory.Transition(account: "c", from: "integration", to: nil)],
            trend: [.init(date: CalendarDate(parsing: "2026-03-31")!, revision: nil,
                          stageCounts: [("departmental", 0), ("industry-solution", 0), ("integration", 0)]),
                    .init(date: CalendarDate(parsing: "2026-06-30")!, revision: "c0ffee",
                          stageCounts: [("departmental", 1), ("industry-solution", 2), ("integration", 0)])])
        let json = RollupReporter.json(rollup, revision: nil, history: history)
        let moved = #""health":{"green":1,"yellow":0,"red":0,"unset":0},"score":{"mean":22,"green":0,"amber":0,"red":1},"moved":{"up":1,"down":0,"new":2,"removed":3}}],"#
        #expect(json.contains(moved), "moved follows health and score in the group: \(json)")
        let tail = #""since":{"revision":"c0ffee","date":"2026-03-01"},"#
            + #""transitions":[{"account":"a","from":"departmental","to":"industry-solution"},"#
            + #"{"account":"b","from":null,"to":"integration"},{"account":"c","from":"integration","to":null}],"#
            + #""trend":[{"date":"2026-03-31","revision":null,"stage_counts":{"departmental":0,"industry-solution":0,"integration":0}},"#
            + #"{"date":"2026-06-30","revision":"c0ffee","stage_counts":{"departmental":1,"industry-solution":2,"integration":0}}]}"#
            + "\n"
        #expect(json.hasSuffix(tail), "\(json)")
        // Without history none of these keys appear.
        let plain = RollupReporter.json(Self.tiny, revision: nil)
        for key in ["\"since\"", "\"transitions\"", "\"trend\"", "\"moved\""] { #expect(!plain.contains(key), "\(key)") }
    }

    @Test func aPlanThatHadNoStageIsNotCalledNewOrRemoved() {
        let history = RollupReporter.History(
            sinceRevision: "c0ffee", sinceDate: nil,
            transitions: [RollupHistory.Transition(account: "d", from: nil, to: "integration", existedThen: true, existsNow: true),
                          RollupHistory.Transition(account: "e", from: "departmental", to: nil, existedThen: true, existsNow: true),
                          RollupHistory.Transition(account: "f", from: nil, to: "integration")],
            trend: nil)
        let text = RollupReporter.text(Self.tiny, history: history, color: false)
        #expect(text.contains("  d: (no stage) → integration\n") && text.contains("  e: departmental → (no stage)\n")
                && text.contains("  f: (new) → integration\n"), "\(text)")
        #expect(RollupReporter.markdown(Self.tiny, history: history).contains("- `d`: (no stage) → integration"))
    }

    /// The larger fixture parsed back: every key of §8 and its value.
    @Test func jsonParsesBackWithTheSpecKeys() throws {
        let rollup = Self.twoIndustries
        let json = RollupReporter.json(rollup, revision: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["version", "as_of", "revision", "currency", "stages", "groups", "total"])
        #expect((object["version"] as? NSNumber)?.intValue == 1)
        #expect(object["as_of"] as? String == "2026-11-29")
        #expect(object["revision"] is NSNull)
        #expect(object["currency"] as? String == "CNY")
        #expect(object["stages"] as? [String] == ["departmental", "industry-solution", "integration"])
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.map { "\($0["dimension"] ?? "")/\($0["id"] ?? "")" } == ["industry/energy", "industry/tobacco"])
        let energy = groups[0]
        #expect(energy["name"] is NSNull, "no plan, no name")
        #expect(energy["has_plan"] as? Bool == false)
        #expect((energy["accounts"] as? NSNumber)?.intValue == 1)
        #expect((energy["stage_targets"] as? [String: Any])?.isEmpty == true)
        let revenue = try #require(energy["revenue"] as? [String: Any])
        #expect(revenue["target"] is NSNull && revenue["gap"] is NSNull, "\(revenue)")
        let health = try #require(energy["health"] as? [String: NSNumber])
        #expect(health.mapValues(\.intValue) == ["green": 0, "yellow": 0, "red": 0, "unset": 1])
        let tobacco = groups[1]
        #expect(tobacco["has_plan"] as? Bool == true)
        #expect(tobacco["name"] as? String == "Tobacco")
        let counts = try #require(tobacco["stage_counts"] as? [String: NSNumber])
        #expect(counts.mapValues(\.intValue) == ["departmental": 0, "industry-solution": 1, "integration": 0])
        let total = try #require(object["total"] as? [String: Any])
        #expect(Set(total.keys) == ["accounts", "stage_counts", "pipeline", "actions", "stale", "health", "score"])
        #expect((total["accounts"] as? NSNumber)?.intValue == 2)
        // Key order of a group and of the total, as in §8.
        let groupKeys = ["dimension", "id", "name", "has_plan", "accounts", "stage_counts", "stage_targets", "revenue",
                         "pipeline", "actions", "stale", "health", "score"]
        #expect(Self.keyOrder(in: json, after: #""groups":[{"#, keys: groupKeys), "\(json)")
        #expect(Self.keyOrder(in: json, after: "", keys: ["version", "as_of", "revision", "currency", "stages", "groups", "total"]))
        #expect(Self.keyOrder(in: json, after: #""total":{"#,
                              keys: ["accounts", "stage_counts", "pipeline", "actions", "stale", "health", "score"]), "\(json)")
        #expect(Self.keyOrder(in: json, after: #""revenue":{"#, keys: ["target", "planned", "gap"]))
        #expect(Self.keyOrder(in: json, after: #""pipeline":{"#, keys: ["open", "weighted", "won"]))
        #expect(Self.keyOrder(in: json, after: #""actions":{"#, keys: ["open", "overdue", "done"]))
        #expect(Self.keyOrder(in: json, after: #""health":{"#, keys: ["green", "yellow", "red", "unset"]))
        #expect(Self.keyOrder(in: json, after: #""score":{"#, keys: ["mean", "green", "amber", "red"]))
    }

    /// Whether `keys` appear as `"key":` in this order after the first occurrence of `marker`.
    static func keyOrder(in json: String, after marker: String, keys: [String]) -> Bool {
        guard var rest = marker.isEmpty ? Substring(json) : json.range(of: marker).map({ json[$0.lowerBound...] }) else { return false }
        for key in keys {
            guard let range = rest.range(of: "\"\(key)\":") else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    /// tobacco: account "big" with 0.1 and 0.2 (qualify, 10 %) and USD 1,234,567,890.12 at 33.33 %
    /// (develop) = 8,765,432,019.852 CNY.
    /// open = 0.1 + 0.2 + 8,765,432,019.852 = 8,765,432,020.152 → 8765432020.15;
    /// weighted = 0.01 + 0.02 + 2,921,518,492.2166716 = 2,921,518,492.2466716 → 2921518492.25.
    /// energy (no plan): account "e" without anything.
    /// Both score 20 (red): only freshness (reviewed within the interval); no revenue target.
    static var twoIndustries: Rollup {
        let tobacco = industry("tobacco", name: "Tobacco")
        let big = account("big", industry: "tobacco", stage: "industry-solution", health: .red, opportunities: [
            opportunity("o1", "qualify", Money(dec("0.1"))),
            opportunity("o2", "qualify", Money(dec("0.2"))),
            opportunity("o3", "develop", Money(dec("1234567890.12"), currency: "USD"), probability: "33.33"),
        ])
        let e = account("e", industry: "energy", stage: "departmental")
        return Rollup.compute(workspace([tobacco, big, e]), asOf: asOf)
    }

    @Test func amountsAreExactToTwoDecimals() {
        let json = RollupReporter.json(Self.twoIndustries, revision: nil)
        #expect(json.contains(#""pipeline":{"open":8765432020.15,"weighted":2921518492.25,"won":0}"#), "\(json)")
        #expect(json.contains(#""revenue":{"target":null,"planned":0,"gap":null}"#), "\(json)")
        // The total carries the same amounts (only "big" has any).
        #expect(json.hasSuffix(#""pipeline":{"open":8765432020.15,"weighted":2921518492.25,"won":0},"#
            + #""actions":{"open":0,"overdue":0,"done":0},"stale":0,"health":{"green":0,"yellow":0,"red":1,"unset":1},"#
            + #""score":{"mean":20,"green":0,"amber":0,"red":2}}}"# + "\n"),
            "\(json)")
        // No exponent notation and no long binary fractions anywhere.
        #expect(!json.contains("e+") && !json.contains("E+") && !json.contains("0000001") && !json.contains("9999999"), "\(json)")
    }

    // MARK: CSV

    static let csvHeader = "dimension,id,name,has_plan,accounts,departmental,industry-solution,integration,"
        + "revenue_target,revenue_planned,revenue_gap,pipeline_open,pipeline_weighted,pipeline_won,"
        + "actions_open,actions_overdue,actions_done,stale,health_green,health_yellow,health_red,health_unset"
    static let scoreColumns = "score_mean,score_green,score_amber,score_red"

    @Test func csvHeaderAndOneRowPerGroup() {
        let csv = RollupReporter.csv(Self.twoIndustries)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(csv.hasSuffix("\r\n"), "RFC 4180 lines end with CRLF")
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF")
        #expect(lines == [
            Self.csvHeader + "," + Self.scoreColumns,
            "industry,energy,,false,1,1,0,0,,0,,0,0,0,0,0,0,0,0,0,0,1,20,0,0,1",
            "industry,tobacco,Tobacco,true,1,0,1,0,,0,,8765432020.15,2921518492.25,0,0,0,0,0,0,0,1,0,20,0,0,1",
            "",
        ], "\(csv)")
    }

    /// A name with a comma and a quote is quoted, the quote doubled; amounts to two decimals.
    @Test func csvQuotesNamesRFC4180() {
        var rollup = Self.tiny
        rollup.groups[0].name = #"Tobacco, "Premium""#
        let csv = RollupReporter.csv(rollup)
        #expect(csv == Self.csvHeader + "," + Self.scoreColumns + "\r\n"
            + #"industry,tobacco,"Tobacco, ""Premium""",true,1,0,1,0,5000000.1,7100.04,4992900.06,1000.01,750.01,2.68,1,1,1,0,1,0,0,0,22,0,0,1"#
            + "\r\n")
        // A line break inside a name is quoted too.
        rollup.groups[0].name = "Two\nlines"
        #expect(RollupReporter.csv(rollup).contains("industry,tobacco,\"Two\nlines\",true,"))
    }

    /// With --since, four more columns after health, in a stable order; the score's four stay last.
    @Test func csvWithMoves() {
        var rollup = Self.twoIndustries
        rollup.groups[1].moved = Rollup.Moved(up: 1, down: 2, new: 3, removed: 4)
        rollup.groups[0].moved = Rollup.Moved()
        let lines = RollupReporter.csv(rollup).components(separatedBy: "\r\n")
        #expect(lines.first == Self.csvHeader + ",moved_up,moved_down,moved_new,moved_removed," + Self.scoreColumns)
        #expect(lines[1].hasSuffix(",0,0,0,1,0,0,0,0,20,0,0,1"), "\(lines[1])")
        #expect(lines[2].hasSuffix(",1,0,1,2,3,4,20,0,0,1"), "\(lines[2])")
        #expect(lines.dropLast().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 30 })
    }

    // MARK: Text and Markdown

    @Test func textShowsEveryGroupAndTheTotal() {
        var rollup = Self.twoIndustries
        rollup.groups[1].moved = Rollup.Moved(up: 1, down: 0, new: 0, removed: 0)
        let history = RollupReporter.History(sinceDate: CalendarDate(parsing: "2026-03-01")!,
                                             transitions: [RollupHistory.Transition(account: "big", from: "departmental",
                                                                                    to: "industry-solution")])
        let text = RollupReporter.text(rollup, history: history, color: false)
        #expect(text.hasPrefix("Lifecycle rollup as of 2026-11-29 (amounts in CNY)\n"), "\(text)")
        #expect(!text.contains("\u{1B}"), "no escape codes without colour")
        let lines = text.lines
        #expect(lines.contains { $0.hasPrefix("industry energy") && $0.contains("(no plan)") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("industry tobacco") && $0.contains("8,765,432,020.15") && $0.contains("↑1") },
                "\(text)")
        #expect(lines.contains { $0.hasPrefix("total") }, "\(text)")
        #expect(text.contains("big: departmental → industry-solution"), "\(text)")
    }

    @Test func markdownTable() {
        let markdown = RollupReporter.markdown(Self.twoIndustries)
        let rows = markdown.lines.filter { $0.hasPrefix("|") }
        #expect(rows.count == 5, "header, rule, two groups, total: \(markdown)")
        #expect(rows.allSatisfy { $0.filter { $0 == "|" }.count == rows[0].filter { $0 == "|" }.count }, "\(markdown)")
        #expect(rows.last?.hasPrefix("| **total** | 2 |") == true, "\(markdown)")
    }
}

private extension String {
    var lines: [String] { split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}
