import Foundation
import PlanGit

/// Git history that could not be read. A shallow clone (CI checks out one commit unless told
/// otherwise) lacks the older commits, and libgit2 cannot walk past its boundary: that is said
/// with the way out, for every command that reads history (`rollup`/`report --since`/`--trend`,
/// `log`, `score --since`/`--trend`, `diff REV`), not as libgit2's "object not found".
enum HistoryFailure {
    static func isShallow(_ repository: GitRepository) -> Bool {
        FileManager.default.fileExists(atPath: URL(fileURLWithPath: repository.gitDirectory).appendingPathComponent("shallow").path)
    }

    static let unshallow = "fetch all of it with 'git fetch --unshallow' (in GitHub Actions: actions/checkout with fetch-depth: 0)"

    /// What a git error reading history means in a shallow clone.
    static func shallowClone(_ error: GitError) -> ToolFailure {
        ToolFailure("cannot read the history of this shallow clone (\(error)); " + unshallow)
    }

    /// `body`, its git errors said as a shallow clone's missing history when the clone is shallow.
    static func reading<T>(_ repository: GitRepository, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GitError where isShallow(repository) {
            throw shallowClone(error)
        }
    }
}
