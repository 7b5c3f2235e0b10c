import Foundation
import Testing

/// git's placeholders as `hooks install` writes them: `%L` (the `conflict-marker-size`
/// attribute) always, the labels `%X %S %Y` that git expands from 2.44 on and passes through
/// unexpanded before.
extension MergeDriverEndToEndTests {
    @Test func theDriverWritesMarkersOfTheAttributesSizeAndLintFindsThem() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try Self.sameCellConflict(sandbox, markerSize: 10, driver: true)
        let merged = try #require(GitFixture.read(Self.plan, in: ws))
        let markers = Self.markers(merged)
        try #require(markers.count == 3, "one block, the amount's row: \(merged)")
        #expect(markers.allSatisfy { line in line.prefix { $0 == line.first }.count == 10 }, "markers of conflict-marker-size: \(markers)")
        #expect(merged.contains("3,900,000"), "the clean change merged: \(merged)")
        // Labels: git 2.44 and later expands %X and %Y; before, the driver's own.
        let ours = String(markers[0].dropFirst(11)), theirs = String(markers[2].dropFirst(11))
        if try Self.gitExpandsLabels(sandbox) {
            #expect(!ours.isEmpty && !ours.hasPrefix("%") && !theirs.isEmpty && !theirs.hasPrefix("%"), "\(markers)")
        } else {
            #expect(ours == "ours" && theirs == "theirs", "\(markers)")
        }
        let lint = try sandbox.acctplan(["lint", "--format", "json", Self.plan], in: ws)
        #expect(lint.status == 1, "\(lint)")
        #expect(lint.stdout.components(separatedBy: "merge-conflict").count == 2, "one merge-conflict finding: \(lint)")
    }

    /// Without the driver, `acctplan resolve` writes what conflicts remain with markers of the
    /// file's `conflict-marker-size`, as git and the driver do.
    @Test func resolveWritesMarkersOfTheAttributesSize() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try Self.sameCellConflict(sandbox, markerSize: 12, driver: false)
        let resolve = try sandbox.acctplan(["resolve"], in: ws)
        #expect(resolve.status == 1, "\(resolve)")
        let text = try #require(GitFixture.read(Self.plan, in: ws))
        let markers = Self.markers(text)
        #expect(markers.count == 3 && markers.allSatisfy { line in line.prefix { $0 == line.first }.count == 12 }, "\(text)")
        #expect(text.contains("3,900,000"))
        let lint = try sandbox.acctplan(["lint", Self.plan], in: ws)
        #expect(lint.status == 1 && lint.stdout.contains("merge-conflict"), "\(lint)")
    }

    /// A workspace from `acctplan init` whose plans have `conflict-marker-size=SIZE`, the driver
    /// set up by `hooks install` or not, stopped in a `git merge` of two branches that changed
    /// one amount differently (ours also changed another).
    static func sameCellConflict(_ sandbox: GitSandbox, markerSize: Int, driver: Bool) throws -> URL {
        let created = try sandbox.acctplan(["init", "ws"], in: sandbox.temp.url)
        try #require(created.status == 0, "\(created)")
        let ws = sandbox.temp.path("ws")
        if driver {
            let install = try sandbox.acctplan(["hooks", "install", "--acctplan", try CLI.binary.get().path], in: ws)
            #expect(install.status == 0, "\(install)")
        }
        var attributes = try #require(GitFixture.read(".gitattributes", in: ws))
        attributes += "accounts/**/*.md conflict-marker-size=\(markerSize)\n"
        try GitFixture.write(attributes, to: ".gitattributes", in: ws)
        try sandbox.gitOK(["commit", "-qam", "Longer conflict markers for plans"], in: ws)
        #expect(try sandbox.gitOK(["check-attr", "conflict-marker-size", Self.plan], in: ws).hasSuffix(": \(markerSize)"))
        try sandbox.gitOK(["branch", "theirs"], in: ws)
        try sandbox.gitOK(["checkout", "-q", "theirs"], in: ws)
        try Self.edit(sandbox, ws, [("| CNY 5.2M  |", "| CNY 4.9M  |")], message: "Amount down")
        try sandbox.gitOK(["checkout", "-q", "main"], in: ws)
        try Self.edit(sandbox, ws, [("| CNY 5.2M  |", "| CNY 5.8M  |"), ("| 3,500,000 |", "| 3,900,000 |")], message: "Amounts up")
        let merge = try sandbox.git(["merge", "--no-edit", "theirs"], in: ws)
        #expect(merge.status != 0, "the amount conflicts: \(merge)")
        return ws
    }

    /// The conflict-marker lines of a text (of any marker size).
    static func markers(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.hasPrefix("<<<<<<<") || $0.hasPrefix("=======") || $0.hasPrefix(">>>>>>>") }
    }

    /// Whether this machine's git expands `%X %S %Y` in a merge driver's command (2.44 and later).
    static func gitExpandsLabels(_ sandbox: GitSandbox) throws -> Bool {
        let version = try sandbox.gitOK(["--version"], in: sandbox.temp.url)
        let numbers = version.split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
        guard numbers.count >= 2 else { return false }
        return numbers[0] > 2 || numbers[0] == 2 && numbers[1] >= 44
    }
}
