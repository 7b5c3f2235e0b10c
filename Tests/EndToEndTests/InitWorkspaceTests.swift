import Foundation
import Testing

/// The workspace `acctplan init` creates, used the way the docs say.
struct InitWorkspaceTests {
    @Test func theDashboardWrittenAsDocumentedIsNotPickedUpByGit() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let created = try sandbox.acctplan(["init", "ws"], in: sandbox.temp.url)
        try #require(created.status == 0, "\(created)")
        let ws = sandbox.temp.path("ws")

        let report = try sandbox.acctplan(["report", "--output", "report"], in: ws)
        #expect(report.status == 0, "\(report)")
        #expect(FileManager.default.fileExists(atPath: ws.appendingPathComponent("report/index.html").path), "\(report)")
        #expect(try sandbox.status(ws) == [], "report/ is ignored (the template's .gitignore)")
        // A plan under accounts/ is still seen, ignored folders are only the report.
        try GitFixture.write(Fixture.account(), to: "accounts/acme.md", in: ws)
        #expect(try sandbox.status(ws) == ["?? accounts/acme.md"])
    }

    @Test func anExistingRepositorysOwnGitignoreIsKeptNotRefused() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = sandbox.temp.path("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try sandbox.gitOK(["init", "-q"], in: repo)
        try GitFixture.write("*.log\n", to: ".gitignore", in: repo)
        let created = try sandbox.acctplan(["init", "."], in: repo)
        #expect(created.status == 0, "\(created)")
        #expect(created.stderr.contains("kept the existing .gitignore; add the line '/report/'"), "\(created)")
        #expect(GitFixture.read(".gitignore", in: repo) == "*.log\n", "the user's file is untouched")
        #expect(try sandbox.status(repo) == ["?? .gitignore"], "the commit holds the template, not the user's file")
        #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent("acctplan.yml").path))
    }
}
