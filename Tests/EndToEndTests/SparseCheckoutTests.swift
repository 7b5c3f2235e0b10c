import Foundation
import Testing

/// A sparse checkout leaves files out of the working tree; git takes the index's version of them
/// (the skip-worktree bit). A newcomer trial found `acctplan commit -a` committing their deletion.
@Suite struct SparseCheckoutTests {
    static let plans = ["accounts/acme.md": GitFixture.acme, "accounts/east/bolt.md": GitFixture.bolt]

    /// A repository with the two plans, checked out without `accounts/east/`.
    static func sparseRepository(_ sandbox: GitSandbox) throws -> URL {
        let repo = try sandbox.repository(accounts: plans)
        try sandbox.gitOK(["sparse-checkout", "set", "--no-cone", "/*", "!/accounts/east/"], in: repo)
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent("accounts/east/bolt.md").path))
        return repo
    }

    @Test func commitAllLeavesFilesOutsideTheCheckoutAsTheyAre() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try Self.sparseRepository(sandbox)
        try GitFixture.write(GitFixture.acme("Edited."), to: "accounts/acme.md", in: repo)

        let diff = try sandbox.acctplan(["diff"], in: repo)
        #expect(diff.status == 0 && diff.stdout.contains("accounts/acme.md") && !diff.stdout.contains("bolt"), "\(diff)")

        let committed = try sandbox.acctplan(["commit", "-a", "-m", "Edit acme"] + GitFixture.asOf, in: repo)
        #expect(committed.status == 0, "\(committed)")
        #expect(try sandbox.gitOK(["show", "--name-status", "--format=", "HEAD"], in: repo) == "M\taccounts/acme.md")
        #expect(try sandbox.gitOK(["ls-tree", "-r", "--name-only", "HEAD"], in: repo).contains("accounts/east/bolt.md"))
        #expect(try sandbox.status(repo) == [], "git sees nothing left to commit")
    }

    @Test func aNamedFileOutsideTheCheckoutIsRefused() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try Self.sparseRepository(sandbox)
        try GitFixture.write(GitFixture.acme("Edited."), to: "accounts/acme.md", in: repo)
        let before = try GitCommitRefusalTests.State(sandbox, repo)
        let refused = try sandbox.acctplan(["commit", "-m", "Both", "accounts/acme.md", "accounts/east/bolt.md"] + GitFixture.asOf,
                                           in: repo)
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("'accounts/east/bolt.md' has git's skip-worktree bit (it is outside the sparse checkout")
                && refused.stderr.contains("git sparse-checkout add accounts/east/")
                && refused.stderr.contains("git update-index --no-skip-worktree accounts/east/bolt.md"), "\(refused)")
        try GitCommitRefusalTests.expectUnchanged(sandbox, repo, since: before)
    }
}

extension SparseCheckoutTests {
    @Test func readersCountThePlansOutsideTheCheckoutAsTheIndexHasThem() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try Self.sparseRepository(sandbox)
        let rollup = try sandbox.acctplan(["rollup", "--format", "json"] + GitFixture.asOf, in: repo)
        #expect(rollup.status == 0 && rollup.stdout.contains("\"total\":{\"accounts\":2"), "both accounts counted: \(rollup)")
        let show = try sandbox.acctplan(["show", "bolt"], in: repo)
        #expect(show.status == 0 && show.stdout.contains("Bolt"), "\(show)")
        let lint = try sandbox.acctplan(["lint"] + GitFixture.asOf, in: repo)
        #expect(lint.status == 0 && lint.stdout.contains("3 files checked"), "\(lint)")
        // fmt writes files: it reads the disk alone and never makes a file outside the checkout.
        let fmt = try sandbox.acctplan(["fmt"], in: repo)
        #expect(fmt.status == 0, "\(fmt)")
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent("accounts/east/bolt.md").path))
    }
}

extension SparseCheckoutTests {
    /// `new` saw only the plans on disk: it wrote a template where a plan outside the checkout
    /// is, and `commit -a` (once git's status had cleared the bit of the file now on disk)
    /// committed the template over the plan (a newcomer trial).
    @Test func newRefusesTheIDOfAPlanOutsideTheCheckout() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try Self.sparseRepository(sandbox)
        let refused = try sandbox.acctplan(["new", "account", "bolt", "--folder", "east", "--industry", "tobacco", "--manager", "li-you"],
                                           in: repo)
        #expect(refused.status == 2 && refused.stderr.contains("an account plan 'bolt' already exists"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent("accounts/east/bolt.md").path))
    }
}

extension SparseCheckoutTests {
    /// A sparse index (`--sparse-index`) cannot be read by libgit2: the readers counted only the
    /// plans on disk, quietly (an independent review). They now stop and say how to go on.
    @Test func aSparseIndexIsSaidNotCountedAround() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: Self.plans)
        try sandbox.gitOK(["sparse-checkout", "init", "--cone", "--sparse-index"], in: repo)
        try sandbox.gitOK(["sparse-checkout", "set", "industries"], in: repo)
        let rollup = try sandbox.acctplan(["rollup"] + GitFixture.asOf, in: repo)
        #expect(rollup.status == 2 && rollup.stderr.contains("a sparse index cannot be read by acctplan")
                && rollup.stderr.contains("git sparse-checkout init --no-sparse-index"), "\(rollup)")
    }
}
