import Foundation
import PlanEngine
import PlanModel

/// Every plan the formatter's properties are checked on: the template workspace, every rule's
/// examples, every plan written inline in the test sources, and generated plans.
enum PlanCorpus {
    struct Entry {
        var name: String
        var text: String
        var kind: PlanKind
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func kind(ofPath path: String) -> PlanKind {
        PlanKind.allCases.first { path.hasPrefix($0.folder + "/") } ?? .account
    }

    static var template: [Entry] {
        let root = repository.appendingPathComponent("workspace-template")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".md") && !$0.hasSuffix("README.md") }.sorted().compactMap { path in
            guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else { return nil }
            return Entry(name: "workspace-template/\(path)", text: text, kind: kind(ofPath: path))
        }
    }

    static var ruleExamples: [Entry] {
        var entries: [Entry] = []
        for rule in RuleRegistry.all {
            let examples = rule.description.valid + rule.description.invalid
            for (index, example) in examples.enumerated() {
                for (path, text) in example.files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".md") {
                    entries.append(Entry(name: "\(rule.description.id) example \(index) \(path)",
                                         text: text.replacingOccurrences(of: String(RuleExample.marker), with: ""),
                                         kind: kind(ofPath: path)))
                }
            }
        }
        return entries
    }

    /// Multi-line string literals in Tests/**/*.swift that start with a front-matter fence,
    /// without interpolations, indentation stripped as Swift strips it.
    static var inlineTestPlans: [Entry] {
        let tests = repository.appendingPathComponent("Tests")
        let files = FileManager.default.enumerator(atPath: tests.path)?.compactMap { $0 as? String } ?? []
        var entries: [Entry] = []
        for file in files.sorted() where file.hasSuffix(".swift") {
            guard let source = try? String(contentsOf: tests.appendingPathComponent(file), encoding: .utf8) else { continue }
            let parts = source.components(separatedBy: "\"\"\"")
            // Odd-numbered parts are the insides of literals.
            for index in stride(from: 1, to: parts.count, by: 2) {
                let body = parts[index]
                guard body.hasPrefix("\n"), !body.contains("\\("), let lastBreak = body.lastIndex(of: "\n") else { continue }
                let indentation = body[body.index(after: lastBreak)...]
                guard indentation.allSatisfy({ $0 == " " }) else { continue }
                let lines = body.dropFirst().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                var text = lines.map { $0.hasPrefix(indentation) ? String($0.dropFirst(indentation.count)) : String($0) }
                    .joined(separator: "\n")
                text = text.replacingOccurrences(of: "\\\\", with: "\u{0}").replacingOccurrences(of: "\\\"", with: "\"")
                    .replacingOccurrences(of: "\\t", with: "\t").replacingOccurrences(of: "\\n", with: "\n")
                    .replacingOccurrences(of: "\u{0}", with: "\\")
                guard text.hasPrefix("---\n") else { continue }
                let kind: PlanKind = text.contains("\nowner:") && !text.contains("\nmanager:") ? .industry : .account
                entries.append(Entry(name: "\(file) literal \(index / 2)", text: text, kind: kind))
            }
        }
        return entries
    }
}
