import Foundation
import Testing

/// The starting point of every commit fault test: a repository made by `acctplan init` (the
/// template workspace, one commit), with plans edited in the working tree but not committed;
/// and the invariants every interrupted or failed `acctplan commit` must leave:
///
/// - `git fsck --full --strict` is clean (dangling objects allowed);
/// - HEAD is the old commit, or a new one whose parent is the old commit and whose tree holds
///   exactly the author's edits;
/// - `.git/index` is the old index byte for byte, or (only once HEAD moved) lists exactly the new tree;
/// - the working tree is byte-identical to what the author left;
/// - at most one private staging index of a dead session is left (the next session removes it).
struct CommitScenario {
    let sandbox: GitSandbox
    let repo: URL
    let oldHead: String
    /// `.git/index` and `.git/HEAD` before any commit attempt.
    let oldIndex: Data
    let oldHeadFile: Data
    /// The edited plans (repository-relative paths) and their bytes as the author wrote them.
    let edits: [String: Data]
    /// The working tree (without .git) after the edits.
    let workingTree: [String: Data]
    /// Trees already verified to hold exactly the edits on top of the old commit.
    private var verifiedTrees: [String: [String]] = [:]

    static let asOf = ["--as-of", Fixture.asOf]

    /// A workspace from `acctplan init` in `sandbox`/`name` (or inside `parent` when given).
    init(_ sandbox: GitSandbox, name: String = "repo", parent: URL? = nil) throws {
        self.sandbox = sandbox
        let folder = parent ?? sandbox.temp.url
        let created = try sandbox.acctplan(["init", name], in: folder)
        try #require(created.status == 0, "acctplan init: \(created)")
        repo = folder.appendingPathComponent(name)
        oldHead = try sandbox.head(repo)
        let edits: [String: String] = [
            "accounts/huaxia-power.md": "\nThe domestic-cloud decision moved to the group board (fault test).\n",
            "accounts/east/shanghai-tobacco.md": "\nNew CFO since November; the consolidation sponsor stays (fault test).\n",
        ]
        var bytes: [String: Data] = [:]
        for (path, appended) in edits {
            let file = repo.appendingPathComponent(path)
            var data = try Data(contentsOf: file)
            data.append(Data(appended.utf8))
            try data.write(to: file)
            bytes[path] = data
        }
        self.edits = bytes
        _ = try sandbox.status(repo)  // let git refresh the index's stat data once, before the baseline
        oldIndex = try Data(contentsOf: repo.appendingPathComponent(".git/index"))
        oldHeadFile = try Data(contentsOf: repo.appendingPathComponent(".git/HEAD"))
        workingTree = Tree.snapshot(repo, excluding: [".git"])
        baselineObjects = Self.objectFiles(in: repo.appendingPathComponent(".git/objects"))
        var reflogs: [String: Data] = [:]
        for log in Self.reflogs { reflogs[log] = try Data(contentsOf: repo.appendingPathComponent(".git/" + log)) }
        baselineReflogs = reflogs
    }

    static let reflogs = ["logs/HEAD", "logs/refs/heads/main"]
    let baselineReflogs: [String: Data]

    /// The object database's files before any commit attempt.
    let baselineObjects: Set<String>

    static func objectFiles(in objects: URL) -> Set<String> {
        Set(FileManager.default.enumerator(atPath: objects.path)?.compactMap { $0 as? String } ?? [])
    }

    /// Removes the objects written by earlier attempts (all unreachable once reset) and rewinds
    /// the reflogs that name them, so that the next attempt has to write every object again.
    func removeNewObjects() {
        for (log, bytes) in baselineReflogs { try? bytes.write(to: gitDirectory.appendingPathComponent(log)) }
        let objects = gitDirectory.appendingPathComponent("objects")
        for path in Self.objectFiles(in: objects).subtracting(baselineObjects).sorted().reversed() {
            try? FileManager.default.removeItem(at: objects.appendingPathComponent(path))
        }
    }

    var gitDirectory: URL { repo.appendingPathComponent(".git") }
    var indexLock: URL { gitDirectory.appendingPathComponent("index.lock") }
    var branchLock: URL { gitDirectory.appendingPathComponent("refs/heads/main.lock") }

    /// The commit arguments: every tracked change (`-a`) or the edited paths named.
    func commitArguments(_ message: String, all: Bool) -> [String] {
        ["commit", "-m", message] + (all ? ["-a"] : edits.keys.sorted()) + Self.asOf
    }

    /// What a fault left behind, once the invariants hold.
    struct Observation {
        var headMoved = false
        var indexPublished = false
        var indexLockLeft = false
        var branchLockLeft = false
        var stagingLeft = 0
        var temporaryObjects = 0
    }

    /// Checks every invariant; `context` (seed, run, delay …) goes into each failure message.
    mutating func verify(_ context: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Observation {
        var seen = Observation()
        let fsck = try sandbox.git(["fsck", "--full", "--strict", "--no-dangling"], in: repo)
        #expect(fsck.status == 0 && !fsck.stderr.contains("error"), "\(context): git fsck: \(fsck)", sourceLocation: sourceLocation)

        #expect((try? Data(contentsOf: gitDirectory.appendingPathComponent("HEAD"))) == oldHeadFile,
                "\(context): .git/HEAD changed", sourceLocation: sourceLocation)
        let head = try sandbox.gitOK(["rev-parse", "HEAD"], in: repo)
        var newEntries: [String]?
        if head != oldHead {
            seen.headMoved = true
            let parents = try sandbox.gitOK(["rev-list", "--parents", "-n", "1", "HEAD"], in: repo)
            #expect(parents == "\(head) \(oldHead)", "\(context): the new commit's parent is the old HEAD: \(parents)",
                    sourceLocation: sourceLocation)
            newEntries = try verifiedEntries(of: head, context, sourceLocation: sourceLocation)
        }

        let index = try? Data(contentsOf: gitDirectory.appendingPathComponent("index"))
        if index != oldIndex {
            seen.indexPublished = true
            let listed = try sandbox.git(["ls-files", "-s"], in: repo)
            #expect(listed.status == 0, "\(context): the index is readable: \(listed)", sourceLocation: sourceLocation)
            let entries = listed.stdout.lines.filter { !$0.isEmpty }.map(Self.indexEntry)
            #expect(newEntries != nil, "\(context): the index changed but HEAD did not move", sourceLocation: sourceLocation)
            #expect(newEntries == nil || entries == newEntries,
                    "\(context): the index is neither the old one nor the new commit's tree", sourceLocation: sourceLocation)
        }

        let tree = Tree.snapshot(repo, excluding: [".git"])
        #expect(Tree.changes(workingTree, tree) == [], "\(context): the working tree changed", sourceLocation: sourceLocation)
        for (path, bytes) in edits {
            #expect(tree[path] == bytes, "\(context): the edit of \(path) is intact", sourceLocation: sourceLocation)
        }

        let fileManager = FileManager.default
        seen.indexLockLeft = fileManager.fileExists(atPath: indexLock.path)
        seen.branchLockLeft = fileManager.fileExists(atPath: branchLock.path)
        let gitEntries = (try? fileManager.contentsOfDirectory(atPath: gitDirectory.path)) ?? []
        seen.stagingLeft = gitEntries.filter { $0.hasPrefix("acctplan-index-") && !$0.hasSuffix(".lock") }.count
        #expect(seen.stagingLeft <= 1, "\(context): staging indexes pile up: \(gitEntries.sorted())", sourceLocation: sourceLocation)
        let objects = (try? fileManager.contentsOfDirectory(atPath: gitDirectory.appendingPathComponent("objects").path)) ?? []
        seen.temporaryObjects = objects.filter { $0.hasPrefix("tmp_") }.count
        return seen
    }

    /// `mode oid stage\tpath` (ls-files -s) and `mode type oid\tpath` (ls-tree -r) as `mode oid path`.
    static func indexEntry(_ line: String) -> String {
        let parts = line.split(separator: "\t", maxSplits: 1)
        let fields = parts.first.map { $0.split(separator: " ") } ?? []
        guard fields.count == 3, parts.count == 2 else { return line }
        return "\(fields[0]) \(fields[1]) \(parts[1])"
    }

    static func treeEntry(_ line: String) -> String {
        let parts = line.split(separator: "\t", maxSplits: 1)
        let fields = parts.first.map { $0.split(separator: " ") } ?? []
        guard fields.count == 3, parts.count == 2 else { return line }
        return "\(fields[0]) \(fields[2]) \(parts[1])"
    }

    /// The new commit's tree: exactly the edits on top of the old commit (checked once per tree).
    private mutating func verifiedEntries(of commit: String, _ context: String, sourceLocation: SourceLocation) throws -> [String] {
        let tree = try sandbox.gitOK(["rev-parse", "\(commit)^{tree}"], in: repo)
        if let entries = verifiedTrees[tree] { return entries }
        let changed = try sandbox.gitOK(["diff", "--name-only", oldHead, commit], in: repo).lines
        #expect(changed == edits.keys.sorted(), "\(context): the new commit changes exactly the edited plans: \(changed)",
                sourceLocation: sourceLocation)
        for (path, bytes) in edits {
            let blob = try sandbox.gitOK(["rev-parse", "\(commit):\(path)"], in: repo)
            let content = try sandbox.git(["cat-file", "blob", blob], in: repo).stdout
            #expect(Data(content.utf8) == bytes, "\(context): the new commit records the edit of \(path)", sourceLocation: sourceLocation)
        }
        let entries = try sandbox.gitOK(["ls-tree", "-r", "--full-tree", commit], in: repo).lines.map(Self.treeEntry)
        verifiedTrees[tree] = entries
        return entries
    }

    /// Back to the starting point: the old HEAD and index, no lock files. Leftover staging
    /// indexes stay, for the next session to clean up.
    func reset() throws {
        unlink(indexLock.path)
        unlink(branchLock.path)
        if try sandbox.head(repo) != oldHead { try sandbox.gitOK(["update-ref", "refs/heads/main", oldHead], in: repo) }
        let indexFile = gitDirectory.appendingPathComponent("index")
        if (try? Data(contentsOf: indexFile)) != oldIndex { try oldIndex.write(to: indexFile) }
    }
}

/// Where a killed or failed `acctplan commit` stopped, judged from what it left behind.
enum CommitStop: String, CaseIterable {
    case finished = "ran to completion (exit 0)"
    case beforeLock = "killed before taking index.lock (HEAD old, nothing left)"
    case holdingLock = "killed holding index.lock, before the branch moved (HEAD old)"
    case holdingBranchLock = "killed holding the branch's ref lock (HEAD old)"
    case afterRefBeforeIndex = "killed after the branch moved, before the index was published"
    case afterIndexBeforeUnlock = "killed after the index was published, before index.lock was removed"
    case afterEverything = "killed after the commit completed, before the process exited"
    case failedCleanly = "failed cleanly (exit 2, HEAD old, nothing left)"
    case committedIndexNotUpdated = "failed after the branch moved: index not updated (exit 2, lock released)"
    case committedOutputLost = "committed, then failed to print the result (exit 2)"

    init(_ end: Termination, _ seen: CommitScenario.Observation) {
        switch (end, seen.headMoved, seen.indexPublished) {
        case (.exited(0), _, _): self = .finished
        case (.exited, true, false): self = .committedIndexNotUpdated
        case (.exited, true, true): self = .committedOutputLost
        case (.exited, _, _): self = .failedCleanly
        case (_, false, _): self = seen.branchLockLeft ? .holdingBranchLock : seen.indexLockLeft ? .holdingLock : .beforeLock
        case (_, true, false): self = .afterRefBeforeIndex
        case (_, true, true): self = seen.indexLockLeft ? .afterIndexBeforeUnlock : .afterEverything
        }
    }

    static func summary(_ tally: [CommitStop: Int]) -> String {
        allCases.compactMap { stop in tally[stop].map { "\($0) \(stop.rawValue)" } }.joined(separator: "; ")
    }
}
