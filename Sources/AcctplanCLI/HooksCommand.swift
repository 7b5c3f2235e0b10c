import ArgumentParser

/// `acctplan hooks install|uninstall`.
struct HooksCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "hooks",
        abstract: UI.help("Install or remove the git hooks that lint plans and refuse conflict markers, and the diff and merge drivers.",
                          "安装或删除检查计划并拒绝冲突标记的 git 钩子，以及 diff 和合并驱动。"),
        subcommands: [InstallHooks.self, UninstallHooks.self, CheckConflictsHook.self]) }
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
