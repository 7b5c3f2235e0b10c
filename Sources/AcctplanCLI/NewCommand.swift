import ArgumentParser
import Foundation
import PlanServices
import PlanEngine
import PlanFormat
import PlanModel
import PlanWorkspace

/// `acctplan new account|industry|segment ID`: write a new plan from the skeleton.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new account, industry or segment plan from the skeleton.",
        discussion: """
            Writes accounts/ID.md (or industries/, segments/) with complete front matter and empty sections, in canonical form (as 'acctplan fmt' writes it). Refuses an invalid id, an id that a plan of that kind already uses (in any sub-folder), and any path outside the workspace. Never overwrites a file.

            Examples:
              acctplan new account xinan-tobacco --name "Xinan Tobacco" --industry tobacco --manager li-you
              acctplan new account east-power --folder east --industry energy --manager wang-fang --stage industry-solution
              acctplan new industry energy --name Energy --owner zhao-lei
            """)

    @Argument(help: ArgumentHelp("account, industry or segment.", valueName: "kind"))
    var kind: PlanKind

    @Argument(help: ArgumentHelp("The new plan's id (its file name): lowercase letters, digits and '-'.", valueName: "id"))
    var id: String

    @Option(help: "Display name (default: the id in title case).")
    var name: String?

    @Option(help: ArgumentHelp("Account: the industry id (required for accounts).", valueName: "id"))
    var industry: String?

    @Option(help: ArgumentHelp("Account: the lifecycle stage (default: the first stage).", valueName: "stage"))
    var stage: String?

    @Option(help: ArgumentHelp("Account: the account manager's person id (required for accounts).", valueName: "person"))
    var manager: String?

    @Option(help: ArgumentHelp("Industry or segment: the owner's person id (required for those).", valueName: "person"))
    var owner: String?

    @Option(help: ArgumentHelp("A sub-folder of accounts/ (or industries/, segments/) to put the plan in.", valueName: "folder"))
    var folder: String?

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        guard ValueSyntax.isValidID(id) else {
            throw ToolFailure("'\(id)' is not a valid plan id: use lowercase letters, digits and '-' (e.g. 'xinan-tobacco')")
        }
        let root = try workspaceOptions.root()
        let workspace = try OpenedWorkspace.workingTree(root).load()
        if let existing = workspace.plans.first(where: { $0.kind == kind && $0.id == id }) {
            throw ToolFailure("a \(kind.rawValue) plan '\(id)' already exists at \(existing.path)")
        }
        var fields = PlanSkeleton.Fields(name: name ?? Self.titleCase(id), reviewed: AsOfOption.today())
        switch kind {
        case .account:
            guard let industry else { throw ToolFailure("an account needs --industry ID") }
            guard let manager else { throw ToolFailure("an account needs --manager PERSON (the account manager)") }
            try Self.checkID(industry, "--industry")
            try Self.checkID(manager, "--manager")
            let stages = workspace.config.lifecycle.map(\.id)
            let chosen = stage ?? stages.first ?? "departmental"
            guard stages.contains(chosen) else {
                let suggestion = ValueSyntax.closest(to: chosen, in: stages)
                throw ToolFailure("unknown lifecycle stage '\(chosen)'" + ValueSyntax.didYouMean(suggestion)
                    + "; stages are: " + stages.joined(separator: ", "))
            }
            fields.industry = industry
            fields.manager = manager
            fields.stage = chosen
        case .industry, .segment:
            guard let owner = owner ?? manager else { throw ToolFailure("a \(kind.rawValue) plan needs --owner PERSON") }
            try Self.checkID(owner, "--owner")
            fields.manager = owner
        }
        var relative = kind.folder
        if let folder, !folder.isEmpty {
            relative += "/" + folder.split(separator: "/").joined(separator: "/")
        }
        relative += "/\(id).md"
        let text = Self.canonical(PlanSkeleton.text(kind: kind, fields: fields), path: relative, id: id,
                                  kind: kind, config: workspace.config)
        do {
            try WorkspaceWriter.create(relative, in: root, text: text)
        } catch let error as WorkspaceError {
            throw ToolFailure(error.description)
        }
        Terminal.standardOutput("created \(relative)\n")
    }

    /// The skeleton in canonical form, so that `fmt --check` (which the template's CI runs)
    /// accepts a new plan. The skeleton is written canonical already; this keeps it so whatever
    /// the name or the workspace's configuration. A skeleton the formatter will not rewrite
    /// (it would have to refuse it) is written as it is, for lint to explain.
    static func canonical(_ text: String, path: String, id: String, kind: PlanKind, config: WorkspaceConfig) -> String {
        switch PlanFormatter(config: config).format(Data(text.utf8), path: path, kind: kind, id: id) {
        case .formatted(let data): return String(decoding: data, as: UTF8.self)
        case .unchanged, .refused, .conflicted, .unsafe: return text
        }
    }

    static func checkID(_ value: String, _ option: String) throws {
        guard ValueSyntax.isValidID(value) else {
            throw ToolFailure("\(option) '\(value)' is not a valid id: use lowercase letters, digits and '-'")
        }
    }

    static func titleCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
