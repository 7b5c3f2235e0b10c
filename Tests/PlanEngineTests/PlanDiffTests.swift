import Foundation
import PlanEngine
import PlanModel
import PlanParser
import Testing

/// The semantic diff engine on inline plan pairs: what changed, in plan terms, and what is no change
/// (reordering, amount spelling, whitespace). PLAN_FORMAT.md §3, §8.
struct PlanDiffTests {
    static let path = "accounts/xinan-tobacco.md"

    /// A complete account plan; every variant below is a textual edit of it.
    static let base = """
        ---
        name: Xinan Tobacco
        industry: tobacco
        segments: [installed-base-high-end, new-logo-growth]
        stage: departmental
        manager: li-you
        reviewed: 2026-11-01
        revenue_target: CNY 7.1M
        ---
        # Xinan Tobacco – account plan

        Xinan runs our financials since 2009.
        The next step is the industry solution.

        ## Stakeholders

        | Name | Title | Role | Relationship |
        | --- | --- | --- | --- |
        | Zhou Ming | CIO | decision-maker | strong |
        | Qian Hui | CFO | sponsor | medium |

        ## Installed base

        | Product | Since | Status |
        | --- | --- | --- |
        | Financials | 2009 | live |
        | Group Consolidation | 2026 | implementing |

        ## Opportunities

        | ID | Name | Stage | Amount | Close |
        | --- | --- | --- | --- | --- |
        | opp-x | Consolidation phase 2 | negotiate | 2,000,000 | 2026-12-20 |
        | opp-y | Data platform | propose | 2.4M | 2027-03-31 |

        ## Actions

        - [ ] 2026-12-05 @li-you Confirm the phase-2 scope
        - [ ] @wang-fang Post-go-live health check

        ## Moments of truth

        - 2026-11-03 @li-you Evening visit to the CIO

        ## Notes

        Free prose about the account.

        """

    static func plan(_ text: String, path: String = path, config: WorkspaceConfig = WorkspaceConfig()) -> Plan {
        let parts = path.split(separator: "/")
        let kind = PlanKind(folder: parts[0])!
        let id = String(parts[parts.count - 1].dropLast(3))
        return PlanParser(config: config).parse(Data(text.utf8), path: path, kind: kind, id: id).plan
    }

    /// `base` with each (old, new) replacement applied; each `old` must occur exactly once.
    static func edited(_ replacements: [(String, String)], in text: String = base,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        var result = text
        for (old, new) in replacements {
            let count = result.components(separatedBy: old).count - 1
            #expect(count == 1, "'\(old)' occurs \(count) times", sourceLocation: sourceLocation)
            result = result.replacingOccurrences(of: old, with: new)
        }
        return result
    }

    static func compare(_ old: String?, _ new: String?, oldPath: String = path, newPath: String = path,
                        config: WorkspaceConfig = WorkspaceConfig()) -> PlanChange? {
        PlanDiff.compare(.init(old.map { plan($0, path: oldPath, config: config) }, config: config),
                         .init(new.map { plan($0, path: newPath, config: config) }, config: config))
    }

    static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    static var fxConfig: WorkspaceConfig {
        var config = WorkspaceConfig()
        config.fx = ["USD": decimal("7.1"), "EUR": decimal("7.7")]
        return config
    }

    /// A modification that only touches one section.
    static func only(_ section: SectionKind, _ items: [ItemChange]) -> PlanChange {
        PlanChange(kind: .account, id: "xinan-tobacco", path: path, status: .modified,
                   sections: [SectionChange(section: section, items: items)])
    }

    // MARK: Sanity

    @Test func theBasePlanParsesCompletely() {
        let parsed = Self.plan(Self.base)
        #expect(parsed.isReadable)
        #expect(parsed.stakeholders.count == 2)
        #expect(parsed.installedBase.count == 2)
        #expect(parsed.opportunities.count == 2)
        #expect(parsed.actions.count == 2)
        #expect(parsed.moments.count == 1)
        #expect(Self.compare(Self.base, Self.base) == nil, "a plan compared with itself is no change")
    }

    // MARK: Front matter

    @Test func stageChangeIsAFieldChange() {
        let change = Self.compare(Self.base, Self.edited([("stage: departmental", "stage: industry-solution")]))
        #expect(change == PlanChange(kind: .account, id: "xinan-tobacco", path: Self.path, status: .modified,
                                     fields: [FieldChange(name: "stage", from: .text("departmental"), to: .text("industry-solution"))]))
        #expect(change?.stageMove?.to == .text("industry-solution"))
        #expect(change?.proseChanged == false)
    }

    @Test func fieldAddedAndRemoved() {
        let withHealth = Self.edited([("manager: li-you\n", "manager: li-you\nhealth: green\n")])
        let added = Self.compare(Self.base, withHealth)
        #expect(added?.fields == [FieldChange(name: "health", from: .null, to: .text("green"))])
        #expect(added?.sections == [])
        #expect(added?.status == .modified)
        let removed = Self.compare(withHealth, Self.base)
        #expect(removed?.fields == [FieldChange(name: "health", from: .text("green"), to: .null)])
        #expect(removed?.sections == [])
    }

    /// An empty key added or removed means nothing: no `null → null` change.
    @Test func emptyKeyAddedIsNoChange() {
        let withEmpty = Self.edited([("manager: li-you\n", "manager: li-you\nabu:\n")])
        #expect(Self.compare(Self.base, withEmpty) == nil)
        #expect(Self.compare(withEmpty, Self.base) == nil)
    }

    @Test func listsAreComparedAsSets() {
        let reordered = Self.edited([("segments: [installed-base-high-end, new-logo-growth]",
                                      "segments: [new-logo-growth, installed-base-high-end]")])
        #expect(Self.compare(Self.base, reordered) == nil)
        let blockStyle = Self.edited([("segments: [installed-base-high-end, new-logo-growth]",
                                       "segments:\n  - new-logo-growth\n  - installed-base-high-end")])
        #expect(Self.compare(Self.base, blockStyle) == nil, "flow and block style are the same list")
        let shorter = Self.edited([("segments: [installed-base-high-end, new-logo-growth]", "segments: [new-logo-growth]")])
        let change = Self.compare(Self.base, shorter)
        #expect(change?.fields.map(\.name) == ["segments"], "\(String(describing: change))")
    }

    @Test func frontMatterKeyOrderIsNoChange() {
        // Stage first, name last.
        let direct = Self.base
            .replacingOccurrences(of: "name: Xinan Tobacco\n", with: "")
            .replacingOccurrences(of: "stage: departmental\n", with: "")
            .replacingOccurrences(of: "---\nindustry:", with: "---\nstage: departmental\nindustry:")
            .replacingOccurrences(of: "revenue_target: CNY 7.1M\n", with: "revenue_target: CNY 7.1M\nname: Xinan Tobacco\n")
        #expect(direct.hasPrefix("---\nstage: departmental\nindustry: tobacco\n"), "\(direct.prefix(80))")
        #expect(direct.contains("revenue_target: CNY 7.1M\nname: Xinan Tobacco\n---"))
        #expect(Self.plan(direct).isReadable)
        #expect(Self.compare(Self.base, direct) == nil)
    }

    @Test func amountSpellingIsNoChange() {
        // 2.4M → 2,400,000 in a table, and CNY 7.1M → 7,100,000 in the front matter.
        let respelt = Self.edited([("| 2.4M |", "| 2,400,000 |"), ("revenue_target: CNY 7.1M", "revenue_target: 7,100,000")])
        #expect(Self.compare(Self.base, respelt) == nil)
        let cny = Self.edited([("| 2,000,000 |", "| CNY 2M |")])
        #expect(Self.compare(Self.base, cny) == nil)
    }

    @Test func foreignCurrencyIsComparedInTheWorkspaceCurrency() {
        let usd = Self.edited([("revenue_target: CNY 7.1M", "revenue_target: USD 1M")])
        #expect(Self.compare(Self.base, usd, config: Self.fxConfig) == nil, "USD 1M at 7.1 is CNY 7.1M")
        let more = Self.edited([("revenue_target: CNY 7.1M", "revenue_target: USD 2M")])
        let change = Self.compare(Self.base, more, config: Self.fxConfig)
        #expect(change?.fields == [FieldChange(name: "revenue_target", from: .number(Self.decimal("7100000")),
                                               to: .number(Self.decimal("14200000")))])
    }

    // MARK: Opportunities

    @Test func opportunityAmountChange() {
        let change = Self.compare(Self.base, Self.edited([("| 2,000,000 |", "| 2,400,000 |")]))
        #expect(change == Self.only(.opportunities, [
            ItemChange(key: "opp-x", status: .modified,
                       fields: [FieldChange(name: "amount", from: .number(Decimal(2_000_000)), to: .number(Decimal(2_400_000)))]),
        ]))
        // Exact decimals, not binary floating point.
        let cents = Self.compare(Self.base, Self.edited([("| 2,000,000 |", "| 2,000,000.10 |")]))
        let field = cents?.sections.first?.items.first?.fields.first
        #expect(field?.to == .number(Self.decimal("2000000.1")))
    }

    @Test func opportunityAddedAndRemoved() {
        let row = "| opp-z | Budgeting | qualify | 300k | 2027-01-31 |\n"
        let withZ = Self.edited([("| opp-y | Data platform | propose | 2.4M | 2027-03-31 |\n",
                                  "| opp-y | Data platform | propose | 2.4M | 2027-03-31 |\n" + row)])
        let added = Self.compare(Self.base, withZ)
        #expect(added == Self.only(.opportunities, [
            ItemChange(key: "opp-z", status: .added, fields: [
                FieldChange(name: "name", from: .null, to: .text("Budgeting")),
                FieldChange(name: "stage", from: .null, to: .text("qualify")),
                FieldChange(name: "amount", from: .null, to: .number(Decimal(300_000))),
                FieldChange(name: "close", from: .null, to: .text("2027-01-31")),
            ]),
        ]))
        let removed = Self.compare(withZ, Self.base)
        #expect(removed?.sections.count == 1)
        let item = removed?.sections.first?.items.first
        #expect(item?.key == "opp-z")
        #expect(item?.status == .removed)
        #expect(item?.fields.allSatisfy { $0.to == .null } == true)
        #expect(item?.fields.first { $0.name == "amount" }?.from == .number(Decimal(300_000)))
    }

    // MARK: Tables

    @Test func rowAndColumnOrderIsNoChange() {
        let rows = Self.edited([("| Zhou Ming | CIO | decision-maker | strong |\n| Qian Hui | CFO | sponsor | medium |\n",
                                 "| Qian Hui | CFO | sponsor | medium |\n| Zhou Ming | CIO | decision-maker | strong |\n"),
                                ("| Financials | 2009 | live |\n| Group Consolidation | 2026 | implementing |\n",
                                 "| Group Consolidation | 2026 | implementing |\n| Financials | 2009 | live |\n")])
        #expect(Self.compare(Self.base, rows) == nil)
        let columns = Self.edited([
            ("""
             | ID | Name | Stage | Amount | Close |
             | --- | --- | --- | --- | --- |
             | opp-x | Consolidation phase 2 | negotiate | 2,000,000 | 2026-12-20 |
             | opp-y | Data platform | propose | 2.4M | 2027-03-31 |
             """,
             """
             | Close | Amount | ID | Stage | Name |
             | --- | --- | --- | --- | --- |
             | 2027-03-31 | 2,400,000 | opp-y | propose | Data platform |
             | 2026-12-20 | 2,000,000 | opp-x | negotiate | Consolidation phase 2 |
             """),
        ])
        #expect(Self.plan(columns).opportunities.count == 2)
        #expect(Self.compare(Self.base, columns) == nil)
        // Aligned (padded) cells are the same values.
        let padded = Self.edited([("| Zhou Ming | CIO | decision-maker | strong |", "|  Zhou Ming |   CIO  | decision-maker |  strong  |")])
        #expect(Self.compare(Self.base, padded) == nil)
    }

    @Test func stakeholderRoleChange() {
        let change = Self.compare(Self.base, Self.edited([("| Qian Hui | CFO | sponsor |", "| Qian Hui | CFO | influencer |")]))
        #expect(change == Self.only(.stakeholders, [
            ItemChange(key: "Qian Hui", status: .modified,
                       fields: [FieldChange(name: "role", from: .text("sponsor"), to: .text("influencer"))]),
        ]))
    }

    @Test func installedBaseStatusChange() {
        let change = Self.compare(Self.base, Self.edited([("| Group Consolidation | 2026 | implementing |",
                                                            "| Group Consolidation | 2026 | live |")]))
        #expect(change == Self.only(.installedBase, [
            ItemChange(key: "Group Consolidation", status: .modified,
                       fields: [FieldChange(name: "status", from: .text("implementing"), to: .text("live"))]),
        ]))
    }

    @Test func aTableCellEditIsNotAProseChange() {
        let change = Self.compare(Self.base, Self.edited([("| Zhou Ming | CIO |", "| Zhou Ming | Chief Information Officer |")]))
        #expect(change?.proseChanged == false)
        #expect(change == Self.only(.stakeholders, [
            ItemChange(key: "Zhou Ming", status: .modified,
                       fields: [FieldChange(name: "title", from: .text("CIO"), to: .text("Chief Information Officer"))]),
        ]))
    }

    // MARK: Actions and moments

    @Test func actionTickedIsMatchedByItsText() {
        let change = Self.compare(Self.base, Self.edited([("- [ ] @wang-fang Post-go-live", "- [x] @wang-fang Post-go-live")]))
        #expect(change == Self.only(.actions, [
            ItemChange(key: "Post-go-live health check", status: .modified,
                       fields: [FieldChange(name: "done", from: .bool(false), to: .bool(true))]),
        ]))
        // The key is the text without checkbox, date and owner: a dated action ticked with a capital X.
        let dated = Self.compare(Self.base, Self.edited([("- [ ] 2026-12-05 @li-you Confirm", "- [X] 2026-12-05 @li-you Confirm")]))
        #expect(dated == Self.only(.actions, [
            ItemChange(key: "Confirm the phase-2 scope", status: .modified,
                       fields: [FieldChange(name: "done", from: .bool(false), to: .bool(true))]),
        ]))
        // Reopened.
        let ticked = Self.edited([("- [ ] @wang-fang Post-go-live", "- [x] @wang-fang Post-go-live")])
        let reopened = Self.compare(ticked, Self.base)
        #expect(reopened?.sections.first?.items.first?.fields == [FieldChange(name: "done", from: .bool(true), to: .bool(false))])
    }

    @Test func actionRedatedAndReassigned() {
        let change = Self.compare(Self.base, Self.edited([("- [ ] 2026-12-05 @li-you Confirm", "- [ ] 2026-12-12 @li-you Confirm")]))
        #expect(change == Self.only(.actions, [
            ItemChange(key: "Confirm the phase-2 scope", status: .modified,
                       fields: [FieldChange(name: "due", from: .text("2026-12-05"), to: .text("2026-12-12"))]),
        ]))
        let owner = Self.compare(Self.base, Self.edited([("- [ ] 2026-12-05 @li-you Confirm", "- [ ] 2026-12-05 @wang-fang Confirm")]))
        #expect(owner == Self.only(.actions, [
            ItemChange(key: "Confirm the phase-2 scope", status: .modified,
                       fields: [FieldChange(name: "owner", from: .text("li-you"), to: .text("wang-fang"))]),
        ]))
        let order = Self.edited([("- [ ] 2026-12-05 @li-you Confirm the phase-2 scope\n- [ ] @wang-fang Post-go-live health check\n",
                                  "- [ ] @wang-fang Post-go-live health check\n- [ ] 2026-12-05 @li-you Confirm the phase-2 scope\n")])
        #expect(Self.compare(Self.base, order) == nil, "list order is no change")
    }

    @Test func momentAdded() {
        let change = Self.compare(Self.base, Self.edited([("- 2026-11-03 @li-you Evening visit to the CIO\n",
                                                            "- 2026-11-03 @li-you Evening visit to the CIO\n- 2026-11-20 @wang-fang Workshop with finance\n")]))
        #expect(change == Self.only(.moments, [
            ItemChange(key: "2026-11-20 Workshop with finance", status: .added,
                       fields: [FieldChange(name: "person", from: .null, to: .text("wang-fang"))]),
        ]))
    }

    // MARK: Prose

    @Test func proseEditIsReportedOnlyAsChanged() {
        let intro = Self.compare(Self.base, Self.edited([("Xinan runs our financials since 2009.", "Xinan runs our financials and HR since 2009.")]))
        #expect(intro == PlanChange(kind: .account, id: "xinan-tobacco", path: Self.path, status: .modified, proseChanged: true))
        let notes = Self.compare(Self.base, Self.edited([("Free prose about the account.", "Free prose about the customer.")]))
        #expect(notes?.proseChanged == true)
        #expect(notes?.fields == [] && notes?.sections == [])
    }

    @Test func whitespaceAtLineEndsAndBlankLinesAreNoChange() {
        let spaced = Self.edited([
            ("Xinan runs our financials since 2009.\n", "Xinan runs our financials since 2009.   \n"),
            ("The next step is the industry solution.\n", "The next step is the industry solution.\t\n\n\n"),
            ("## Notes\n\n", "## Notes\n\n\n\n"),
            ("Free prose about the account.\n", "Free prose about the account. \n\n"),
        ])
        #expect(Self.compare(Self.base, spaced) == nil)
    }

    @Test func lineEndingsAndByteOrderMarkAreNoChange() {
        // PLAN_FORMAT.md §3: CRLF line ends and a leading BOM are accepted; converting a file is no edit.
        let crlf = Self.base.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(Self.plan(crlf).opportunities.count == 2)
        #expect(Self.compare(Self.base, crlf) == nil)
        #expect(Self.compare(Self.base, "\u{FEFF}" + Self.base) == nil)
    }

    @Test func valueSpellingIsNoChange() {
        let spelt = Self.edited([
            ("reviewed: 2026-11-01", "reviewed: \"2026-11-01\""),
            ("name: Xinan Tobacco", "name: 'Xinan Tobacco'"),
            ("| 2.4M |", "| 2400k |"),
        ])
        #expect(Self.compare(Self.base, spelt) == nil)
        let moments = Self.edited([("- 2026-11-03 @li-you Evening visit to the CIO\n",
                                    "- 2026-11-20 @wang-fang Workshop with finance\n- 2026-11-03 @li-you Evening visit to the CIO\n")])
        let reordered = Self.edited([("- 2026-11-03 @li-you Evening visit to the CIO\n",
                                      "- 2026-11-03 @li-you Evening visit to the CIO\n- 2026-11-20 @wang-fang Workshop with finance\n")])
        #expect(Self.compare(moments, reordered) == nil, "moment order is no change")
        // Percent with or without the sign.
        let withProbability = Self.edited([("| ID | Name | Stage | Amount | Close |\n| --- | --- | --- | --- | --- |\n",
                                            "| ID | Name | Stage | Amount | Close | Probability |\n| --- | --- | --- | --- | --- | --- |\n"),
                                           ("| 2026-12-20 |", "| 2026-12-20 | 60% |"), ("| 2027-03-31 |", "| 2027-03-31 | |")])
        let withoutSign = withProbability.replacingOccurrences(of: "| 60% |", with: "| 60 |")
        #expect(Self.plan(withProbability).opportunities.first?.probability?.value == 60)
        #expect(Self.compare(withProbability, withoutSign) == nil)
        let changed = Self.compare(withProbability, withProbability.replacingOccurrences(of: "| 60% |", with: "| 12.5% |"))
        #expect(changed == Self.only(.opportunities, [
            ItemChange(key: "opp-x", status: .modified,
                       fields: [FieldChange(name: "probability", from: .number(60), to: .number(Self.decimal("12.5")))]),
        ]))
    }

    @Test func industryTargetsAreComparedByMeaning() throws {
        let industry = """
            ---
            name: Tobacco
            owner: li-you
            fiscal_year: 2027
            targets:
              revenue: 50M
              accounts: 4
              stages: {industry-solution: 3, integration: 1}
            ---
            # Tobacco

            """
        let path = "industries/tobacco.md"
        let respelt = """
            ---
            owner: li-you
            name: Tobacco
            targets:
              stages:
                integration: 1
                industry-solution: 3
              accounts: 4
              revenue: CNY 50,000,000
            fiscal_year: 2027
            ---
            # Tobacco

            """
        #expect(Self.plan(industry, path: path).isReadable)
        #expect(Self.compare(industry, respelt, oldPath: path, newPath: path) == nil)
        let raised = industry.replacingOccurrences(of: "revenue: 50M", with: "revenue: 60M")
            .replacingOccurrences(of: "integration: 1", with: "integration: 2")
        let change = try #require(Self.compare(industry, raised, oldPath: path, newPath: path))
        #expect(change.kind == .industry && change.id == "tobacco")
        #expect(Set(change.fields) == [
            FieldChange(name: "targets.revenue", from: .number(50_000_000), to: .number(60_000_000)),
            FieldChange(name: "targets.stages.integration", from: .number(1), to: .number(2)),
        ])
    }

    // MARK: Whole plans

    @Test func planAddedAndRemoved() throws {
        let added = try #require(Self.compare(nil, Self.base))
        #expect(added.status == .added)
        #expect(added.id == "xinan-tobacco" && added.kind == .account && added.path == Self.path)
        #expect(added.oldPath == nil)
        #expect(added.fields.contains(FieldChange(name: "stage", from: .null, to: .text("departmental"))))
        #expect(added.fields.allSatisfy { $0.from == .null })
        let removed = try #require(Self.compare(Self.base, nil))
        #expect(removed.status == .removed)
        #expect(removed.path == Self.path)
        #expect(removed.fields.allSatisfy { $0.to == .null })
        #expect(Self.compare(nil, nil) == nil)
    }

    @Test func renameKeepsComparingContent() throws {
        let newPath = "accounts/east/xinan-tobacco.md"
        let moved = try #require(Self.compare(Self.base, Self.base, newPath: newPath), "a rename is a change even with the same content")
        #expect(moved == PlanChange(kind: .account, id: "xinan-tobacco", path: newPath, status: .renamed,
                                    oldPath: Self.path))
        let movedAndEdited = try #require(Self.compare(Self.base, Self.edited([("stage: departmental", "stage: industry-solution")]),
                                                       newPath: newPath))
        #expect(movedAndEdited.status == .renamed)
        #expect(movedAndEdited.oldPath == Self.path)
        #expect(movedAndEdited.fields == [FieldChange(name: "stage", from: .text("departmental"), to: .text("industry-solution"))])
        #expect(movedAndEdited.sections == [] && movedAndEdited.proseChanged == false)
    }

    @Test func anUnreadableSideIsReportedNotCompared() throws {
        let noFrontMatter = "# Xinan Tobacco\n\nSomeone deleted the front matter.\n"
        #expect(!Self.plan(noFrontMatter).isReadable)
        let old = try #require(Self.compare(noFrontMatter, Self.base))
        #expect(old.unreadable?.side == .old)
        #expect(old.status == .modified)
        let new = try #require(Self.compare(Self.base, noFrontMatter))
        #expect(new.unreadable?.side == .new)
        let unterminated = "---\nname: Xinan\n# no end\n"
        let both = try #require(Self.compare(noFrontMatter, unterminated))
        #expect(both.unreadable?.side == .both)
        // Even with identical unreadable text there is something to report.
        #expect(Self.compare(noFrontMatter, noFrontMatter)?.unreadable?.side == .both)
    }

    /// A side whose acctplan.yml cannot be read: the plan is not compared there (with the
    /// default settings its EUR amounts would have no rate), only its presence is said.
    @Test func aSideWhoseSettingsCannotBeReadIsNotCompared() throws {
        let plan = Self.plan(Self.base)
        var broken = WorkspaceConfig()
        broken.isUnreadable = true
        var conflicted = WorkspaceConfig()
        conflicted.hasMergeConflicts = true
        let fine = WorkspaceConfig()
        #expect(!broken.isReadable && !conflicted.isReadable && fine.isReadable)
        let old = try #require(PlanDiff.settingsUnreadable(.init(plan, config: broken), .init(plan, config: fine)))
        #expect(old == PlanChange(kind: .account, id: "xinan-tobacco", path: Self.path, status: .modified,
                                  unreadable: UnreadableSide(.old, settingsUnreadable: true)))
        #expect(old.unreadable?.sentence == "not compared: acctplan.yml cannot be read in the old version")
        let both = try #require(PlanDiff.settingsUnreadable(.init(plan, config: conflicted), .init(plan, config: broken)))
        #expect(both.unreadable?.side == .both && both.unreadable?.sentence == "not compared: acctplan.yml cannot be read in either version")
        // Removed under settings that cannot be read: that much is known; added where they can be
        // read: compared as usual.
        let removed = try #require(PlanDiff.settingsUnreadable(.init(plan, config: broken), .init(nil, config: fine)))
        #expect(removed.status == .removed && removed.unreadable?.side == .old)
        #expect(PlanDiff.settingsUnreadable(.init(nil, config: broken), .init(plan, config: fine)) == nil)
        #expect(PlanDiff.settingsUnreadable(.init(plan, config: fine), .init(plan, config: fine)) == nil)
    }

    @Test func severalChangesAtOnceInSectionOrder() throws {
        let new = Self.edited([
            ("stage: departmental", "stage: industry-solution"),
            ("| 2,000,000 |", "| 2,400,000 |"),
            ("| opp-y | Data platform | propose | 2.4M | 2027-03-31 |\n",
             "| opp-y | Data platform | propose | 2.4M | 2027-03-31 |\n| opp-z | Budgeting | qualify | 300k | 2027-01-31 |\n"),
            ("- [ ] @wang-fang Post-go-live", "- [x] @wang-fang Post-go-live"),
        ])
        let change = try #require(Self.compare(Self.base, new))
        #expect(change.fields == [FieldChange(name: "stage", from: .text("departmental"), to: .text("industry-solution"))])
        #expect(change.sections.map(\.section) == [.opportunities, .actions])
        #expect(change.sections.first?.items.map(\.key) == ["opp-x", "opp-z"])
        #expect(change.sections.first?.items.map(\.status) == [.modified, .added])
        #expect(change.sections.last?.items == [ItemChange(key: "Post-go-live health check", status: .modified,
                                                           fields: [FieldChange(name: "done", from: .bool(false), to: .bool(true))])])
        #expect(change.proseChanged == false)
    }
}
