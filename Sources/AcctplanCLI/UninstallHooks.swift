import ArgumentParser
import PlanServices

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
        let removed = try HookSetup(workspace: workspaceOptions.workspace, binary: nil).uninstall()
        Terminal.standardOutput(removed.isEmpty ? "nothing to remove: acctplan's hook and diff driver are not installed\n"
            : removed.map { "removed \($0)\n" }.joined())
    }
}
