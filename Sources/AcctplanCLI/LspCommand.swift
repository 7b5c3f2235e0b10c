import ArgumentParser
import Foundation
import PlanLanguageServer
import PlanServices

/// `acctplan lsp`: the language server an editor starts (docs/editors.md).
struct LspCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "lsp",
        abstract: UI.help("Run the language server: live diagnostics, completion, hover and formatting in your editor.", "运行语言服务器：在编辑器中实时诊断、补全、悬停提示和格式化。"),
        discussion: UI.discussion("""
            Speaks the Language Server Protocol over stdin and stdout; your editor starts it, you do not. It attaches to the workspace found from the editor's root folder (the nearest folder with acctplan.yml at or above it), or to --workspace DIR, and only to that workspace's plans and acctplan.yml.

            Setup for Neovim, Helix, Emacs, Zed and VS Code: docs/editors.md.
            """, """
            通过标准输入和标准输出使用语言服务器协议（Language Server Protocol）；由编辑器启动，而不是由你启动。它关联到从编辑器根文件夹找到的工作区（该文件夹或其上级中最近的含 acctplan.yml 的文件夹），或 --workspace DIR 指定的工作区，并且只处理该工作区的计划和 acctplan.yml。

            Neovim、Helix、Emacs、Zed 和 VS Code 的设置：docs/editors.md。
            """)) }

    @Option(name: .long, help: ArgumentHelp(UI.help("The workspace root (default: found from the editor's root folder).", "工作区根目录（默认：从编辑器的根文件夹查找）。"), valueName: "dir"))
    var workspace: String?

    @OptionGroup var asOfOption: AsOfOption

    func run() throws {
        let root = try workspace.map { try WorkspaceLocation.root($0) }
        // Diagnostics follow the workspace's `language:`; else `--lang`, else the editor's locale.
        let server = LanguageServer(writer: MessageWriter(fileDescriptor: STDOUT_FILENO), asOf: try asOfOption.date(), workspace: root,
                                    language: UI.withoutWorkspace)
        let status = server.run(MessageReader(fileDescriptor: STDIN_FILENO))
        if status != 0 { throw ExitCode(status) }
    }
}
