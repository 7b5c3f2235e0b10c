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

    /// `init` then `lint` in a new workspace reported overdue actions and stale reviews in plans
    /// nobody had written yet (5 warnings a few days after the template was written, 51 half a
    /// year later): the plans are dated for the day `init` runs.
    @Test(arguments: [("en", "2027-06-01"), ("zh-CN", "2028-02-29")])
    func theExamplePlansAreDatedForTheDayInitRuns(language: String, day: String) throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let created = try sandbox.acctplan(["init", "--lang", language, "ws", "--as-of", day], in: sandbox.temp.url)
        try #require(created.status == 0, "\(created)")
        let ws = sandbox.temp.path("ws")
        let lint = try sandbox.acctplan(["lint", "--as-of", day], in: ws)
        let findings = lint.stdout.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") || $0.contains(": 警告: ") }
        #expect(findings.allSatisfy { $0.hasSuffix("[health-mismatch]") } && findings.count <= 1, "\(lint)")
        #expect(try sandbox.acctplan(["fmt", "--check"], in: ws).status == 0)
        // Written as the template, but for that day: the same plans a lint of the template on the
        // day it is written for reads, and the rest of the files byte for byte.
        let template = CLI.packageRoot().appendingPathComponent(language == "en" ? "workspace-template" : "workspace-template-zh")
        let asWritten = try sandbox.acctplan(["lint", "--format", "json", "--as-of", "2026-12-01"], in: template)
        let now = try sandbox.acctplan(["lint", "--format", "json", "--as-of", day], in: ws)
        #expect(asWritten.stdout.replacingOccurrences(of: "\"as_of\":\"2026-12-01\"", with: "\"as_of\":\"\(day)\"") == now.stdout,
                "the same findings")
        for file in ["README.md", "acctplan.yml", ".gitattributes"] {
            #expect(GitFixture.read(file, in: ws) == GitFixture.read(file, in: template), "\(file)")
        }
        #expect(GitFixture.read("accounts/huaxia-power.md", in: ws) != GitFixture.read("accounts/huaxia-power.md", in: template))
    }

    /// A day the template's dates cannot move to (a year past 9999, or before year 1): refused,
    /// nothing written (a review found year-10000 dates written).
    @Test func aDayTheExamplesCannotBeDatedForIsRefused() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        for day in ["9999-06-01", "0001-01-01"] {
            let run = try sandbox.acctplan(["init", "ws", "--as-of", day], in: sandbox.temp.url)
            #expect(run.status == 2 && run.stderr.contains("is outside 1990-01-01 … 9000-12-31"), "\(run)")
            #expect(!FileManager.default.fileExists(atPath: sandbox.temp.path("ws").path))
        }
    }

    /// Without --as-of: today (the helper gives the tests' `init` the template's own day, so the
    /// binary is started here without it).
    @Test func withoutAsOfThePlansAreDatedForToday() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let run = try CLI.runProgram(try CLI.binary.get(), ["init", "ws"], in: sandbox.temp.url,
                                     env: sandbox.environment())
        try #require(run.status == 0, "\(run)")
        let lint = try sandbox.acctplan(["lint"], in: sandbox.temp.path("ws"))
        let findings = lint.stdout.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") }
        #expect(findings.count == 1 && findings[0].hasSuffix("[health-mismatch]"), "\(lint)")
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
