import Foundation
import PlanModel
import PlanParser
import Testing

/// `offerings:` in acctplan.yml and the `Offering` column (产品线) of the Installed base and
/// Opportunities tables.
struct OfferingsConfigTests {
    @Test func aCatalogueOfMappingsAndBareIds() {
        let (config, findings) = parseConfig("offerings:\n  - {id: erp, name: ERP suite}\n  - hr\n")
        #expect(findings.isEmpty, "\(findings)")
        #expect(config.offerings.map(\.id) == ["erp", "hr"])
        #expect(config.offerings.map(\.name) == ["ERP suite", "hr"])
        #expect(config.offerings.map(\.location.line) == [2, 3])
        #expect(config.offering("erp")?.name == "ERP suite")
    }

    /// An empty or blank name would leave a column without a title: the id names the offering.
    @Test func anEmptyNameIsTheId() {
        let (config, findings) = parseConfig("offerings:\n  - {id: erp, name: \"\"}\n  - {id: hr, name: \"  \"}\n  - {id: crm, name: CRM}\n")
        #expect(findings.isEmpty, "\(findings)")
        #expect(config.offerings.map(\.name) == ["erp", "hr", "CRM"])
    }

    @Test func badEntriesAreConfigFindingsAtTheirLineAndTheRestIsKept() {
        let (config, findings) = parseConfig("""
            offerings:
              - {id: erp, name: ERP suite}
              - {id: ERP Suite, name: Bad}
              - {name: No id}
              - {id: erp, name: Again}
              - {id: hr, name: HR, price: 3}
            """)
        #expect(config.offerings.map(\.id) == ["erp", "hr"])
        let described = findings.map { "\($0.rule.rawValue) \($0.location.line): \($0.message)" }
        #expect(described == [
            "config 3: 'ERP Suite' is not a valid offering id",
            "config 4: offering needs an `id`",
            "config 5: offering 'erp' is listed twice (first on line 2)",
            "config 6: offering key 'price' is not known",
        ])
        #expect(findings[0].hint?.contains("lowercase letters, digits and '-'") == true)
        let (_, notAList) = parseConfig("offerings: erp\n")
        #expect(notAList.map(\.message) == ["offerings must be a list of {id, name}"])
        #expect(notAList.first?.hint?.contains("offerings: [{id: erp") == true)
    }

    @Test func theOfferingColumnInEnglishAndChinese() {
        let parsed = parse(Data("""
            ---
            name: Acme
            industry: tobacco
            stage: departmental
            manager: li-you
            reviewed: 2026-11-01
            ---
            ## 已实施产品

            | 产品 | 状态 | 产品线 |
            | --- | --- | --- |
            | 财务云 | live | finance |

            ## Opportunities

            | ID | Name | Stage | Amount | Close | Offering |
            | --- | --- | --- | --- | --- | --- |
            | opp-a | A | qualify | 1M | 2027-01-01 | hr |
            | opp-b | B | qualify | 1M | 2027-01-01 | Not An Id |
            """.utf8))
        #expect(parsed.plan.installedBase.first?.offering?.value == "finance")
        #expect(parsed.plan.installedBase.first?.offering?.location == SourceLocation(line: 12, column: 16), "columns count characters")
        #expect(parsed.plan.opportunities.map { $0.offering?.value } == ["hr", nil])
        let bad = parsed.findings.filter { $0.rule == .invalidValue }
        #expect(bad.map(\.location.line) == [19], "\(parsed.findings)")
    }
}
