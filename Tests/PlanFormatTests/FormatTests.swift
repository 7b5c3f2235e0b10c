import Foundation
import PlanEngine
import PlanFormat
import PlanModel
import Testing

/// `acctplan fmt` on plans written inline: the exact canonical text.
struct FormatTests {
    @Test func alignsTablesByDisplayWidthWithCJKAsTwoColumns() {
        let plan = """
            ---
            name: 浙江中烟
            industry: tobacco
            stage: departmental
            manager: li-you
            reviewed: 2026-11-01
            ---
            # 浙江中烟

            ## 干系人
            | 姓名 | 职务 | 角色 |
            |---|---|---|
            | 王芳 | 首席信息官 | decision-maker |
            | Bob | CFO | sponsor |

            """
        let formatted = Fmt.format(plan)
        #expect(formatted.hasSuffix("""
            ## 干系人
            | 姓名 | 职务       | 角色           |
            | ---- | ---------- | -------------- |
            | 王芳 | 首席信息官 | decision-maker |
            | Bob  | CFO        | sponsor        |

            """))
        let rows = formatted.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(rows.count == 4)
        #expect(Set(rows.map { DisplayWidth.of($0) }) == [38], "every row, the delimiter row included, is 38 columns wide")
    }

    @Test func keepsAlignmentColonsEscapedPipesShortAndLongRows() {
        let plan = RuleExample.acme + """
            ## Opportunities
            |ID|Name|Stage|Amount|Probability|Close|
            |:--|:-:|---|--:|---|---|
            |opp-a|Pipes \\| inside|qualify|CNY 2.4M||2027-01-31|
            |opp-b|Short|qualify|1|
            |opp-c|Long|qualify|2|50%|2027-02-01|not shown by GitHub|

            """
        #expect(Fmt.format(plan).hasSuffix("""
            ## Opportunities
            | ID    |      Name       | Stage   |   Amount | Probability | Close      |
            | :---- | :-------------: | ------- | -------: | ----------- | ---------- |
            | opp-a | Pipes \\| inside | qualify | CNY 2.4M |             | 2027-01-31 |
            | opp-b |      Short      | qualify |        1 |             |            |
            | opp-c |      Long       | qualify |        2 | 50%         | 2027-02-01 | not shown by GitHub |

            """))
    }

    @Test func ordersFrontMatterKeysAndKeepsEveryComment() {
        let plan = """
            ---
            # Reviewed every quarter by the ABU.
            reviewed: 2026-11-01   
            custom_b: 2
            stage: departmental # moved up in Q3

            # Who owns the relationship
            manager: li-you
            name: "Acme: the group"
            industry: tobacco
            segments:
            - installed-base-high-end
            custom_a: 1
            kind: account
            # end of fields
            ---
            # Acme

            """
        #expect(Fmt.format(plan) == """
            ---
            kind: account
            name: "Acme: the group"
            industry: tobacco
            segments:
            - installed-base-high-end
            stage: departmental # moved up in Q3

            # Who owns the relationship
            manager: li-you
            # Reviewed every quarter by the ABU.
            reviewed: 2026-11-01
            custom_b: 2
            custom_a: 1
            # end of fields
            ---
            # Acme

            """)
    }

    @Test func ordersIndustryPlanKeysWithNestedTargets() {
        let plan = """
            ---
            targets:
              revenue: CNY 80M
              # accounts at or beyond each stage
              stages:
                integration: 2
            fiscal_year: 2027
            owner: zhao-lei
            name: Tobacco
            ---
            # Tobacco

            """
        #expect(Fmt.format(plan, kind: .industry, id: "tobacco") == """
            ---
            name: Tobacco
            owner: zhao-lei
            fiscal_year: 2027
            targets:
              revenue: CNY 80M
              # accounts at or beyond each stage
              stages:
                integration: 2
            ---
            # Tobacco

            """)
    }

    @Test func leavesFlowMappingFrontMatterInItsOrder() {
        let plan = """
            ---
            {stage: departmental, name: Acme, industry: tobacco, manager: li-you, reviewed: 2026-11-01}
            ---
            # Acme
            """
        #expect(Fmt.format(plan) == plan + "\n")
    }

    @Test func keepsTrailingSpacesThatAreContentOfABlockScalar() {
        let plan = RuleExample.acme.replacingOccurrences(
            of: "reviewed: 2026-11-01\n", with: "notes: |\n  two spaces after this  \n  end\nreviewed: 2026-11-01   \n")
        let formatted = Fmt.format(plan + "# Acme\n")
        #expect(formatted.contains("  two spaces after this  \n"))
        let notes = Fmt.parse(formatted).plan.entry("notes")?.value
        #expect(notes == .scalar("two spaces after this  \nend\n", quoted: true))
    }

    @Test func normalizesMarkersAndTaskBoxesOnlyInRecognizedSections() {
        let plan = RuleExample.acme + """
            # Acme

            ## Actions
            * [X] 2026-01-10 @li-you Kick-off held   
            * [ ] 2026-12-01 @li-you Send the proposal to:  
              the CFO's office   
            * [ ] 2026-12-05 Book the workshop
            * [ ] 

            ## Moments of truth
            + 2026-11-03 @li-you Evening visit to the CIO

            ## Notes
            * a free list: left as written   
            + [X] also left

            """
        #expect(Fmt.format(plan) == RuleExample.acme + """
            # Acme

            ## Actions
            - [x] 2026-01-10 @li-you Kick-off held
            - [ ] 2026-12-01 @li-you Send the proposal to:  
              the CFO's office
            - [ ] 2026-12-05 Book the workshop
            - [ ] 

            ## Moments of truth
            - 2026-11-03 @li-you Evening visit to the CIO

            ## Notes
            * a free list: left as written   
            + [X] also left

            """, "the hard break inside the item and the space after an empty box stay")
    }

    @Test func listsBesideAnotherListKeepTheirMarkers() {
        // A change of marker starts a new list; unifying the markers would merge the lists.
        let plan = RuleExample.acme + "## Actions\n- [ ] 2026-12-01 One\n\n* [X] 2026-12-02 Two\n"
        #expect(Fmt.format(plan) == RuleExample.acme + "## Actions\n- [ ] 2026-12-01 One\n\n* [x] 2026-12-02 Two\n")
    }

    @Test func refusesPlansWithMergeConflictMarkers() {
        let plan = RuleExample.acme + """
            ## Stakeholders
            | Name | Role |
            | --- | --- |
            <<<<<<< HEAD
            | C | decision-maker |
            =======
            | B | sponsor |
            >>>>>>> other

            """
        #expect(Fmt.outcome(plan) == .conflicted(line: 11))
        // Seven '=' alone are also a heading underline: not a conflict.
        let heading = RuleExample.acme + "Plan notes\n=======\n\n## Actions\n* [ ] 2026-12-01 Call\n"
        #expect(Fmt.format(heading) == RuleExample.acme + "Plan notes\n=======\n\n## Actions\n- [ ] 2026-12-01 Call\n")
    }

    @Test func keepsTheDocumentEndMarkerLast() {
        let plan = "---\nreviewed: 2026-11-01\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\n...\n---\n# Acme\n"
        #expect(Fmt.format(plan)
            == "---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n...\n---\n# Acme\n")
    }

    @Test func keepsAFrontMatterThatCannotBeReorderedCleanlyAndFormatsTheBody() {
        // A quoted value continued on a line that starts with '#': not a comment, so no block
        // boundary can be drawn there; fmt must not move it away from its key.
        let plan = "---\nreviewed: 2026-11-01\nname: \"Acme\n#1 group\"\nindustry: tobacco\nstage: departmental\nmanager: li-you\n---\n"
            + "## Actions\n* [ ] 2026-12-01 Call\n"
        let formatted = Fmt.format(plan)
        #expect(Fmt.parse(formatted).plan.entry("name")?.value == .scalar("Acme #1 group", quoted: true))
        #expect(formatted.hasSuffix("## Actions\n- [ ] 2026-12-01 Call\n"))
    }

    @Test func leavesProseByteForByteAndEndsWithOneNewline() {
        let prose = "Hard break here  \nand   odd   spacing\t\n\n<!-- a comment -->\n\n```\n| not | a | table |\n```\n"
        let plan = RuleExample.acme + "# Acme\n\n" + prose + "\n## Stakeholders  \n\n| Name | Role |\n|-|-|\n| A | sponsor |\n\n\n\n"
        let formatted = Fmt.format(plan)
        #expect(formatted == RuleExample.acme + "# Acme\n\n" + prose
            + "\n## Stakeholders\n\n| Name | Role    |\n| ---- | ------- |\n| A    | sponsor |\n")
    }

    @Test func keepsCRLFAndTheByteOrderMark() {
        let plan = "\u{FEFF}" + (RuleExample.acme + "# Acme\n\n## Actions\n* [ ] 2026-12-01 Call\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let formatted = Fmt.format(plan)
        #expect(formatted == "\u{FEFF}" + (RuleExample.acme + "# Acme\n\n## Actions\n- [ ] 2026-12-01 Call\n")
            .replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func addsTheMissingFinalNewline() {
        let plan = RuleExample.acme + "# Acme"
        #expect(Fmt.format(plan) == plan + "\n")
    }

    @Test func reportsAlreadyCanonicalPlansAsUnchanged() {
        let plan = RuleExample.acme + "# Acme\n\n## Stakeholders\n\n| Name | Role    |\n| ---- | ------- |\n| A    | sponsor |\n"
        #expect(Fmt.outcome(plan) == .unchanged)
    }

    @Test(arguments: [
        ("# Acme\n", "plan has no front matter"),
        ("---\nname: Acme\n# Acme\n", "front matter is never closed"),
        ("---\nname: [Acme\n---\n# Acme\n", "front matter"),
        ("---\na: &x 1\nb: *x\n---\n", "anchors are not allowed"),
    ])
    func refusesPlansThatDoNotParse(text: String, message: String) {
        guard case .refused(let findings) = Fmt.outcome(text) else {
            Issue.record("expected a refusal, got \(Fmt.outcome(text))")
            return
        }
        #expect(findings.contains { $0.message.contains(message) }, "\(findings.map(\.message))")
        #expect(findings.allSatisfy { $0.rule == .frontMatter })
    }

    @Test func refusesInvalidUTF8() {
        var bytes = Array((RuleExample.acme + "# Acme ").utf8)
        bytes.append(0xFF)
        let outcome = PlanFormatter().format(Data(bytes), path: "accounts/acme.md", kind: .account, id: "acme")
        guard case .refused(let findings) = outcome else {
            Issue.record("expected a refusal, got \(outcome)")
            return
        }
        #expect(findings.map(\.rule) == [.encoding])
    }

    @Test func formatsPlansWithLintErrors() {
        // Content problems (an unknown stage, a bad amount) are lint's business, not a reason to refuse.
        let plan = RuleExample.acme.replacingOccurrences(of: "departmental", with: "nowhere")
            + "## Opportunities\n|ID|Name|Stage|Amount|Close|\n|-|-|-|-|-|\n|opp-a|A|qualify|lots|someday|\n"
        #expect(Fmt.format(plan).hasSuffix("""
            | ID    | Name | Stage   | Amount | Close   |
            | ----- | ---- | ------- | ------ | ------- |
            | opp-a | A    | qualify | lots   | someday |

            """))
    }

    @Test func refusesAPlanWhoseAlignedFormWouldExceedTheSizeLimit() {
        // One 2,100-character name pads every one of 2,100 rows to its width: 40 KB become 4.4 MB.
        let rows = "| \(String(repeating: "n", count: 2_100)) | sponsor |\n" + String(repeating: "| a | sponsor |\n", count: 2_100)
        let plan = RuleExample.acme + "## Stakeholders\n| Name | Role |\n| - | - |\n" + rows
        #expect(plan.utf8.count < 4 << 20)
        guard case .refused(let findings) = Fmt.outcome(plan) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(findings.map(\.rule) == [.tooLarge])
        #expect(findings.first?.message.hasPrefix("aligned, this plan would be ") == true)
    }
}
