import ArgumentParser
import Foundation
import PlanEngine
import PlanModel
import PlanReports
import PlanWorkspace

/// `acctplan show ID`: one plan as parsed.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one plan as acctplan reads it, with computed values.",
        discussion: """
            Prints the plan's fields and the items of its sections, with what acctplan computes from them: each opportunity's amount in the workspace currency, its probability (the stage's default when the cell is empty) and its weighted amount.

            Examples:
              acctplan show shanghai-tobacco
              acctplan show tobacco --kind industry --format json
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("The plan id: its file name without .md.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("account, industry or segment, when the id is used by more than one kind.", valueName: "kind"))
    var kind: PlanKind?

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: OutputFormat = .text

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        let workspace = try OpenedWorkspace.open(workspaceOptions, sourceOptions).load()
        let matches = workspace.plans.filter { $0.id == id && (kind == nil || $0.kind == kind) }
        guard let plan = matches.first else {
            let suggestion = ValueSyntax.closest(to: id, in: workspace.plans.map(\.id))
            throw ToolFailure("no \(kind?.rawValue ?? "") plan '\(id)' in the workspace".replacingOccurrences(of: "no  ", with: "no ")
                + ValueSyntax.didYouMean(suggestion))
        }
        if matches.count > 1, kind == nil {
            Terminal.standardError("acctplan: note: '\(id)' is also a plan of kind "
                + matches.dropFirst().map(\.kind.rawValue).joined(separator: ", ") + "; showing the \(plan.kind.rawValue) plan (use --kind)\n")
        }
        try UnreadableFiles.requireReadableConfig(workspace)
        try UnreadableFiles.requireReadable(plan, in: workspace)
        let problems = workspace.findings.filter { $0.path == plan.path }.count
        if problems > 0 {
            Terminal.standardError("acctplan: note: \(plan.path) has \(problems) problem\(problems == 1 ? "" : "s"); run 'acctplan lint \(plan.path)'\n")
        }
        switch format {
        case .text: Terminal.standardOutput(PlanText.render(plan, config: workspace.config, color: Terminal.useColor()))
        case .json: Terminal.standardOutput(PlanJSON.render(plan, config: workspace.config))
        }
    }
}

extension PlanKind: ExpressibleByArgument {}
