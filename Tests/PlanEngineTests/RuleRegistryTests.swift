import Foundation
import PlanEngine
import PlanModel
import Testing

/// The registry is the only list of rules: every rule type written under Sources/PlanEngine/Rules
/// must be in it (a rule that is written but not registered would silently never run), and what
/// other parts act on is declared with each rule.
struct RuleRegistryTests {
    static let rulesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/PlanEngine/Rules")

    @Test func everyRuleTypeUnderRulesIsRegistered() throws {
        var declared: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.rulesFolder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: Self.rulesFolder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains(": LintRule") {
                let words = line.split(whereSeparator: { $0 == " " || $0 == ":" })
                if let index = words.firstIndex(of: "struct"), index + 1 < words.count { declared.insert(String(words[index + 1])) }
            }
        }
        let registered = Set(RuleRegistry.all.map { String(describing: type(of: $0)) })
        #expect(!declared.isEmpty)
        #expect(declared.subtracting(registered).isEmpty, "written but not registered: \(declared.subtracting(registered).sorted())")
        #expect(registered.subtracting(declared).isEmpty, "registered but not under Rules/: \(registered.subtracting(declared).sorted())")
        #expect(Set(RuleRegistry.all.map(\.description.id)).count == RuleRegistry.all.count, "rule ids are unique")
    }

    @Test func traitsAreDeclaredWithTheRules() {
        #expect(RuleRegistry.ids(with: .extension) == [.encoding, .tooLarge, .outsideWorkspace, .mergeConflict])
        #expect(RuleRegistry.ids(with: .makesPlanUnreadable) == [.encoding, .tooLarge, .frontMatter, .mergeConflict])
        #expect(RuleRegistry.alwaysErrors == [.mergeConflict])
    }
}
