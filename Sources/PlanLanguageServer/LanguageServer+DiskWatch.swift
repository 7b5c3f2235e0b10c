import Foundation
import PlanModel
import PlanParser
import PlanWorkspace

/// For editors that cannot watch files for the server (no dynamic registration of
/// `workspace/didChangeWatchedFiles`: Neovim before 0.9, Vim's clients, ...): the server looks
/// itself whether `acctplan.yml` or git's index changed on disk — `git pull`, `checkout`, `merge`,
/// `reset` and `rebase` all write the index — every two seconds and before it handles a message
/// (at most once a second). Two `stat` calls a look. When `acctplan.yml` changed, the workspace
/// is read again; when only the index did, the plan files and folders are looked at (a `stat`
/// each) and only the plans that changed are read again — `git status` rewrites the index too,
/// and then nothing is read.
extension LanguageServer {
    /// Starts looking, on `initialized`, when the editor cannot be asked to watch files.
    func startDiskWatch() {
        guard let root else { return }
        watchedFiles = [root.appendingPathComponent(ConfigParser.path).path] + (Self.gitIndex(above: root).map { [$0] } ?? [])
        diskSignature = Self.signature(of: watchedFiles)
        lastDiskCheck = Date()
        let (events, poll, willLook) = (self.events, diskPoll, willLookAtPlanFiles)
        let thread = Thread {
            // The first look at every plan file (~10,000 `stat` calls) here, not on the serving thread.
            willLook?()
            events.push([.planTree(PlanTree.scan(root))])
            while poll.wait(seconds: 2) { events.push([.lookAtDisk]) }
        }
        thread.start()
    }

    /// The first look at the plan files came back. When the index or `acctplan.yml` changed
    /// since the watch began, the look may already hold the change (a `git pull` while it ran), so
    /// comparing with it later would never see it: the workspace is read again now.
    func accept(_ tree: PlanTree) {
        defer { tookPlanFiles?() }
        guard planTree == nil else { return }
        planTree = tree
        let now = Self.signature(of: watchedFiles)
        guard now != diskSignature else { return }
        diskSignature = now
        lastDiskCheck = Date()
        scheduleLoad()
    }

    /// Reads the workspace again when what is watched changed since the last look. `activity`:
    /// asked before a message is handled, then at most once per ``diskCheckInterval``.
    func lookAtDisk(activity: Bool) {
        guard started, !watchedFiles.isEmpty else { return }
        if activity {
            guard Date().timeIntervalSince(lastDiskCheck) >= diskCheckInterval else { return }
        }
        lastDiskCheck = Date()
        let now = Self.signature(of: watchedFiles)
        guard now != diskSignature, let root else { return }
        let configChanged = now.first != diskSignature.first
        diskSignature = now
        guard let planTree else {
            // Changed before the first look at the plan files came back: read everything.
            self.planTree = PlanTree.scan(root)
            return scheduleLoad()
        }
        let (tree, changed) = planTree.changes(in: root)
        self.planTree = tree
        // Many plans changed (a checkout of another branch): one full read is cheaper.
        if configChanged || changed.count > 200 {
            scheduleLoad()
        } else {
            reread(changed)
        }
    }

    /// Size, modification time and inode of each file, links followed (empty for one that is missing).
    static func signature(of paths: [String]) -> [[Int]] {
        paths.map { PlanTree.status(atPath: $0, following: true) }
    }

    /// The index file of the git repository holding `folder` (`.git/index`, or the index of the
    /// worktree a `.git` file names); nil outside git.
    public static func gitIndex(above folder: URL) -> String? {
        var directory = folder.standardizedFileURL
        while true {
            let dotGit = directory.appendingPathComponent(".git")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isDirectory) {
                if isDirectory.boolValue { return dotGit.appendingPathComponent("index").path }
                guard let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir: ") else { return nil }
                let named = text.dropFirst("gitdir: ".count).trimmingCharacters(in: .whitespacesAndNewlines)
                // Relative to the folder holding `.git` (a submodule's `../.git/modules/NAME`): the
                // base must say it is a folder, or the path resolves one level too high.
                let base = URL(fileURLWithPath: directory.path, isDirectory: true)
                return URL(fileURLWithPath: named, relativeTo: base).standardizedFileURL.appendingPathComponent("index").path
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }
}

/// The plan files and folders of a workspace (`accounts/`, `industries/`, `segments/`) as last
/// seen: size, modification time and inode of each, by workspace-relative path.
struct PlanTree: Sendable {
    var files: [String: [Int]] = [:]
    var folders: [String: [Int]] = [:]

    /// Every plan file and folder, at most ``FileListing/maxFolderDepth`` deep; links are seen as
    /// links (their own status), never followed.
    static func scan(_ root: URL) -> PlanTree {
        var tree = PlanTree()
        func walk(_ folder: String, depth: Int) {
            tree.folders[folder] = status(root, folder)
            guard depth < FileListing.maxFolderDepth,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path) else { return }
            for name in names {
                let path = folder + "/" + name
                var info = stat()
                guard lstat(root.appendingPathComponent(path).path, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    walk(path, depth: depth + 1)
                } else if WorkspaceLoader.isPlanPath(path) {
                    tree.files[path] = PlanTree.signature(info)
                }
            }
        }
        for kind in PlanKind.allCases { walk(kind.folder, depth: 1) }
        return tree
    }

    /// The tree now, and the plan paths added, removed or changed since `self`. Only when a
    /// folder changed (a file added, removed or renamed in it) is the tree listed again; else
    /// each known file is looked at.
    func changes(in root: URL) -> (PlanTree, [String]) {
        let now: PlanTree
        if folders.contains(where: { PlanTree.status(root, $0.key) != $0.value }) {
            now = PlanTree.scan(root)
        } else {
            var same = self
            for path in files.keys { same.files[path] = PlanTree.status(root, path) }
            same.files = same.files.filter { !$0.value.isEmpty }
            now = same
        }
        let paths = Set(files.keys).union(now.files.keys).filter { files[$0] != now.files[$0] }
        return (now, paths.sorted())
    }

    static func status(_ root: URL, _ path: String) -> [Int] { status(atPath: root.appendingPathComponent(path).path) }

    /// Size, modification time and inode (empty when there is nothing at `path`); a link's own
    /// unless `following`.
    static func status(atPath path: String, following: Bool = false) -> [Int] {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else { return [] }
        return signature(info)
    }

    static func signature(_ info: stat) -> [Int] {
        [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ino)]
    }
}

/// The two-second clock of ``LanguageServer/startDiskWatch()``, stopped when the server ends.
final class DiskPoll: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false

    /// Waits `seconds`; false once ``stop()`` was called (at once, without waiting it out).
    func wait(seconds: TimeInterval) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: seconds)
        while !stopped, condition.wait(until: deadline) {}
        return !stopped
    }

    func stop() {
        condition.withLock { stopped = true }
        condition.broadcast()
    }
}
