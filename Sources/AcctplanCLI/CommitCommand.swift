import ArgumentParser
import Foundation
import PlanEngine
import PlanFormat
import PlanGit
import PlanModel
import PlanReports
import PlanWorkspace
import PlanSupport

/// `acctplan commit`: commit plan changes through libgit2 with the linter as a gate.
struct CommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit",
        abstract: "Commit plan changes, refusing a tree that does not lint.",
        discussion: """
            Stages the given files (or, with -a, every modified or deleted tracked file; with neither, commits the index as it is), lints the tree that WOULD be committed — not the working tree — and refuses with the diagnostics when it has errors. Otherwise the commit is made on the current branch (an unborn branch too) and the index is updated to match. A committed plan that is not in canonical form gets a warning on stderr ('run acctplan fmt'); it is committed all the same.

            The message is MSG, a blank line, and one line per changed plan (unless --no-summary). Author and committer come from GIT_AUTHOR_*/GIT_COMMITTER_* or git's user.name and user.email.

            Exit status: 0 committed, 1 refused by the lint gate or nothing to commit, 2 could not commit (no identity, index.lock held, a merge or rebase in progress, detached HEAD). A refused commit leaves HEAD, the index and the working tree exactly as they were.

            Examples:
              acctplan commit -m "Xinan Tobacco: moves to industry-solution" accounts/xinan-tobacco.md
              acctplan commit -a -m "Quarterly review"
            """)

    @Option(name: .shortAndLong, help: "The commit message.")
    var message: String

    @Flag(name: .shortAndLong, help: "Stage every modified or deleted tracked file first (not new files).")
    var all = false

    @Argument(help: ArgumentHelp("Files to stage before committing (relative to the current directory).", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Commit even when the tree has lint errors.")
    var noVerify = false

    @Flag(help: "Do not append the per-plan summary to the message.")
    var noSummary = false

    @Flag(help: "Allow committing on a detached HEAD.")
    var allowDetached = false

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOption: AsOfOption

    func validate() throws {
        if message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("the commit message (-m) is empty")
        }
    }

    func run() throws {
        let root = try workspaceOptions.root()
        let asOf = try asOfOption.date()
        let repository: GitRepository
        do {
            repository = try GitRepository(discovering: root)
        } catch {
            throw ToolFailure("\(root.path) is not in a git repository; run 'git init' or 'acctplan init'")
        }
        guard let workingDirectory = repository.workingDirectory else {
            throw ToolFailure("this is a bare repository: there is no working tree to commit from")
        }
        let prefix = try GitPaths.relative(root, to: workingDirectory)
        let (author, committer) = try Identity.resolve(repository)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let repositoryPaths = try paths.map { path in
            try GitPaths.relative(URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL, to: workingDirectory,
                                  allowMissing: true)
        }
        do {
            let session = try GitCommitSession(repository: repository, allowDetached: allowDetached)
            defer { session.abandon() }
            if all { try session.stageAllTracked() }
            try session.stage(repositoryPaths)
            let tree = try session.stagedTree()
            let headTree = try session.headTree()
            if tree == headTree {
                Terminal.standardError("acctplan: nothing to commit: the staged tree is the same as HEAD's (stage files with PATH arguments or -a)\n")
                throw ExitCode(1)
            }
            let snapshot = try GitSnapshotSource.tree(tree, commit: nil, label: "the tree to be committed", prefix: prefix,
                                                      in: repository)
            let workspace = try WorkspaceLoader.load(from: snapshot)
            let diagnostics = Linter.lint(workspace, asOf: asOf)
            let errors = diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty && !noVerify {
                let report = LintReport(asOf: asOf, diagnostics: diagnostics, files: workspace.planPaths.count)
                Terminal.standardOutput(TextReporter.render(report, color: Terminal.useColor()))
                // --no-verify is no way out of merge-conflict markers: never suggest it for them.
                let way = errors.contains { $0.rule == .mergeConflict } ? "resolve the merge conflicts first" : "fix them, or use --no-verify"
                Terminal.standardError("acctplan: commit refused: the tree to be committed has \(errors.count) lint error\(errors.count == 1 ? "" : "s"); nothing was changed (\(way))\n")
                throw ExitCode(1)
            }
            let versions = PlanVersions(repository: repository, prefix: prefix)
            // A reminder only: if the check cannot run, the commit goes ahead without it.
            let notCanonical = (try? Self.plansNotInCanonicalForm(from: headTree ?? repository.emptyTree(), to: tree,
                                                                  versions: versions, config: workspace.config)) ?? []
            let summary = try versions.changes(from: .tree(headTree ?? repository.emptyTree()), to: .tree(tree))
                .map(DiffReporter.summaryLine)
            var fullMessage = message.trimmingCharacters(in: .whitespacesAndNewlines)
            if !noSummary && !summary.isEmpty { fullMessage += "\n\n" + summary.joined(separator: "\n") }
            fullMessage += "\n"
            let commit = try session.commit(tree: tree, message: fullMessage, author: author, committer: committer)
            let branch: String
            switch try repository.head() {
            case .branch(let name, _), .unborn(let name): branch = name
            case .detached: branch = "detached HEAD"
            }
            Terminal.standardOutput("[\(branch) \(commit.short)] \(message.split(separator: "\n").first ?? "")\n")
            for line in summary { Terminal.standardOutput(" \(line)\n") }
            for line in Self.canonicalFormWarnings(notCanonical) { Terminal.standardError(line + "\n") }
        } catch let failure as GitCommitSession.Failure {
            throw ToolFailure(failure.description)
        } catch let error as GitError {
            throw ToolFailure("git: \(error); nothing was changed")
        }
    }
}

extension CommitCommand {
    /// How many plans not in canonical form are named one by one.
    static let namedCanonicalFormWarnings = 5

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

    /// One warning line per plan, the first few by name.
    static func canonicalFormWarnings(_ paths: [String]) -> [String] {
        var lines = paths.prefix(namedCanonicalFormWarnings).map { path in
            "acctplan: warning: \(path) is not in canonical form; run 'acctplan fmt \(path)'"
        }
        if paths.count > namedCanonicalFormWarnings {
            lines.append("acctplan: warning: and \(paths.count - namedCanonicalFormWarnings) more plans not in canonical form; "
                + "run 'acctplan fmt'")
        }
        return lines
    }
}

/// Author and committer for a commit, or a clear refusal.
enum Identity {
    static func resolve(_ repository: GitRepository) throws -> (GitSignature, GitSignature) {
        do {
            guard let author = try GitSignature.resolve(.author, repository: repository),
                  let committer = try GitSignature.resolve(.committer, repository: repository) else {
                throw ToolFailure("""
                    no git identity: set your name and email first, e.g.
                      git config --global user.name "Li You"
                      git config --global user.email li.you@example.com
                    (or GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL); nothing was changed
                    """)
            }
            return (author, committer)
        } catch let error as GitError {
            throw ToolFailure(error.description)
        } catch let error as GitSignature.InvalidDate {
            throw ToolFailure(error.description)
        }
    }
}
