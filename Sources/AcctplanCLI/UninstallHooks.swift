import ArgumentParser
import PlanServices

/// `acctplan hooks uninstall`.
struct UninstallHooks: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "uninstall",
        abstract: UI.help("Remove what 'acctplan hooks install' added: its hooks (or its blocks in hooks of yours) and the diff and merge drivers.", "删除“acctplan hooks install”添加的内容：它的钩子（或在你的钩子中添加的代码块）以及 diff 和合并驱动。"),
        discussion: UI.discussion("""
            A hook that is not acctplan's is never removed; only the block 'install --chain' added to it is. Safe to run again: what is already gone is skipped.
            """, """
            不是 acctplan 的钩子从不删除；只删除“install --chain”加入其中的代码块。可重复运行：已经不存在的会被跳过。
            """)) }

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        let removed = try HookSetup(workspace: workspaceOptions.workspace, binary: nil).uninstall()
        Terminal.standardOutput(removed.isEmpty
            ? Terminal.say("nothing to remove: acctplan's hook and diff driver are not installed\n", "无需移除：acctplan 的钩子和差异驱动未安装\n")
            : removed.map(Self.said).joined())
    }

    /// "removed the pre-commit hook .git/hooks/pre-commit" / "已移除 pre-commit 钩子 …".
    static func said(_ removal: HookRemoval) -> String {
        switch removal {
        case .hook(let kind, let path):
            Terminal.say("removed the \(kind) hook \(path)\n", "已移除 \(kind) 钩子 \(path)\n")
        case .check(let path):
            Terminal.say("removed acctplan's check from \(path)\n", "已从 \(path) 中移除 acctplan 的检查\n")
        case .setting(let name):
            Terminal.say("removed \(name)\n", "已移除 git 配置项 \(name)\n")
        }
    }
}
