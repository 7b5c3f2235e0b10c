import Foundation
import PlanModel
import PlanParser
import Testing

/// The parser reads what the schema declares: every key, heading and column alias, and nothing
/// it does not.
struct PlanSchemaTests {
    static let schema = PlanSchema.standard

    @Test func everyDeclaredKeyIsKnownAndEveryRequiredKeyIsRequired() {
        for kind in PlanKind.allCases {
            let fields = Self.schema.fields(of: kind)
            // Each key alone: known keys give no unknown-field; the required ones missing are reported.
            for field in fields {
                let parsed = parse("---\n\(field.key):\n---\n", kind: kind, id: "acme")
                #expect(!parsed.findings.contains { $0.rule == .unknownField }, "\(kind) \(field.key)")
            }
            let missing = parse("---\n---\n", kind: kind, id: "acme").findings.filter { $0.rule == .missingField }
            #expect(Set(missing.map { $0.message.components(separatedBy: "'")[1] })
                == Set(fields.filter { $0.requiredIn.contains(kind) }.map(\.key)), "\(kind)")
        }
        let unknown = parse("---\nowner: li-you\n---\n", kind: .account, id: "acme")
        #expect(unknown.findings.contains { $0.rule == .unknownField }, "owner is a key of industry and segment plans only")
    }

    @Test func everyHeadingAndColumnAliasIsRead() {
        for section in Self.schema.sections {
            for heading in section.headings {
                for kind in PlanKind.allCases {
                    let plan = parse("---\n---\n## \(heading)\n", kind: kind, id: "acme").plan
                    let recognized = plan.sections.first?.kind?.rawValue
                    #expect(recognized == (section.kinds.contains(kind) ? section.id : nil), "\(kind) '\(heading)'")
                }
            }
            let columns = section.columns
            guard !columns.isEmpty else { continue }
            for headers in [columns.map { $0.id.capitalized }, columns.map { $0.aliases.first ?? $0.id }] {
                let table = "| " + headers.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: headers.count) + "\n"
                let parsed = parse("---\n---\n## \(section.headings[0])\n\n" + table, kind: .account, id: "acme")
                #expect(!parsed.findings.contains { $0.rule == .missingField && $0.location.line > 3 }, "\(section.id) \(headers)")
            }
        }
    }

    @Test func theAmountsAreTheMoneyKeysTargetsRevenueAndTheAmountColumn() {
        #expect(Self.schema.moneyFields == ["revenue_target", "targets.revenue"])
        #expect(Self.schema.moneyColumns == ["amount"])
    }
}
