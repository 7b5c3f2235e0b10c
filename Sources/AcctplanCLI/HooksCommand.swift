import ArgumentParser
import Foundation
import PlanGit

/// `acctplan hooks install`.
struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Install git hooks that lint plans before every commit.",
        subcommands: [InstallHooks.self])
}

struct InstallHooks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install a pre-commit hook that runs 'acctplan lint --staged', and the semantic diff driver.",
        discussion: """
            After this, a plain 'git commit' of a plan with lint errors fails and prints the diagnostics. The hook runs the acctplan found on PATH, or else the binary that installed it. It respects core.hooksPath and never replaces an existing hook unless --force is given. Skip it once with 'git commit --no-verify'.

            Also configures the 'acctplan' diff driver in this repository (diff.acctplan.command for git diff, diff.acctplan.textconv for git log -p), used for the files .gitattributes marks with diff=acctplan (the workspace template marks every plan).
            """)

    @Flag(help: "Replace an existing pre-commit hook.")
    var force = false

    @OptionGroup var workspaceOptions: WorkspaceOptions

    static let marker = "# installed by acctplan hooks install"

    func run() throws {
        let root = try workspaceOptions.root()
        let repository: GitRepository
        do {
            repository = try GitRepository(discovering: root)
        } catch {
            throw ToolFailure("\(root.path) is not in a git repository")
        }
        guard let workingDirectory = repository.workingDirectory else {
            throw ToolFailure("this is a bare repository: hooks run where commits are made, in a clone")
        }
        let prefix = try GitPaths.relative(root, to: workingDirectory)
        let hooks = repository.hooksDirectory
        let hook = hooks.appendingPathComponent("pre-commit")
        var status = stat()
        if lstat(hook.path, &status) == 0, !force { // lstat: a dangling link is an existing hook too
            throw ToolFailure("\(hook.path) already exists; nothing was changed (use --force to replace it)")
        }
        let installer = GitPaths.realPath(CommandLine.arguments[0].contains("/")
            ? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
            : (Self.onPath("acctplan") ?? CommandLine.arguments[0]))
        let workspaceArgument = prefix.isEmpty ? "" : " --workspace \(Self.shellQuoted(prefix))"
        let script = """
            #!/bin/sh
            \(Self.marker)
            # Lints the plans as they are staged; 'git commit --no-verify' skips it.
            if command -v acctplan >/dev/null 2>&1; then
                acctplan=acctplan
            else
                acctplan=\(Self.shellQuoted(installer))
            fi
            cd "$(git rev-parse --show-toplevel)" || exit 1
            exec "$acctplan" lint --staged\(workspaceArgument)

            """
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        let temporary = hooks.appendingPathComponent(".pre-commit.acctplan-\(getpid())")
        try Data(script.utf8).write(to: temporary)
        chmod(temporary.path, 0o755)
        guard rename(temporary.path, hook.path) == 0 else {
            unlink(temporary.path)
            throw ToolFailure("cannot write \(hook.path): \(String(cString: strerror(errno)))")
        }
        Terminal.standardOutput("installed \(hook.path): 'git commit' now runs 'acctplan lint --staged'\n")
        // The semantic diff driver for files marked `diff=acctplan` in .gitattributes.
        let quoted = Self.shellQuoted(installer)
        do {
            try repository.setConfig("diff.acctplan.command", "\(quoted) diff --external")
            try repository.setConfig("diff.acctplan.textconv", "\(quoted) textconv")
        } catch let error as GitError {
            throw ToolFailure("the hook is installed, but the diff driver could not be configured: \(error)")
        }
        Terminal.standardOutput("configured the 'acctplan' diff driver: git diff and git log -p show plan changes in plan terms\n")
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func onPath(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
