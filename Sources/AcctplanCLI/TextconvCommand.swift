import ArgumentParser
import Foundation
import PlanServices

/// `acctplan textconv FILE`: git's textconv filter for plans (diff.acctplan.textconv). Prints the
/// plan's meaning as sorted lines — fields, then each section's items by key, then the prose line
/// by line — so that the line diffs git shows in `git log -p` are semantic: reordering is no
/// change, amounts are normalised, and an edited sentence shows as itself.
struct TextconvCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "textconv",
        abstract: UI.help("Print a plan as sorted semantic lines (git's textconv filter for plans).", "把计划打印为排好序的语义行（git 的计划 textconv 过滤器）。"),
        shouldDisplay: false) }

    @Argument(help: ArgumentHelp(UI.help("The plan file (git passes a temporary copy).", "计划文件（git 传入的是临时副本）。")))
    var file: String

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        try Self.textconv(file, workspace: workspaceOptions.workspace)
    }

    /// The filter itself, also run by ``HotPath`` without ArgumentParser.
    static func textconv(_ file: String, workspace: String?) throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ToolFailure("cannot read \(file)") }
        Terminal.standardOutput(TextconvService.meaning(of: data, workspace: workspace) ?? String(decoding: data, as: UTF8.self))
    }
}
