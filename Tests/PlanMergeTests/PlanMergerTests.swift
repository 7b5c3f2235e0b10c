import Foundation
import PlanFormat
import PlanGit
import PlanModel
import PlanMerge
import Testing

/// Each case of issue 13's list: what merges and how a real conflict is confined.
struct PlanMergerTests {
    let erp = "| opp-erp | ERP | negotiate | 2.4M | 2027-03-31 |"
    let mes = "| opp-mes | MES | qualify | 1.2M | 2027-06-30 |"
    let bi = "| opp-bi | BI | propose | 0.5M | 2027-02-28 |"
    let hr = "| opp-hr | HR | qualify | 0.3M | 2027-09-30 |"

    @Test func rowsAddedAndEditedOnBothSidesMergeByKey() {
        let base = plan(opportunities: [erp, mes])
        let ours = plan(opportunities: [erp, mes, bi])
        let theirs = plan(opportunities: [erp.replacingOccurrences(of: "2.4M", with: "2.6M"), mes, hr])
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text == plan(opportunities: [erp.replacingOccurrences(of: "2.4M", with: "2.6M"), mes, bi, hr]))
    }

    @Test func differentCellsOfOneRowMerge() {
        let base = plan(opportunities: [erp])
        let ours = plan(opportunities: [erp.replacingOccurrences(of: "negotiate", with: "won")])
        let theirs = plan(opportunities: [erp.replacingOccurrences(of: "2.4M", with: "2.0M")])
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text.contains("| opp-erp | ERP | won | 2.0M | 2027-03-31 |"))
    }

    @Test func sameCellEditedDifferentlyIsAOneRowConflict() {
        let base = plan(opportunities: [erp, mes])
        let ours = plan(opportunities: [erp.replacingOccurrences(of: "2.4M", with: "2.6M"), mes.replacingOccurrences(of: "qualify", with: "propose")])
        let theirs = plan(opportunities: [erp.replacingOccurrences(of: "2.4M", with: "2.0M"), mes])
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 1)
        #expect(result.text.contains("""
            <<<<<<< ours
            | opp-erp | ERP | negotiate | 2.6M | 2027-03-31 |
            =======
            | opp-erp | ERP | negotiate | 2.0M | 2027-03-31 |
            >>>>>>> theirs
            | opp-mes | MES | propose | 1.2M | 2027-06-30 |
            """))
    }

    @Test func windowsLineEndingsMergeInPlanTermsAndStayCRLF() {
        func crlf(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }
        let base = crlf(plan(opportunities: [erp, mes]))
        let ours = crlf(plan(opportunities: [erp, mes, bi]))
        let theirs = crlf(plan(opportunities: [erp.replacingOccurrences(of: "2.4M", with: "2.6M"), mes, hr]))
        let result = merge(base, ours, theirs)
        // Read as a plan (a CRLF file once fell back to the line merge and conflicted here).
        #expect(result.fallback == nil)
        #expect(result.conflicts == 0)
        #expect(result.text == crlf(plan(opportunities: [erp.replacingOccurrences(of: "2.4M", with: "2.6M"), mes, bi, hr])))
        // A conflict is written with CRLF markers too (and `merge` checks lint's scan sees them).
        let conflicted = merge(base, crlf(plan(opportunities: [erp.replacingOccurrences(of: "2.4M", with: "2.0M"), mes])), theirs)
        #expect(conflicted.conflicts == 1)
        #expect(conflicted.text.contains("\r\n=======\r\n"))
        #expect(!conflicted.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func aHeadingWithClosingHashesIsStillRecognized() {
        func closed(_ text: String) -> String { text.replacingOccurrences(of: "## Opportunities\n", with: "##  Opportunities ##\t\n") }
        let result = merge(closed(plan(opportunities: [erp])), closed(plan(opportunities: [erp, bi])), closed(plan(opportunities: [erp, hr])))
        // Recognized, the table merges by row; read as prose, both appends would conflict.
        #expect(result.conflicts == 0)
        #expect(result.text == closed(plan(opportunities: [erp, bi, hr])))
    }

    @Test func diff3StyleShowsTheBase() {
        let base = plan(opportunities: [erp])
        let result = merge(base, plan(opportunities: [erp.replacingOccurrences(of: "2.4M", with: "2.6M")]),
                           plan(opportunities: [erp.replacingOccurrences(of: "2.4M", with: "2.0M")]), style: .diff3)
        #expect(result.text.contains("||||||| base\n\(erp)\n=======\n"))
    }

    @Test func rowAddedIdenticallyOnBothSidesIsOneRow() {
        let base = plan(opportunities: [erp])
        let result = merge(base, plan(opportunities: [erp, bi]), plan(opportunities: [erp, "|opp-bi|BI|propose|0.5M|2027-02-28|"]))
        #expect(result.conflicts == 0)
        #expect(result.text.components(separatedBy: "opp-bi").count == 2)
    }

    @Test func rowDeletedOnOneSideAndEditedOnTheOtherConflicts() {
        let base = plan(opportunities: [erp, mes])
        let result = merge(base, plan(opportunities: [mes]), plan(opportunities: [erp.replacingOccurrences(of: "2.4M", with: "3M"), mes]))
        #expect(result.conflicts == 1)
        #expect(result.text.contains("<<<<<<< ours\n=======\n| opp-erp | ERP | negotiate | 3M | 2027-03-31 |\n>>>>>>> theirs\n"))
        // Deleted on one side, untouched on the other: deleted.
        let clean = merge(base, plan(opportunities: [mes]), plan(opportunities: [erp, mes, bi]))
        #expect(clean.text == plan(opportunities: [mes, bi]))
    }

    @Test func rowsAreMatchedByKeyNotPosition() {
        let base = plan(opportunities: [erp, mes])
        let ours = plan(opportunities: [mes, erp])
        let theirs = plan(opportunities: [erp.replacingOccurrences(of: "ERP", with: "ERP upgrade"), mes])
        let result = merge(base, ours, theirs)
        #expect(result.text == plan(opportunities: [mes, erp.replacingOccurrences(of: "ERP", with: "ERP upgrade")]))
    }

    @Test func actionsMergePerPart() {
        let base = plan(opportunities: [erp], actions: ["- [ ] 2026-12-15 @li-you Run the workshop", "- [ ] 2027-01-10 @li-you Spec MES"])
        let ours = plan(opportunities: [erp], actions: ["- [x] 2026-12-15 @li-you Run the workshop", "- [ ] 2027-01-10 @li-you Spec MES"])
        let theirs = plan(opportunities: [erp], actions: ["- [ ] 2026-12-20 @wang-fang Run the workshop", "- [ ] 2027-01-10 @li-you Spec MES",
                                                          "- [ ] 2027-02-01 @li-you Renew the agreement"])
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text.contains("- [x] 2026-12-20 @wang-fang Run the workshop\n- [ ] 2027-01-10 @li-you Spec MES\n- [ ] 2027-02-01 @li-you Renew the agreement\n"))
    }

    @Test func aDateWrittenWithoutLeadingZerosIsStillTheItemsDate() {
        // The parser reads `2027-3-5` as the item's date (and lints it); the driver splits the
        // item the same way, so one side re-dating and the other ticking the box merge.
        let base = plan(opportunities: [erp], actions: ["- [ ] 2027-3-5 @li-you Call the CFO"])
        let ours = plan(opportunities: [erp], actions: ["- [ ] 2027-3-9 @li-you Call the CFO"])
        let theirs = plan(opportunities: [erp], actions: ["- [x] 2027-3-5 @li-you Call the CFO"])
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0, "\(result.text)")
        #expect(result.text.contains("- [x] 2027-3-9 @li-you Call the CFO\n"))
    }

    @Test func actionRedatedDifferentlyIsAOneItemConflict() {
        let base = plan(opportunities: [erp], actions: ["- [ ] 2026-12-15 @li-you Run the workshop", "- [ ] 2027-01-10 @li-you Spec MES"])
        let ours = plan(opportunities: [erp], actions: ["- [ ] 2026-12-16 @li-you Run the workshop", "- [x] 2027-01-10 @li-you Spec MES"])
        let theirs = plan(opportunities: [erp], actions: ["- [ ] 2026-12-17 @li-you Run the workshop", "- [ ] 2027-01-10 @li-you Spec MES"])
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 1)
        #expect(result.text.contains("<<<<<<< ours\n- [ ] 2026-12-16 @li-you Run the workshop\n=======\n- [ ] 2026-12-17 @li-you Run the workshop\n>>>>>>> theirs\n- [x] 2027-01-10 @li-you Spec MES\n"))
    }

    @Test func unmatchedItemsAreKeptFromBothSides() {
        let base = plan(opportunities: [erp], actions: ["- [ ] 2026-12-15 @li-you Run the workshop"])
        let ours = plan(opportunities: [erp], actions: ["- [ ] 2026-12-15 @li-you Run the finance workshop"])
        let theirs = plan(opportunities: [erp], actions: ["- [ ] 2026-12-15 @li-you Run the workshop", "- [ ] 2027-01-10 @li-you Spec MES"])
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text.contains("Run the finance workshop"))
        #expect(result.text.contains("Spec MES"))
    }

    @Test func frontMatterMergesPerKeyAndListsAsSets() {
        let base = header.replacingOccurrences(of: "manager: li-you\n", with: "manager: li-you\nteam: [wang-fang, chen-hao]\n")
        let ours = base.replacingOccurrences(of: "stage: departmental", with: "stage: integration")
            .replacingOccurrences(of: "[wang-fang, chen-hao]", with: "[wang-fang, chen-hao, zhao-lei]")
        let theirs = base.replacingOccurrences(of: "reviewed: 2026-11-01", with: "reviewed: 2026-12-01")
            .replacingOccurrences(of: "[wang-fang, chen-hao]", with: "[chen-hao, huang-mei]")
        let result = merge(plan(front: base, opportunities: [erp]), plan(front: ours, opportunities: [erp]), plan(front: theirs, opportunities: [erp]))
        #expect(result.conflicts == 0)
        #expect(result.text.hasPrefix("---\nname: Acme\nindustry: tobacco\nstage: integration\nmanager: li-you\nteam: [chen-hao, zhao-lei, huang-mei]\nreviewed: 2026-12-01\n---\n"))
    }

    /// A newcomer trial: ours rewrote `team` as a block list with a comment on an item, theirs
    /// added a member. Written anew as a flow list, the comment swallowed the closing bracket and
    /// git committed a plan that no longer parsed. A list with a comment is not merged as a set:
    /// the key is a conflict, and nothing is lost or broken.
    @Test func aListWithACommentIsAConflictNeverAFlowListTheCommentBreaks() {
        let base = header.replacingOccurrences(of: "manager: li-you\n", with: "manager: li-you\nteam: [gao-peng, song-yu, zhao-lei]\n")
        let ours = base.replacingOccurrences(of: "team: [gao-peng, song-yu, zhao-lei]\n",
                                             with: "team:\n  - gao-peng   # lead\n  - song-yu\n  - zhao-lei\n")
        let theirs = base.replacingOccurrences(of: "zhao-lei]", with: "zhao-lei, wang-fang]")
        let result = merge(plan(front: base, opportunities: [erp]), plan(front: ours, opportunities: [erp]), plan(front: theirs, opportunities: [erp]))
        #expect(result.conflicts == 1, "\(result.text)")
        #expect(result.text.contains("  - gao-peng   # lead\n") && result.text.contains("team: [gao-peng, song-yu, zhao-lei, wang-fang]"))
        #expect(!result.text.contains("# lead]"))
        // A comment after a flow list is not dropped either (it was, silently).
        let commented = base.replacingOccurrences(of: "zhao-lei]", with: "zhao-lei]  # since the 2025 review")
        let other = merge(plan(front: base, opportunities: [erp]), plan(front: commented, opportunities: [erp]), plan(front: theirs, opportunities: [erp]))
        #expect(other.conflicts == 1 && other.text.contains("# since the 2025 review"), "\(other.text)")
    }

    /// A block list both sides changed is merged as a set and written back as a block list.
    @Test func aBlockListMergedAsASetStaysABlockList() {
        let base = header.replacingOccurrences(of: "manager: li-you\n", with: "manager: li-you\nteam:\n  - gao-peng\n  - song-yu\n")
        let ours = base.replacingOccurrences(of: "  - song-yu\n", with: "  - song-yu\n  - zhao-lei\n")
        let theirs = base.replacingOccurrences(of: "  - gao-peng\n", with: "")
        let result = merge(plan(front: base, opportunities: [erp]), plan(front: ours, opportunities: [erp]), plan(front: theirs, opportunities: [erp]))
        #expect(result.conflicts == 0)
        #expect(result.text.contains("manager: li-you\nteam:\n  - song-yu\n  - zhao-lei\nreviewed:"), "\(result.text)")
    }

    /// Elements that are not plain ids (quoted, with YAML punctuation) are not written anew.
    @Test func aListWithQuotedElementsIsNotRewritten() {
        let base = header.replacingOccurrences(of: "manager: li-you\n", with: "manager: li-you\nteam: [gao-peng, song-yu]\n")
        let ours = base.replacingOccurrences(of: "[gao-peng, song-yu]", with: "[\"gao-peng\", song-yu, zhao-lei]")
        let theirs = base.replacingOccurrences(of: "[gao-peng, song-yu]", with: "[gao-peng, song-yu, wang-fang]")
        let result = merge(plan(front: base, opportunities: [erp]), plan(front: ours, opportunities: [erp]), plan(front: theirs, opportunities: [erp]))
        #expect(result.conflicts == 1, "\(result.text)")
    }

    @Test func frontMatterConflictIsOneKey() {
        let ours = header.replacingOccurrences(of: "stage: departmental", with: "stage: integration")
        let theirs = header.replacingOccurrences(of: "stage: departmental", with: "stage: strategic")
            .replacingOccurrences(of: "name: Acme", with: "name: Acme Group")
        let result = merge(plan(opportunities: [erp]), plan(front: ours, opportunities: [erp]), plan(front: theirs, opportunities: [erp]))
        #expect(result.conflicts == 1)
        #expect(result.text.hasPrefix("---\nname: Acme Group\nindustry: tobacco\n<<<<<<< ours\nstage: integration\n=======\nstage: strategic\n>>>>>>> theirs\nmanager: li-you\n"))
    }

    @Test func targetsMergePerSubKey() {
        let front = "---\nname: Tobacco\nowner: li-you\nfiscal_year: 2027\ntargets:\n  revenue: CNY 80M\n  accounts: 12\n---\n"
        let base = front + "# Tobacco\n"
        let ours = base.replacingOccurrences(of: "CNY 80M", with: "CNY 90M")
        let theirs = base.replacingOccurrences(of: "accounts: 12", with: "accounts: 14")
        let result = merge(base, ours, theirs, path: "industries/tobacco.md")
        #expect(result.conflicts == 0)
        #expect(result.text.contains("targets:\n  revenue: CNY 90M\n  accounts: 14\n"))
    }

    @Test func proseConflictIsConfinedToItsSection() {
        let base = plan(opportunities: [erp], prose: "Budget freeze until March.")
        let ours = plan(opportunities: [erp, bi], prose: "Budget freeze until April.")
        let theirs = plan(opportunities: [erp, hr], prose: "Budget freeze until May.")
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 1)
        #expect(result.text.contains("| opp-erp | ERP | negotiate | 2.4M | 2027-03-31 |\n\(bi)\n\(hr)\n"))
        #expect(result.text.hasSuffix("## Risks\n\n<<<<<<< ours\nBudget freeze until April.\n=======\nBudget freeze until May.\n>>>>>>> theirs\n"))
    }

    @Test func sectionsAddedOnEachSideAreBothKept() {
        let base = plan(opportunities: [erp])
        let ours = base + "\n## Competitors\n\nSAP.\n"
        let theirs = base + "\n## Partners\n\nAccenture.\n"
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text.contains("## Competitors") && result.text.contains("## Partners"))
    }

    @Test func canonicalInputsGiveACanonicalResult() {
        // Padded as `fmt` writes: theirs' longer name widens the column, which a line merge
        // would turn into a conflict over the whole table.
        let base = "\(header)\n## Opportunities\n\n| ID      | Name | Stage     | Amount | Close      |\n| ------- | ---- | --------- | ------ | ---------- |\n| opp-erp | ERP  | negotiate | 2.4M   | 2027-03-31 |\n"
        let ours = base + "| opp-bi  | BI   | propose   | 0.5M   | 2027-02-28 |\n"
        let theirs = "\(header)\n## Opportunities\n\n| ID      | Name        | Stage     | Amount | Close      |\n| ------- | ----------- | --------- | ------ | ---------- |\n| opp-erp | ERP upgrade | negotiate | 2.4M   | 2027-03-31 |\n"
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text == "\(header)\n## Opportunities\n\n| ID      | Name        | Stage     | Amount | Close      |\n| ------- | ----------- | --------- | ------ | ---------- |\n| opp-erp | ERP upgrade | negotiate | 2.4M   | 2027-03-31 |\n| opp-bi  | BI          | propose   | 0.5M   | 2027-02-28 |\n")
    }

    /// A conflict in one row of a table: a row merged from both sides' cells elsewhere in it is
    /// laid out as the table's rows are, so that resolving the conflict leaves the plan in
    /// canonical form (it was written `| opp-a | A | develop | ... |`, and CI's `fmt --check`
    /// failed after the resolution; a newcomer trial).
    @Test func aRowMergedBesideAConflictIsPaddedLikeItsTable() {
        let table = "\(header)\n## Opportunities\n\n| ID    | Name | Stage     | Amount | Close      |\n| ----- | ---- | --------- | ------ | ---------- |\n"
        let base = table + "| opp-a | A    | qualify   | 100k   | 2027-01-15 |\n| opp-b | B    | negotiate | 200k   | 2027-02-15 |\n"
        let ours = table + "| opp-a | A    | develop   | 100k   | 2027-01-15 |\n| opp-b | B    | negotiate | 250k   | 2027-02-15 |\n"
        let theirs = table + "| opp-a | A    | qualify   | 100k   | 2027-02-15 |\n| opp-b | B    | negotiate | 270k   | 2027-02-15 |\n"
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 1)
        #expect(result.text.contains("\n| opp-a | A    | develop   | 100k   | 2027-02-15 |\n<<<<<<< "), "\(result.text)")
        // Resolved by keeping ours: canonical.
        let resolved = result.text.replacingOccurrences(of: "<<<<<<< ours\n", with: "")
            .replacingOccurrences(of: "=======\n| opp-b | B    | negotiate | 270k   | 2027-02-15 |\n>>>>>>> theirs\n", with: "")
        #expect(!resolved.contains("<<<<<<<") && !resolved.contains(">>>>>>>"), "\(resolved)")
        #expect(PlanFormatter().format(Data(resolved.utf8), path: "accounts/acme.md", kind: .account, id: "acme") == .unchanged, "\(resolved)")
    }

    @Test func nonCanonicalInputsKeepTheirBytes() {
        let base = plan(opportunities: [erp]) + "\n## Notes\n\nSome   spacing   kept.\n"
        let ours = base.replacingOccurrences(of: "2.4M", with: "2.5M")
        let theirs = base.replacingOccurrences(of: "Notes", with: "Notes ")
        let result = merge(base, ours, theirs)
        #expect(result.text.contains("Some   spacing   kept."))
        #expect(result.text.contains("| opp-erp | ERP | negotiate | 2.5M | 2027-03-31 |"))
    }

    @Test(arguments: [
        ("no front matter", "# Acme\n\nline one\n"),
        ("conflict markers", header + "<<<<<<< ours\na\n=======\nb\n>>>>>>> theirs\n"),
    ])
    func unreadableSidesFallBackToTheLineMerge(_ name: String, _ ours: String) {
        let base = plan(opportunities: [erp])
        let result = merge(base, ours, plan(opportunities: [erp, bi]))
        #expect(result.fallback != nil, "\(name)")
        // Nothing is lost: both sides' content is in the result.
        #expect(result.text.contains("opp-bi"))
        #expect(result.text.contains(ours.split(separator: "\n").last.map(String.init) ?? ""))
    }

    @Test func binaryFallsBackAndKeepsBothSides() {
        let merger = PlanMerger()
        let ours = Data([0x00, 0x01, 0x02])
        let result = merger.merge(base: Data("a\n".utf8), ours: ours, theirs: Data("b\n".utf8), path: "accounts/acme.md")
        #expect(result.fallbackReason?.contains("binary") == true)
        #expect(result.conflicts == 1)
        #expect(result.text.range(of: ours) != nil && result.text.range(of: Data("b\n".utf8)) != nil)
    }

    @Test func fileAddedOnBothSides() {
        let result = merge("", plan(opportunities: [erp]), plan(opportunities: [erp, bi]))
        #expect(result.conflicts == 0)
        #expect(result.text == plan(opportunities: [erp, bi]))
    }

    @Test func chineseHeadingsAndColumnsAreMatchedThroughTheSchema() {
        let table = "## 商机\n\n| 编号 | 名称 | 阶段 | 金额 | 成交日期 |\n| --- | --- | --- | --- | --- |\n"
        let base = header + "\n" + table + "| opp-erp | ERP | negotiate | 2.4M | 2027-03-31 |\n"
        let ours = base.replacingOccurrences(of: "negotiate", with: "won")
        let theirs = base.replacingOccurrences(of: "2.4M", with: "2.0M") + "| opp-bi | BI | propose | 0.5M | 2027-02-28 |\n"
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text.hasSuffix(table + "| opp-erp | ERP | won | 2.0M | 2027-03-31 |\n| opp-bi | BI | propose | 0.5M | 2027-02-28 |\n"))
    }

    @Test func momentsMergePerItem() {
        let section = "\n## Moments of truth\n\n"
        let base = header + section + "- 2026-11-03 @li-you CFO asked for a consolidation demo\n"
        let ours = header + section + "- 2026-11-04 @li-you CFO asked for a consolidation demo\n- 2026-11-20 @li-you Demo went well\n"
        let theirs = header + section + "- 2026-11-03 @wang-fang CFO asked for a consolidation demo\n- 2026-11-21 @wang-fang Budget approved\n"
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0)
        #expect(result.text.hasSuffix(section + "- 2026-11-04 @wang-fang CFO asked for a consolidation demo\n- 2026-11-20 @li-you Demo went well\n- 2026-11-21 @wang-fang Budget approved\n"))
    }

    @Test func markerSizeAndLabelsAreGits() {
        let options = LineMerge.Options(style: .diff3, markerSize: 9, oursLabel: "HEAD", baseLabel: "merged common ancestors", theirsLabel: "feature")
        let base = plan(opportunities: [erp])
        let result = PlanMerger(options: options).merge(
            base: Data(base.utf8), ours: Data(plan(opportunities: [erp.replacingOccurrences(of: "2.4M", with: "2.6M")]).utf8),
            theirs: Data(plan(opportunities: [erp.replacingOccurrences(of: "2.4M", with: "2.0M")]).utf8), path: "accounts/acme.md")
        let text = String(decoding: result.text, as: UTF8.self)
        #expect(text.contains("<<<<<<<<< HEAD\n| opp-erp | ERP | negotiate | 2.6M | 2027-03-31 |\n||||||||| merged common ancestors\n\(erp)\n=========\n| opp-erp | ERP | negotiate | 2.0M | 2027-03-31 |\n>>>>>>>>> feature\n"))
    }
}
