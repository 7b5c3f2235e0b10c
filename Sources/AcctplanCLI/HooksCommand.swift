import ArgumentParser

/// `acctplan hooks install|uninstall`.
struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Install or remove the git pre-commit hook that lints plans, and the semantic diff driver.",
        subcommands: [InstallHooks.self, UninstallHooks.self])
}

/// `acctplan hooks install`'s options: which binary the hook and the diff driver run, and the workspace.
struct HookOptions: ParsableArguments {
    @Option(name: .customLong("acctplan"),
            help: ArgumentHelp("The acctplan binary the hook and the diff driver run (default: 'acctplan', found on PATH when git runs them).",
                               valueName: "path"))
    var binary: String?

    @OptionGroup var workspaceOptions: WorkspaceOptions
}
