import ArgumentParser
import PlanEngine
import PlanReports
import PlanServices

/// `acctplan whitespace`: which offerings each account has, is buying, or was never sold.
struct WhitespaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whitespace",
        abstract: "The whitespace map: accounts × offerings, installed, won, in the pipeline, lost or never sold.",
        discussion: """
            The offerings are acctplan.yml's offerings: catalogue ({id, name}, in file order; without one, the ids the plans name). A plan says which offering a row is in the Offering column (产品线) of its Installed base and Opportunities tables.

            Each cell is one of: installed (an Installed base row that is live or implementing, or has no status), won (an opportunity in a won stage), pipeline (an open opportunity), lost (another closed stage), or empty — whitespace: nothing sold there yet. When several rows name one offering, the first of installed, won, pipeline, lost wins. Below the matrix: per offering, how many accounts have each state. docs/whitespace.md defines every cell.

            --by industry|segment|manager|region|abu prints the matrix and the counts per group (an account in two segments is in both).

            Formats: text (default), csv (one row per account, one column per offering id), json (every cell with the plan rows behind it, path:line), markdown.

              acctplan whitespace
              acctplan whitespace --by industry
              acctplan whitespace shanghai-tobacco zhejiang-tobacco
              acctplan whitespace --format csv > whitespace.csv
            """)

    @Argument(help: ArgumentHelp("Account ids (file names without .md; default: every account).", valueName: "account"))
    var accounts: [String] = []

    @Option(help: ArgumentHelp("Group by industry, segment, manager, region or abu.", valueName: "dimension"))
    var by: Rollup.Dimension?

    @Option(help: FormatChoice<WhitespaceFormatList>.help)
    var format = FormatChoice<WhitespaceFormatList>.first

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        let result = try WhitespaceService.whitespace(workspace: workspaceOptions.workspace, at: sourceOptions.choice,
                                                      accounts: accounts, by: by, warn: Terminal.warn)
        Terminal.standardOutput(format.format.render(result.map, color: Terminal.useColor(),
                                                     language: UI.language(workspace: result.language)))
    }
}

enum WhitespaceFormatList: FormatList {
    static var formats: [any WhitespaceFormat] { WhitespaceFormats.all }
    static func name(of format: any WhitespaceFormat) -> String { format.name }
}
