import Foundation
import Testing

/// A report written again into its folder keeps the account pages whose inputs did not change
/// (issue 17). What it writes must be what a report written into a new folder holds, byte for
/// byte, whatever changed in between. Real binary, the template workspace.
struct ReportKeptPagesTests {
    /// Writes the report into `kept` (again) and into a new folder, and expects the same files;
    /// returns the first's stdout.
    static func expectSameAsNew(_ sandbox: GitSandbox, _ ws: URL, _ kept: URL, _ extra: [String] = [], step: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let again = try sandbox.acctplan(["report", "-o", kept.path, "--as-of", "2026-12-01"] + extra, in: ws)
        #expect(again.status == 0, "\(step): \(again)", sourceLocation: sourceLocation)
        let fresh = sandbox.temp.path("fresh-\(UUID().uuidString)")
        let cold = try sandbox.acctplan(["report", "-o", fresh.path, "--as-of", "2026-12-01"] + extra, in: ws)
        #expect(cold.status == 0, "\(step): \(cold)", sourceLocation: sourceLocation)
        var keptFiles = ReportEndToEndTests.files(kept), freshFiles = ReportEndToEndTests.files(fresh)
        keptFiles[".acctplan-report-keys"] = nil
        freshFiles[".acctplan-report-keys"] = nil
        #expect(Set(keptFiles.keys) == Set(freshFiles.keys), "\(step)", sourceLocation: sourceLocation)
        for (path, text) in freshFiles where keptFiles[path] != text {
            Issue.record("\(step): \(path) differs from a new report's", sourceLocation: sourceLocation)
        }
        return again.stdout
    }

    static func kept(_ stdout: String) -> Int {
        guard let range = stdout.range(of: #"\((\d+) account pages unchanged"#, options: .regularExpression) else { return 0 }
        return Int(stdout[range].dropFirst().prefix { $0.isNumber }) ?? 0
    }

    @Test func aReportWrittenAgainIsTheSameAsANewOne() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        let folder = sandbox.temp.path("report")
        let first = try sandbox.acctplan(["report", "-o", folder.path, "--as-of", "2026-12-01"], in: ws)
        #expect(first.status == 0 && Self.kept(first.stdout) == 0, "\(first)")
        let accountPages = ReportEndToEndTests.files(folder).keys.filter { $0.hasPrefix("accounts/") }.count
        #expect(accountPages == 6)

        // Nothing changed: every account page kept, and its file untouched.
        let page = folder.appendingPathComponent("accounts/huaxia-power.html")
        let before = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date
        var out = try Self.expectSameAsNew(sandbox, ws, folder, step: "unchanged")
        #expect(Self.kept(out) == accountPages, "\(out)")
        #expect(try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date == before)

        func edit(_ path: String, _ from: String, _ to: String) throws {
            let url = ws.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(from), "\(path) holds \(from)")
            try Data(text.replacingOccurrences(of: from, with: to).utf8).write(to: url)
            }
        // One plan edited: its page alone is written again.
        let reviewed = try #require(try String(contentsOf: ws.appendingPathComponent("accounts/huaxia-power.md"), encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix("reviewed: ") })
        try edit("accounts/huaxia-power.md", String(reviewed), "reviewed: 2026-11-30")
        out = try Self.expectSameAsNew(sandbox, ws, folder, step: "a plan edited")
        #expect(Self.kept(out) == accountPages - 1, "\(out)")
        // A person's name in acctplan.yml: on every page that names them.
        try edit("acctplan.yml", "{name: Li You}", "{name: Li You-Ming}")
        out = try Self.expectSameAsNew(sandbox, ws, folder, step: "acctplan.yml edited")
        #expect(Self.kept(out) == 0, "\(out)")
        // An industry's name, from its own plan: the account pages link to it by name.
        try edit("industries/tobacco.md", "name: Tobacco", "name: Tobacco & Cigarettes")
        _ = try Self.expectSameAsNew(sandbox, ws, folder, step: "an industry renamed")
        // A finding another plan causes: a second plan of the same id in another folder.
        let duplicate = try String(contentsOf: ws.appendingPathComponent("accounts/northwest-wind.md"), encoding: .utf8)
        try FileManager.default.createDirectory(at: ws.appendingPathComponent("accounts/west"), withIntermediateDirectories: true)
        try Data(duplicate.utf8).write(to: ws.appendingPathComponent("accounts/west/northwest-wind.md"))
        _ = try Self.expectSameAsNew(sandbox, ws, folder, step: "a duplicate id")
        // Another as-of date, another language.
        _ = try Self.expectSameAsNew(sandbox, ws, folder, ["--as-of", "2027-01-15"], step: "--as-of")
        _ = try Self.expectSameAsNew(sandbox, ws, folder, ["--lang", "zh-CN"], step: "--lang zh-CN")

        // A page edited by hand is written again; so is every page when the keys are damaged.
        _ = try Self.expectSameAsNew(sandbox, ws, folder, step: "English again")
        try Data("hand-edited\n".utf8).write(to: page)
        out = try Self.expectSameAsNew(sandbox, ws, folder, step: "a page edited by hand")
        #expect(Self.kept(out) == accountPages - 1, "\(out)")
        try Data("acctplan report page keys 1\nnot a key line\n\u{0}\u{FF}".utf8).write(to: folder.appendingPathComponent(".acctplan-report-keys"))
        out = try Self.expectSameAsNew(sandbox, ws, folder, step: "damaged keys")
        #expect(Self.kept(out) == 0, "\(out)")
        // A plan saved again unchanged is kept (the key is of its bytes); one changed with its
        // time stamp put back is not.
        let plan = ws.appendingPathComponent("accounts/east/zhejiang-tobacco.md")
        let text = try Data(contentsOf: plan)
        try text.write(to: plan)
        out = try Self.expectSameAsNew(sandbox, ws, folder, step: "a plan saved unchanged")
        #expect(Self.kept(out) == accountPages, "\(out)")
        let stamp = try #require(try FileManager.default.attributesOfItem(atPath: plan.path)[.modificationDate] as? Date)
        try (text + Data("\nA new line of prose.\n".utf8)).write(to: plan)
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: plan.path)
        out = try Self.expectSameAsNew(sandbox, ws, folder, step: "a plan changed, its time stamp put back")
        #expect(Self.kept(out) == accountPages - 1, "\(out)")
    }
}
