import Foundation
import PlanModel
import PlanParser
import Testing

/// acctplan.yml (PLAN_FORMAT.md §6): every key optional, every mistake a `config` finding at
/// its position, and whatever is invalid falls back to its default.
struct ConfigParserTests {
    @Test func emptyFileMeansDefaults() {
        let (config, findings) = parseConfig("")
        #expect(findings.located == [])
        #expect(config == WorkspaceConfig())
        let (commented, more) = parseConfig("# nothing set yet\n")
        #expect(more.located == [])
        #expect(commented == WorkspaceConfig())
    }

    /// A mapping key written without a value is as good as left out.
    @Test func emptyMappingsAndListsMeanDefaults() {
        let (config, findings) = parseConfig("version: 1\nfx:\npeople:\nfields:\nrules:\n")
        #expect(findings.located == [])
        #expect(config == WorkspaceConfig())
    }

    @Test func everyKey() throws {
        let (config, findings) = parseConfig("""
            version: 1
            currency: USD
            fx: {CNY: 0.14, EUR: 1.08}
            fiscal_year_start: 04-01
            review_interval_days: 30
            lifecycle:
              - {id: pilot, label: Pilot project}
              - {id: rollout}
            opportunity_stages:
              - {id: lead, probability: 5}
              - {id: offer, probability: 12.5%}
              - {id: signed, probability: 100, closed: true}
              - {id: dropped, probability: 0, closed: true}
            people:
              li-you: {name: Li You}
              wang-fang: Wang Fang
              zhou-jie:
            fields:
              strategic_tier: {type: integer}
              key_account: {type: boolean}
              go_live: {type: date}
              budget: {type: money}
              score: {type: number}
              tags: {type: list}
              note: {type: string}
            rules:
              stale-review: error
              no-sponsor: off
              past-close: warning
            """)
        #expect(findings.located == [])
        #expect(config.version == 1)
        #expect(config.currency == "USD")
        #expect(config.fx == ["CNY": decimal("0.14"), "EUR": decimal("1.08")])
        #expect(config.fiscalYearStart == MonthDay(month: 4, day: 1))
        #expect(config.reviewIntervalDays == 30)
        #expect(config.lifecycle == [LifecycleStage(id: "pilot", label: "Pilot project"),
                                     LifecycleStage(id: "rollout", label: "rollout")])
        #expect(config.opportunityStages == [
            OpportunityStage(id: "lead", probability: 5),
            OpportunityStage(id: "offer", probability: decimal("12.5")),
            OpportunityStage(id: "signed", probability: 100, closed: true),
            OpportunityStage(id: "dropped", probability: 0, closed: true),
        ])
        #expect(config.people == ["li-you": "Li You", "wang-fang": "Wang Fang", "zhou-jie": "zhou-jie"])
        #expect(config.fields == ["strategic_tier": .integer, "key_account": .boolean, "go_live": .date,
                                  "budget": .money, "score": .number, "tags": .list, "note": .string])
        #expect(config.ruleSeverities == ["stale-review": .error, "no-sponsor": .off, "past-close": .warning])
        #expect(config.ruleLocations == ["stale-review": SourceLocation(line: 27, column: 3),
                                         "no-sponsor": SourceLocation(line: 28, column: 3),
                                         "past-close": SourceLocation(line: 29, column: 3)])
    }

    /// Rates are exact decimals, never binary floats: 7.1 is 7.1, and 3 × 0.1 is 0.3.
    @Test func fxRatesAreExactDecimals() throws {
        let (config, findings) = parseConfig("fx: {USD: 7.1, EUR: 7.7, JPY: 0.048312, GBP: 9}")
        #expect(findings.isEmpty)
        #expect(config.fx["USD"] == Decimal(sign: .plus, exponent: -1, significand: 71))
        #expect(config.fx["USD"] == decimal("7.1"))
        #expect(config.fx["EUR"] == decimal("7.7"))
        #expect(config.fx["JPY"] == decimal("0.048312"))
        #expect(config.fx["GBP"] == Decimal(9))
        #expect(config.fx["USD"]?.plainString == "7.1")
        #expect(config.convert(Money(Decimal(150_000), currency: "USD")) == Decimal(1_065_000))
        #expect(config.convert(Money(Decimal(3), currency: "JPY")) == decimal("0.144936"))
        let (tenth, _) = parseConfig("fx: {USD: 0.1}")
        let rate = try #require(tenth.fx["USD"])
        #expect(rate + rate + rate == decimal("0.3"))
    }

    @Test func unknownSettingWithDidYouMean() throws {
        let (config, findings) = parseConfig("version: 1\ncurency: USD\n")
        #expect(findings.located == ["config 2:1"])
        let message = try #require(findings.first).message
        #expect(message.contains("'curency'"))
        #expect(message.contains("did you mean 'currency'"))
        #expect(findings.first?.path == "acctplan.yml")
        #expect(config.currency == "CNY")
    }

    @Test func unknownSettingFarFromAnyKnownOne() throws {
        let (_, findings) = parseConfig("colour: blue")
        #expect(findings.located == ["config 1:1"])
        #expect(try #require(findings.first).message.contains("did you mean") == false)
    }

    @Test(arguments: [
        // currency
        ("currency: usd", "config 1:11"),
        ("currency: EURO", "config 1:11"),
        ("currency: US", "config 1:11"),
        ("currency: [CNY]", "config 1:11"),
        // fx
        ("fx: {USD: seven}", "config 1:11"),
        ("fx: {USD: -7.1}", "config 1:11"),
        ("fx: {USD: 0}", "config 1:11"),
        ("fx: {USD: 1e3}", "config 1:11"),
        ("fx:\n  USD: 7,1", "config 2:8"),
        ("fx: {usd: 7.1}", "config 1:6"),
        ("fx: 7.1", "config 1:5"),
        // fiscal_year_start, review_interval_days, version
        ("fiscal_year_start: 13-01", "config 1:20"),
        ("fiscal_year_start: 02-30", "config 1:20"),
        ("fiscal_year_start: April", "config 1:20"),
        ("review_interval_days: 0", "config 1:23"),
        ("review_interval_days: -5", "config 1:23"),
        ("review_interval_days: ninety", "config 1:23"),
        ("version: 2", "config 1:10"),
        // people
        ("people:\n  Li You: {name: Li You}", "config 2:3"),
        ("people: [li-you]", "config 1:9"),
        // rules
        ("rules:\n  stale-review: fatal", "config 2:17"),
        ("rules: [stale-review]", "config 1:8"),
    ])
    func badValueIsReportedAtTheValue(yaml: String, expected: String) {
        let (config, findings) = parseConfig(yaml)
        #expect(findings.located == [expected])
        // Whatever was invalid keeps its default.
        #expect(config.currency == "CNY")
        #expect(config.fx.isEmpty)
        #expect(config.fiscalYearStart == MonthDay(month: 1, day: 1))
        #expect(config.reviewIntervalDays == 90)
        #expect(config.people.isEmpty)
        #expect(config.ruleSeverities.isEmpty)
    }

    /// §6: `fiscal_year_start` is `MM-DD`; anything else is a config error and the default stays.
    @Test(arguments: ["04-01-x", "-04-01", "04--01", "2026-04-01", "04/01", "04-01 "])
    func fiscalYearStartIsExactlyMonthDay(written: String) {
        let (config, findings) = parseConfig("fiscal_year_start: \"\(written)\"")
        #expect(findings.located == ["config 1:20"])
        #expect(config.fiscalYearStart == MonthDay(month: 1, day: 1))
    }

    @Test(arguments: [("04-01", 4, 1), ("\"10-01\"", 10, 1), ("12-31", 12, 31), ("02-29", 2, 29)])
    func fiscalYearStart(written: String, month: Int, day: Int) {
        let (config, findings) = parseConfig("fiscal_year_start: \(written)")
        #expect(findings.located == [])
        #expect(config.fiscalYearStart == MonthDay(month: month, day: day))
    }

    @Test func aGoodRateNextToABadOneIsKept() {
        let (config, findings) = parseConfig("fx: {USD: 7.1, EUR: lots}")
        #expect(findings.located == ["config 1:21"])
        #expect(config.fx == ["USD": decimal("7.1")])
    }

    @Test(arguments: [
        ("lifecycle: []", "config 1:12"),
        ("lifecycle: departmental", "config 1:12"),
        ("lifecycle:\n  - departmental", "config 2:5"),
        ("lifecycle:\n  - {label: No id}", "config 2:5"),
        ("lifecycle:\n  - {id: Bad Stage}", "config 2:5"),
        ("lifecycle:\n  - {id: a}\n  - {id: b}\n  - {id: a}", "config 4:5"),
    ])
    func lifecycleProblems(yaml: String, expected: String) {
        let (config, findings) = parseConfig(yaml)
        #expect(findings.located == [expected])
        #expect(config.lifecycle == LifecycleStage.defaults)
    }

    @Test(arguments: [
        ("opportunity_stages: []", "config 1:21"),
        ("opportunity_stages: {qualify: 10}", "config 1:21"),
        ("opportunity_stages:\n  - {id: qualify, probability: 150}", "config 2:5"),
        ("opportunity_stages:\n  - {id: qualify, probability: high}", "config 2:5"),
        ("opportunity_stages:\n  - {id: qualify}", "config 2:5"),
        ("opportunity_stages:\n  - {id: won, probability: 100, closed: yes}", "config 2:5"),
        ("opportunity_stages:\n  - {id: won, probability: 100}\n  - {id: won, probability: 0}", "config 3:5"),
        ("opportunity_stages:\n  - {probability: 10}", "config 2:5"),
    ])
    func opportunityStageProblems(yaml: String, expected: String) {
        let (config, findings) = parseConfig(yaml)
        #expect(findings.located == [expected])
        #expect(config.opportunityStages == OpportunityStage.defaults)
    }

    @Test func badFieldTypeWithDidYouMean() throws {
        let (config, findings) = parseConfig("fields:\n  strategic_tier: {type: intger}\n  note: {type: string}")
        #expect(findings.located == ["config 2:26"])
        let message = try #require(findings.first).message
        #expect(message.contains("'strategic_tier'"))
        #expect(message.contains("did you mean 'integer'"))
        #expect(config.fields == ["note": .string])
    }

    @Test(arguments: [
        ("fields:\n  tier: {type: decimal}", "config 2:16"),
        ("fields:\n  tier: integer", "config 2:9"),
        ("fields:\n  tier: {kind: integer}", "config 2:9"),
        ("fields: [tier]", "config 1:9"),
    ])
    func fieldTypeProblems(yaml: String, expected: String) {
        let (config, findings) = parseConfig(yaml)
        #expect(findings.located == [expected])
        #expect(config.fields.isEmpty)
    }

    @Test func yamlProblemsAreConfigFindingsAtTheirLine() {
        #expect(parseConfig("version: 1\ncurrency: CNY: USD\n").1.map(\.location.line) == [2])
        #expect(parseConfig("version: 1\ncurrency: CNY: USD\n").1.map(\.rule) == [.config])
        #expect(parseConfig("currency: CNY\nversion: 1\ncurrency: USD\n").1.located == ["config 3:1"])
        #expect(parseConfig("fx: &rates {USD: 7.1}\n").1.located == ["config 1:5"])
        #expect(parseConfig("- version\n- currency\n").1.located == ["config 1:1"])
        #expect(parseConfig("currency: !!str CNY\n").1.located == ["config 1:11"])
    }

    @Test func notUTF8() {
        let (config, findings) = ConfigParser.parse(Data([0x63, 0x75, 0xFF, 0x0A]))
        #expect(findings.located == ["config 1:1"])
        // The defaults, marked as such: no plan is judged and no number computed with them.
        var defaults = WorkspaceConfig()
        defaults.isUnreadable = true
        #expect(config == defaults)
        #expect(ConfigParser.parse(Data("fx: [USD: 7\n".utf8)).0.isUnreadable)
        #expect(!ConfigParser.parse(Data("fx: {USD: 7}\ncurrency: 1\n".utf8)).0.isUnreadable, "a wrong value is no unreadable file")
    }

    @Test func severalMistakesAreAllReported() {
        let (config, findings) = parseConfig("""
            currency: yuan
            fx: {USD: 7.1}
            review_interval_days: soon
            rules:
              stale-review: error
              past-close: never
            """)
        #expect(findings.located == ["config 1:11", "config 3:23", "config 6:15"])
        #expect(config.fx == ["USD": decimal("7.1")])
        #expect(config.ruleSeverities == ["stale-review": .error])
    }
}
