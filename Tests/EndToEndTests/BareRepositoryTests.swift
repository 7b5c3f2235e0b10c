import Foundation
import Testing

/// Reading commands run in a bare repository without `--rev`: there is no working tree, so the
/// way out is a revision, not `acctplan init`.
struct BareRepositoryTests {
    @Test func lintWithoutRevInABareRepositorySuggestsRev() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        let bare = sandbox.temp.path("plans.git")
        try sandbox.gitOK(["clone", "-q", "--bare", repo.path, bare.path], in: sandbox.temp.url)
        let before = Tree.snapshot(bare)

        for (args, folder) in [(["lint"] + GitFixture.asOf, bare),
                               (["lint", "--format", "json"], bare.appendingPathComponent("refs/heads")),
                               (["show", "acme"], bare), (["rollup"], bare.appendingPathComponent("objects"))] {
            let result = try sandbox.acctplan(args, in: folder)
            #expect(result.status == 2, "\(args): \(result)")
            #expect(result.stdout.isEmpty, "\(args): \(result)")
            #expect(result.stderr.contains("\(bare.path) is a bare git repository"), "\(args): \(result)")
            #expect(result.stderr.contains("--rev HEAD"), "\(args): \(result)")
            #expect(!result.stderr.contains("acctplan init"), "\(args): \(result)")
            #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result)")
        }
        // What the message suggests works.
        let suggested = try sandbox.acctplan(["lint", "--rev", "HEAD"] + GitFixture.asOf, in: bare)
        #expect(suggested.status == 0, "\(suggested)")
        #expect(Tree.changes(before, Tree.snapshot(bare)) == [], "nothing written into the bare repository")
    }

    @Test func outsideAnyWorkspaceOrRepositoryInitIsStillSuggested() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let empty = sandbox.temp.path("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try sandbox.acctplan(["lint"], in: empty)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("run 'acctplan init'"), "\(result)")
        #expect(!result.stderr.contains("bare"), "\(result)")
    }

    @Test func theGitFolderOfAWorkingTreeIsNotTakenForABareRepository() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: GitFixture.plans)
        // Inside .git of a clone with a working tree: the workspace is found above it.
        let result = try sandbox.acctplan(["lint"] + GitFixture.asOf, in: repo.appendingPathComponent(".git"))
        #expect(result.status == 0, "\(result)")
    }
}
