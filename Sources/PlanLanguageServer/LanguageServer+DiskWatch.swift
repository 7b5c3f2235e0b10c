import Foundation
import PlanParser

/// For editors that cannot watch files for the server (no dynamic registration of
/// `workspace/didChangeWatchedFiles`: Neovim before 0.9, Vim's clients, ...): the server looks
/// itself whether `acctplan.yml` or git's index changed on disk — `git pull`, `checkout`, `merge`,
/// `reset` and `rebase` all write the index — every two seconds and before it handles a message
/// (at most once a second), and then reads the workspace again. Two `stat` calls a look.
extension LanguageServer {
    /// Starts looking, on `initialized`, when the editor cannot be asked to watch files.
    func startDiskWatch() {
        guard let root else { return }
        watchedFiles = [root.appendingPathComponent(ConfigParser.path).path] + (Self.gitIndex(above: root).map { [$0] } ?? [])
        diskSignature = Self.signature(of: watchedFiles)
        lastDiskCheck = Date()
        let (events, poll) = (self.events, diskPoll)
        let thread = Thread {
            while poll.wait(seconds: 2) { events.push([.lookAtDisk]) }
        }
        thread.start()
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
        guard now != diskSignature else { return }
        diskSignature = now
        scheduleLoad()
    }

    /// Size, modification time and inode of each file (-1 for one that is missing).
    static func signature(of paths: [String]) -> [Int] {
        paths.flatMap { path -> [Int] in
            var status = stat()
            guard stat(path, &status) == 0 else { return [-1] }
            return [Int(status.st_size), Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec), Int(status.st_ino)]
        }
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
