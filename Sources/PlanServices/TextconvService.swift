import Foundation
import PlanEngine
import PlanModel
import PlanParser

/// `textconv`: git's textconv filter for plans (diff.acctplan.textconv).
public enum TextconvService {
    /// The plan's meaning as sorted lines — fields, then each section's items by key, then the
    /// prose line by line — so that the line diffs git shows in `git log -p` are semantic:
    /// reordering is no change, amounts are normalised, and an edited sentence shows as itself.
    /// Read with the configuration of the workspace `workspace` (when one is found). nil when the
    /// bytes are not a readable plan, or acctplan.yml cannot be read (git then shows them as they are).
    public static func meaning(of data: Data, workspace: String?) -> String? {
        var config = WorkspaceConfig()
        if let root = try? WorkspaceLocation.root(workspace),
           let configData = FileManager.default.contents(atPath: root.appendingPathComponent("acctplan.yml").path) {
            config = ConfigParser.parse(configData).0
        }
        // git hands over a temporary file: the kind follows from the fields.
        var plan = PlanParser(config: config).parse(data, path: "plan.md", kind: .account, id: "plan", depth: .withProse).plan
        if plan.entry("industry") == nil && plan.entry("owner") != nil {
            plan = PlanParser(config: config).parse(data, path: "plan.md", kind: .industry, id: "plan", depth: .withProse).plan
        }
        // Nor is a plan shown in the meaning the default settings give it when acctplan.yml
        // cannot be read: git shows its text.
        guard plan.isReadable, config.isReadable else { return nil }
        let meaning = PlanDiff.compare(.init(nil, config: config), .init(plan, config: config))
        var lines = (meaning?.fields ?? []).map { "\($0.name): \($0.to)" }.sorted()
        for section in meaning?.sections ?? [] {
            for item in section.items.sorted(by: { $0.key < $1.key }) {
                let values = item.fields.map { "\($0.name) \($0.to)" }.joined(separator: "; ")
                lines.append("\(section.id) | \(item.key) | \(values)")
            }
        }
        // Prose as its own lines, in file order, each named by its section: git's line diff then
        // shows the sentence that changed.
        for part in plan.prose ?? [] {
            let name = part.heading.map { "## " + $0 } ?? "(\(ProseSection.outsideSectionsName))"
            lines += part.lines.map { "prose \(name) | \($0.text)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
