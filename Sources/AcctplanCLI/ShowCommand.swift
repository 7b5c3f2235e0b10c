import ArgumentParser
import PlanLocalization
import PlanModel
import PlanReports
import PlanServices

/// `acctplan show ID`: one plan as parsed.
struct ShowCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "show",
        abstract: UI.help("Show one plan as acctplan reads it, with computed values.", "按 acctplan 的理解显示一个计划，附带计算值。"),
        discussion: UI.discussion("""
            Prints the plan's fields and the items of its sections, with what acctplan computes from them: each opportunity's amount in the workspace currency, its probability (the stage's default when the cell is empty) and its weighted amount.

            Examples:
              acctplan show shanghai-tobacco
              acctplan show tobacco --kind industry --format json
              acctplan show shanghai-tobacco --map                   # organisation chart
              acctplan show shanghai-tobacco --map --format mermaid  # for a pull request

            --map draws the customer's organisation from the Stakeholders table's Reports to column, and names the coverage gaps: no sponsor, no decision-maker, a decision-maker whose relationship is weak, none or not written.
            """, """
            列出计划的字段和各部分的条目，以及 acctplan 据此计算的结果：每个商机按工作区货币计的金额、概率（单元格为空时取该阶段的默认值）和加权金额。

            示例：
              acctplan show shanghai-tobacco
              acctplan show tobacco --kind industry --format json
              acctplan show shanghai-tobacco --map                   # 组织架构图
              acctplan show shanghai-tobacco --map --format mermaid  # 同上，用于拉取请求

            --map 根据干系人表的“汇报对象”列画出客户的组织架构，并指出覆盖缺口：没有发起人、没有决策者、决策者的关系为弱、无或未填写。
            """)) }

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json, mermaid }

    @Argument(help: ArgumentHelp(UI.help("The plan id: its file name without .md.", "计划编号：即去掉 .md 的文件名。"), valueName: "id"),
              completion: .custom { _, _, _ in CompletionService.planIDs() })
    var id: String

    @Option(help: ArgumentHelp(UI.help("account, industry or segment, when the id is used by more than one kind.", "account、industry 或 segment，当多种计划使用同一编号时指定。"), valueName: "kind"))
    var kind: PlanKind?

    @Option(help: ArgumentHelp(UI.help("Output format: text or json (with --map also mermaid).", "输出格式：text 或 json（配合 --map 还可用 mermaid）。"), valueName: "format"))
    var format: OutputFormat = .text

    @Flag(help: ArgumentHelp(UI.help("Show the customer's organisation chart (Stakeholders' Reports to) and its coverage gaps.", "显示客户的组织架构图（干系人的汇报对象）及覆盖缺口。")))
    var map = false

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var workspaceOptions: WorkspaceOptions

    func validate() throws {
        if format == .mermaid && !map { throw ValidationError("--format mermaid draws the organisation chart: add --map") }
    }

    func run() throws {
        let found = try ShowService.find(id, kind: kind, workspace: workspaceOptions.workspace, at: sourceOptions.choice)
        let (plan, config) = (found.plan, found.workspace.config)
        if !found.otherKinds.isEmpty {
            Terminal.standardError(Terminal.say(
                "acctplan: note: '\(id)' is also a plan of kind "
                    + found.otherKinds.map(\.rawValue).joined(separator: ", ") + "; showing the \(plan.kind.rawValue) plan (use --kind)\n",
                "acctplan: 注意：“\(id)”也是" + found.otherKinds.map { ReportLabel.kind($0.rawValue, in: .zhCN) }.joined(separator: "、")
                    + "计划；显示的是\(ReportLabel.kind(plan.kind.rawValue, in: .zhCN))计划（可用 --kind 指定）\n"))
        }
        try found.requireReadable()
        if found.problems > 0 {
            Terminal.standardError(Terminal.say(
                "acctplan: note: \(plan.path) has \(found.problems) problem\(found.problems == 1 ? "" : "s"); run 'acctplan lint \(plan.path)'\n",
                "acctplan: 注意：\(plan.path) 有 \(found.problems) 个问题；请运行“acctplan lint \(plan.path)”\n"))
        }
        switch (format, map) {
        case (.text, false): Terminal.standardOutput(PlanText.render(plan, config: config, color: Terminal.useColor(),
                                                                                      language: UI.language(workspace: config.language)))
        case (.json, false): Terminal.standardOutput(PlanJSON.render(plan, config: config))
        case (.text, true): Terminal.standardOutput(OrgChartReporter.text(plan, color: Terminal.useColor(),
                                                                          language: UI.language(workspace: config.language)))
        case (.json, true): Terminal.standardOutput(OrgChartReporter.json(plan))
        case (.mermaid, _): Terminal.standardOutput(OrgChartReporter.mermaid(plan, language: UI.language(workspace: config.language)))
        }
    }
}

extension PlanKind: ExpressibleByArgument {}
