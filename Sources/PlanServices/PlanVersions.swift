import Dispatch
import Foundation
import PlanEngine
import PlanGit
import PlanModel
import PlanParser
import PlanWorkspace
import PlanSupport

/// Reads the two versions of changed plans from git endpoints and diffs them semantically.
/// Parsed versions are cached by blob id, so a plan seen in many commits is parsed once.
public final class PlanVersions: @unchecked Sendable {
    public let repository: GitRepository
    /// The workspace's folder in the repository ("" at the root).
    public let prefix: String
    private var parsed: [String: Plan] = [:]
    private var configs: [DiffEndpoint: WorkspaceConfig] = [:]
    private var configsByContent: [Data: WorkspaceConfig] = [:]
    private let lock = NSLock()
    private let pool: RepositoryPool
    private let workingDirectoryReal: String?

    /// Parse only the sections two versions do not share (for one-off diffs; `log` keeps whole
    /// parses, which its cache reuses across commits).
    public let parseChangedSectionsOnly: Bool

    public init(repository: GitRepository, prefix: String, parseChangedSectionsOnly: Bool = false) {
        self.repository = repository
        self.prefix = prefix
        self.parseChangedSectionsOnly = parseChangedSectionsOnly
        pool = RepositoryPool(gitDirectory: repository.gitDirectory)
        workingDirectoryReal = repository.workingDirectory.flatMap { RealPath.resolve($0.path) }
    }

    /// Workspace-relative path of a repository path, or nil when outside the workspace.
    public func workspacePath(_ repositoryPath: String) -> String? {
        if prefix.isEmpty { return repositoryPath }
        guard repositoryPath.hasPrefix(prefix + "/") else { return nil }
        return String(repositoryPath.dropFirst(prefix.count + 1))
    }

    public func repositoryPath(_ workspacePath: String) -> String { prefix.isEmpty ? workspacePath : prefix + "/" + workspacePath }

    /// The kind and id of a plan path (workspace-relative), nil for files that are not plans.
    public static func planIdentity(_ path: String) -> (PlanKind, String)? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, let kind = PlanKind(folder: parts[0]), WorkspaceLoader.isPlanPath(path) else { return nil }
        return (kind, String(parts[parts.count - 1].dropLast(3)))
    }

    public func config(at endpoint: DiffEndpoint) throws -> WorkspaceConfig {
        let source = try configSource(at: endpoint)
        return remember(Self.parse([source])[0], of: source, at: endpoint)
    }

    /// Why an endpoint's acctplan.yml cannot be read (merge conflicts, not YAML); nil when it can
    /// (or there is none).
    public func configProblem(at endpoint: DiffEndpoint) throws -> UnreadableFiles.ConfigProblem? {
        let settings = try config(at: endpoint)
        guard !settings.isReadable else { return nil }
        guard let data = try repository.content(of: repositoryPath(ConfigParser.path), at: endpoint) else {
            // Unmerged in the index: only its conflict's stages are there.
            return settings.hasMergeConflicts ? UnreadableFiles.configProblem(settings, findings: []) : nil
        }
        let (config, findings) = ConfigParser.parse(data)
        return UnreadableFiles.configProblem(config, findings: findings)
    }

    /// An endpoint's acctplan.yml: known already, to be parsed, or absent.
    private enum ConfigSource: Sendable {
        case known(WorkspaceConfig)
        case bytes(Data)
        case absent
    }

    private func configSource(at endpoint: DiffEndpoint) throws -> ConfigSource {
        // Keyed by the endpoint itself: describing it as text went through reflection.
        if let cached = configs[endpoint] { return .known(cached) }
        guard let data = try repository.content(of: repositoryPath(ConfigParser.path), at: endpoint) else {
            // The index holds an unmerged acctplan.yml only as its conflict's stages: not absent
            // (the defaults), but settings that cannot be read (`diff --staged` compared the
            // plans with the defaults' exchange rates).
            if endpoint == .index, try repository.conflictedFiles().contains(where: { $0.path == repositoryPath(ConfigParser.path) }) {
                var config = WorkspaceConfig()
                config.hasMergeConflicts = true
                return .known(config)
            }
            return .absent
        }
        // Two endpoints mostly hold the same acctplan.yml: parsed once (a large one, with every
        // person of the organisation, takes a millisecond).
        return configsByContent[data].map { .known($0) } ?? .bytes(data)
    }

    /// The configurations of `sources`, each distinct content parsed once. Pure: safe on any thread.
    private static func parse(_ sources: [ConfigSource]) -> [WorkspaceConfig] {
        var byContent: [Data: WorkspaceConfig] = [:]
        return sources.map { source in
            switch source {
            case .known(let config): return config
            case .absent: return WorkspaceConfig()
            case .bytes(let data):
                if let parsed = byContent[data] { return parsed }
                let parsed = ConfigParser.parse(data).0
                byContent[data] = parsed
                return parsed
            }
        }
    }

    private func remember(_ config: WorkspaceConfig, of source: ConfigSource, at endpoint: DiffEndpoint) -> WorkspaceConfig {
        if case .bytes(let data) = source { configsByContent[data] = config }
        configs[endpoint] = config
        return config
    }

    /// The plan at a workspace-relative path of an endpoint (nil when absent). Safe to call from
    /// several threads: blobs are read through per-thread repository handles, the working tree
    /// from disk, and the cache is locked.
    public func plan(_ path: String, at endpoint: DiffEndpoint, blob: ObjectID?, config: WorkspaceConfig, configKey: Int) throws
        -> Plan?
    {
        guard let (kind, id) = Self.planIdentity(path) else { return nil }
        let cacheKey = blob.map { "\($0)|\(path)|\(configKey)" }
        if let cacheKey, let cached = lock.withLock({ parsed[cacheKey] }) { return cached }
        guard let data = try data(path, at: endpoint, blob: blob) else { return nil }
        let plan = PlanParser(config: config).parse(data, path: path, kind: kind, id: id, depth: .withProse).plan
        if let cacheKey { lock.withLock { parsed[cacheKey] = plan } }
        return plan
    }

    /// The bytes of a plan at an endpoint (nil when absent).
    public func data(_ path: String, at endpoint: DiffEndpoint, blob: ObjectID?) throws -> Data? {
        if let blob { return try pool.blob(blob) }
        if endpoint == .workingTree {
            return workingDirectoryReal.flatMap { GitRepository.file(repositoryPath(path), inside: $0) }
        }
        return try lock.withLock { try repository.content(of: repositoryPath(path), at: endpoint) }
    }

    /// Both versions of a modified plan, parsed without the sections they share.
    func changedParts(_ oldPath: String, _ newPath: String, change: PathChange, old: DiffEndpoint, new: DiffEndpoint,
                      oldConfig: WorkspaceConfig, newConfig: WorkspaceConfig) throws -> (Plan?, Plan?) {
        guard let (oldKind, oldID) = Self.planIdentity(oldPath), let (newKind, newID) = Self.planIdentity(newPath),
              let before = try data(oldPath, at: old, blob: change.oldBlob),
              let after = try data(newPath, at: new, blob: change.newBlob) else {
            return (nil, nil)
        }
        let (reducedBefore, reducedAfter) = SectionSlicer.withoutCommonSections(before, after)
        return (PlanParser(config: oldConfig).parse(reducedBefore, path: oldPath, kind: oldKind, id: oldID, depth: .withProse).plan,
                PlanParser(config: newConfig).parse(reducedAfter, path: newPath, kind: newKind, id: newID, depth: .withProse).plan)
    }

    /// Semantic changes of every plan that differs between two endpoints, sorted by kind and id,
    /// narrowed to `scopes` (workspace-relative; empty for all). Changed plans are read, parsed
    /// and compared on all cores. `paths`: the endpoints' changed paths when the caller has
    /// compared them already (`log` does, for a merge), so that they are not compared twice.
    public func changes(from old: DiffEndpoint, to new: DiffEndpoint, scopes: [String] = [],
                        paths: [PathChange]? = nil) throws -> [PlanChange] {
        // The trees are compared here while both ends' acctplan.yml are parsed on another thread.
        let sources = try [old, new].map(configSource(at:))
        let (changedPaths, parsed) = try alongside({
            try paths ?? repository.changedPaths(from: old, to: new, prefix: prefix, pool: pool)
        }, background: { Self.parse(sources) })
        let oldConfig = remember(parsed[0], of: sources[0], at: old)
        let newConfig = remember(parsed[1], of: sources[1], at: new)
        // Hashing a configuration (people, fx, ...) is not free: once per side, not per plan.
        let oldKey = oldConfig.hashValue, newKey = newConfig.hashValue
        // A section the two versions share reads the same only under the same configuration:
        // with other exchange rates (or another schema) its amounts convert differently, and the
        // whole plans' diff names them. Different configurations: the whole plans are compared.
        let sliceable = parseChangedSectionsOnly && oldConfig == newConfig
        struct Work {
            var oldPath: String?
            var newPath: String?
            var change: PathChange
        }
        var work: [Work] = []
        for change in changedPaths {
            let oldPath = change.oldPath.flatMap(workspacePath).flatMap { Self.planIdentity($0) != nil ? $0 : nil }
            let newPath = change.newPath.flatMap(workspacePath).flatMap { Self.planIdentity($0) != nil ? $0 : nil }
            guard oldPath != nil || newPath != nil else { continue }
            if !scopes.isEmpty {
                let paths = [oldPath, newPath].compactMap { $0 }
                guard paths.contains(where: { path in scopes.contains { Linter.covers($0, path) } }) else { continue }
            }
            work.append(Work(oldPath: oldPath, newPath: newPath, change: change))
        }
        let items = work
        // A side whose acctplan.yml cannot be read: its plans are not read, let alone with the
        // default settings (other exchange rates, stages, fields); the change says so.
        let settingsReadable = oldConfig.isReadable && newConfig.isReadable
        let results = concurrentMap(items.count) { index in
            let item = items[index]
            return Result<PlanChange?, Error> {
                if !settingsReadable {
                    func placeholder(_ path: String?) -> Plan? {
                        path.flatMap { path in Self.planIdentity(path).map { Plan(kind: $0.0, id: $0.1, path: path) } }
                    }
                    if let change = PlanDiff.settingsUnreadable(.init(placeholder(item.oldPath), config: oldConfig),
                                                                .init(placeholder(item.newPath), config: newConfig)) {
                        return change
                    }
                }
                if sliceable, let oldPath = item.oldPath, let newPath = item.newPath {
                    let (before, after) = try changedParts(oldPath, newPath, change: item.change, old: old, new: new,
                                                           oldConfig: oldConfig, newConfig: newConfig)
                    return PlanDiff.compare(.init(before, config: oldConfig), .init(after, config: newConfig))
                }
                let before = try item.oldPath.flatMap {
                    try plan($0, at: old, blob: item.change.oldBlob, config: oldConfig, configKey: oldKey)
                }
                let after = try item.newPath.flatMap {
                    try plan($0, at: new, blob: item.change.newBlob, config: newConfig, configKey: newKey)
                }
                return PlanDiff.compare(.init(before, config: oldConfig), .init(after, config: newConfig))
            }
        }
        var result: [PlanChange] = []
        for outcome in results {
            if let change = try outcome.get() { result.append(change) }
        }
        // PLAN_FORMAT.md §8: plans sorted by kind, then id. The keys are sorted, not the changes
        // (a closure comparing two changes copied both).
        let keys = result.map { ($0.kind, $0.id, $0.path) }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { result[$0] }
    }
}
