import Foundation
import PlanEngine
import PlanFormat
import PlanModel
import PlanParser
import PlanReports
import Testing

/// The proof that the schema is the one place a section is declared (issue 12): a "Co-innovation"
/// table declared here, in test code only, is parsed, diffed, shown (JSON and text) and formatted
/// by the unchanged parser, diff, renderers and formatter.
struct SchemaExtensionTests {
    static let coInnovation = SectionSpec(
        id: "co-innovation", headings: ["Co-innovation", "联合创新"], kinds: [.account],
        shape: .table(columns: [
            ColumnSpec("id", aliases: ["编号"], type: .identifier, required: true),
            ColumnSpec("topic", aliases: ["课题"], type: .text, required: true),
            ColumnSpec("budget", aliases: ["预算"], type: .money),
            ColumnSpec("share", type: .percent),
            ColumnSpec("due", type: .date),
        ], key: "id"))

    static let extended: WorkspaceConfig = {
        var config = WorkspaceConfig()
        config.fx = ["USD": 7]
        config.schema = PlanSchema.standard.adding(coInnovation)
        return config
    }()

    static func plan(rows: String) -> String {
        """
        ---
        name: Acme
        industry: tobacco
        stage: departmental
        manager: li-you
        reviewed: 2026-11-01
        ---
        # Acme

        ## Co-innovation
        | ID | Topic | Budget | Share | Due |
        |---|---|---|---|---|
        \(rows)

        ## Notes
        Free prose.

        """
    }

    static let base = plan(rows: """
        |ci-rfid|RFID in the warehouse|CNY 1.2M|50%|2027-03-31|
        |ci-edge|Edge analytics|USD 100k||2027-06-30|
        """)

    static func parse(_ text: String, config: WorkspaceConfig = extended) -> ParsedPlan {
        PlanParser(config: config).parse(Data(text.utf8), path: "accounts/acme.md", kind: .account, id: "acme", depth: .withProse)
    }

    @Test func isParsedRowByRowKeyedByItsKeyColumn() throws {
        let parsed = Self.parse(Self.base)
        #expect(parsed.findings.isEmpty, "\(parsed.findings.map(\.message))")
        let section = try #require(parsed.plan.sections.first { $0.heading == "Co-innovation" })
        #expect(section.schemaID == "co-innovation")
        #expect(section.kind == nil)
        let rows = parsed.plan.schemaTable("co-innovation")
        #expect(rows.map { $0.cells["id"]?.value } == ["ci-rfid", "ci-edge"])
        #expect(rows[0].cells["budget"]?.value == "CNY 1.2M")
        #expect(rows[0].cells["budget"]?.location == SourceLocation(line: 13, column: 32))
        #expect(rows[1].cells["share"] == nil)
        // The table's lines are structure, not prose: the title and the Notes section are.
        #expect(parsed.plan.prose?.map(\.heading) == [nil, "Notes"])

        // With the standard schema, the same section is free prose.
        let standard = Self.parse(Self.base, config: WorkspaceConfig())
        #expect(standard.plan.schemaTables.isEmpty)
        #expect(standard.plan.sections.first { $0.heading == "Co-innovation" }?.schemaID == nil)
    }

    @Test func checksCellsByTheirColumnTypeAndKeysForDuplicates() {
        let parsed = Self.parse(Self.plan(rows: """
            |ci-rfid|RFID|a lot|150%|2027-02-30|
            |Ci Bad|Bad id|1|||
            |ci-rfid|Again|2|||
            ||No key|3|||
            """))
        let messages = parsed.findings.map { "\($0.location.line):\($0.location.column) \($0.rule) \($0.message)" }
        #expect(messages == [
            "13:15 invalid-value amount 'a lot' for 'budget' has 'a' where a 3-letter currency code in capitals belongs",
            "13:21 invalid-value '150%' is not a percent from 0 to 100",
            "13:26 invalid-value '2027-02-30' is not a valid date for 'due'",
            "14:2 invalid-value 'Ci Bad' is not a valid id for 'id'",
            "15:2 duplicate-key co-innovation ID 'ci-rfid' is listed twice (first on line 13)",
            "16:2 missing-field co-innovation row has no ID",
        ])
        #expect(parsed.plan.schemaTable("co-innovation").count == 4, "a row with bad cells is still a row")
    }

    @Test func isDiffedByKeyWithAmountsByValue() throws {
        let edited = Self.plan(rows: """
            |ci-edge|Edge analytics|USD 120k||2027-06-30|
            |ci-rfid|RFID in the warehouse|1,200,000|50|2027-03-31|
            |ci-twin|Digital twin|CNY 3M||2027-12-31|
            """)
        let side = { (text: String) in PlanDiff.Side(Self.parse(text).plan, config: Self.extended) }
        let change = try #require(PlanDiff.compare(side(Self.base), side(edited)))
        #expect(change.fields.isEmpty)
        let section = try #require(change.sections.first)
        #expect(change.sections.count == 1)
        #expect(section.id == "co-innovation")
        #expect(section.section == nil)
        // Reordered rows, 1.2M written as 1,200,000 and 50% as 50 are no change.
        #expect(section.items == [
            ItemChange(key: "ci-edge", status: .modified,
                       fields: [FieldChange(name: "budget", from: .amount(700_000), to: .amount(840_000))]),
            ItemChange(key: "ci-twin", status: .added, fields: [
                FieldChange(name: "topic", from: .null, to: .text("Digital twin")),
                FieldChange(name: "budget", from: .null, to: .amount(3_000_000)),
                FieldChange(name: "due", from: .null, to: .text("2027-12-31")),
            ]),
        ])
        #expect(DiffReporter.summaryLine(change) == "acme: ci-edge budget 700,000 → 840,000; +1 co-innovation row")
        #expect(PlanDiff.compare(side(Self.base), side(Self.base)) == nil)
    }

    @Test func isShownAsJSONAndText() throws {
        let plan = Self.parse(Self.base).plan
        let json = PlanJSON.render(plan, config: Self.extended)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let sections = try #require((object["plan"] as? [String: Any])?["sections"] as? [[String: Any]])
        let section = try #require(sections.first { $0["heading"] as? String == "Co-innovation" })
        #expect(section["section"] as? String == "co-innovation")
        let items = try #require(section["items"] as? [[String: Any]])
        #expect(items.map { $0["key"] as? String } == ["ci-rfid", "ci-edge"])
        #expect(items.map { $0["line"] as? Int } == [13, 14])
        let values = try #require(items[1]["values"] as? [String: Any])
        #expect(values["topic"] as? String == "Edge analytics")
        #expect((values["budget"] as? NSNumber)?.intValue == 700_000, "amounts in the workspace currency")
        #expect(values["share"] is NSNull)
        #expect((items[0]["values"] as? [String: Any])?["share"] as? Int == 50)
        #expect(sections.first { $0["heading"] as? String == "Notes" }?["section"] is NSNull)

        let text = PlanText.render(plan, config: Self.extended)
        #expect(text.contains("""
            Co-innovation
              ci-rfid  topic RFID in the warehouse, budget CNY 1.2M, share 50%, due 2027-03-31
              ci-edge  topic Edge analytics, budget USD 100k, due 2027-06-30

            Other sections: Notes
            """))
    }

    @Test func isFormattedInCanonicalForm() throws {
        let formatter = PlanFormatter(config: Self.extended)
        guard case .formatted(let data) = formatter.format(Data(Self.base.utf8), path: "accounts/acme.md", kind: .account, id: "acme")
        else { Issue.record("not formatted"); return }
        let formatted = String(decoding: data, as: UTF8.self)
        #expect(formatted == Self.plan(rows: """
            | ci-rfid | RFID in the warehouse | CNY 1.2M | 50%   | 2027-03-31 |
            | ci-edge | Edge analytics        | USD 100k |       | 2027-06-30 |
            """).replacingOccurrences(of: """
            | ID | Topic | Budget | Share | Due |
            |---|---|---|---|---|
            """, with: """
            | ID      | Topic                 | Budget   | Share | Due        |
            | ------- | --------------------- | -------- | ----- | ---------- |
            """))
        #expect(formatter.format(data, path: "accounts/acme.md", kind: .account, id: "acme") == .unchanged)
        // Without the section in the schema, its table is prose and is left byte for byte.
        #expect(PlanFormatter().format(Data(Self.base.utf8), path: "accounts/acme.md", kind: .account, id: "acme") == .unchanged)
    }

    @Test func isOnTheHTMLAccountPage() throws {
        let plan = Self.parse(Self.base).plan
        let workspace = Workspace(config: Self.extended, plans: [plan], findings: [], planPaths: [plan.path])
        let rollup = Rollup.compute(workspace, asOf: CalendarDate(year: 2026, month: 12, day: 1)!)
        let page = try #require(HTMLReport(workspace: workspace, rollup: rollup, history: nil).pages().first { $0.path == "accounts/acme.html" })
        let html = page.render()
        #expect(html.contains("<h2>Co-innovation</h2>"))
        #expect(html.contains("<th>ID</th><th>Topic</th><th class=\"num\">Budget</th><th class=\"num\">Share</th><th>Due</th>"))
        // Amounts as the opportunities table shows them: converted to the workspace currency.
        #expect(html.contains("<td>ci-edge</td><td>Edge analytics</td>"
                + "<td class=\"num\">USD 100,000 <span class=\"muted\">= CNY 700,000</span></td><td class=\"num\"></td><td>2027-06-30</td>"))
    }

    @Test func isInTheSkeletonOfANewPlanWhichIsCanonical() throws {
        let text = PlanSkeleton.text(kind: .account, fields: .init(name: "Acme", industry: "tobacco", stage: "departmental",
                                                                   manager: "li-you", reviewed: CalendarDate(year: 2026, month: 11, day: 1)!),
                                     schema: Self.extended.schema)
        #expect(text.contains("""
            ## Moments of truth

            ## Co-innovation

            | ID  | Topic | Budget | Share | Due |
            | --- | ----- | ------ | ----- | --- |

            ## Post-go-live service
            """))
        let outcome = PlanFormatter(config: Self.extended).format(Data(text.utf8), path: "accounts/acme.md", kind: .account, id: "acme")
        #expect(outcome == .unchanged)
    }
}
