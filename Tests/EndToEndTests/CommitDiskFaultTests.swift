import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `acctplan commit` on a read-only object database and on a full disk: a clean failure
/// (exit 2, one line), and HEAD, the index and the working tree as they were, no lock left.
@Suite(.serialized)
struct CommitDiskFaultTests {
    /// Runs the commit to the end and checks the clean-failure contract.
    static func expectCleanFailure(_ scenario: inout CommitScenario, _ end: Termination, stderr: String, _ context: String,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws -> CommitScenario.Observation {
        let message = ((try? String(contentsOfFile: stderr, encoding: .utf8)) ?? "").trimmed
        #expect(end == .exited(2), "\(context): \(end) \(message)", sourceLocation: sourceLocation)
        #expect(message.hasPrefix("acctplan: error: ") && message.lines.count == 1, "\(context): one clear line: \(message)",
                sourceLocation: sourceLocation)
        let seen = try scenario.verify(context, sourceLocation: sourceLocation)
        if seen.headMoved {
            #expect(message.contains("git reset"), "\(context): the commit stands, says how to repair the index: \(message)",
                    sourceLocation: sourceLocation)
        } else {
            #expect(!seen.indexPublished && message.contains("nothing was changed"), "\(context): \(message)", sourceLocation: sourceLocation)
        }
        #expect(!seen.indexLockLeft && !seen.branchLockLeft && seen.stagingLeft == 0, "\(context): left behind: \(seen)",
                sourceLocation: sourceLocation)
        return seen
    }

    // MARK: - read-only object database

    /// Root ignores file permissions, so as root the commit runs as `nobody` (setpriv), who owns
    /// the repository except `.git/objects`; as any other user, `.git/objects` is made read-only.
    @Test(.enabled(if: Capability.unprivilegedUser.available, Comment(rawValue: Capability.unprivilegedUser.reason)))
    func aReadOnlyObjectDatabaseFailsCleanly() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        var scenario = try CommitScenario(sandbox)
        let objects = scenario.gitDirectory.appendingPathComponent("objects").path
        let stderr = sandbox.temp.path("commit.stderr").path
        let binary = try CLI.binary.get().path
        let args = scenario.commitArguments("Read-only objects", all: true)
        let end: Termination
        if geteuid() == 0 {
            let (uid, gid) = Capability.nobody
            let chown = try #require(Helper.find("chown"))
            let setpriv = try #require(Helper.find("setpriv"))
            // nobody must reach HOME's .gitconfig and own the repository (git's ownership check).
            chmod(sandbox.temp.url.path, 0o755)
            #expect(Helper.run(chown, ["-R", "\(uid):\(gid)", scenario.repo.path]).0 == .exited(0))
            #expect(Helper.run(chown, ["-R", "0:0", objects]).0 == .exited(0))
            end = try SpawnedProcess(setpriv, ["--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", "--", binary] + args,
                                     in: scenario.repo, environment: sandbox.environment(), stderrPath: stderr).wait()
            // Back to root, whose git refuses a repository owned by someone else.
            #expect(Helper.run(chown, ["-R", "0:0", scenario.repo.path]).0 == .exited(0))
        } else {
            let chmodTool = try #require(Helper.find("chmod"))
            #expect(Helper.run(chmodTool, ["-R", "a-w", objects]).0 == .exited(0))
            end = try SpawnedProcess(binary, args, in: scenario.repo, environment: sandbox.environment(), stderrPath: stderr).wait()
            #expect(Helper.run(chmodTool, ["-R", "u+w", objects]).0 == .exited(0))
        }
        let message = (try? String(contentsOfFile: stderr, encoding: .utf8)) ?? ""
        #expect(message.contains("Permission denied"), "says why: \(message)")
        let seen = try Self.expectCleanFailure(&scenario, end, stderr: stderr, "read-only objects")
        #expect(!seen.headMoved)

        // Writable again: the same commit goes through.
        let committed = try sandbox.acctplan(args, in: scenario.repo)
        #expect(committed.status == 0, "\(committed)")
        #expect(try scenario.verify("after making objects writable").headMoved)
    }

    /// The object folder bind-mounted read-only (EROFS, which root does not bypass).
    @Test(.enabled(if: Capability.mount.available, Comment(rawValue: Capability.mount.reason)))
    func aReadOnlyMountedObjectDatabaseFailsCleanly() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        var scenario = try CommitScenario(sandbox)
        let objects = scenario.gitDirectory.appendingPathComponent("objects").path
        let mount = try #require(Helper.find("mount"))
        let bound = Helper.run(mount, ["--bind", objects, objects])
        try #require(bound.0 == .exited(0), "mount --bind: \(bound.1)")
        defer { Self.unmount(objects) }
        let readOnly = Helper.run(mount, ["-o", "remount,bind,ro", objects])
        try #require(readOnly.0 == .exited(0), "remount read-only: \(readOnly.1)")

        let stderr = sandbox.temp.path("commit.stderr").path
        let end = try SpawnedProcess(try CLI.binary.get().path, scenario.commitArguments("Read-only mount", all: false),
                                     in: scenario.repo, environment: sandbox.environment(), stderrPath: stderr).wait()
        let message = (try? String(contentsOfFile: stderr, encoding: .utf8)) ?? ""
        #expect(message.contains("Read-only file system"), "says why: \(message)")
        #expect(try !Self.expectCleanFailure(&scenario, end, stderr: stderr, "read-only mount").headMoved)
    }

    static func unmount(_ path: String) {
        guard let umount = Helper.find("umount") else { return }
        if Helper.run(umount, [path]).0 != .exited(0) { _ = Helper.run(umount, ["-l", path]) }
    }

    // MARK: - full disk

    /// A repository on a small tmpfs, filled up to leave 0, 1, 2 … free pages, one commit each,
    /// until there is room for the whole commit: space runs out at every successive allocation
    /// (staging index, blobs, trees, commit, new index, ref lock), and each failure is clean.
    @Test(.enabled(if: Capability.mount.available, Comment(rawValue: Capability.mount.reason)))
    func aFullDiskFailsCleanlyAtEveryPage() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let disk = sandbox.temp.path("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try #require(Helper.find("mount"))
        let mounted = Helper.run(mount, ["-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs", disk.path])
        try #require(mounted.0 == .exited(0), "mount tmpfs: \(mounted.1)")
        defer { Self.unmount(disk.path) }
        var scenario = try CommitScenario(sandbox, parent: disk)
        let filler = disk.appendingPathComponent("filler").path
        let stderr = sandbox.temp.path("commit.stderr").path
        let binary = try CLI.binary.get().path

        var failures: [String] = []
        var committedWith: Int?
        for pages in 0..<64 {
            let context = "tmpfs with \(pages) free pages"
            let free = try Self.fill(disk.path, filler: filler, leavingPages: pages)
            #expect(free == pages, "\(context): the filler leaves \(free) pages")
            let end = try SpawnedProcess(binary, scenario.commitArguments("Full disk", all: pages % 2 == 0), in: scenario.repo,
                                         environment: sandbox.environment(), stderrPath: stderr).wait()
            truncate(filler, 0)
            if end == .exited(0) {
                let seen = try scenario.verify(context)
                #expect(seen.headMoved && seen.indexPublished && !seen.indexLockLeft && seen.stagingLeft == 0, "\(context): \(seen)")
                committedWith = pages
                break
            }
            _ = try Self.expectCleanFailure(&scenario, end, stderr: stderr, context)
            let message = ((try? String(contentsOfFile: stderr, encoding: .utf8)) ?? "").trimmed
            #expect(message.contains("No space left on device"), "\(context): says why: \(message)")
            failures.append("\(pages): \(message.replacingOccurrences(of: scenario.repo.path, with: "REPO"))")
            try scenario.reset()
            scenario.removeNewObjects()
        }
        #expect(committedWith != nil, "the commit never fit: \(failures)")
        #expect(failures.count >= 3, "space ran out at several points: \(failures)")
        print("commit on a full tmpfs: failed cleanly with 0…\(failures.count - 1) free pages, committed with \(committedWith ?? -1):\n  "
              + failures.joined(separator: "\n  "))
    }

    /// Fills the file system at `path` with `filler` so that `pages` pages stay free; returns the
    /// free pages measured afterwards.
    static func fill(_ path: String, filler: String, leavingPages pages: Int) throws -> Int {
        truncate(filler, 0)
        var info = statvfs()
        try #require(statvfs(path, &info) == 0)
        let page = Int(info.f_bsize)
        let size = (Int(info.f_bavail) - pages) * page
        let descriptor = open(filler, O_WRONLY | O_CREAT, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        if size > 0 {
            let rc = posix_fallocate(descriptor, 0, off_t(size))
            try #require(rc == 0, "fallocate \(size) bytes: \(String(cString: strerror(rc)))")
        }
        try #require(statvfs(path, &info) == 0)
        return Int(info.f_bavail)
    }
}
