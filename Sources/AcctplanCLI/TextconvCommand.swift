import ArgumentParser
import Foundation
import PlanServices
import PlanEngine
import PlanModel
import PlanParser

/// `acctplan textconv FILE`: git's textconv filter for plans (diff.acctplan.textconv). Prints the
/// plan's meaning as sorted lines — fields, then each section's items by key, then the prose line
/// by line — so that the line diffs git shows in `git log -p` are semantic: reordering is no
/// change, amounts are normalised, and an edited sentence shows as itself.
struct TextconvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "textconv",
        abstract: "Print a plan as sorted semantic lines (git's textconv filter for plans).",
        shouldDisplay: false)

    @Argument(help: "The plan file (git passes a temporary copy).")
    var file: String

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ToolFailure("cannot read \(file)") }
        var config = WorkspaceConfig()
        if let root = try? workspaceOptions.root(),
           let configData = FileManager.default.contents(atPath: root.appendingPathComponent("acctplan.yml").path) {
            config = ConfigParser.parse(configData).0
        }
        // git hands over a temporary file: the kind follows from the fields.
        var plan = PlanParser(config: config).parse(data, path: "plan.md", kind: .account, id: "plan", depth: .withProse).plan
        if plan.entry("industry") == nil && plan.entry("owner") != nil {
            plan = PlanParser(config: config).parse(data, path: "plan.md", kind: .industry, id: "plan", depth: .withProse).plan
        }
        guard plan.isReadable else {
            Terminal.standardOutput(String(decoding: data, as: UTF8.self))
            return
        }
        let meaning = PlanDiff.compare(.init(nil, config: config), .init(plan, config: config))
        var lines = (meaning?.fields ?? []).map { "\($0.name): \($0.to)" }.sorted()
        for section in meaning?.sections ?? [] {
            for item in section.items.sorted(by: { $0.key < $1.key }) {
                let values = item.fields.map { "\($0.name) \($0.to)" }.joined(separator: "; ")
                lines.append("\(section.section.rawValue) | \(item.key) | \(values)")
            }
        }
        // Prose as its own lines, in file order, each named by its section: git's line diff then
        // shows the sentence that changed.
        for part in plan.prose ?? [] {
            let name = part.heading.map { "## " + $0 } ?? "(\(ProseSection.outsideSectionsName))"
            lines += part.lines.map { "prose \(name) | \($0.text)" }
        }
        Terminal.standardOutput(lines.joined(separator: "\n") + "\n")
    }
}
