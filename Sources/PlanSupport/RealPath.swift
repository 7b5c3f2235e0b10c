import Foundation

/// Paths with every symbolic link resolved, and the one test that keeps reads and writes from
/// following a link out of a folder (the workspace, the repository).
public enum RealPath {
    /// `realpath(3)`: the path with every link resolved; nil when it does not exist.
    public static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether the resolved path `real` is the resolved folder `root` or lies below it.
    public static func isInside(_ real: String, _ root: String) -> Bool { FolderPath.relative(real, to: root) != nil }
}
