import ArgumentParser
import Foundation
import PlanGit
import PlanModel
import PlanReports
import PlanSupport
import PlanWorkspace

/// `--rev REV` / `--staged`: where a reading command takes the plans from.
struct SourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read the plans of a revision (HEAD~2, a branch, a tag, a commit id) straight from git.", valueName: "rev"))
    var rev: String?

    @Flag(help: "Read the plans as staged in the git index.")
    var staged = false

    func validate() throws {
        if rev != nil && staged { throw ValidationError("--rev and --staged cannot be used together") }
    }
}

/// A workspace opened for reading: where it is on disk (if anywhere), and the source of its bytes.
struct OpenedWorkspace {
    /// The workspace root on disk; nil when reading a bare repository.
    var root: URL?
    var source: any PlanSource
    /// The commit read, for `--rev`.
    var revision: ObjectID?
    /// Whether a workspace-relative file or folder exists in the source.
    var exists: (String) -> Bool
    /// For `--rev` and `--staged`: the workspace's folder in the repository, and the repository's
    /// working tree (nil when bare).
    var repositoryPrefix: String?
    var repositoryRoot: String?

    /// Opens the workspace named by the options: the working tree, the index or a revision.
    static func open(_ workspace: WorkspaceOptions, _ options: SourceOptions) throws -> OpenedWorkspace {
        guard options.rev != nil || options.staged else { return workingTree(try workspace.root()) }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let opened = try WorkspaceRepository.open(workspace, purpose: "--rev and --staged read plans from git")
        let (repository, root, prefix) = (opened.repository, opened.root, opened.prefix)
        let source: GitSnapshotSource
        var revision: ObjectID?
        do {
            if let rev = options.rev {
                let commit: ObjectID
                do {
                    commit = try repository.resolveCommit(rev)
                } catch {
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
                let indexFile = ProcessInfo.processInfo.environment["GIT_INDEX_FILE"].map { file in
                    file.hasPrefix("/") ? file : URL(fileURLWithPath: file, relativeTo: cwd).standardizedFileURL.path
                }
                source = try GitSnapshotSource.index(prefix: prefix, in: repository, indexFile: indexFile)
            }
        } catch let error as GitError {
            throw ToolFailure("cannot read the repository: \(error)")
        }
        return OpenedWorkspace(root: root, source: source, revision: revision, exists: { source.exists($0) },
                               repositoryPrefix: prefix, repositoryRoot: repository.workingDirectory.map { GitPaths.realPath($0.path) })
    }

    /// The working tree at `root`.
    static func workingTree(_ root: URL) -> OpenedWorkspace {
        OpenedWorkspace(root: root, source: FileSystemSource(root: root), revision: nil) { path in
            FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
        }
    }

    /// Loads every plan from the source.
    func load() throws -> Workspace {
        do {
            return try WorkspaceLoader.load(from: source)
        } catch let error as WorkspaceError {
            throw ToolFailure(error.description)
        } catch let error as GitError {
            throw ToolFailure("cannot read the repository: \(error)")
        }
    }

    /// Where the workspace is in its git repository; nil when it is in none.
    func repositoryLocation() -> RepositoryLocation? {
        if let repositoryPrefix { return RepositoryLocation(prefix: repositoryPrefix, root: repositoryRoot) }
        guard let root, let repository = try? GitRepository(discovering: root), let top = repository.workingDirectory,
              let prefix = try? GitPaths.relative(root, to: top) else { return nil }
        return RepositoryLocation(prefix: prefix, root: GitPaths.realPath(top.path))
    }

    /// Command-line paths (relative to the current directory) as workspace-relative scopes that
    /// exist in the source.
    func scopes(_ paths: [String]) throws -> [String] {
        try paths.map { path in
            let scope = try PathScope.workspaceRelative(path, root: root)
            guard exists(scope) else { throw ToolFailure("'\(path)' does not exist in \(source.label)") }
            return scope
        }
    }
}

/// The git repository that holds the workspace, and where the workspace is inside it.
struct WorkspaceRepository {
    let repository: GitRepository
    /// The workspace root on disk; nil in a bare repository.
    let root: URL?
    /// The workspace's folder in the repository's tree ("" at the top).
    let prefix: String

    /// Opens the repository containing the workspace named by `--workspace` (or the current
    /// directory). In a bare repository, `--workspace` names a folder of the tree. `purpose`
    /// finishes the sentence when there is no repository: "acctplan diff compares versions in git".
    static func open(_ options: WorkspaceOptions, purpose: String) throws -> WorkspaceRepository {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let start = options.workspace.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL } ?? cwd
        let repository: GitRepository
        do {
            repository = try GitRepository(discovering: start)
        } catch {
            // In a bare repository --workspace names a folder of the tree, which is not on disk.
            guard options.workspace != nil, let bare = try? GitRepository(discovering: cwd), bare.isBare else {
                throw ToolFailure("\(start.path) is not in a git repository: \(purpose)")
            }
            repository = bare
        }
        if let workingDirectory = repository.workingDirectory {
            let root = try options.root()
            return WorkspaceRepository(repository: repository, root: root,
                                       prefix: try GitPaths.relative(root, to: workingDirectory))
        }
        let given = options.workspace ?? ""
        let prefix = given == "." ? "" : given.split(separator: "/").joined(separator: "/")
        return WorkspaceRepository(repository: repository, root: nil, prefix: prefix)
    }
}

/// Paths between the file system and a repository.
enum GitPaths {
    /// `path` relative to `base` (both resolved through links), "" when equal.
    static func relative(_ path: URL, to base: URL, allowMissing: Bool = false) throws -> String {
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
    static func realPath(_ path: String) -> String {
        RealPath.resolve(path) ?? URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
