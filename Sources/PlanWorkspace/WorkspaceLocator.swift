import Foundation
import PlanModel

/// Finds the workspace root: the nearest folder at or above the start that holds `acctplan.yml`.
public enum WorkspaceLocator {
    public static func findRoot(from start: URL) throws -> URL {
        var directory = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("acctplan.yml").path) {
                return directory
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { throw WorkspaceError.notFound(searchedFrom: start.path) }
            directory = parent
        }
    }

    /// An explicit `--workspace DIR`: it must be a directory; `acctplan.yml` is optional there.
    public static func explicitRoot(_ path: String, relativeTo base: URL) throws -> URL {
        let url = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkspaceError.notADirectory(path)
        }
        return url
    }
}
