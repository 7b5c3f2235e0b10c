import Foundation
import PlanGit
import PlanModel
import PlanParser
import PlanReports
import PlanSupport
import PlanWorkspace

/// Where the workspace is: `--workspace DIR` (nil for "the nearest folder with acctplan.yml at or
/// above the current one").
public enum WorkspaceLocation {
    /// The workspace root, or a ``WorkspaceError`` saying why there is none.
    public static func root(_ workspace: String?) throws -> URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let workspace { return try WorkspaceLocator.explicitRoot(workspace, relativeTo: cwd) }
        return try WorkspaceLocator.findRoot(from: cwd)
    }

    /// The nearest folder with acctplan.yml at or above `folder` (an editor's root folder).
    public static func root(searchingFrom folder: URL) throws -> URL {
        try WorkspaceLocator.findRoot(from: folder)
    }
}

/// Which version of the plans a reading service takes: the working tree, the index or a revision.
public enum PlanSourceChoice: Equatable, Sendable {
    case workingTree
    case index
    case revision(String)

    /// From `--rev REV` / `--staged` (at most one of them).
    public init(rev: String?, staged: Bool) {
        self = rev.map { .revision($0) } ?? (staged ? .index : .workingTree)
    }
}

/// A workspace opened for reading: where it is on disk (if anywhere), and the source of its bytes.
public struct OpenedWorkspace {
    /// The workspace root on disk; nil when reading a bare repository.
    public var root: URL?
    public var source: any PlanSource
    /// The commit read, for `--rev`.
    public var revision: ObjectID?
    /// Whether a workspace-relative file or folder exists in the source.
    public var exists: (String) -> Bool
    /// For `--rev` and `--staged`: the workspace's folder in the repository, and the repository's
    /// working tree (nil when bare).
    public var repositoryPrefix: String?
    public var repositoryRoot: String?

    /// Opens the workspace at `workspace` (`--workspace`, nil to search upwards) in the version
    /// `choice` names.
    public static func open(workspace: String?, at choice: PlanSourceChoice) throws -> OpenedWorkspace {
        if choice == .workingTree { return try readingWorkingTree(try WorkspaceLocation.root(workspace)) }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let opened = try WorkspaceRepository.open(workspace: workspace, purpose: "--rev and --staged read plans from git")
        let (repository, root, prefix) = (opened.repository, opened.root, opened.prefix)
        let source: GitSnapshotSource
        var revision: ObjectID?
        if case .revision(let rev) = choice {
            guard let commit = try? repository.resolveCommit(rev) else {
                throw ToolFailure("unknown revision '\(rev)': no commit of that name in \(repository.gitDirectory)")
            }
            revision = commit
            source = try GitSnapshotSource.commit(commit, label: "\(rev) (\(commit.short))", prefix: prefix, in: repository)
            // Without a working tree nothing on disk said where the workspace is.
            if root == nil, !source.exists("acctplan.yml") {
                let folder = prefix.isEmpty ? "the top of the tree" : "'\(prefix)'"
                throw ToolFailure("no acctplan workspace at \(folder) in \(source.label): no acctplan.yml there; "
                    + "in a bare repository, --workspace FOLDER names the workspace's folder in the tree")
            }
        } else {
            guard !repository.isBare else { throw ToolFailure("--staged needs a working tree; this repository is bare") }
            // Inside a git hook, GIT_INDEX_FILE names the index being committed (relative to
            // the working tree's top, where git runs hooks).
            let indexFile = Environment.value("GIT_INDEX_FILE").map { file in
                file.hasPrefix("/") ? file : URL(fileURLWithPath: file, relativeTo: cwd).standardizedFileURL.path
            }
            source = try GitSnapshotSource.index(prefix: prefix, in: repository, indexFile: indexFile)
        }
        return OpenedWorkspace(root: root, source: source, revision: revision, exists: { source.exists($0) },
                               repositoryPrefix: prefix, repositoryRoot: repository.workingDirectory.map { GitPaths.realPath($0.path) })
    }

    /// The working tree at `root` for the commands that only read it: in a sparse checkout the
    /// plans outside it are read as the index holds them (``SparseCheckoutSource``).
    static func readingWorkingTree(_ root: URL) throws -> OpenedWorkspace {
        guard let sparse = try SparseCheckoutSource.make(root: root) else { return workingTree(root) }
        return OpenedWorkspace(root: root, source: sparse, revision: nil) { path in
            sparse.outside.contains(path) || sparse.outside.contains { $0.hasPrefix(path + "/") }
                || FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
        }
    }

    /// The working tree at `root`, as it is on disk.
    public static func workingTree(_ root: URL) -> OpenedWorkspace {
        OpenedWorkspace(root: root, source: FileSystemSource(root: root), revision: nil) { path in
            FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
        }
    }

    /// Loads every plan from the source, read to `depth` (`digests`: ``WorkspaceLoader/load(from:depth:cache:store:config:digests:)``).
    public func load(depth: PlanParser.Depth = .full, digests: Bool = false) throws -> Workspace {
        try WorkspaceLoader.load(from: source, depth: depth, digests: digests)
    }

    /// Where the workspace is in its git repository; nil when it is in none.
    public func repositoryLocation() -> RepositoryLocation? {
        if let repositoryPrefix { return RepositoryLocation(prefix: repositoryPrefix, root: repositoryRoot) }
        guard let root, let repository = try? GitRepository(discovering: root), let top = repository.workingDirectory,
              let prefix = try? GitPaths.relative(root, to: top) else { return nil }
        return RepositoryLocation(prefix: prefix, root: GitPaths.realPath(top.path))
    }

    /// Command-line paths (relative to the current directory) as workspace-relative scopes that
    /// exist in the source.
    public func scopes(_ paths: [String]) throws -> [String] {
        try paths.map { path in
            let scope = try PathScope.workspaceRelative(path, root: root)
            guard exists(scope) else { throw ToolFailure("'\(path)' does not exist in \(source.label)") }
            return scope
        }
    }
}

/// The git repository that holds the workspace, and where the workspace is inside it.
public struct WorkspaceRepository {
    public let repository: GitRepository
    /// The workspace root on disk; nil in a bare repository.
    public let root: URL?
    /// The workspace's folder in the repository's tree ("" at the top).
    public let prefix: String

    /// Opens the repository containing the workspace `workspace` (`--workspace`, or the current
    /// directory when nil). In a bare repository, `workspace` names a folder of the tree. `purpose`
    /// finishes the sentence when there is no repository: "acctplan diff compares versions in git".
    public static func open(workspace: String?, purpose: String) throws -> WorkspaceRepository {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let start = workspace.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL } ?? cwd
        let repository: GitRepository
        do {
            repository = try GitRepository(discovering: start)
        } catch {
            // In a bare repository --workspace names a folder of the tree, which is not on disk.
            guard workspace != nil, let here = try? GitRepository(discovering: cwd) else {
                throw ToolFailure("\(start.path) is not in a git repository: \(purpose)")
            }
            // In a clone, a --workspace that is not there is a mistake in the folder's name.
            if !here.isBare { _ = try WorkspaceLocation.root(workspace) }
            guard here.isBare else { throw ToolFailure("\(start.path) is not in a git repository: \(purpose)") }
            repository = here
        }
        if let workingDirectory = repository.workingDirectory {
            let root = try WorkspaceLocation.root(workspace)
            return WorkspaceRepository(repository: repository, root: root,
                                       prefix: try GitPaths.relative(root, to: workingDirectory))
        }
        let given = workspace ?? ""
        let prefix = given == "." ? "" : given.split(separator: "/").joined(separator: "/")
        return WorkspaceRepository(repository: repository, root: nil, prefix: prefix)
    }
}

/// Paths between the file system and a repository.
public enum GitPaths {
    /// `path` relative to `base` (both resolved through links), "" when equal.
    public static func relative(_ path: URL, to base: URL, allowMissing: Bool = false) throws -> String {
        var real = realPath(path.path)
        if allowMissing, !FileManager.default.fileExists(atPath: path.path) {
            // A deleted file: resolve its folder, keep its name.
            real = realPath(path.deletingLastPathComponent().path) + "/" + path.lastPathComponent
        }
        let realBase = realPath(base.path)
        if real == realBase { return "" }
        let lead = realBase.hasSuffix("/") ? realBase : realBase + "/"
        guard real.hasPrefix(lead) else { throw ToolFailure("\(path.path) is not inside the repository at \(base.path)") }
        return String(real.dropFirst(lead.count))
    }

    /// Links resolved; a path that does not exist (yet) is only standardized.
    public static func realPath(_ path: String) -> String {
        RealPath.resolve(path) ?? URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// Command-line paths (relative to the current directory) as workspace-relative scopes.
public enum PathScope {
    /// `path` relative to the workspace root; without a root on disk (a bare repository) the
    /// path is taken as workspace-relative already.
    public static func workspaceRelative(_ path: String, root: URL?) throws -> String {
        guard let root else { return path.split(separator: "/").joined(separator: "/") }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let absolute = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL.path
        let rootPath = root.standardizedFileURL.path
        if absolute == rootPath { return "" }
        guard absolute.hasPrefix(rootPath == "/" ? "/" : rootPath + "/") else {
            throw ToolFailure("'\(path)' is outside the workspace at \(rootPath)")
        }
        return String(absolute.dropFirst(rootPath == "/" ? 1 : rootPath.count + 1))
    }
}
