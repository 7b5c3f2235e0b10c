import ArgumentParser
import Foundation
import PlanServices
import PlanGit
import PlanWorkspace

/// `acctplan init [DIR]`: a new workspace from the template bundled in the binary.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace from the bundled template and make its first commit.",
        discussion: """
            Writes acctplan.yml, example plans in accounts/, industries/ and segments/ (in canonical form), .gitattributes, a .gitignore for the report/ folder of 'acctplan report --output report', a CI workflow and a README for plan authors into DIR (default: the current directory), runs 'git init' there when it is not inside a repository, and commits the new files. Refuses a folder that already holds acctplan.yml, or any file the template would write, without touching anything. The template is compiled into acctplan, so this works from an installed binary anywhere.

            Examples:
              acctplan init key-accounts
              cd existing-repo && acctplan init plans     # a workspace in a sub-folder of a repository
            """)

    @Argument(help: ArgumentHelp("The folder to create the workspace in (created if missing).", valueName: "dir"))
    var directory: String = "."

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let target = URL(fileURLWithPath: directory, relativeTo: cwd).standardizedFileURL
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: target.appendingPathComponent("acctplan.yml").path) {
            throw ToolFailure("\(directory) already holds a workspace (acctplan.yml); nothing was changed")
        }
        // A folder's own .gitignore is kept (the template's only adds report/): refusing it would
        // refuse most existing repositories.
        let kept: Set<String> = Set([".gitignore"].filter { fileManager.fileExists(atPath: target.appendingPathComponent($0).path) })
        let templateFiles = BundledTemplate.files.filter { !kept.contains($0.path) }
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
        for file in templateFiles {
            do {
                try WorkspaceWriter.create(file.path, in: target, text: file.content)
            } catch let error as WorkspaceError {
                throw ToolFailure(error.description)
            }
        }
        let prefix = try GitPaths.relative(target, to: workingDirectory)
        let paths = templateFiles.map { prefix.isEmpty ? $0.path : prefix + "/" + $0.path }
        if !kept.isEmpty {
            Terminal.standardError("acctplan: note: kept the existing .gitignore; add the line '/report/' to it to keep "
                + "'acctplan report --output report' out of git\n")
        }
        let (author, committer) = try Identity.resolve(repository)
        do {
            let session = try GitCommitSession(repository: repository, allowDetached: true)
            defer { session.abandon() }
            try session.stage(paths)
            let tree = try session.stagedTree()
            let commit = try session.commit(tree: tree, message: "Create acctplan workspace\n", author: author,
                                            committer: committer)
            Terminal.standardOutput("created workspace in \(directory == "." ? "the current folder" : directory) "
                + "(\(BundledTemplate.files.count) files, commit \(commit.short))\n")
            Terminal.standardOutput("next: cd \(directory) && acctplan lint\n")
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
