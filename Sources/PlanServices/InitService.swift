import Foundation
import PlanGit
import PlanWorkspace

/// `init`: a new workspace from a template, and its first commit.
public enum InitService {
    public struct Created {
        public let commit: ObjectID
    }

    /// Writes `files` into `directory` (relative to the current directory; created when missing),
    /// runs `git init` there when it is not inside a repository, and commits the new files. Refuses
    /// a folder that already holds acctplan.yml or any file of the template, without touching
    /// anything; a folder's own `.gitignore` is kept, and said through `note`.
    public static func create(in directory: String, files: [(path: String, content: String)],
                              note: (String) -> Void = { _ in }) throws -> Created {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let target = URL(fileURLWithPath: directory, relativeTo: cwd).standardizedFileURL
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: target.appendingPathComponent("acctplan.yml").path) {
            throw ToolFailure("\(directory) already holds a workspace (acctplan.yml); nothing was changed")
        }
        // A folder's own .gitignore is kept (the template's only adds report/): refusing it would
        // refuse most existing repositories.
        let kept: Set<String> = Set([".gitignore"].filter { fileManager.fileExists(atPath: target.appendingPathComponent($0).path) })
        let templateFiles = files.filter { !kept.contains($0.path) }
        let conflicts = templateFiles.map(\.path).filter {
            fileManager.fileExists(atPath: target.appendingPathComponent($0).path)
        }
        if !conflicts.isEmpty {
            throw ToolFailure("\(directory) already has \(conflicts.joined(separator: ", ")); nothing was changed")
        }
        // Know who commits before writing anything.
        let existing = try? GitRepository(discovering: fileManager.fileExists(atPath: target.path) ? target : cwd)
        let existingRoot = existing?.workingDirectory.map { GitPaths.realPath($0.path) }
        let inRepository = existingRoot.map { root in
            let path = GitPaths.realPath(fileManager.fileExists(atPath: target.path) ? target.path : target.deletingLastPathComponent().path)
            return path == root || path.hasPrefix(root + "/")
        } ?? false
        if let existing, inRepository { _ = try Identity.resolve(existing) } else { try Identity.requireGlobal() }

        try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
        let repository = inRepository && existing != nil ? try GitRepository(discovering: target) : try GitRepository.create(at: target)
        guard let workingDirectory = repository.workingDirectory else {
            throw ToolFailure("\(directory) is inside a bare repository; create the workspace in a clone")
        }
        for file in templateFiles { try WorkspaceWriter.create(file.path, in: target, text: file.content) }
        let prefix = try GitPaths.relative(target, to: workingDirectory)
        let paths = templateFiles.map { prefix.isEmpty ? $0.path : prefix + "/" + $0.path }
        if !kept.isEmpty {
            note("kept the existing .gitignore; add the line '/report/' to it to keep 'acctplan report --output report' out of git")
        }
        let (author, committer) = try Identity.resolve(repository)
        do {
            let session = try GitCommitSession(repository: repository, allowDetached: true)
            defer { session.abandon() }
            try session.stage(paths)
            let tree = try session.stagedTree()
            return Created(commit: try session.commit(tree: tree, message: "Create acctplan workspace\n", author: author,
                                                      committer: committer))
        } catch GitCommitSession.Failure.cleanFilter(let path, let attribute) {
            // The session's own words end "nothing was changed", which is not so here.
            throw ToolFailure("the workspace files were written but not committed: '\(path)' has the git attribute \(attribute), "
                + "a conversion acctplan cannot make; commit the new files with 'git add' and 'git commit'")
        } catch let failure as GitCommitSession.Failure {
            throw ToolFailure("the workspace files were written but not committed: \(failure)")
        } catch let error as GitError {
            throw ToolFailure("the workspace files were written but not committed: \(error)")
        }
    }
}

extension Identity {
    /// Outside any repository: the identity must come from the environment or global configuration.
    static func requireGlobal() throws {
        let environment = ProcessInfo.processInfo.environment
        let hasEnvironment = !(environment["GIT_AUTHOR_NAME"] ?? "").isEmpty && !(environment["GIT_AUTHOR_EMAIL"] ?? "").isEmpty
        if hasEnvironment || (GitRepository.globalConfigString("user.name") != nil
                              && GitRepository.globalConfigString("user.email") != nil) { return }
        throw ToolFailure("""
            no git identity: set your name and email first, e.g.
              git config --global user.name "Li You"
              git config --global user.email li.you@example.com
            nothing was changed
            """)
    }
}
