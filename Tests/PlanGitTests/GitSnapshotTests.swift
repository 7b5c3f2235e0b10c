import Foundation
@testable import PlanGit
import PlanModel
import TestSupport
import Testing

/// A real repository in a temp dir, built with the git command line.
struct Scratch {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("plangit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_AUTHOR_NAME"] = "Li You"
        environment["GIT_AUTHOR_EMAIL"] = "li.you@example.com"
        environment["GIT_COMMITTER_NAME"] = "Li You"
        environment["GIT_COMMITTER_EMAIL"] = "li.you@example.com"
        let result = try Subprocess.run("/usr/bin/git", ["-C", root.path] + arguments, environment: environment,
                                        directory: root.path, timeout: 60)
        guard result.termination == .exited(0) else {
            throw GitError(function: "git \(arguments.joined(separator: " "))", code: result.termination.shellStatus,
                           message: String(decoding: result.stderr, as: UTF8.self))
        }
        return String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

struct GitSnapshotTests {
    @Test func commitSnapshotListsAndReadsTheWorkspaceSubfolder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("plans/acctplan.yml", "currency: CNY\n")
        try scratch.write("plans/accounts/east/a.md", "first version\n")
        try scratch.write("plans/accounts/b.md", "b\n")
        try scratch.write("elsewhere.md", "not in the workspace\n")
        try scratch.git("add", "-A")
        try scratch.git("commit", "-qm", "one")
        try scratch.write("plans/accounts/east/a.md", "second version\n")
        try scratch.git("commit", "-qam", "two")

        let repository = try GitRepository(discovering: scratch.root.appendingPathComponent("plans"))
        let headID = try repository.resolveCommit("HEAD")
        #expect(headID.description == (try scratch.git("rev-parse", "HEAD")))
        #expect(headID.short == String(headID.description.prefix(7)))

        let previous = try GitSnapshotSource.commit(try repository.resolveCommit("HEAD~1"), label: "HEAD~1", prefix: "plans",
                                                    in: repository)
        #expect(try previous.listFiles(under: "accounts").paths == ["accounts/b.md", "accounts/east/a.md"])
        #expect(try previous.read("accounts/east/a.md") == Data("first version\n".utf8))
        #expect(try previous.read("acctplan.yml") == Data("currency: CNY\n".utf8))
        #expect(try previous.read("elsewhere.md") == nil)
        #expect(previous.exists("accounts/east"))
        #expect(!previous.exists("accounts/west"))

        let head = try GitSnapshotSource.commit(headID, label: "HEAD", prefix: "plans", in: repository)
        #expect(try head.read("accounts/east/a.md") == Data("second version\n".utf8))
    }

    @Test func indexSnapshotSeesStagedContentNotTheWorkingTree() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("accounts/a.md", "committed\n")
        try scratch.git("add", "-A")
        try scratch.git("commit", "-qm", "one")
        try scratch.write("accounts/a.md", "staged\n")
        try scratch.git("add", "accounts/a.md")
        try scratch.write("accounts/a.md", "working tree only\n")
        try scratch.write("accounts/new.md", "untracked\n")

        let repository = try GitRepository(discovering: scratch.root)
        let index = try GitSnapshotSource.index(prefix: "", in: repository)
        #expect(try index.read("accounts/a.md") == Data("staged\n".utf8))
        #expect(try index.listFiles(under: "accounts").paths == ["accounts/a.md"])
    }

    @Test func linksInTheTreeAreFollowedOnlyInsideTheWorkspace() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("ws/accounts/real.md", "real\n")
        try scratch.write("secret.txt", "do not show\n")
        try FileManager.default.createSymbolicLink(atPath: scratch.root.appendingPathComponent("ws/accounts/inside.md").path,
                                                   withDestinationPath: "real.md")
        try FileManager.default.createSymbolicLink(atPath: scratch.root.appendingPathComponent("ws/accounts/outside.md").path,
                                                   withDestinationPath: "../../secret.txt")
        try scratch.git("add", "-A")
        try scratch.git("commit", "-qm", "links")

        let repository = try GitRepository(discovering: scratch.root)
        let snapshot = try GitSnapshotSource.commit(try repository.resolveCommit("HEAD"), label: "HEAD", prefix: "ws",
                                                    in: repository)
        let listing = try snapshot.listFiles(under: "accounts")
        #expect(listing.paths == ["accounts/inside.md", "accounts/real.md"])
        #expect(listing.refused.map(\.path) == ["accounts/outside.md"])
        #expect(try snapshot.read("accounts/inside.md") == Data("real\n".utf8))
        #expect(throws: ReadRefused.self) { try snapshot.read("accounts/outside.md") }
    }

    @Test func unknownRevisionIsNotFound() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("a.md", "a\n")
        try scratch.git("add", "-A")
        try scratch.git("commit", "-qm", "one")
        let repository = try GitRepository(discovering: scratch.root)
        let error = #expect(throws: GitError.self) { try repository.resolveCommit("no-such-branch") }
        #expect(error?.isNotFound == true)
        #expect(try repository.head() == .branch("main", try repository.resolveCommit("HEAD")))
    }

    @Test func unbornBranchAndTreeChanges() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let repository = try GitRepository(discovering: scratch.root)
        #expect(try repository.head() == .unborn(branch: "main"))
        try scratch.write("accounts/a.md", "a\n")
        try scratch.write("accounts/b.md", "b\n")
        try scratch.git("add", "-A")
        try scratch.git("commit", "-qm", "one")
        try scratch.write("accounts/a.md", "a2\n")
        try scratch.git("rm", "-q", "accounts/b.md")
        try scratch.write("accounts/c.md", "c\n")
        try scratch.git("add", "-A")
        try scratch.git("commit", "-qm", "two")
        let old = try repository.treeOfCommit(try repository.resolveCommit("HEAD~1"))
        let new = try repository.treeOfCommit(try repository.resolveCommit("HEAD"))
        let letters: [PathChange.Status: String] = [.added: "A", .deleted: "D", .modified: "M", .renamed: "R"]
        let changes = try repository.changedPaths(from: .tree(old), to: .tree(new), prefix: "").map {
            "\(letters[$0.status]!) \($0.newPath ?? $0.oldPath ?? "")"
        }
        #expect(changes == ["M accounts/a.md", "D accounts/b.md", "A accounts/c.md"])
    }
}

struct GitSignatureTests {
    @Test(arguments: [
        ("@1763611200 +0800", 1_763_611_200, 480),
        ("1763611200 -0130", 1_763_611_200, -90),
        ("2026-11-20T04:00:00Z", 1_795_147_200, 0),
        ("2026-11-20T12:00:00+08:00", 1_795_147_200, 480),
        ("2026-11-20 12:00:00 +0800", 1_795_147_200, 480),
    ] as [(String, Int64, Int32)])
    func parsesGitDates(_ text: String, _ seconds: Int64, _ offset: Int32) throws {
        let parsed = try #require(GitSignature.parseDate(text))
        #expect(parsed.0 == seconds)
        #expect(parsed.1 == offset)
    }

    @Test(arguments: ["yesterday", "2026-11-20", "@abc", "1795147200 +8", "2026-11-20T04:00:00+9999", "1795147200 +0075"])
    func rejectsOtherDates(_ text: String) {
        #expect(GitSignature.parseDate(text) == nil)
    }
}

/// The files a rollup's history may take from the working tree instead of their blobs: in the
/// index, unchanged on disk, not a link, not in conflict.
struct UnchangedIndexBlobsTests {
    @Test func onlyFilesGitSeesAsUnchangedAreListed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for name in ["same", "edited", "staged", "touched", "gone"] { try scratch.write("ws/accounts/\(name).md", "\(name)\n") }
        try scratch.write("elsewhere/x.md", "x\n")
        try FileManager.default.createSymbolicLink(atPath: scratch.root.appendingPathComponent("ws/accounts/link.md").path,
                                                   withDestinationPath: "same.md")
        try scratch.git("add", "-A")
        try scratch.git("commit", "-q", "-m", "start")
        try scratch.write("ws/accounts/edited.md", "edited again\n")
        try scratch.write("ws/accounts/staged.md", "staged again\n")
        try scratch.git("add", "ws/accounts/staged.md")
        try scratch.write("ws/accounts/new.md", "untracked\n")
        try FileManager.default.removeItem(at: scratch.root.appendingPathComponent("ws/accounts/gone.md"))
        // Rewritten with the same bytes: its stat changed, its content did not.
        try scratch.write("ws/accounts/touched.md", "touched\n")
        let repository = try GitRepository(discovering: scratch.root)
        let blobs = try repository.unchangedIndexBlobs(under: "ws/accounts")
        #expect(blobs.keys.sorted() == ["ws/accounts/same.md", "ws/accounts/staged.md", "ws/accounts/touched.md"])
        #expect(blobs["ws/accounts/staged.md"]?.description == (try scratch.git("rev-parse", ":ws/accounts/staged.md")))
        #expect(blobs["ws/accounts/same.md"]?.description == (try scratch.git("rev-parse", "HEAD:ws/accounts/same.md")))
    }
}
