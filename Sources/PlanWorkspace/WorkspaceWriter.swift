import Foundation
import PlanModel
import PlanSupport

/// Writes new files into a workspace on disk, never outside it and never over an existing file.
public enum WorkspaceWriter {
    /// Creates `relativePath` under `root` with `text`. Refuses a path that leaves the workspace
    /// (`..`, an absolute path, or a folder that is a link to elsewhere) and an existing file; the
    /// file is created with O_EXCL, so a concurrent writer cannot be overwritten either.
    public static func create(_ relativePath: String, in root: URL, text: String) throws {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.hasPrefix("/"), !components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw WorkspaceError.outsideWorkspace(relativePath)
        }
        guard let realRoot = RealPath.resolve(root.path) else {
            throw WorkspaceError.unreadable(".", "the workspace folder cannot be resolved")
        }
        // Walk the folders one at a time: an existing one must resolve inside the workspace
        // (a link to elsewhere is refused before anything is created through it); a missing
        // one is created, never through a link.
        var realFolder = realRoot
        for component in components.dropLast() {
            let next = realFolder + "/" + component
            if let resolved = RealPath.resolve(next) {
                guard RealPath.isInside(resolved, realRoot) else { throw WorkspaceError.outsideWorkspace(relativePath) }
                realFolder = resolved
            } else {
                guard mkdir(next, 0o755) == 0 else {
                    throw WorkspaceError.unwritable(relativePath, String(cString: strerror(errno)))
                }
                realFolder = next
            }
        }
        guard let name = components.last, !name.isEmpty else { throw WorkspaceError.outsideWorkspace(relativePath) }
        let path = realFolder + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw WorkspaceError.alreadyExists(relativePath) }
            throw WorkspaceError.unwritable(relativePath, String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        if let reason = AtomicFile.writeAll(Array(text.utf8), to: descriptor) {
            unlink(path)
            throw WorkspaceError.unwritable(relativePath, reason)
        }
    }
}
