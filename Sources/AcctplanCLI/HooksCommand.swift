import ArgumentParser

/// `acctplan hooks install|uninstall`.
struct HooksCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "hooks",
        abstract: UI.help("Install or remove the git pre-commit hook that lints plans, and the semantic diff driver.", "安装或删除检查计划的 git pre-commit 钩子，以及语义 diff 驱动。"),
        subcommands: [InstallHooks.self, UninstallHooks.self]) }
}

/// `acctplan hooks install`'s options: which binary the hook and the diff driver run, and the workspace.
struct HookOptions: ParsableArguments {
    @Option(name: .customLong("acctplan"),
            help: ArgumentHelp(UI.help("The acctplan binary the hook and the diff driver run (default: 'acctplan', found on PATH when git runs them).",
                                       "钩子和 diff 驱动运行的 acctplan 程序（默认：“acctplan”，git 运行时从 PATH 中查找）。"),
                               valueName: "path"))
    var binary: String?

    @OptionGroup var workspaceOptions: WorkspaceOptions
}
