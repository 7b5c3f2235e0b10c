import Foundation
import PlanGit
import PlanModel
import PlanQuery
import PlanWorkspace

/// What the shell completes from the workspace and repository it is in (docs/install.md): plan
/// ids, revisions, query entities, views and fields. Never throws and never prints: outside a
/// workspace or a repository there is simply nothing to offer.
public enum CompletionService {
    /// The ids of the plans of the workspace found from the current folder, sorted.
    public static func planIDs() -> [String] {
        Set(planFiles().files.compactMap { PlanVersions.planIdentity($0.path)?.1 }).sorted()
    }

    /// The workspace found from the current folder and its plan files (none outside one).
    private static func planFiles() -> (root: URL?, files: [(path: String, kind: PlanKind)]) {
        guard let root = try? WorkspaceLocation.root(nil),
              let files = try? WorkspaceLoader.listPlans(in: FileSystemSource(root: root)) else { return (nil, []) }
        return (root, files.files)
    }

    /// The plan files of the workspace, relative to the current folder (for `diff` paths).
    public static func planPaths() -> [String] {
        let (root, files) = planFiles()
        guard let root else { return [] }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        return files.compactMap { file in
            let full = root.appendingPathComponent(file.path).standardizedFileURL.path
            return full.hasPrefix(here + "/") ? String(full.dropFirst(here.count + 1)) : nil
        }
    }

    /// Branches, tags and `HEAD` of the repository the current folder is in.
    public static func revisions() -> [String] {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let repository = try? GitRepository(discovering: here) else { return [] }
        return ["HEAD"] + repository.referenceShortNames()
    }

    /// For `acctplan query`: the entities and `@views` for the first word, then `field:` for
    /// each field of the entity (or of the view's entity). `words` are the query's words so far.
    public static func queryWords(_ words: [String]) -> [String] {
        let config = MergeService.workspaceConfig(nil)
        guard let first = words.first else {
            return QueryEntity.allCases.map(\.rawValue) + config.views.map { "@" + $0.name }
        }
        var entityName = first
        if first.hasPrefix("@"), let view = config.views.first(where: { "@" + $0.name == first }),
           let saved = try? SavedQuery(line: view.query) {
            entityName = saved.request.entity
        }
        guard let entity = QueryEntity(name: entityName) else { return [] }
        return entity.fields(config).map { $0.name + ":" } + ["has:", "not:"]
    }
}
