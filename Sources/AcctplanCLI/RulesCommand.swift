import ArgumentParser
import PlanEngine
import PlanReports

/// `acctplan rules`: the rule catalogue.
struct RulesCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "rules",
        abstract: UI.help("List every lint rule with its default severity and what it finds.", "列出所有检查规则及其默认严重级别和检查内容。"),
        discussion: UI.discussion("With --markdown, prints the full reference with rationale and examples (docs/rules.md).",
                            "加 --markdown 时打印完整的参考，包括理由和示例（docs/rules.md）。")) }

    @Flag(help: ArgumentHelp(UI.help("Print the full Markdown reference instead of a table.", "打印完整的 Markdown 参考，而不是表格。")))
    var markdown = false

    func run() throws {
        let rules = RuleRegistry.descriptions
        Terminal.standardOutput(markdown ? RulesReporter.markdown(rules) : RulesReporter.text(rules, language: UI.languageOutsideWorkspace()))
    }
}
