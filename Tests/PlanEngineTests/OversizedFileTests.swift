import Foundation
import PlanModel
import PlanParser
import PlanWorkspace
import Testing

/// A file over the size limits is refused from its size alone when the source knows sizes (the
/// working tree, git): a multi-gigabyte file named `.md` is never read into memory.
struct OversizedFileTests {
    /// Claims huge sizes for some files and records an issue if one of them is read.
    struct HugeFiles: PlanSource {
        var files: [String: String]
        var huge: [String: Int]
        var label: String { "huge" }

        func listFiles(under folder: String) throws -> FileListing {
            FileListing(paths: (Array(files.keys) + Array(huge.keys)).filter { $0.hasPrefix(folder + "/") }.sorted())
        }

        func read(_ path: String) throws -> Data? {
            if huge[path] != nil { Issue.record("\(path) was read") }
            return files[path].map { Data($0.utf8) } ?? Data()
        }

        func byteCount(_ path: String) -> Int? { huge[path] ?? files[path]?.utf8.count }
    }

    @Test func aHugePlanIsRefusedUnread() throws {
        let source = HugeFiles(files: ["acctplan.yml": "currency: CNY\n"],
                               huge: ["accounts/dump.md": 5 << 30, "accounts/Bad_Name.md": PlanParser.maxPlanBytes + 1])
        let workspace = try WorkspaceLoader.load(from: source)
        let findings = workspace.findings.sorted { $0.path < $1.path }.map { "\($0.path):\($0.location): \($0.rule) \($0.message)" }
        #expect(findings == [
            "accounts/Bad_Name.md:1:1: id-mismatch file name 'Bad_Name.md' is not a valid plan id",
            "accounts/Bad_Name.md:1:1: too-large plan is 4194305 bytes; the limit is 4194304 bytes (4 MiB)",
            "accounts/dump.md:1:1: too-large plan is 5368709120 bytes; the limit is 4194304 bytes (4 MiB)",
        ])
        #expect(workspace.plans.allSatisfy { !$0.isReadable })
    }

    @Test func aHugeConfigurationIsRefusedUnread() throws {
        let source = HugeFiles(files: ["accounts/a.md": "---\nname: A\n---\n"], huge: ["acctplan.yml": 3 << 30])
        let workspace = try WorkspaceLoader.load(from: source)
        let config = workspace.findings.filter { $0.path == "acctplan.yml" }
        #expect(config.map { "\($0.location): \($0.rule) \($0.message)" }
                == ["1:1: config acctplan.yml is 3221225472 bytes; the limit is 1048576 bytes (1 MiB)"])
        #expect(config.first?.hint == "acctplan.yml holds settings only: a few kilobytes of YAML")
        #expect(workspace.config.currency == WorkspaceConfig().currency)
    }

    /// The same findings when the size is only known after reading (a source without sizes).
    @Test func readingGivesTheSameFindings() {
        let text = "currency: CNY\n# " + String(repeating: "x", count: ConfigParser.maxBytes) + "\n"
        let (_, findings) = ConfigParser.parse(Data(text.utf8))
        #expect(findings.map { "\($0.location): \($0.rule) \($0.message)" }
                == ["1:1: config acctplan.yml is \(text.utf8.count) bytes; the limit is 1048576 bytes (1 MiB)"])
    }
}
