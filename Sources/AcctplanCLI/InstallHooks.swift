import ArgumentParser
import Foundation
import PlanGit

/// `acctplan hooks install`.
struct InstallHooks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install a pre-commit hook that runs 'acctplan lint --staged', and the semantic diff driver.",
        discussion: """
            After this, a plain 'git commit' of a plan with lint errors fails and prints the diagnostics; 'git commit --no-verify' skips the hook once. It respects core.hooksPath. Running it again updates acctplan's own hook.

            Also configures the 'acctplan' diff driver in this repository (diff.acctplan.command for git diff, diff.acctplan.textconv for git log -p), used for the files .gitattributes marks with diff=acctplan (the workspace template marks every plan), and the 'acctplan' merge driver (merge.acctplan.driver = acctplan merge-driver %O %A %B %P) for the files marked merge=acctplan.

            The hook and the driver run 'acctplan' as found on PATH when git runs them, so moving or upgrading the binary breaks nothing; --acctplan PATH names a binary instead.

            When the repository already has a pre-commit hook of its own, it is left as it is: the driver is still configured, and acctplan says which line to add to the hook. --chain adds that line for you (a marked block at the top of a shell hook, removed again by 'hooks uninstall'; a hook that is a link or a compiled program is never edited); --force replaces the hook.

            Exit status: 0 when the hook or the driver was set up (a hook of your own left alone is a warning on stderr), 2 when nothing could be done (not in a clone, --acctplan names no program, --chain cannot edit the hook).

              acctplan hooks install
              acctplan hooks install --chain
              acctplan hooks install --acctplan /opt/acctplan/bin/acctplan
            """)

    @Flag(help: "Replace an existing pre-commit hook that is not acctplan's.")
    var force = false

    @Flag(help: "Add acctplan's check to the top of an existing (shell) pre-commit hook instead of replacing it.")
    var chain = false

    @OptionGroup var options: HookOptions

    func validate() throws {
        if force && chain { throw ValidationError("--force replaces the hook and --chain keeps it: give one of them") }
    }

    func run() throws {
        let setup = try HookSetup(workspace: options.workspaceOptions, binary: options.binary)
        let hook = setup.hook
        switch HookSetup.existing(at: hook) {
        case .none, .acctplans:
            try setup.writeOwnHook()
            Terminal.standardOutput("installed \(hook.path): 'git commit' now runs 'acctplan lint --staged'\n")
        case .foreign(let foreign):
            if force {
                try setup.writeOwnHook()
                Terminal.standardOutput("replaced \(hook.path): 'git commit' now runs 'acctplan lint --staged'\n")
            } else if chain {
                let text: String
                switch foreign {
                case .text(let script) where HookSetup.isShellScript(script): text = script
                case .text: throw setup.cannotChain(because: "is not a shell script")
                case .untouchable(let reason): throw setup.cannotChain(because: reason)
                }
                try setup.write(HookSetup.chained(text, block: setup.chainBlock), mode: nil)
                Terminal.standardOutput("added acctplan's check to the top of \(hook.path) ('acctplan hooks uninstall' removes it)\n")
            } else {
                var framework = ""
                if case .text(let text) = foreign, text.contains("pre-commit.com") {
                    framework = " It is the pre-commit framework's hook: add acctplan to .pre-commit-config.yaml instead (docs/git.md)."
                }
                Terminal.standardError("acctplan: warning: \(hook.path) already exists and is not acctplan's; it was left as it is, "
                    + "so 'git commit' does not lint plans yet.\(framework) Add this line to it:\n    \(setup.checkCommand)\n"
                    + "or run 'acctplan hooks install --chain' to add it for you (--force replaces the hook)\n")
            }
        }
        try setup.configureDiffDriver()
        Terminal.standardOutput("configured the 'acctplan' diff driver: git diff and git log -p show plan changes in plan terms\n")
        Terminal.standardOutput("configured the 'acctplan' merge driver: git merges plans row by row (docs/merge.md)\n")
        if options.binary == nil, HookSetup.onPath("acctplan") == nil {
            Terminal.standardError("acctplan: warning: 'acctplan' is not on PATH here; the hook, git diff and git log -p run "
                + "'acctplan' from PATH: put it there, or install again with --acctplan PATH\n")
        }
    }
}

/// `acctplan hooks uninstall`.
struct UninstallHooks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove what 'acctplan hooks install' added: its hook (or its block in a hook of yours) and the diff driver.",
        discussion: """
            A pre-commit hook that is not acctplan's is never removed; only the block 'install --chain' added to it is. Safe to run again: what is already gone is skipped.
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        let setup = try HookSetup(workspace: workspaceOptions, binary: nil)
        let hook = setup.hook
        var removed: [String] = []
        switch HookSetup.existing(at: hook) {
        case .acctplans:
            guard unlink(hook.path) == 0 else {
                throw ToolFailure("cannot remove \(hook.path): \(String(cString: strerror(errno)))")
            }
            removed.append("the pre-commit hook \(hook.path)")
        case .foreign(let foreign):
            if case .text(let text) = foreign, let without = HookSetup.unchained(text) {
                try setup.write(without, mode: nil)
                removed.append("acctplan's check from \(hook.path)")
            }
        case .none:
            break
        }
        do {
            for name in HookSetup.driverSettings where try setup.repository.unsetConfig(name) {
                removed.append(name)
            }
        } catch let error as GitError {
            throw ToolFailure("cannot change the repository's configuration: \(error)")
        }
        Terminal.standardOutput(removed.isEmpty ? "nothing to remove: acctplan's hook and diff driver are not installed\n"
            : removed.map { "removed \($0)\n" }.joined())
    }
}
