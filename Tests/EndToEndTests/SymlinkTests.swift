import Foundation
import Testing

/// Links that lead out of the workspace are never read, so nothing outside can leak into reports.
struct SymlinkTests {
    static let secret = "SECRET-9b1e4c-DO-NOT-PRINT"

    static let secretPlan = """
        ---
        name: \(secret) corp
        industry: \(secret)
        manager: \(secret)
        stage: \(secret)
        reviewed: \(secret)
        ---
        # \(secret)

        - \(secret)

        """

    /// temp/ws is the workspace; temp/outside holds the secret plans.
    static func layout(_ temp: TempDir) throws -> URL {
        let root = try Fixture.workspace(["accounts/ok.md": Fixture.account(name: "Okay")], in: temp, under: "ws")
        try temp.write(["outside/secret.md": secretPlan, "outside/dir/inner.md": secretPlan, "outside/dir/other.md": secretPlan])
        return root
    }

    @Test func linkToAFileOutsideIsRefusedAndNeverRead() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Self.layout(temp)
        try temp.symlink("ws/accounts/leak.md", to: "../../outside/secret.md")

        for format in ["text", "json", "sarif", "github"] {
            let result = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", format], in: root)
            #expect(!result.stdout.contains(Self.secret) && !result.stderr.contains(Self.secret), "\(format) leaks: \(result)")
            #expect(result.status == 1, "\(format): \(result)")
            #expect(result.stdout.contains("outside-workspace"), "\(format): \(result)")
            #expect(result.stdout.contains("accounts/leak.md"), "\(format): \(result)")
        }
        let json = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "json"], in: root)
        let diagnostics = try JSON.diagnostics(json.stdout)
        #expect(diagnostics.contains { $0.string("rule") == "outside-workspace" && $0.string("path") == "accounts/leak.md" },
                "\(json)")
        #expect(!diagnostics.contains { $0.string("path") == "accounts/ok.md" }, "the good plan is unaffected: \(json)")

        // Narrowed to the link, and through `show`, still nothing from outside.
        let narrowed = try CLI.output(["lint", "accounts/leak.md", "--as-of", Fixture.asOf], in: root)
        #expect(!narrowed.stdout.contains(Self.secret) && !narrowed.stderr.contains(Self.secret), "\(narrowed)")
        #expect(narrowed.stdout.contains("[outside-workspace]"), "\(narrowed)")
        for format in ["text", "json"] {
            let show = try CLI.output(["show", "leak", "--format", format], in: root)
            #expect(!show.stdout.contains(Self.secret) && !show.stderr.contains(Self.secret), "show --format \(format): \(show)")
        }
    }

    @Test func linkToAFolderOutsideIsRefused() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Self.layout(temp)
        try temp.symlink("ws/accounts/ext", to: temp.path("outside/dir").path)

        for format in ["text", "json", "sarif", "github"] {
            let result = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", format], in: root)
            #expect(!result.stdout.contains(Self.secret) && !result.stderr.contains(Self.secret), "\(format) leaks: \(result)")
            #expect(result.stdout.contains("outside-workspace"), "\(format): \(result)")
        }
        let json = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "json"], in: root)
        let refused = try JSON.diagnostics(json.stdout).filter { $0.string("rule") == "outside-workspace" }
        #expect(!refused.isEmpty, "\(json)")
        #expect(refused.allSatisfy { ($0.string("path") ?? "").hasPrefix("accounts/ext") }, "\(json)")
        #expect(json.status == 1, "\(json)")
        // Nothing from the linked folder counts as a plan of the workspace.
        let summary = try #require(try JSON.object(json.stdout)["summary"] as? [String: Any])
        #expect(summary.int("files") == 2, "ok.md and tobacco.md only: \(summary)")
    }

    /// A FIFO named like a plan would block a reader forever: it is reported, never opened.
    @Test func aFIFOIsReportedNotRead() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Self.layout(temp)
        #expect(mkfifo(root.appendingPathComponent("accounts/pipe.md").path, 0o644) == 0)
        let result = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "json"], in: root)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("accounts/pipe.md") && result.stdout.contains("not a regular file"), "\(result)")
    }

    @Test func linkInsideTheWorkspaceIsReadNormally() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Self.layout(temp)
        try temp.write(["ws/notes/alias-target.md": Fixture.misspeltStage])
        try temp.symlink("ws/accounts/a.md", to: "../notes/alias-target.md")
        let result = try CLI.output(["lint", "--as-of", Fixture.asOf], in: root)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains(Fixture.misspeltStageLine), "\(result)")
        #expect(!result.stdout.contains("outside-workspace"), "\(result)")

        // A linked folder inside the workspace is read too.
        try temp.write(["ws/shared/east/b.md": Fixture.account(name: "Bravo")])
        try temp.symlink("ws/accounts/east", to: "../shared/east")
        let json = try CLI.output(["lint", "--as-of", Fixture.asOf, "--format", "json"], in: root)
        #expect(!json.stdout.contains("outside-workspace"), "\(json)")
        let summary = try #require(try JSON.object(json.stdout)["summary"] as? [String: Any])
        #expect(summary.int("files") == 4, "a, east/b, ok and tobacco: \(summary)")
    }
}
