import CRenameExchange
import Foundation

/// Replaces a file in one step: the content goes to a temporary file in the same folder, which
/// is renamed over the target, so a reader (or a crash) sees the old file or the new one, never
/// half of one. A link at the target is replaced, not followed.
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write '\(path)': \(reason)" }
    }

    /// - Parameters:
    ///   - mode: the new file's permissions.
    ///   - owner: the new file's owner and group, when they should differ from the process's
    ///     (only root may give a file away; the mode is kept either way).
    ///   - sync: flush the file and, after the rename, its folder to disk (for files a person
    ///     wrote; generated output that can be made again need not wait for the disk).
    ///   - beforeRename: a last check, run once the new content is complete; throwing leaves the
    ///     target as it is.
    ///   - replaced: when given, the target is swapped with the new file in one step (renameat2's
    ///     exchange) and `replaced` is shown what the swap took away: returning false (it is not
    ///     what was read: something was saved between `beforeRename` and the swap) swaps back,
    ///     leaves that content in place and throws ``ChangedMeanwhile``. Where a file system
    ///     cannot exchange, it is a plain rename after `beforeRename`, as without it.
    ///   - written: shown the new file's status (size, time stamp, inode: what it keeps once
    ///     renamed into place) when its content is complete.
    public static func write(_ bytes: some ContiguousBytes, to path: String, mode: mode_t = 0o644,
                             owner: (uid_t, gid_t)? = nil, sync: Bool, beforeRename: () throws -> Void = {},
                             replaced: ((Data?) -> Bool)? = nil, written: ((stat) -> Void)? = nil) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array("\(folder)/.\(name).acctplan-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        var failure = writeAll(bytes, to: descriptor)
        if failure == nil, fchmod(descriptor, mode) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, let (uid, gid) = owner, uid != getuid() || gid != getgid() { _ = fchown(descriptor, uid, gid) }
        if failure == nil, sync, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, let written {
            // What the file will be once renamed into place (the rename keeps inode and time stamp).
            var status = stat()
            if fstat(descriptor, &status) == 0 { written(status) }
        }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw Failure(path: path, reason: failure) }
        try beforeRename()
        var exchanged = false
        if replaced != nil {
            if acctplan_rename_exchange(temporary, path) == 0 {
                exchanged = true
            } else if errno == ENOENT {
                // The file went (a checkout, a move) after the last check: nothing to replace.
                throw ChangedMeanwhile()
            } else if ![EINVAL, ENOSYS, EXDEV, EOPNOTSUPP, ENOTSUP, EPERM].contains(errno) {
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            } // else a file system that cannot exchange: the plain rename below.
        }
        if exchanged, let replaced {
            // `temporary` now names what `path` held a moment ago.
            let old = FileManager.default.contents(atPath: temporary)
            guard replaced(old) else {
                // Put the saved content back; the new file goes (the defer unlinks it).
                guard acctplan_rename_exchange(temporary, path) == 0 else {
                    // Cannot happen short of the folder vanishing. The saved content gets a name
                    // the next run's clean-up of leftovers (``isLeftover(_:)``) never removes.
                    let kept = "\(folder)/\(name).acctplan-kept-\(getpid())"
                    renamed = rename(temporary, kept) == 0
                    throw Failure(path: path, reason: "it changed while being written; what was saved is in \(renamed ? kept : temporary)")
                }
                throw ChangedMeanwhile()
            }
            unlink(temporary)
        } else {
            guard rename(temporary, path) == 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        }
        renamed = true
        if sync {
            let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY)
            if folderDescriptor >= 0 {
                fsync(folderDescriptor) // the rename itself survives a power cut
                close(folderDescriptor)
            }
        }
    }

    /// The target changed between the last check and the swap; it was left as it is now.
    public struct ChangedMeanwhile: Error {}

    /// Writes every byte to `descriptor`; the operating system's reason when it cannot.
    static func writeAll(_ bytes: some ContiguousBytes, to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { buffer -> String? in
            var written = 0
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { return String(cString: strerror(errno)) }
                written += result
            }
            return nil
        }
    }

    /// Whether `name` is a temporary file (`.NAME.acctplan-XXXXXX`) that
    /// ``write(_:to:mode:owner:sync:beforeRename:)`` left behind when it was killed.
    public static func isLeftover(_ name: String) -> Bool {
        guard name.hasPrefix("."), let tag = name.range(of: ".acctplan-", options: .backwards),
              tag.lowerBound > name.index(after: name.startIndex) else { return false }
        return name[tag.upperBound...].count == 6
    }
}
