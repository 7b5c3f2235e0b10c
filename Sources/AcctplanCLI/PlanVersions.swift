import Foundation
import PlanEngine
import PlanGit
import PlanModel
import PlanParser
import PlanWorkspace

/// Reads the two versions of changed plans from git endpoints and diffs them semantically.
/// Parsed versions are cached by blob id, so a plan seen in many commits is parsed once.
final class PlanVersions {
    let repository: GitRepository
    /// The workspace's folder in the repository ("" at the root).
    let prefix: String
    private var parsed: [String: Plan] = [:]
    private var configs: [String: WorkspaceConfig] = [:]

    init(repository: GitRepository, prefix: String) {
        self.repository = repository
        self.prefix = prefix
    }

    /// Workspace-relative path of a repository path, or nil when outside the workspace.
    func workspacePath(_ repositoryPath: String) -> String? {
        if prefix.isEmpty { return repositoryPath }
        guard repositoryPath.hasPrefix(prefix + "/") else { return nil }
        return String(repositoryPath.dropFirst(prefix.count + 1))
    }

    func repositoryPath(_ workspacePath: String) -> String { prefix.isEmpty ? workspacePath : prefix + "/" + workspacePath }

    /// The kind and id of a plan path (workspace-relative), nil for files that are not plans.
    static func planIdentity(_ path: String) -> (PlanKind, String)? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, let kind = PlanKind(folder: parts[0]), WorkspaceLoader.isPlanPath(path) else { return nil }
        return (kind, String(parts[parts.count - 1].dropLast(3)))
    }

    func config(at endpoint: DiffEndpoint) throws -> WorkspaceConfig {
        let key = "\(endpoint)"
        if let cached = configs[key] { return cached }
        var config = WorkspaceConfig()
        if let data = try repository.content(of: repositoryPath(ConfigParser.path), at: endpoint) {
            config = ConfigParser.parse(data).0
        }
        configs[key] = config
        return config
    }

    /// The plan at a workspace-relative path of an endpoint (nil when absent).
    func plan(_ path: String, at endpoint: DiffEndpoint, blob: ObjectID?, config: WorkspaceConfig) throws -> Plan? {
        guard let (kind, id) = Self.planIdentity(path) else { return nil }
        let cacheKey = blob.map { "\($0)|\(path)|\(config.hashValue)" }
        if let cacheKey, let cached = parsed[cacheKey] { return cached }
        guard let data = try repository.content(of: repositoryPath(path), at: endpoint, blob: blob) else { return nil }
        let plan = PlanParser(config: config).parse(data, path: path, kind: kind, id: id).plan
        if let cacheKey { parsed[cacheKey] = plan }
        return plan
    }

    /// Semantic changes of every plan that differs between two endpoints, in path order,
    /// narrowed to `scopes` (workspace-relative; empty for all).
    func changes(from old: DiffEndpoint, to new: DiffEndpoint, scopes: [String] = []) throws -> [PlanChange] {
        let oldConfig = try config(at: old)
        let newConfig = try config(at: new)
        var result: [PlanChange] = []
        for change in try repository.changedPaths(from: old, to: new, prefix: prefix) {
            let oldPath = change.oldPath.flatMap(workspacePath)
            let newPath = change.newPath.flatMap(workspacePath)
            let oldIsPlan = oldPath.flatMap(Self.planIdentity) != nil
            let newIsPlan = newPath.flatMap(Self.planIdentity) != nil
            guard oldIsPlan || newIsPlan else { continue }
            if !scopes.isEmpty {
                let paths = [oldPath, newPath].compactMap { $0 }
                guard paths.contains(where: { path in scopes.contains { Linter.covers($0, path) } }) else { continue }
            }
            let before = try oldIsPlan ? plan(oldPath!, at: old, blob: change.oldBlob, config: oldConfig) : nil
            let after = try newIsPlan ? plan(newPath!, at: new, blob: change.newBlob, config: newConfig) : nil
            if let planChange = PlanDiff.compare(.init(before, config: oldConfig), .init(after, config: newConfig)) {
                result.append(planChange)
            }
        }
        // PLAN_FORMAT.md §8: plans sorted by kind, then id.
        return result.sorted { ($0.kind, $0.id, $0.path) < ($1.kind, $1.id, $1.path) }
    }
}
