import Foundation
import PlanEngine
import PlanFormat
import PlanGit
import PlanModel
import PlanReports
import PlanSupport
import PlanWorkspace

/// `commit`: plan changes committed through libgit2, with the linter as a gate.
public enum CommitService {
    public struct Request {
        public var message: String
        /// Stage every modified or deleted tracked file first.
        public var all = false
        /// Files to stage first (relative to the current directory).
        public var paths: [String] = []
        /// Commit even when the tree has lint errors.
        public var noVerify = false
        /// Leave the per-plan summary out of the message.
        public var noSummary = false
        public var allowDetached = false
        /// `--workspace` (nil: search upwards from the current directory).
        public var workspace: String?
        public var asOf: CalendarDate

        public init(message: String, asOf: CalendarDate) {
            self.message = message
            self.asOf = asOf
        }
    }

    public enum Outcome {
        /// The staged tree is HEAD's.
        case nothingToCommit
        /// The lint gate refused: the report of the tree that would have been committed.
        case refused(LintReport)
        case committed(Committed)
    }

    public struct Committed {
        /// The branch committed on ("detached HEAD" when detached).
        public let branch: String
        public let commit: ObjectID
        /// One line per changed plan.
        public let summary: [String]
        /// Committed plans not in canonical form (sorted); a reminder, the commit was made.
        public let notInCanonicalForm: [String]
    }

    /// Stages, lints the tree that would be committed (not the working tree) and commits it
    /// unless it has errors. A refused commit leaves HEAD, the index and the working tree as they were.
    public static func commit(_ request: Request) throws -> Outcome {
        let root = try WorkspaceLocation.root(request.workspace)
        guard let repository = try? GitRepository(discovering: root) else {
            throw ToolFailure("\(root.path) is not in a git repository; run 'git init' or 'acctplan init'")
        }
        guard let workingDirectory = repository.workingDirectory else {
            throw ToolFailure("this is a bare repository: there is no working tree to commit from")
        }
        let prefix = try GitPaths.relative(root, to: workingDirectory)
        let (author, committer) = try Identity.resolve(repository)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let repositoryPaths = try request.paths.map { path in
            // A link is staged as the link, as git add does, not as the file it leads to: only
            // its folder is resolved (a named link to a plan committed nothing, a newcomer trial).
            let url = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL
            var status = stat()
            guard lstat(url.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else {
                return try GitPaths.relative(url, to: workingDirectory, allowMissing: true)
            }
            let folder = try GitPaths.relative(url.deletingLastPathComponent(), to: workingDirectory)
            return folder.isEmpty ? url.lastPathComponent : folder + "/" + url.lastPathComponent
        }
        do {
            let session = try GitCommitSession(repository: repository, allowDetached: request.allowDetached)
            defer { session.abandon() }
            if request.all { try session.stageAllTracked() }
            try session.stage(repositoryPaths)
            let tree = try session.stagedTree()
            let headTree = try session.headTree()
            if tree == headTree { return .nothingToCommit }
            let snapshot = try GitSnapshotSource.tree(tree, commit: nil, label: "the tree to be committed", prefix: prefix,
                                                      in: repository)
            let workspace = try WorkspaceLoader.load(from: snapshot)
            let diagnostics = Linter.lint(workspace, asOf: request.asOf)
            // --no-verify commits past lint errors, never past conflict markers in what this
            // commit changes (as the prepare-commit-msg hook refuses them for `git commit
            // --no-verify`): markers are no plan content.
            let refusing = request.noVerify
                ? try conflictMarkers(diagnostics, from: headTree ?? repository.emptyTree(), to: tree, prefix: prefix, in: repository)
                : diagnostics.contains(where: { $0.severity == .error }) ? diagnostics : []
            if !refusing.isEmpty {
                var report = LintReport(asOf: request.asOf, diagnostics: refusing, files: workspace.planPaths.count)
                report.language = workspace.config.language
                return .refused(report)
            }
            let versions = PlanVersions(repository: repository, prefix: prefix)
            // A reminder only: if the check cannot run, the commit goes ahead without it.
            let notCanonical = (try? plansNotInCanonicalForm(from: headTree ?? repository.emptyTree(), to: tree,
                                                             versions: versions, config: workspace.config)) ?? []
            let summary = try versions.changes(from: .tree(headTree ?? repository.emptyTree()), to: .tree(tree))
                .map { DiffReporter.summaryLine($0) }  // English in every language: the message is in the repository
            var fullMessage = request.message.trimmingCharacters(in: .whitespacesAndNewlines)
            if !request.noSummary && !summary.isEmpty { fullMessage += "\n\n" + summary.joined(separator: "\n") }
            fullMessage += "\n"
            let commit = try session.commit(tree: tree, message: fullMessage, author: author, committer: committer)
            let branch: String
            switch try repository.head() {
            case .branch(let name, _), .unborn(let name): branch = name
            case .detached: branch = "detached HEAD"
            }
            return .committed(Committed(branch: branch, commit: commit, summary: summary, notInCanonicalForm: notCanonical))
        } catch let error as GitError {
            throw GitWriteFailure(error: error)
        }
    }

    /// The merge-conflict findings in the plans (and `acctplan.yml`) that differ from `old` to
    /// `new`; a plan committed with markers before (past the hooks) does not block others.
    static func conflictMarkers(_ diagnostics: [Diagnostic], from old: ObjectID, to new: ObjectID, prefix: String,
                                in repository: GitRepository) throws -> [Diagnostic] {
        let conflicts = diagnostics.filter { $0.rule == .mergeConflict }
        guard !conflicts.isEmpty else { return [] }
        let changed = Set(try repository.changedPaths(from: .tree(old), to: .tree(new), prefix: prefix).compactMap { change in
            change.newPath.map { prefix.isEmpty ? $0 : String($0.dropFirst(prefix.count + 1)) }
        })
        return conflicts.filter { changed.contains($0.path) }
    }

    /// The plans this commit adds or changes (as committed, not as in the working tree) that are
    /// not in canonical form, sorted by path. Only those plans are formatted, so a commit stays
    /// fast in a large workspace.
    static func plansNotInCanonicalForm(from old: ObjectID, to new: ObjectID, versions: PlanVersions,
                                        config: WorkspaceConfig) throws -> [String] {
        let committed = try versions.repository.changedPaths(from: .tree(old), to: .tree(new), prefix: versions.prefix)
            .compactMap { change -> (path: String, blob: ObjectID?)? in
                guard let path = change.newPath.flatMap(versions.workspacePath),
                      PlanVersions.planIdentity(path) != nil else { return nil }
                return (path, change.newBlob)
            }
        let formatter = PlanFormatter(config: config)
        let canonical = concurrentMap(committed.count) { index -> Bool in
            let (path, blob) = committed[index]
            guard let (kind, id) = PlanVersions.planIdentity(path),
                  let data = try? versions.data(path, at: .tree(new), blob: blob) else { return true }
            // Only a plan fmt would rewrite is worth a warning: one that does not parse got its
            // diagnostics from the lint gate.
            if case .formatted = formatter.format(data, path: path, kind: kind, id: id) { return false }
            return true
        }
        return zip(committed, canonical).filter { !$0.1 }.map(\.0.path).sorted()
    }
}

/// Author and committer for a commit, or a clear refusal.
public enum Identity {
    public static func resolve(_ repository: GitRepository) throws -> (GitSignature, GitSignature) {
        let resolved: (author: GitSignature?, committer: GitSignature?)
        do {
            resolved = (try GitSignature.resolve(.author, repository: repository),
                        try GitSignature.resolve(.committer, repository: repository))
        } catch let error as GitError {
            // git's own words about its configuration, with no "cannot read the repository".
            throw ToolFailure(error.description)
        } catch let error as GitSignature.InvalidDate {
            throw ToolFailure(error.description)
        }
        guard let author = resolved.author, let committer = resolved.committer else {
            throw ToolFailure("""
                no git identity: set your name and email first, e.g.
                  git config --global user.name "Li You"
                  git config --global user.email li.you@example.com
                (or GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL); nothing was changed
                """)
        }
        return (author, committer)
    }
}
