import ArgumentParser
import PlanEngine
import PlanReports

/// `acctplan rules`: the rule catalogue.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every lint rule with its default severity and what it finds.",
        discussion: "With --markdown, prints the full reference with rationale and examples (docs/rules.md).")

    @Flag(help: "Print the full Markdown reference instead of a table.")
    var markdown = false

    func run() throws {
        let rules = RuleRegistry.descriptions
        Terminal.standardOutput(markdown ? RulesReporter.markdown(rules) : RulesReporter.text(rules, language: UI.languageOutsideWorkspace()))
    }
}
