import ArgumentParser
import PlanModel
import PlanReports
import PlanServices

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

    @Argument(help: ArgumentHelp("The plan id: its file name without .md.", valueName: "id"),
              completion: .custom { _, _, _ in CompletionService.planIDs() })
    var id: String

    @Option(help: ArgumentHelp("account, industry or segment, when the id is used by more than one kind.", valueName: "kind"))
    var kind: PlanKind?

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: OutputFormat = .text

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        let found = try ShowService.find(id, kind: kind, workspace: workspaceOptions.workspace, at: sourceOptions.choice)
        let (plan, config) = (found.plan, found.workspace.config)
        if !found.otherKinds.isEmpty {
            Terminal.standardError("acctplan: note: '\(id)' is also a plan of kind "
                + found.otherKinds.map(\.rawValue).joined(separator: ", ") + "; showing the \(plan.kind.rawValue) plan (use --kind)\n")
        }
        try found.requireReadable()
        if found.problems > 0 {
            Terminal.standardError("acctplan: note: \(plan.path) has \(found.problems) problem\(found.problems == 1 ? "" : "s"); "
                + "run 'acctplan lint \(plan.path)'\n")
        }
        switch format {
        case .text: Terminal.standardOutput(PlanText.render(plan, config: config, color: Terminal.useColor()))
        case .json: Terminal.standardOutput(PlanJSON.render(plan, config: config))
        }
    }
}

extension PlanKind: ExpressibleByArgument {}
