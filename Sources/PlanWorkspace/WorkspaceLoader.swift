import Dispatch
import Foundation
import PlanModel
import PlanParser
import PlanSupport

/// Reads a whole workspace from a ``PlanSource``: the configuration, then every plan, parsed on
/// all cores. Problems in files become findings; only a source that cannot be read at all throws.
public enum WorkspaceLoader {
    /// The plan files of a listing: `*.md` except `README.md` and `_*.md`, and nothing whose
    /// name or folder's name starts with `.` (hidden: the working tree's walk never enters them,
    /// and a revision's or the index's files follow the same rule).
    public static func isPlanPath(_ path: String) -> Bool {
        let bytes = path.utf8
        guard bytes.count > 3, bytes.suffix(3).elementsEqual(".md".utf8) else { return false }
        let nameStart = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        let name = bytes[nameStart...]
        guard name.first != UInt8(ascii: "_"), !name.elementsEqual("README.md".utf8) else { return false }
        return !isHidden(path)
    }

    /// Whether a path (workspace-relative) has a part whose name starts with `.`.
    public static func isHidden(_ path: String) -> Bool {
        var atStart = true
        for byte in path.utf8 {
            if atStart, byte == UInt8(ascii: ".") { return true }
            atStart = byte == UInt8(ascii: "/")
        }
        return false
    }

    /// `acctplan.yml` as read from `source` (a file over the size limit is refused unread), with
    /// its findings; the defaults when there is none.
    public static func readConfig(from source: some PlanSource) throws -> (WorkspaceConfig, [Finding]) {
        let (config, findings, _) = try readConfigAndDigest(from: source)
        return (config, findings)
    }

    /// ``readConfig(from:)``, and the ``ContentDigest`` of the bytes read ("" without a file, nil
    /// when it was not read: too large, unresolved).
    static func readConfigAndDigest(from source: some PlanSource) throws -> (WorkspaceConfig, [Finding], String?) {
        if let refused = source.byteCount(ConfigParser.path).flatMap(ConfigParser.refuseUnread(byteCount:)) {
            return (refused.0, refused.1, nil)
        }
        let data: Data?
        do {
            data = try source.read(ConfigParser.path)
        } catch is UnresolvedConflict {
            var config = WorkspaceConfig()
            config.hasMergeConflicts = true
            return (config, [unmergedFinding(ConfigParser.path, what: "acctplan.yml")], nil)
        }
        guard let data else { return (WorkspaceConfig(), [], "") }
        let (config, findings) = ConfigParser.parse(data)
        return (config, findings, ContentDigest.hex(of: data))
    }

    /// The finding for a file the index holds only as an unresolved conflict.
    static func unmergedFinding(_ path: String, what: String) -> Finding {
        Finding(.mergeConflict, path: path, at: .fileStart,
                "unresolved merge conflict: the git index holds two versions; \(what) is not read until it is resolved",
                hint: "resolve the conflict in the working tree ('acctplan lint' there shows where), then 'git add \(path)'")
    }

    /// The plan files of a workspace (`*.md` under the three folders, sorted within each), and
    /// what the listing refused to enter or read.
    public struct PlanFiles {
        public var files: [(path: String, kind: PlanKind)] = []
        /// Links leading out, files that are not regular files: never read.
        public var refused: [RefusedFile] = []
        /// Folders nested too deep to enter.
        public var tooDeep: [String] = []
    }

    public static func listPlans(in source: some PlanSource) throws -> PlanFiles {
        var result = PlanFiles()
        for kind in PlanKind.allCases {
            let listing = try source.listFiles(under: kind.folder)
            for path in listing.paths where isPlanPath(path) { result.files.append((path, kind)) }
            result.refused += listing.refused
            result.tooDeep += listing.tooDeep
        }
        return result
    }

    /// `store`: at depth ``PlanParser/Depth/stageAndGroups``, what earlier runs read of each blob
    /// (by ``PlanSource/contentKey(_:)``); what this run reads is recorded into it. `config`: what
    /// ``readConfig(from:)`` gave for `source`, when the caller has read it already.
    /// `digests`: record ``Plan/sourceDigest`` and ``Workspace/configDigest`` (a given `config`
    /// has none).
    public static func load(from source: some PlanSource, depth: PlanParser.Depth = .full, cache: ParseCache? = nil,
                            store: (any StageAndGroupsStore)? = nil, config read: (WorkspaceConfig, [Finding])? = nil,
                            digests: Bool = false) throws
        -> Workspace
    {
        let (config, configFindings, configDigest) = try read.map { ($0.0, $0.1, nil) } ?? readConfigAndDigest(from: source)
        var findings = configFindings
        let listed = try listPlans(in: source)
        let planFiles = listed.files
        for refused in listed.refused {
            let hint = refused.reason.contains("link") ? "copy the plan into the workspace instead of linking to it" : nil
            findings.append(Finding(.outsideWorkspace, path: refused.path, at: .fileStart, "not read: \(refused.reason)", hint: hint))
        }
        for folder in listed.tooDeep {
            findings.append(Finding(.tooLarge, path: folder, at: .fileStart,
                                    "folder not read: it is nested more than \(FileListing.maxFolderDepth) folders deep",
                                    hint: "plan folders only group plans; keep them a few levels deep"))
        }
        let parser = PlanParser(config: config)
        let results = try parseAll(planFiles, source: source, parser: parser, depth: depth, cache: cache, store: store,
                                   digests: digests)
        var plans: [Plan] = []
        plans.reserveCapacity(results.count)
        for result in results {
            plans.append(result.plan)
            findings += result.findings
        }
        var workspace = Workspace(config: config, plans: plans, findings: findings, planPaths: planFiles.map(\.path))
        if digests { workspace.configDigest = configDigest }
        return workspace
    }

    /// Reads and parses every file on all cores; results keep the order of `files`.
    static func parseAll(_ files: [(path: String, kind: PlanKind)], source: some PlanSource, parser: PlanParser,
                         depth: PlanParser.Depth, cache: ParseCache?, store: (any StageAndGroupsStore)? = nil,
                         digests: Bool = false) throws -> [ParsedPlan]
    {
        let configKey = String(parser.config.hashValue)
        let store = depth == .stageAndGroups ? store : nil
        let results = concurrentMap(files.count) { index -> Result<ParsedPlan, Error> in
            let file = files[index]
            let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
            let id = String(name.dropLast(3))
            do {
                let contentKey = cache == nil && store == nil ? nil : source.contentKey(file.path)
                let storeKey = store == nil ? nil : contentKey.map { StageAndGroups.storeKey(contentKey: $0, kind: file.kind) }
                if let store, let storeKey, let known = store.stageAndGroups(forKey: storeKey) {
                    return .success(ParsedPlan(plan: known.plan(kind: file.kind, id: id, path: file.path), findings: []))
                }
                let key = cache == nil ? nil : contentKey.map { "\($0)|\(file.path)|\(depth)|\(configKey)" }
                if let key, let cached = cache?[key] { return .success(cached) }
                var parsed: ParsedPlan
                switch try source.read(file.path, unlessOver: PlanParser.maxPlanBytes) {
                case .tooLarge(let size):
                    parsed = parser.refused(byteCount: size, path: file.path, kind: file.kind, id: id)
                case .bytes(let data):
                    parsed = parser.parse(data, path: file.path, kind: file.kind, id: id, depth: depth)
                    // Of the very bytes parsed: a file saved meanwhile cannot pass for them.
                    if digests { parsed.plan.sourceDigest = ContentDigest.hex(of: data) }
                case nil:
                    throw WorkspaceError.unreadable(file.path, "it disappeared while being read")
                }
                if depth == .stageAndGroups {
                    parsed = parsed.stageAndGroupsOnly()
                    if let store, let storeKey { store.record(StageAndGroups(parsed.plan), forKey: storeKey) }
                }
                if let key { cache?[key] = parsed }
                return .success(parsed)
            } catch is UnresolvedConflict {
                var plan = Plan(kind: file.kind, id: id, path: file.path)
                plan.isReadable = false
                plan.hasMergeConflicts = true
                return .success(ParsedPlan(plan: plan, findings: [unmergedFinding(file.path, what: "the plan")]))
            } catch let refusal as ReadRefused {
                var plan = Plan(kind: file.kind, id: id, path: file.path)
                plan.isReadable = false
                let finding = Finding(.outsideWorkspace, path: file.path, at: .fileStart, "not read: \(refusal.reason)",
                                      hint: "copy the plan into the workspace instead of linking to it")
                return .success(ParsedPlan(plan: plan, findings: [finding]))
            } catch let error as WorkspaceError {
                // An unreadable file (permissions, a race with a delete) is this file's problem,
                // not the workspace's: report it and go on with the others.
                var plan = Plan(kind: file.kind, id: id, path: file.path)
                plan.isReadable = false
                let finding = Finding(.encoding, path: file.path, at: .fileStart, "file cannot be read: \(error)",
                                      hint: "check the file's permissions")
                return .success(ParsedPlan(plan: plan, findings: [finding]))
            } catch {
                return .failure(error)
            }
        }
        let parsed = try results.map { try $0.get() }
        return depth == .stageAndGroups ? parsed.map { $0.stageAndGroupsOnly() } : parsed
    }
}

/// What earlier runs read of blobs at depth ``PlanParser/Depth/stageAndGroups``, by content key
/// (a blob id) and plan kind (``StageAndGroups/storeKey(contentKey:kind:)``): a store that outlives the process (the history store under the git folder) lets
/// a rollup's history skip reading and parsing a blob it has read before. Called from many
/// threads at once.
public protocol StageAndGroupsStore: AnyObject, Sendable {
    func stageAndGroups(forKey key: String) -> StageAndGroups?
    func record(_ value: StageAndGroups, forKey key: String)
}

/// Parsed plans by content key (blob id + path + depth + configuration), shared across the
/// snapshots of one run so that a blob seen in many revisions is parsed once.
public final class ParseCache: @unchecked Sendable {
    private var plans: [String: ParsedPlan] = [:]
    private let lock = NSLock()
    /// How many parses were reused (for tests and benchmarks).
    public private(set) var hits = 0

    public init() {}

    /// The parses of the generation before (``nextGeneration()``): found there, a parse moves back.
    private var previous: [String: ParsedPlan] = [:]

    subscript(key: String) -> ParsedPlan? {
        get {
            lock.withLock {
                var plan = plans[key]
                if plan == nil, let older = previous.removeValue(forKey: key) {
                    plan = older
                    plans[key] = older
                }
                if plan != nil { hits += 1 }
                return plan
            }
        }
        set { lock.withLock { plans[key] = newValue } }
    }

    /// Starts a new generation: parses not used since the last call are dropped at the next one.
    /// A walk through many snapshots (`score --trend`) keeps only the plans of about two of them
    /// in memory, not every version it ever read.
    public func nextGeneration() {
        lock.withLock {
            previous = plans
            plans = [:]
        }
    }

    public var count: Int { lock.withLock { plans.count } }
}
