import Foundation
import PlanModel
import PlanParser
import Testing

/// Front-matter fields (PLAN_FORMAT.md §4) and their values (§5).
struct FrontMatterTests {
    /// The required account keys, nothing else.
    static let minimalAccount = """
        ---
        name: Shanghai Tobacco Group
        industry: tobacco
        stage: integration
        manager: li-you
        reviewed: 2026-11-12
        ---
        # Shanghai Tobacco Group
        """

    @Test func minimalAccountIsClean() {
        let result = parse(Self.minimalAccount)
        #expect(result.located == [])
        #expect(result.plan.header.segments == [])
        #expect(result.plan.header.team == [])
        #expect(result.plan.header.health == nil)
    }

    @Test func unknownKeyIsAWarningAtTheKeyWithAHint() throws {
        let text = """
            ---
            name: A
            industry: tobacco
            stage: integration
            manger: li-you
            reviewed: 2026-11-12
            ---
            """
        let result = parse(text)
        #expect(result.located == ["missing-field 1:1", "unknown-field 5:1"])
        let unknown = try #require(result.findings.first { $0.rule == .unknownField })
        #expect(unknown.message.contains("'manger'"))
        #expect(unknown.message.contains("did you mean 'manager'"))
        #expect(result.findings.first { $0.rule == .missingField }?.message.contains("'manager'") == true)
        // The unknown key is still kept as written.
        #expect(result.plan.entry("manger")?.value == .scalar("li-you", quoted: false))
    }

    @Test func everyRequiredAccountKeyIsReported() {
        let text = """
            ---
            name: A
            ---
            """
        let result = parse(text)
        #expect(result.findings.allSatisfy { $0.rule == .missingField })
        let missing = ["industry", "stage", "manager", "reviewed"].filter { key in
            result.findings.contains { $0.message.contains("'\(key)'") }
        }
        #expect(missing == ["industry", "stage", "manager", "reviewed"])
        #expect(result.findings.count == 4)
    }

    @Test func emptyFrontMatterMissesEverything() {
        let result = parse("---\n---\n# Title\n")
        #expect(result.plan.isReadable)
        #expect(result.located == Array(repeating: "missing-field 1:1", count: 5))
    }

    @Test func aKeyWithoutValueIsMissing() {
        let text = """
            ---
            name: A
            industry: tobacco
            stage:
            manager: li-you
            reviewed: 2026-11-12
            ---
            """
        let result = parse(text)
        #expect(result.findings.map(\.rule) == [.missingField])
        #expect(result.findings.first?.location.line == 4)
        #expect(result.plan.header.stage == nil)
    }

    /// `name: ""` is no name (a newcomer trial: it passed lint, and `new --name ''` wrote it);
    /// a value refused by its own check (`industry: ""`) is said once.
    @Test func aQuotedEmptyRequiredValueIsMissing() {
        for name in ["\"\"", "''", "\"   \""] {
            let result = parse("---\nname: \(name)\nindustry: tobacco\nstage: integration\nmanager: li-you\nreviewed: 2026-11-12\n---\n")
            #expect(result.located == ["missing-field 2:7"], "\(name)")
            #expect(result.findings.first?.message == "account plan's required field 'name' is empty")
        }
        let industry = parse("---\nname: A\nindustry: \"\"\nstage: integration\nmanager: li-you\nreviewed: 2026-11-12\n---\n")
        #expect(industry.located == ["invalid-value 3:11"])
    }

    @Test func badValuesAreReportedAtTheValue() {
        let text = """
            ---
            name: [Shanghai, Tobacco]
            industry: Tobacco Industry
            segments: [华东区, Bad-ID]
            stage: integration
            manager: Li You
            team: wang-fang
            health: amber
            since: 2009-3-1
            reviewed: 2026-02-29
            revenue_target: 18 million
            ---
            """
        let result = parse(text)
        #expect(result.located == [
            "invalid-value 2:7", // name is a list
            "invalid-value 3:11", // industry is no id
            "invalid-value 4:12", // 华东区 is no id; the column counts characters
            "invalid-value 4:17", // Bad-ID
            "invalid-value 6:10", // manager Li You
            "invalid-value 8:9", // health amber
            "invalid-value 9:8", // since 2009-3-1
            "invalid-value 10:11", // reviewed 2026-02-29 does not exist
            "invalid-value 11:17", // revenue_target 18 million
        ])
        // A single id without brackets is a list of one.
        #expect(result.plan.header.team.map(\.at) == ["wang-fang@7:7"])
        #expect(result.plan.header.segments == [])
        #expect(result.plan.header.health == nil)
        #expect(result.plan.header.reviewed == nil)
    }

    @Test(arguments: ["2026-11-12T10:00:00Z", "2026.11.12", "2026/11-12", "12.11.2026", "2026-11", "today", "\"2026-1-5\""])
    func datesAreOnlyYYYYMMDD(written: String) {
        let text = Self.minimalAccount.replacingOccurrences(of: "reviewed: 2026-11-12", with: "reviewed: \(written)")
        #expect(parse(text).located == ["invalid-value 6:11"])
    }

    @Test(arguments: [
        ("CNY 18M", "18000000", "CNY"), ("2,400,000", "2400000", nil), ("USD 1,250.50", "1250.5", "USD"),
        ("\"300k\"", "300000", nil), ("0.5m", "500000", nil),
    ] as [(String, String, String?)])
    func revenueTargetIsMoney(written: String, amount: String, currency: String?) {
        let text = Self.minimalAccount.replacingOccurrences(of: "reviewed: 2026-11-12",
                                                            with: "reviewed: 2026-11-12\nrevenue_target: \(written)")
        let result = parse(text)
        #expect(result.located == [])
        #expect(result.plan.header.revenueTarget?.value == Money(decimal(amount), currency: currency))
        #expect(result.plan.header.revenueTarget?.location == SourceLocation(line: 7, column: 17))
    }

    @Test(arguments: ["2,40,000", "-5", "12e6", "usd 5", "2.4 million", "CNY", "\"\""])
    func revenueTargetRejectsBadMoney(written: String) {
        let text = Self.minimalAccount.replacingOccurrences(of: "reviewed: 2026-11-12",
                                                            with: "reviewed: 2026-11-12\nrevenue_target: \(written)")
        let result = parse(text)
        #expect(result.located == ["invalid-value 7:17"])
        #expect(result.plan.header.revenueTarget == nil)
    }

    @Test(arguments: [("green", Health.green), ("yellow", .yellow), ("red", .red)])
    func healthValues(written: String, health: Health) {
        let text = Self.minimalAccount.replacingOccurrences(of: "reviewed: 2026-11-12",
                                                            with: "reviewed: 2026-11-12\nhealth: \(written)")
        #expect(parse(text).plan.header.health?.value == health)
    }

    /// Custom keys declared under `fields:` are checked against their type (docs/format.md).
    @Test func declaredCustomFieldsAreTypeChecked() {
        var config = WorkspaceConfig()
        config.fields = ["strategic_tier": .integer, "key_account": .boolean, "go_live": .date, "budget": .money,
                         "score": .number, "tags": .list, "note": .string]
        let text = """
            ---
            name: A
            industry: tobacco
            stage: integration
            manager: li-you
            reviewed: 2026-11-12
            strategic_tier: high
            key_account: yes
            go_live: 2026-13-01
            budget: lots
            score: 12,5
            tags: single
            note: [a, b]
            undeclared: 1
            ---
            """
        let result = parse(text, config: config)
        #expect(result.located == [
            "invalid-value 7:17", // integer: high
            "invalid-value 8:14", // boolean: yes
            "invalid-value 9:10", // date: 2026-13-01
            "invalid-value 10:9", // money: lots
            "invalid-value 11:8", // number: 12,5
            "invalid-value 12:7", // list: single
            "invalid-value 13:7", // string: [a, b]
            "unknown-field 14:1", // not declared
        ])
    }

    @Test func declaredCustomFieldsWithGoodValues() {
        var config = WorkspaceConfig()
        config.fields = ["strategic_tier": .integer, "key_account": .boolean, "go_live": .date, "budget": .money,
                         "score": .number, "tags": .list, "note": .string]
        let text = Self.minimalAccount.replacingOccurrences(of: "reviewed: 2026-11-12", with: """
            reviewed: 2026-11-12
            strategic_tier: 1
            key_account: true
            go_live: 2027-06-30
            budget: USD 150k
            score: 12.5
            tags: [board, tobacco]
            note: Handed over from the South ABU
            """)
        let result = parse(text, config: config)
        #expect(result.located == [])
        #expect(result.plan.entry("tags")?.value == .list([.scalar("board", quoted: false), .scalar("tobacco", quoted: false)]))
        #expect(result.plan.entry("strategic_tier")?.valueLocation == SourceLocation(line: 7, column: 17))
        // Without the declaration the same key is unknown.
        #expect(parse(text).findings.filter { $0.rule == .unknownField }.count == 7)
    }

    @Test func kindMustMatchTheFolder() throws {
        let text = Self.minimalAccount.replacingOccurrences(of: "---\nname:", with: "---\nkind: industry\nname:")
        let result = parse(text)
        #expect(result.located == ["id-mismatch 2:7"])
        #expect(try #require(result.findings.first).message.contains("industry"))
        // The folder decides: it is still read as an account plan.
        #expect(result.plan.kind == .account)
        #expect(result.plan.header.stage?.value == "integration")

        let industry = """
            ---
            kind: segment
            name: Tobacco
            owner: zhou-jie
            ---
            """
        #expect(parse(industry, kind: .industry, id: "tobacco").located == ["id-mismatch 2:7"])
        #expect(parse(industry.replacingOccurrences(of: "kind: segment", with: "kind: industry"),
                      kind: .industry, id: "tobacco").located == [])
    }

    @Test func idMustMatchTheFileName() throws {
        let text = Self.minimalAccount.replacingOccurrences(of: "---\nname:", with: "---\nid: zhejiang-tobacco\nname:")
        let result = parse(text)
        #expect(result.located == ["id-mismatch 2:5"])
        #expect(try #require(result.findings.first).message.contains("zhejiang-tobacco"))
        #expect(result.plan.id == "shanghai-tobacco")
        let same = Self.minimalAccount.replacingOccurrences(of: "---\nname:", with: "---\nid: shanghai-tobacco\nname:")
        #expect(parse(same).located == [])
    }

    @Test(arguments: ["Shanghai_Tobacco", "-tobacco", "上海烟草", "ShanghaiTobacco"])
    func fileNameMustBeAValidID(id: String) {
        let result = parse(Self.minimalAccount, id: id)
        #expect(result.located == ["id-mismatch 1:1"])
        // The plan is still read.
        #expect(result.plan.header.name?.value == "Shanghai Tobacco Group")
    }

    @Test func frontMatterEntriesKeepTheirPositionsAndQuoting() throws {
        let text = """
            ---
            name: "Shanghai Tobacco Group"
            industry: tobacco
            segments:
              - installed-base-high-end
              - east-key-accounts
            stage: integration
            manager: li-you
            reviewed: 2026-11-12
            ---
            """
        let result = parse(text)
        #expect(result.located == [])
        let name = try #require(result.plan.entry("name"))
        #expect(name.keyLocation == SourceLocation(line: 2, column: 1))
        #expect(name.valueLocation == SourceLocation(line: 2, column: 7))
        #expect(name.value == .scalar("Shanghai Tobacco Group", quoted: true))
        let segments = try #require(result.plan.entry("segments"))
        #expect(segments.itemLocations == [SourceLocation(line: 5, column: 5), SourceLocation(line: 6, column: 5)])
        #expect(result.plan.header.segments.map(\.at) == ["installed-base-high-end@5:5", "east-key-accounts@6:5"])
    }

    @Test func notAMappingIsAFrontMatterError() {
        #expect(parse("---\n- name\n- industry\n---\n").located == ["front-matter 2:1"])
        #expect(parse("---\njust some text\n---\n").located == ["front-matter 2:1"])
    }

    /// A `[`, `{` or quote left open is noticed lines later (libyaml's problem mark); the
    /// finding is placed where it was opened, with a hint that says so.
    @Test func anUnclosedBracketOrQuoteIsReportedWhereItOpens() {
        let header = "---\nname: Acme\n"
        let cases = [
            ("segments: [east, west\nstage: departmental\n", "front-matter 3:11", "this '[' is not closed"),
            ("targets: {accounts: 3\nstage: departmental\n", "front-matter 3:10", "this '{' is not closed"),
            ("abu: \"Energy ABU\nstage: departmental\n", "front-matter 3:6", "this quote is not closed"),
        ]
        for (lines, located, hint) in cases {
            let result = parse(header + lines + "---\n")
            #expect(result.located == [located], "\(lines)")
            #expect(result.findings.first?.hint?.hasPrefix(hint) == true, "\(result.findings)")
        }
        // Closed, over two lines, with a comma missing: placed where libyaml noticed it, with the
        // usual hint (a review found it moved to the `{`, said to be unclosed).
        let closed = parse(header + "targets: {revenue: 1,\n  accounts: 2 stages: 7}\n---\n", kind: .industry, id: "t")
        #expect(closed.findings.filter { $0.rule == .frontMatter }.map(\.location.line) == [4], "\(closed.findings)")
        #expect(closed.findings.first { $0.rule == .frontMatter }?.hint?.hasPrefix("check the indentation") == true, "\(closed.findings)")
        // Noticed on the line it opens on: placed where it was noticed, as before.
        let sameLine = parse(header + "segments: [east, west: x: y]\n---\n")
        #expect(sameLine.located == ["front-matter 3:25"])
        #expect(sameLine.findings.first?.hint?.hasPrefix("check the indentation") == true, "\(sameLine.findings)")
    }
}
