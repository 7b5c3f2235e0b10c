import ArgumentParser

/// `acctplan hooks install|uninstall`.
struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Install or remove the git pre-commit hook that lints plans, and the semantic diff driver.",
        subcommands: [InstallHooks.self, UninstallHooks.self])
}

/// What `acctplan hooks install` and `uninstall` share: where the hook is, and which binary the
/// hook and the diff driver run.
struct HookOptions: ParsableArguments {
    @Option(name: .customLong("acctplan"),
            help: ArgumentHelp("The acctplan binary the hook and the diff driver run (default: 'acctplan', found on PATH when git runs them).",
                               valueName: "path"))
    var binary: String?

    @OptionGroup var workspaceOptions: WorkspaceOptions
}
