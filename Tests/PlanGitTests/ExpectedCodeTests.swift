import Foundation
@testable import PlanGit
import Testing

/// The libgit2 codes acctplan expects (not found, locked, exists/modified, iteration over) are
/// outcomes, not errors: each path below returns a value or a precise failure of its own.
struct ExpectedCodeTests {
    private let author = GitSignature(name: "Li You", email: "li.you@example.com", time: 1_795_147_200, offsetMinutes: 480)

    private func twoCommits() throws -> (Scratch, GitRepository) {
        let scratch = try Scratch()
        try scratch.write("plans/a.md", "a\n")
        try scratch.git("add", "-A")
        try scratch.git("commit", "-qm", "one")
        try scratch.write("plans/a.md", "a2\n")
        try scratch.git("commit", "-qam", "two")
        return (scratch, try GitRepository(discovering: scratch.root))
    }

    private func failure(_ error: any Error) -> String {
        guard let failure = error as? GitCommitSession.Failure else { return "not a Failure: \(error)" }
        switch failure {
        case .locked: return "locked"
        case .branchLocked(let path): return "branchLocked " + URL(fileURLWithPath: path).lastPathComponent
        case .headMoved: return "headMoved"
        default: return "\(failure)"
        }
    }

    @Test func aMissingPathReadsAsAbsentNotAsAnError() throws {
        let (scratch, repository) = try twoCommits()
        defer { scratch.remove() }
        let tree = try repository.treeOfCommit(try repository.resolveCommit("HEAD"))
        #expect(try repository.content(of: "plans/none.md", at: .tree(tree)) == nil)
        #expect(try repository.content(of: "nowhere/none.md", at: .tree(tree)) == nil)
        #expect(try repository.content(of: "plans/a.md", at: .tree(tree)) == Data("a2\n".utf8))
        #expect(repository.pathExists("plans", inTree: tree))
        #expect(!repository.pathExists("plans/none.md", inTree: tree))
        #expect(try repository.content(of: "plans/none.md", at: .index) == nil)
    }

    @Test func anUnsetConfigurationValueIsNilAndUnsettingItAgainIsFalse() throws {
        let (scratch, repository) = try twoCommits()
        defer { scratch.remove() }
        #expect(repository.configString("acctplan.nothing") == nil)
        try repository.setConfig("acctplan.something", "yes")
        #expect(repository.configString("acctplan.something") == "yes")
        #expect(try repository.unsetConfig("acctplan.something"))
        #expect(try !repository.unsetConfig("acctplan.something"))
        #expect(repository.configString("acctplan.something") == nil)
    }

    @Test func theRevisionWalkEndsAtTheRootCommit() throws {
        let (scratch, repository) = try twoCommits()
        defer { scratch.remove() }
        let history = try repository.history()
        #expect(history.map(\.subject) == ["two", "one"])
        #expect(history.last?.firstParent == nil)
        #expect(try repository.history(hiding: try repository.resolveCommit("HEAD")).isEmpty)
    }

    @Test func aHeldIndexLockStopsTheCommitBeforeAnythingChanges() throws {
        let (scratch, repository) = try twoCommits()
        defer { scratch.remove() }
        try Data().write(to: scratch.root.appendingPathComponent(".git/index.lock"))
        #expect(performing: { _ = try GitCommitSession(repository: repository, allowDetached: false) },
                throws: { failure($0) == "locked" })
        #expect(FileManager.default.fileExists(atPath: scratch.root.appendingPathComponent(".git/index.lock").path))
    }

    @Test func aHeldBranchLockIsReportedWithItsPath() throws {
        let (scratch, repository) = try twoCommits()
        defer { scratch.remove() }
        let before = try repository.resolveCommit("HEAD")
        try scratch.write("plans/a.md", "a3\n")
        let session = try GitCommitSession(repository: repository, allowDetached: false)
        try session.stage(["plans/a.md"])
        let tree = try session.stagedTree()
        try Data().write(to: scratch.root.appendingPathComponent(".git/refs/heads/main.lock"))
        #expect(performing: { _ = try session.commit(tree: tree, message: "three", author: author, committer: author) },
                throws: { failure($0) == "branchLocked main.lock" })
        #expect(try repository.resolveCommit("HEAD") == before)
    }

    @Test func aBranchMovedByAnotherProcessIsHeadMoved() throws {
        let (scratch, repository) = try twoCommits()
        defer { scratch.remove() }
        try scratch.write("plans/a.md", "a3\n")
        let session = try GitCommitSession(repository: repository, allowDetached: false)
        try session.stage(["plans/a.md"])
        let tree = try session.stagedTree()
        try scratch.git("update-ref", "refs/heads/main", "HEAD~1")
        #expect(performing: { _ = try session.commit(tree: tree, message: "three", author: author, committer: author) },
                throws: { failure($0) == "headMoved" })
        #expect(try repository.history().map(\.subject) == ["one"])
    }

    @Test func errorsThatLibgit2DidNotReportHaveTheirOwnTypes() throws {
        let (scratch, repository) = try twoCommits()
        defer { scratch.remove() }
        let tree = try repository.treeOfCommit(try repository.resolveCommit("HEAD"))
        #expect(throws: UnsupportedComparison.self) { try repository.changedPaths(from: .index, to: .tree(tree), prefix: "") }
        let error = #expect(throws: GitSignature.InvalidDate.self) {
            try GitSignature.resolve(.author, repository: repository,
                                     environment: ["GIT_AUTHOR_NAME": "Li You", "GIT_AUTHOR_EMAIL": "li@example.com",
                                                   "GIT_AUTHOR_DATE": "yesterday"])
        }
        #expect(error?.variable == "GIT_AUTHOR_DATE")
        #expect(error?.description.hasPrefix("GIT_AUTHOR_DATE 'yesterday' is not a date git understands") == true)
    }
}
