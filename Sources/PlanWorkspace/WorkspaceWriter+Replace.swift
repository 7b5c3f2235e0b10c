import Foundation
import PlanModel

extension WorkspaceWriter {
    /// Replaces the content of an existing file under `root` with `data`, atomically: the new
    /// content goes to a temporary file in the same folder (same mode and, where permitted, owner
    /// as the original), is flushed to disk, and is renamed over the file, so a reader sees the
    /// old or the new file, never a mix, and a crash leaves at most a stray temporary file.
    ///
    /// A link is followed only when it resolves inside the workspace (the file it names is
    /// replaced; the link stays). Just before the rename the file is read again and compared
    /// with `expected`: an edit saved meanwhile (by an editor) is never overwritten.
    public static func replace(_ relativePath: String, in root: URL, with data: Data, expected: Data) throws {
        guard let realRoot = FileSystemSource.realPath(root.path) else {
            throw WorkspaceError.unreadable(".", "the workspace folder cannot be resolved")
        }
        guard let real = FileSystemSource.realPath(root.path + "/" + relativePath) else {
            throw WorkspaceError.unreadable(relativePath, "it no longer exists")
        }
        guard real.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") else { throw WorkspaceError.outsideWorkspace(relativePath) }
        var status = stat()
        guard stat(real, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw WorkspaceError.unwritable(relativePath, "it is not a regular file")
        }
        let folder = (real as NSString).deletingLastPathComponent
        let name = (real as NSString).lastPathComponent
        var template = Array((folder + "/." + name + ".acctplan-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw WorkspaceError.unwritable(relativePath, String(cString: strerror(errno))) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            defer { close(descriptor) }
            try writeAll(data, to: descriptor, relativePath)
            fchmod(descriptor, status.st_mode & 0o7777)
            if status.st_uid != getuid() || status.st_gid != getgid() {
                _ = fchown(descriptor, status.st_uid, status.st_gid) // only root may; the mode is kept either way
            }
            guard fsync(descriptor) == 0 else { throw WorkspaceError.unwritable(relativePath, String(cString: strerror(errno))) }
        }
        guard FileManager.default.contents(atPath: real) == expected else { throw WorkspaceError.changedMeanwhile(relativePath) }
        guard rename(temporary, real) == 0 else { throw WorkspaceError.unwritable(relativePath, String(cString: strerror(errno))) }
        renamed = true
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor) // the rename itself survives a power cut
            close(folderDescriptor)
        }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, _ relativePath: String) throws {
        try data.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { throw WorkspaceError.unwritable(relativePath, String(cString: strerror(errno))) }
                written += result
            }
        }
    }
}
