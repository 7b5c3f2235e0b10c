import Foundation
import PlanModel

/// Finds the workspace root: the nearest folder at or above the start that holds `acctplan.yml`.
public enum WorkspaceLocator {
    /// When there is none and the search passed through a bare git repository, says so: there
    /// the way to read plans is a revision (`--rev`), not a new workspace.
    public static func findRoot(from start: URL) throws -> URL {
        var directory = start.standardizedFileURL
        var bareRepository: String?
        while true {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("acctplan.yml").path) {
                return directory
            }
            if bareRepository == nil, isBareRepository(directory) { bareRepository = directory.path }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path {
                throw bareRepository.map(WorkspaceError.bareRepository) ?? WorkspaceError.notFound(searchedFrom: start.path)
            }
            directory = parent
        }
    }

    /// A folder git opens as a bare repository: `HEAD`, `objects/`, `refs/` and `bare = true` in
    /// its `config` (the `.git` folder of a working tree has all but the last). Read from the
    /// files, since this module does not open repositories.
    static func isBareRepository(_ directory: URL) -> Bool {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        for folder in ["objects", "refs"] {
            guard fileManager.fileExists(atPath: directory.appendingPathComponent(folder).path, isDirectory: &isDirectory),
                  isDirectory.boolValue else { return false }
        }
        guard fileManager.fileExists(atPath: directory.appendingPathComponent("HEAD").path),
              let config = try? String(contentsOf: directory.appendingPathComponent("config"), encoding: .utf8) else {
            return false
        }
        return config.split(whereSeparator: \.isNewline).contains { line in
            line.filter { !$0.isWhitespace }.lowercased() == "bare=true"
        }
    }

    /// An explicit `--workspace DIR`: a directory holding `acctplan.yml`, which marks a
    /// workspace's root. A folder without it was read as an empty workspace, so a misspelt or
    /// wrong `--workspace` in CI checked no plan and passed ("0 files checked, no problems").
    public static func explicitRoot(_ path: String, relativeTo base: URL) throws -> URL {
        let url = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkspaceError.notADirectory(path)
        }
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("acctplan.yml").path) else {
            throw WorkspaceError.notAWorkspace(path)
        }
        return url
    }
}
