import Foundation
import PlanEngine
import PlanModel
import PlanReports
import Testing

/// Golden-output tests of the semantic diff reporters on hand-built changes: the one-line summary
/// (commit messages, `log`), text, JSON (PLAN_FORMAT.md §8) and Markdown.
struct DiffReporterGoldenTests {
    static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    static let stageMove = FieldChange(name: "stage", from: .text("departmental"), to: .text("industry-solution"))

    /// The example of the brief: a stage move, an amount, an added opportunity and a ticked action.
    static let xinan = PlanChange(
        kind: .account, id: "xinan-tobacco", path: "accounts/xinan-tobacco.md", status: .modified,
        fields: [stageMove],
        sections: [
            SectionChange(section: .opportunities, items: [
                ItemChange(key: "opp-x", status: .modified,
                           fields: [FieldChange(name: "amount", from: .number(2_000_000), to: .number(2_400_000))]),
                ItemChange(key: "opp-z", status: .added, fields: [
                    FieldChange(name: "name", from: .null, to: .text("Budgeting")),
                    FieldChange(name: "amount", from: .null, to: .number(300_000)),
                ]),
            ]),
            SectionChange(section: .actions, items: [
                ItemChange(key: "Post-go-live health check", status: .modified,
                           fields: [FieldChange(name: "done", from: .bool(false), to: .bool(true))]),
            ]),
        ])

    /// A plan whose rendering needs escaping: a `|` in a value and in a key, and removed items.
    static let harbour = PlanChange(
        kind: .account, id: "harbour-city-land", path: "accounts/harbour-city-land.md", status: .modified,
        fields: [FieldChange(name: "health", from: .text("green"), to: .text("red"))],
        sections: [
            SectionChange(section: .stakeholders, items: [
                ItemChange(key: "Zhou Ming", status: .modified,
                           fields: [FieldChange(name: "title", from: .text("CIO"), to: .text("CIO | CTO"))]),
            ]),
            SectionChange(section: .opportunities, items: [
                ItemChange(key: "opp-old", status: .removed, fields: [
                    FieldChange(name: "name", from: .text("Old deal"), to: .null),
                    FieldChange(name: "amount", from: .number(1_000_000), to: .null),
                ]),
            ]),
            SectionChange(section: .actions, items: [
                ItemChange(key: "Review | sign-off", status: .modified,
                           fields: [FieldChange(name: "due", from: .text("2026-12-05"), to: .text("2026-12-12"))]),
            ]),
        ],
        proseChanged: true)

    static let added = PlanChange(kind: .account, id: "acme", path: "accounts/acme.md", status: .added,
                                  fields: [FieldChange(name: "name", from: .null, to: .text("Acme")),
                                           FieldChange(name: "stage", from: .null, to: .text("departmental"))])

    /// Moved into a sub-folder and moved up the lifecycle.
    static let renamed = PlanChange(kind: .account, id: "bolt", path: "accounts/east/bolt.md", status: .renamed,
                                    oldPath: "accounts/bolt.md",
                                    fields: [FieldChange(name: "stage", from: .text("industry-solution"), to: .text("integration"))])

    static let removed = PlanChange(kind: .segment, id: "old-segment", path: "segments/old-segment.md", status: .removed,
                                    fields: [FieldChange(name: "name", from: .text("Old"), to: .null)])

    static let unreadable = PlanChange(kind: .account, id: "cobalt", path: "accounts/cobalt.md", status: .modified,
                                       unreadable: UnreadableSide(.old))

    // MARK: Summary line

    @Test func summaryLines() {
        #expect(DiffReporter.summaryLine(Self.xinan)
                == "xinan-tobacco: stage departmental → industry-solution; opp-x amount 2,000,000 → 2,400,000; +1 opportunity; action 'Post-go-live health check' done")
        #expect(DiffReporter.summaryLine(Self.added) == "acme: new account plan")
        #expect(DiffReporter.summaryLine(Self.removed) == "old-segment: segment plan removed")
        #expect(DiffReporter.summaryLine(Self.renamed) == "bolt: moved from accounts/bolt.md; stage industry-solution → integration")
        #expect(DiffReporter.summaryLine(Self.unreadable) == "cobalt: the old version does not parse")
        let prose = PlanChange(kind: .account, id: "acme", path: "accounts/acme.md", status: .modified, proseChanged: true)
        #expect(DiffReporter.summaryLine(prose) == "acme: prose edited")
        // The stage move comes first even when the engine listed it later.
        var late = Self.xinan
        late.fields = [FieldChange(name: "health", from: .null, to: .text("green")), Self.stageMove]
        late.sections = []
        #expect(DiffReporter.summaryLine(late) == "xinan-tobacco: stage departmental → industry-solution; health — → green")
        // Counts of added and removed items.
        let counts = PlanChange(kind: .account, id: "acme", path: "accounts/acme.md", status: .modified, sections: [
            SectionChange(section: .stakeholders, items: [
                ItemChange(key: "A", status: .added, fields: []), ItemChange(key: "B", status: .added, fields: []),
            ]),
            SectionChange(section: .opportunities, items: [ItemChange(key: "opp-a", status: .removed, fields: [])]),
            SectionChange(section: .moments, items: [ItemChange(key: "2026-11-20 Visit", status: .added, fields: [])]),
        ])
        #expect(DiffReporter.summaryLine(counts) == "acme: +2 stakeholders; −1 opportunity; +1 moment of truth")
    }

    // MARK: Markdown

    @Test func markdownPutsLifecycleMovesFirstAndEscapes() {
        // In path order, as the CLI hands them over.
        let changes = [Self.added, Self.renamed, Self.harbour, Self.xinan]
        let expected = """
            ### acctplan: 4 plans changed (`main (abc1234)` → `working tree`)

            **Lifecycle moves**

            - `bolt`: industry-solution → **integration**
            - `xinan-tobacco`: departmental → **industry-solution**

            #### `bolt` (account, renamed)

            Moved from `accounts/bolt.md` to `accounts/east/bolt.md`.

            | what | before | after |
            | --- | --- | --- |
            | stage | industry-solution | integration |

            #### `xinan-tobacco` (account, modified)

            | what | before | after |
            | --- | --- | --- |
            | stage | departmental | industry-solution |
            | opportunities `opp-x` amount | 2,000,000 | 2,400,000 |
            | opportunities `opp-z` | — | added |
            | actions `Post-go-live health check` done | false | true |

            #### `acme` (account, added)

            New plan `accounts/acme.md`.

            #### `harbour-city-land` (account, modified)

            | what | before | after |
            | --- | --- | --- |
            | health | green | red |
            | stakeholders `Zhou Ming` title | CIO | 'CIO \\| CTO' |
            | opportunities `opp-old` | removed | — |
            | actions `Review \\| sign-off` due | 2026-12-05 | 2026-12-12 |

            _Prose edited._


            """
        let rendered = DiffReporter.markdown(changes, from: "main (abc1234)", to: "working tree")
        #expect(rendered == expected)
        // Every table row has exactly four unescaped pipes: no cell spills into the next column.
        for line in rendered.lines where line.hasPrefix("| ") {
            #expect(line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 4, "\(line)")
        }
    }

    @Test func markdownOfNothingAndOfAnUnreadablePlan() {
        #expect(DiffReporter.markdown([], from: "a", to: "b") == "**acctplan:** no plan changes between `a` and `b`.\n")
        let expected = """
            ### acctplan: 2 plans changed (`HEAD (abc1234)` → `index`)

            #### `cobalt` (account, modified)

            > ⚠️ The old version does not parse; run `acctplan lint`.

            #### `old-segment` (segment, removed)

            Removed plan `segments/old-segment.md`.


            """
        #expect(DiffReporter.markdown([Self.unreadable, Self.removed], from: "HEAD (abc1234)", to: "index") == expected)
    }

    // MARK: Text

    @Test func textWithoutColour() {
        let changes = [Self.added, Self.renamed, Self.harbour, Self.unreadable, Self.xinan]
        let expected = """
            accounts/acme.md (account acme, added)
              name: — → Acme
              stage: — → departmental
            accounts/east/bolt.md (account bolt, renamed from accounts/bolt.md)
              stage: industry-solution → integration
            accounts/harbour-city-land.md (account harbour-city-land, modified)
              health: green → red
              stakeholders:
                ~ Zhou Ming: title CIO → 'CIO | CTO'
              opportunities:
                - opp-old
              actions:
                ~ Review | sign-off: due 2026-12-05 → 2026-12-12
              prose changed
            accounts/cobalt.md (account cobalt, modified)
              the old version does not parse; run acctplan lint
            accounts/xinan-tobacco.md (account xinan-tobacco, modified)
              stage: departmental → industry-solution
              opportunities:
                ~ opp-x: amount 2,000,000 → 2,400,000
                + opp-z (name Budgeting, amount 300,000)
              actions:
                ~ Post-go-live health check: done false → true

            """
        let rendered = DiffReporter.text(changes, color: false)
        #expect(rendered == expected)
        #expect(!rendered.contains("\u{1B}"))
        #expect(DiffReporter.text(changes) == expected, "no colour by default")
        #expect(DiffReporter.text([]) == "")
        #expect(DiffReporter.text(changes, color: true).contains("\u{1B}["), "colour when asked for")
    }

    // MARK: JSON

    @Test func jsonHasTheKeysOfSection8InOrder() throws {
        var amounts = Self.xinan
        amounts.fields.append(FieldChange(name: "revenue_target", from: .number(Self.decimal("7100000")),
                                          to: .number(Self.decimal("7100000.505"))))
        amounts.sections[0].items[1].fields.append(FieldChange(name: "probability", from: .null, to: .number(Self.decimal("12.5"))))
        amounts.sections[0].items[1].fields.append(FieldChange(name: "close", from: .null, to: .text("2027-01-31")))
        let rendered = DiffReporter.json([Self.added, Self.renamed, Self.unreadable, amounts], from: "0123abcd", to: "worktree")
        let expected = #"{"version":1,"from":"0123abcd","to":"worktree","plans":["#
            + #"{"kind":"account","id":"acme","path":"accounts/acme.md","status":"added","#
            + #""fields":[{"name":"name","from":null,"to":"Acme"},{"name":"stage","from":null,"to":"departmental"}],"#
            + #""sections":[],"prose_changed":false},"#
            + #"{"kind":"account","id":"bolt","path":"accounts/east/bolt.md","status":"renamed","old_path":"accounts/bolt.md","#
            + #""fields":[{"name":"stage","from":"industry-solution","to":"integration"}],"sections":[],"prose_changed":false},"#
            + #"{"kind":"account","id":"cobalt","path":"accounts/cobalt.md","status":"modified","fields":[],"sections":[],"#
            + #""prose_changed":false,"unreadable":"old"},"#
            + #"{"kind":"account","id":"xinan-tobacco","path":"accounts/xinan-tobacco.md","status":"modified","#
            + #""fields":[{"name":"stage","from":"departmental","to":"industry-solution"},"#
            + #"{"name":"revenue_target","from":7100000,"to":7100000.51}],"#
            + #""sections":[{"section":"opportunities","items":["#
            + #"{"key":"opp-x","status":"modified","fields":[{"name":"amount","from":2000000,"to":2400000}]},"#
            + #"{"key":"opp-z","status":"added","fields":[{"name":"name","from":null,"to":"Budgeting"},"#
            + #"{"name":"amount","from":null,"to":300000},{"name":"probability","from":null,"to":12.5},"#
            + #"{"name":"close","from":null,"to":"2027-01-31"}]}]},"#
            + #"{"section":"actions","items":[{"key":"Post-go-live health check","status":"modified","#
            + #""fields":[{"name":"done","from":false,"to":true}]}]}],"prose_changed":false}]}"#
            + "\n"
        #expect(rendered == expected)

        // And it is JSON that a consumer can read, with numbers and booleans as such.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        #expect((object["version"] as? NSNumber)?.intValue == 1)
        let plans = try #require(object["plans"] as? [[String: Any]])
        #expect(plans.count == 4)
        #expect(plans[0]["old_path"] == nil, "old_path only for renamed plans")
        #expect(plans[1]["old_path"] as? String == "accounts/bolt.md")
        let sections = try #require(plans[3]["sections"] as? [[String: Any]])
        let done = try #require(((sections[1]["items"] as? [[String: Any]])?[0]["fields"] as? [[String: Any]])?[0])
        #expect(done["from"] as? Bool == false && done["to"] as? Bool == true)
        #expect(rendered.contains(#""from":false,"to":true"#), "done is a JSON boolean, not 0/1")
    }

    @Test func jsonAmountsAreExactToTwoDecimals() {
        let change = PlanChange(kind: .account, id: "a", path: "accounts/a.md", status: .modified, sections: [
            SectionChange(section: .opportunities, items: [
                ItemChange(key: "opp-a", status: .modified, fields: [
                    FieldChange(name: "amount", from: .number(Self.decimal("0.1")) , to: .number(Self.decimal("1234567890123.455"))),
                ]),
                ItemChange(key: "opp-b", status: .modified, fields: [
                    FieldChange(name: "amount", from: .number(Self.decimal("2400000")), to: .null),
                ]),
            ]),
        ])
        let rendered = DiffReporter.json([change], from: "x", to: "y")
        #expect(rendered.contains(#"{"name":"amount","from":0.1,"to":1234567890123.46}"#), "\(rendered)")
        #expect(rendered.contains(#"{"name":"amount","from":2400000,"to":null}"#), "\(rendered)")
        #expect(!rendered.contains("e+"), "no exponent notation: \(rendered)")
        #expect(DiffReporter.json([], from: "x", to: "index") == #"{"version":1,"from":"x","to":"index","plans":[]}"# + "\n")
    }
}

extension String {
    fileprivate var lines: [String] { split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}
