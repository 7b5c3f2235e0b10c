import Foundation
import PlanEngine
import PlanModel
import PlanParser
import Testing

/// Diffing only the sections two versions do not share must give exactly the diff of the whole
/// plans: checked on every account plan of the workspace template under several kinds of edit.
struct SectionSlicerTests {
    static let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../workspace-template").standardizedFileURL

    static func accountPlans() throws -> [(path: String, text: String)] {
        let folder = template.appendingPathComponent("accounts")
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return try files.filter { $0.hasSuffix(".md") }.sorted().map { name in
            ("accounts/" + name, try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// Edits that touch one part each, or several, or the structure itself.
    static let edits: [(String, @Sendable (String) -> String)] = [
        ("stage", { $0.replacingOccurrences(of: "stage: integration", with: "stage: departmental")
            .replacingOccurrences(of: "stage: industry-solution", with: "stage: integration") }),
        ("tick an action", { text in
            guard let range = text.range(of: "- [ ] ") else { return text }
            return text.replacingCharacters(in: range, with: "- [x] ")
        }),
        ("prose", { $0.replacingOccurrences(of: "\n## ", with: "\nA new sentence of prose.\n\n## ", options: [], range: nil) }),
        ("edit one prose line", { text in
            guard let range = text.range(of: "\n## ") else { return text }
            return text.replacingCharacters(in: range, with: "\nAn edited line.\n## ")
        }),
        ("drop a section", { text in
            guard let start = text.range(of: "\n## Moments of truth") ?? text.range(of: "\n## 关键时刻") else { return text }
            let rest = text[start.upperBound...]
            let end = rest.range(of: "\n## ")?.lowerBound ?? text.endIndex
            return String(text[..<start.lowerBound]) + String(text[end...])
        }),
        ("rename a heading to its alias", { $0.replacingOccurrences(of: "## Actions", with: "## Action plan") }),
        ("duplicate a section", { $0 + "\n## Actions\n\n- [ ] 2027-02-01 @li-you Extra action\n" }),
    ]

    static func parse(_ text: String, path: String) -> Plan {
        let id = String(path.split(separator: "/").last!.dropLast(3))
        // With the prose text, as `diff` parses: the prose's line diff must survive the slicing too.
        return PlanParser().parse(Data(text.utf8), path: path, kind: .account, id: id, depth: .withProse).plan
    }

    @Test func slicedDiffEqualsWholeDiff() throws {
        let plans = try Self.accountPlans()
        #expect(plans.count >= 5)
        let config = WorkspaceConfig()
        for (path, original) in plans {
            for (name, edit) in Self.edits {
                let edited = edit(original)
                let whole = PlanDiff.compare(.init(Self.parse(original, path: path), config: config),
                                             .init(Self.parse(edited, path: path), config: config))
                let (old, new) = SectionSlicer.withoutCommonSections(Data(original.utf8), Data(edited.utf8))
                let sliced = PlanDiff.compare(.init(Self.parse(String(decoding: old, as: UTF8.self), path: path), config: config),
                                              .init(Self.parse(String(decoding: new, as: UTF8.self), path: path), config: config))
                #expect(whole == sliced, "\(path), \(name)")
            }
        }
    }

    @Test func commonSectionsAreBlankedAndLineNumbersKept() {
        let old = "---\nname: A\n---\n# A\n\nIntro.\n\n## Actions\n\n- [ ] 2027-01-01 Call\n\n## Notes\n\nSame.\n"
        let new = "---\nname: A\n---\n# A\n\nIntro.\n\n## Actions\n\n- [x] 2027-01-01 Call\n\n## Notes\n\nSame.\n"
        let (a, b) = SectionSlicer.withoutCommonSections(Data(old.utf8), Data(new.utf8))
        let slicedOld = String(decoding: a, as: UTF8.self), slicedNew = String(decoding: b, as: UTF8.self)
        #expect(slicedOld.components(separatedBy: "\n").count == old.components(separatedBy: "\n").count)
        #expect(slicedOld.contains("- [ ] 2027-01-01 Call") && slicedNew.contains("- [x] 2027-01-01 Call"))
        #expect(!slicedOld.contains("Same.") && !slicedNew.contains("Same.") && !slicedOld.contains("Intro."))
        #expect(slicedOld.hasPrefix("---\nname: A\n---\n"))
    }

    @Test func headingsInsideFencesDoNotCut() {
        let text = "---\nname: A\n---\n## Notes\n\n```\n## Not a heading\n```\n"
        let other = text + "\nMore.\n"
        let (a, _) = SectionSlicer.withoutCommonSections(Data(text.utf8), Data(other.utf8))
        // One part after the front matter; it differs, so it is kept whole.
        #expect(String(decoding: a, as: UTF8.self) == text)
    }

    @Test func withoutFrontMatterNothingIsSliced() {
        let old = Data("# no front matter\n\n## A\n".utf8), new = Data("# no front matter\n\n## B\n".utf8)
        let (a, b) = SectionSlicer.withoutCommonSections(old, new)
        #expect(a == old && b == new)
    }
}
