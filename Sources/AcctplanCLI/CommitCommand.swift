import ArgumentParser
import Foundation
import PlanEngine
import PlanGit
import PlanModel
import PlanReports
import PlanWorkspace

/// `acctplan commit`: commit plan changes through libgit2 with the linter as a gate.
struct CommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit",
        abstract: "Commit plan changes, refusing a tree that does not lint.",
        discussion: """
            Stages the given files (or, with -a, every modified or deleted tracked file; with neither, commits the index as it is), lints the tree that WOULD be committed — not the working tree — and refuses with the diagnostics when it has errors. Otherwise the commit is made on the current branch (an unborn branch too) and the index is updated to match.

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
                Terminal.standardError("acctplan: commit refused: the tree to be committed has \(errors.count) lint error\(errors.count == 1 ? "" : "s"); nothing was changed (fix them, or use --no-verify)\n")
                throw ExitCode(1)
            }
            let versions = PlanVersions(repository: repository, prefix: prefix)
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
        } catch let failure as GitCommitSession.Failure {
            throw ToolFailure(failure.description)
        } catch let error as GitError {
            throw ToolFailure("git: \(error); nothing was changed")
        }
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
        }
    }
}
