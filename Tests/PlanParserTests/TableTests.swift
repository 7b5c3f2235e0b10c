import Foundation
import PlanModel
import PlanParser
import Testing

/// Tables (PLAN_FORMAT.md §3.1): headers matched case-insensitively, free column order, unknown
/// columns kept, a missing required column is an error on the header line, a bad cell an error at
/// the cell.
struct TableTests {
    // Each plan's front matter is one flow mapping with the required account keys, so that the
    // findings are the table's own.
    @Test func badCellsAreReportedAtTheCell() throws {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Stakeholders

            | NAME | title | rOLE | Relationship | Owner | Notes |
            | --- | --- | --- | --- | --- | --- |
            | Zhou Ming | CIO | boss | good | Li You | met twice |
            | | CFO | sponsor |
            | Sun Wei | Architect |

            ## Installed base

            | Product | Since | Status |
            | --- | --- | --- |
            | Financials | 19 | active |
            | Supply chain | 2019-13-01 | live |
            | HR | 2019 | retired |

            ## Opportunities

            | ID | Name | Stage | Amount | Probability | Close |
            | --- | --- | --- | --- | --- | --- |
            | Opp A | Consolidation | propose | -5 | 120% | 31/12/2026 |
            | opp-b | | develop | 1,00 | 60 | 2026-12-31 |
            """
        let result = parse(text, kind: .account)
        let cellFindings = result.findings.filter { $0.rule != .missingField }
        #expect(cellFindings.located == [
            "invalid-value 8:21", // Role boss
            "invalid-value 8:28", // Relationship good
            "invalid-value 8:35", // Owner Li You
            "invalid-value 16:16", // Since 19
            "invalid-value 16:21", // Status active
            "invalid-value 17:18", // Since 2019-13-01
            "invalid-value 24:3", // ID Opp A
            "invalid-value 24:37", // Amount -5
            "invalid-value 24:42", // Probability 120%
            "invalid-value 24:49", // Close 31/12/2026
            "invalid-value 25:23", // Amount 1,00
        ])
        // Empty or absent required cells: the Name of line 9, the Role of line 10, the Name of line 25.
        let missing = result.findings.filter { $0.rule == .missingField }
        #expect(missing.map(\.location.line).sorted() == [9, 10, 25])
        #expect(missing.allSatisfy { $0.location.column >= 1 })

        let people = result.plan.stakeholders
        try #require(people.count == 3)
        #expect(people[0].name?.at == "Zhou Ming@8:3")
        #expect(people[0].title?.value == "CIO")
        #expect(people[0].role == nil)
        #expect(people[0].relationship == nil)
        #expect(people[0].owner == nil)
        #expect(people[0].extra == [ExtraField(column: "Notes", value: "met twice")])
        #expect(people[1].name == nil)
        #expect(people[1].role?.value == .sponsor)
        #expect(people[2].name?.value == "Sun Wei")
        #expect(people[2].role == nil)
        #expect(result.plan.installedBase.map { $0.product?.value } == ["Financials", "Supply chain", "HR"])
        #expect(result.plan.opportunities.map { $0.id?.value } == [nil, "opp-b"])
        #expect(result.plan.opportunities[1].probability?.value == Decimal(60))
    }

    /// §3.1: Since is a year `YYYY` or a date. Full-width digits are no year.
    @Test func sinceTakesOnlyAnASCIIYear() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Installed base

            | Product | Since |
            | --- | --- |
            | Financials | ２０１９ |
            | Supply chain | 二〇一九 |
            | HR | 2019 |
            """
        let result = parse(text)
        #expect(result.located == ["invalid-value 8:16", "invalid-value 9:18"])
        #expect(result.plan.installedBase.map { $0.since?.value } == [nil, nil, "2019"])
    }

    @Test func missingRequiredColumnIsAnErrorOnTheHeaderLine() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Opportunities

            | ID | Name | Amount | Probability |
            | --- | --- | --- | --- |
            | opp-a | A | 1k | 50 |

            ## Stakeholders

            | Name | Title |
            | --- | --- |
            | Zhou Ming | CIO |

            ## Installed base

            | Modules | Status |
            | --- | --- |
            | GL | live |
            """
        let result = parse(text)
        #expect(result.located == ["missing-field 6:1", "missing-field 6:1", "missing-field 12:1", "missing-field 18:1"])
        let messages = result.findings.map(\.message).joined(separator: "\n")
        for column in ["Stage", "Close", "Role", "Product"] {
            #expect(messages.contains("'\(column)'"), "no finding names the \(column) column: \(messages)")
        }
    }

    @Test func optionalColumnsMayBeLeftOut() throws {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Opportunities

            | Amount | Close | Stage | Name | ID |
            |-------:|:------|:-----:|------|----|
            | 5k | 2027-01-31 | qualify | Budget control | opp-budget |
            """
        let result = parse(text)
        #expect(result.located == [])
        let opportunity = try #require(result.plan.opportunities.first)
        #expect(opportunity.id?.at == "opp-budget@8:48")
        #expect(opportunity.amount?.value == Money(Decimal(5000)))
        #expect(opportunity.probability == nil)
    }

    @Test func duplicateKeysAreReportedAtTheSecondOccurrence() throws {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Stakeholders

            | Name | Role |
            | --- | --- |
            | Zhou Ming | decision-maker |
            | Qian Hui | sponsor |
            | Zhou Ming | user |

            ## Installed base

            | Product |
            | --- |
            | Financials |
            | Financials |

            ## Opportunities

            | ID | Name | Stage | Amount | Close |
            | --- | --- | --- | --- | --- |
            | opp-a | A | propose | 1k | 2027-01-31 |
            | opp-a | B | develop | 2k | 2027-02-28 |
            """
        let result = parse(text)
        #expect(result.located == ["duplicate-key 10:3", "duplicate-key 17:3", "duplicate-key 24:3"])
        let first = try #require(result.findings.first { $0.location.line == 10 })
        #expect(first.message.contains("Zhou Ming"))
        #expect(first.message.contains("8"))
    }

    /// Keys are unique per section, not per plan: the same text in two tables is fine.
    @Test func keysAreUniquePerSection() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Stakeholders

            | Name | Role |
            | --- | --- |
            | Financials | user |

            ## Installed base

            | Product |
            | --- |
            | Financials |
            """
        #expect(parse(text).located == [])
    }

    @Test func escapedPipesStayInTheCell() throws {
        let text = #"""
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Opportunities

            | ID | Name | Stage | Amount | Close |
            | --- | --- | --- | --- | --- |
            | opp-a | Build A \| B bridge | propose | 1,00 | 2027-01-31 |
            | opp-b | `a\|b` code | develop | 5k | 2027-02-28 |
            | opp-c | ends with backslash \\| qualify | 7k | 2027-03-31 |
            """#
        let result = parse(text)
        // The column of a cell after an escaped pipe still counts every character written.
        #expect(result.located == ["invalid-value 8:43", "missing-field 10:1", "invalid-value 10:50"])
        let pipeline = result.plan.opportunities
        try #require(pipeline.count == 3)
        #expect(pipeline[0].name?.at == "Build A | B bridge@8:11")
        #expect(pipeline[0].stage?.value == "propose")
        #expect(pipeline[1].name?.value == "`a|b` code")
        #expect(pipeline[1].amount?.value == Money(Decimal(5000)))
        #expect(pipeline[1].amount?.location == SourceLocation(line: 9, column: 35))
        // `\\|`: cmark-gfm's cell scanner takes the longest match, so this pipe is escaped too
        // (GitHub shows one cell "ends with backslash | qualify"); every later cell moves left.
        #expect(pipeline[2].name?.value == #"ends with backslash \| qualify"#)
        #expect(pipeline[2].stage?.at == "7k@10:45")
        #expect(pipeline[2].amount == nil)
    }

    @Test func tableWithoutOuterPipes() throws {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Stakeholders

            Name | Role | Relationship
            --- | --- | ---
            Zhou Ming | decision-maker | strong
            Qian Hui | sponsor | wek
            """
        let result = parse(text)
        #expect(result.located == ["invalid-value 9:22"])
        #expect(result.plan.stakeholders.map { $0.name?.at } == ["Zhou Ming@8:1", "Qian Hui@9:1"])
        #expect(result.plan.stakeholders.first?.relationship?.location == SourceLocation(line: 8, column: 30))
        #expect(result.findings.first?.message.contains("did you mean 'weak'") == true)
    }

    /// Authors often write the table right under the heading, without a blank line.
    @Test func tableRightUnderTheHeading() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Stakeholders
            | Name | Role |
            | --- | --- |
            | Zhou Ming | decision-maker |
            | Qian Hui | boss |
            ## Risks
            """
        let result = parse(text)
        #expect(result.located == ["invalid-value 8:14"])
        #expect(result.plan.stakeholders.map { $0.name?.at } == ["Zhou Ming@7:3", "Qian Hui@8:3"])
    }

    /// A pipe table may follow a line of prose directly; GitHub (cmark-gfm) renders the prose as a
    /// paragraph and the table below it, with `| Product | Status |` as its header (line 6).
    @Test func tableRightAfterAProseLine() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Installed base
            What the customer runs today:
            | Product | Status |
            | --- | --- |
            | Financials | live |
            | Supply chain | gone |
            """
        let result = parse(text)
        #expect(result.located == ["invalid-value 9:18"])
        #expect(result.plan.installedBase.map { $0.product?.at } == ["Financials@8:3", "Supply chain@9:3"])
    }

    /// Columns count code points: an emoji with a skin tone is two, a combining accent one more.
    @Test func columnsCountCodePoints() {
        let text = """
            ---
            {name: A, industry: tobacco, stage: integration, manager: li-you, reviewed: 2026-11-12}
            ---
            ## Stakeholders

            | Name | Role |
            | --- | --- |
            | 👍🏽 | boss |
            | Jose\u{301} | chief |
            | 𠀋 | head |
            """
        #expect(parse(text).located == ["invalid-value 8:8", "invalid-value 9:11", "invalid-value 10:7"])
    }
}

/// An amount that does not parse says what a newcomer most likely got wrong: these all read as
/// "has 'CNY' where a 3-letter currency code belongs" (a newcomer trial).
struct MoneySlipTests {
    @Test(arguments: [
        ("CNY2.4M", "needs a space after the currency code 'CNY'"),
        ("500 万", "has a space before 万: write it right after the number"),
        ("1.2 亿", "has a space before 亿: write it right after the number"),
        ("1 000", "has a space between digits: separate thousands with ','"),
        ("五百万", "is written in Chinese numerals: write the digits"),
        ("300K", "has 'K': thousands are a lower-case 'k'"),
        ("2.4x", "is not a number"),
        ("Cny 2", "has 'Cny' where a 3-letter currency code in capitals belongs"),
    ])
    func saysWhatIsWrong(amount: String, reason: String) {
        let text = HostileInputTests.header + "# A\n\n## Opportunities\n\n| ID | Name | Stage | Amount | Close |\n| --- | --- | --- | --- | --- |\n"
            + "| opp-a | A | qualify | \(amount) | 2027-01-15 |\n"
        let findings = parse(text).findings.filter { $0.rule == .invalidValue }
        #expect(findings.map(\.message) == ["amount '\(amount)' for 'amount' \(reason)"], "\(findings)")
    }
}
