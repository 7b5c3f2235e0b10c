import Foundation
import PlanGit
import PlanModel
import PlanWorkspace

/// The working tree of a sparse checkout, for the commands that read plans: the files on disk,
/// and the plans outside the checkout as the index holds them (git's own view of them: the
/// skip-worktree bit says "as in the index"). Without it a sparse clone's rollup counted only the
/// accounts on disk. The commands that write (fmt, new) and the language server read the disk alone.
struct SparseCheckoutSource: PlanSource {
    let disk: FileSystemSource
    let index: GitSnapshotSource
    /// Workspace-relative paths outside the checkout, read from `index`.
    let outside: Set<String>

    /// The source for the working tree at `root`, or nil when it is not in a sparse checkout (or
    /// none of the workspace's files is outside it).
    /// Throws when the index (one that can mark files outside a checkout) cannot be read: a
    /// *sparse index* (`index.sparse`, `git sparse-checkout init --sparse-index`), which libgit2
    /// cannot read — counting only the plans on disk would be a wrong answer given quietly.
    static func make(root: URL) throws -> SparseCheckoutSource? {
        guard let repository = try? GitRepository(discovering: root), let top = repository.workingDirectory,
              let prefix = try? GitPaths.relative(root, to: top) else { return nil }
        let found: Set<String>?
        do {
            found = try repository.filesOutsideSparseCheckout(under: prefix)
        } catch let error where "\(error)".contains("sdir") {
            // libgit2 1.5: "unsupported mandatory extension: 'sdir'". Other failures to read the
            // index are git's business: the plans on disk are read, as outside a sparse checkout.
            throw ToolFailure("cannot read git's index to find the plans outside this sparse checkout (\(error)); a sparse "
                + "index cannot be read by acctplan: turn it off with 'git sparse-checkout init --no-sparse-index' (or read "
                + "the plans with --rev HEAD)")
        } catch {
            return nil
        }
        guard let outside = found, let index = try? GitSnapshotSource.index(prefix: prefix, in: repository) else { return nil }
        let lead = prefix.isEmpty ? 0 : prefix.count + 1
        return SparseCheckoutSource(disk: FileSystemSource(root: root), index: index,
                                    outside: Set(outside.map { String($0.dropFirst(lead)) }.filter { index.exists($0) }))
    }

    var label: String { disk.label }

    func listFiles(under folder: String) throws -> FileListing {
        var listing = try disk.listFiles(under: folder)
        let lead = folder.isEmpty ? "" : folder + "/"
        let added = outside.filter { $0.hasPrefix(lead) }
        guard !added.isEmpty else { return listing }
        listing.paths = Array(Set(listing.paths).union(added)).sorted()
        return listing
    }

    func read(_ path: String) throws -> Data? {
        outside.contains(path) ? try index.read(path) : try disk.read(path)
    }

    func contentKey(_ path: String) -> String? {
        outside.contains(path) ? index.contentKey(path) : disk.contentKey(path)
    }

    func byteCount(_ path: String) -> Int? {
        outside.contains(path) ? index.byteCount(path) : disk.byteCount(path)
    }

    func read(_ path: String, unlessOver limit: Int) throws -> BoundedRead? {
        outside.contains(path) ? try index.read(path, unlessOver: limit) : try disk.read(path, unlessOver: limit)
    }
}
