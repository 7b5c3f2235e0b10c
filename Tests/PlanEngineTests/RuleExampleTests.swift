import PlanEngine
import PlanModel
import PlanWorkspace
import Testing

/// Runs every rule's own examples: valid ones give no diagnostic of that rule, invalid ones give
/// one exactly at each `↓` marker (and nowhere else).
struct RuleExampleTests {
    struct Marked {
        var files: [String: String] = [:]
        var expected: Set<String> = []
    }

    /// Removes the markers and records "path:line:column" for each.
    static func strip(_ example: RuleExample) -> Marked {
        var marked = Marked()
        for (path, text) in example.files {
            var clean = ""
            var line = 1
            var column = 1
            for scalar in text.unicodeScalars {
                if Character(scalar) == RuleExample.marker {
                    marked.expected.insert("\(path):\(line):\(column)")
                    continue
                }
                clean.unicodeScalars.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else if scalar != "\r" {
                    column += 1
                }
            }
            marked.files[path] = clean
        }
        return marked
    }

    static func positions(of rule: RuleID, in marked: Marked, asOf: CalendarDate) throws -> Set<String> {
        let workspace = try WorkspaceLoader.load(from: MemorySource(marked.files))
        let diagnostics = Linter.lint(workspace, asOf: asOf).filter { $0.rule == rule }
        return Set(diagnostics.map { "\($0.path):\($0.line):\($0.column)" })
    }

    @Test(arguments: RuleRegistry.all.map(\.description.id))
    func examples(of id: RuleID) throws {
        let rule = try #require(RuleRegistry.rule(id))
        #expect(!rule.description.valid.isEmpty, "every rule needs a valid example")
        for example in rule.description.valid {
            let marked = Self.strip(example)
            let found = try Self.positions(of: id, in: marked, asOf: example.asOf)
            #expect(found.isEmpty, "valid example of \(id) gave \(found.sorted()): \(marked.files)")
        }
        for example in rule.description.invalid {
            let marked = Self.strip(example)
            #expect(!marked.expected.isEmpty, "invalid example of \(id) has no marker")
            let found = try Self.positions(of: id, in: marked, asOf: example.asOf)
            #expect(found == marked.expected, "invalid example of \(id): expected \(marked.expected.sorted()), got \(found.sorted())")
        }
    }

    @Test func registryIsSortedAndUnique() {
        let ids = RuleRegistry.all.map(\.description.id)
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        // Every core rule of PLAN_FORMAT.md §7 is registered.
        let core: [RuleID] = [.frontMatter, .missingField, .invalidValue, .unknownField, .idMismatch, .duplicateID,
                              .duplicateKey, .duplicateSection, .unknownStage, .unknownReference, .unknownPerson,
                              .unknownCurrency, .staleReview, .overdueAction, .undatedAction, .pastClose, .noSponsor,
                              .targetGap, .config]
        #expect(Set(core).isSubset(of: Set(ids)))
    }
}
