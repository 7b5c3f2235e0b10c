import ArgumentParser
import PlanEngine
import PlanReports
import PlanServices

/// `acctplan whitespace`: which offerings each account has, is buying, or was never sold.
struct WhitespaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whitespace",
        abstract: UI.help("The whitespace map: accounts × offerings, installed, won, in the pipeline, lost or never sold.",
                          "空白点地图：客户 × 产品线，已实施、已赢单、商机中、已丢单或从未销售。"),
        discussion: UI.discussion("""
            The offerings are acctplan.yml's offerings: catalogue ({id, name}, in file order; without one, the ids the plans name). A plan says which offering a row is in the Offering column (产品线) of its Installed base and Opportunities tables.

            Each cell is one of: installed (an Installed base row that is live or implementing, or has no status), won (an opportunity in a won stage), pipeline (an open opportunity), lost (another closed stage), or empty — whitespace: nothing sold there yet. When several rows name one offering, the first of installed, won, pipeline, lost wins. Below the matrix: per offering, how many accounts have each state. docs/whitespace.md defines every cell.

            --by industry|segment|manager|region|abu prints the matrix and the counts per group (an account in two segments is in both).

            Formats: text (default), csv (one row per account, one column per offering id), json (every cell with the plan rows behind it, path:line), markdown.

              acctplan whitespace
              acctplan whitespace --by industry
              acctplan whitespace shanghai-tobacco zhejiang-tobacco
              acctplan whitespace --format csv > whitespace.csv
            """, """
            产品线来自 acctplan.yml 的 offerings: 目录（{id, name}，按文件中的顺序；没有目录时为计划中写到的编号）。计划在其“已实施产品”和“商机”表的“产品线”（Offering）列中写明一行属于哪条产品线。

            每个单元格是以下之一：已实施（运行中、实施中或未写状态的已实施产品行）、已赢单（处于赢单阶段的商机）、商机中（未关闭的商机）、已丢单（其他已关闭阶段），或为空——空白点：尚未在此销售。多行写到同一产品线时，按已实施、已赢单、商机中、已丢单的顺序取第一个。矩阵下方：每条产品线各状态的客户数。docs/whitespace.md 定义了每个单元格。

            --by industry|segment|manager|region|abu 按组列出矩阵和计数（属于两个细分市场的客户在两组中都出现）。

            格式：text（默认）、csv（每个客户一行，每个产品线编号一列）、json（每个单元格及其依据的计划行 path:line）、markdown。

              acctplan whitespace
              acctplan whitespace --by industry
              acctplan whitespace shanghai-tobacco zhejiang-tobacco
              acctplan whitespace --format csv > whitespace.csv
            """))

    @Argument(help: ArgumentHelp(UI.help("Account ids (file names without .md; default: every account).", "客户编号（去掉 .md 的文件名；默认：所有客户）。"), valueName: "account"))
    var accounts: [String] = []

    @Option(help: ArgumentHelp(UI.help("Group by industry, segment, manager, region or abu.", "按 industry、segment、manager、region 或 abu 分组。"), valueName: "dimension"))
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
