import ArgumentParser
import PlanQuery
import PlanReports
import PlanServices
import Foundation

/// `acctplan query`: ask the plans a question in one line (docs/query.md).
struct QueryCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "query",
        abstract: UI.help("List the opportunities, actions, accounts... that match a few terms, with totals.", "列出符合几个条件的商机、行动、客户等，并给出合计。"),
        discussion: UI.discussion("""
            ENTITY is accounts, opportunities, actions, stakeholders, moments, installed-base, industries or segments (singular forms too). A TERM is field:value (equal; case-insensitive; for a list, contains the element), field:>V, field:>=V, field:<V, field:<=V, field:A..B (inclusive), field:~text (contains), has:field, or not:TERM. Terms on the same field are alternatives (OR); terms on different fields must all hold (AND); each not: term must hold on its own. Values: dates (2027-03-31, today, today+30d, today-7d), fiscal periods (2027Q1, 2027, thisquarter, nextquarter, lastquarter, thisyear, nextyear, lastyear), amounts (1M, "CNY 2.4M": compared in the workspace currency), percents (50%), yes/no. Items of account plans have their account's fields under account. (account.industry:tobacco).

              acctplan query opportunities open:yes close:thisquarter \\
                  --sort -amount --sum weighted
              acctplan query opportunities 'amount:>1M' account.industry:tobacco \\
                  stage:negotiate
              acctplan query actions overdue:yes --by owner
              acctplan query accounts stage:integration 'not:reviewed:>=today-90d'
              acctplan query accounts not:roles:sponsor
              acctplan query @closing-this-quarter   # a view saved in acctplan.yml

            Quote a term with > or < (or a space) for the shell: 'amount:>1M'. Every field of every entity, and the answers to twelve everyday questions: docs/query.md.
            """, """
            ENTITY 是 accounts、opportunities、actions、stakeholders、moments、installed-base、industries 或 segments（也可用单数形式）。TERM 是 field:value（等于；不区分大小写；对列表而言是包含该元素）、field:>V、field:>=V、field:<V、field:<=V、field:A..B（含两端）、field:~text（包含）、has:field 或 not:TERM。同一字段上的多个条件是“或”（OR）；不同字段上的条件必须同时满足（AND）；每个 not: 条件必须单独满足。值：日期（2027-03-31、today、today+30d、today-7d）、财务期间（2027Q1、2027、thisquarter、nextquarter、lastquarter、thisyear、nextyear、lastyear）、金额（1M、"CNY 2.4M"：按工作区货币比较）、百分比（50%）、yes/no。客户计划中的条目可通过 account. 使用其客户的字段（account.industry:tobacco）。

              acctplan query opportunities open:yes close:thisquarter \\
                  --sort -amount --sum weighted
              acctplan query opportunities 'amount:>1M' account.industry:tobacco \\
                  stage:negotiate
              acctplan query actions overdue:yes --by owner
              acctplan query accounts stage:integration 'not:reviewed:>=today-90d'
              acctplan query accounts not:roles:sponsor
              acctplan query @closing-this-quarter   # acctplan.yml 中 views: 下保存的视图

            含 > 或 <（或空格）的条件要为 shell 加引号：'amount:>1M'。每个实体的每个字段，以及十二个日常问题的答案：docs/query.md。
            """)) }

    @Argument(help: ArgumentHelp(UI.help("What to list: accounts, opportunities, actions, stakeholders, moments, installed-base, industries, segments; or @view, a query saved under views: in acctplan.yml.", "要列出的内容：accounts、opportunities、actions、stakeholders、moments、installed-base、industries、segments；或 @view，即 acctplan.yml 中 views: 下保存的查询。"), valueName: "entity"),
              completion: .custom { _, _, _ in CompletionService.queryWords([]) })
    var entity: String
    @Argument(help: ArgumentHelp(UI.help("Terms the rows must pass (field:value and the like).", "行必须满足的条件（field:value 等）。"), valueName: "term"),
              completion: .custom { words, index, _ in CompletionService.queryWords(Self.queryWords(words, before: index)) })
    var terms: [String] = []

    @Option(help: ArgumentHelp(UI.help("The fields to show, comma-separated (default: the entity's usual ones).", "要显示的字段，用逗号分隔（默认：该实体的常用字段）。"), valueName: "f,f,..."))
    var columns: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(UI.help("Sort by a field; -field for descending (default: by plan path and line).", "按字段排序；-field 为降序（默认：按计划路径和行号）。"), valueName: "[-]field"))
    var sort: String?
    @Option(parsing: .singleValue, help: ArgumentHelp(UI.help("Add up an amount or number field (repeatable, or comma-separated).", "对金额或数字字段求和（可重复，或用逗号分隔）。"), valueName: "field"))
    var sum: [String] = []
    @Option(help: ArgumentHelp(UI.help("Group the rows by a field's value, with subtotals.", "按字段的值分组，并给出小计。"), valueName: "field"))
    var by: String?
    // Unconditional: `--limit -1` is a value to refuse with the reason, not a missing one.
    @Option(parsing: .unconditional,
            help: ArgumentHelp(UI.help("List at most N rows (the totals add up the rows listed).", "最多列出 N 行（合计只加总列出的行）。"), valueName: "n"))
    var limit: Int?
    @Option(help: FormatChoice<QueryFormatList>.help)
    var format: FormatChoice<QueryFormatList>?

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOption: AsOfOption

    func run() throws {
        let (request, format) = try request()
        let result = try QueryService.query(request, workspace: workspaceOptions.workspace, at: sourceOptions.choice,
                                            asOf: try asOfOption.date(), warn: Terminal.warn)
        // The query's result carries no configuration: the workspace's `language:` is read from
        // acctplan.yml's line, as for `diff`.
        Terminal.standardOutput(format.format.render(result, color: Terminal.useColor(), language: UI.languageOutsideWorkspace()))
    }
}

extension QueryCommand {
    /// The words after `query` on the command line being completed, up to the cursor's word.
    static func queryWords(_ words: [String], before index: Int) -> [String] {
        guard let start = words.firstIndex(of: configuration.commandName ?? "query") else { return [] }
        return Array(words[(start + 1)..<max(start + 1, min(index, words.count))])
    }
}

enum QueryFormatList: FormatList {
    static var formats: [any QueryFormat] { QueryFormats.all }
    static func name(of format: any QueryFormat) -> String { format.name }
}
