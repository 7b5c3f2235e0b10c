import ArgumentParser
import PlanModel
import PlanServices

/// `acctplan new account|industry|segment ID`: write a new plan from the skeleton.
struct NewCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "new",
        abstract: UI.help("Create a new account, industry or segment plan from the skeleton.", "根据骨架创建新的客户、行业或细分市场计划。"),
        discussion: """
            Writes accounts/ID.md (or industries/, segments/) with complete front matter and empty sections, in canonical form (as 'acctplan fmt' writes it). Refuses an invalid id, an id that a plan of that kind already uses (in any sub-folder), and any path outside the workspace. Never overwrites a file.

            Examples:
              acctplan new account xinan-tobacco --name "Xinan Tobacco" --industry tobacco --manager li-you
              acctplan new account east-power --folder east --industry energy --manager wang-fang --stage industry-solution
              acctplan new industry energy --name Energy --owner zhao-lei
            """) }

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
        var request = NewPlanService.Request(kind: kind, id: id, today: AsOfOption.today())
        (request.name, request.industry, request.stage, request.manager) = (name, industry, stage, manager)
        (request.owner, request.folder, request.workspace) = (owner, folder, workspaceOptions.workspace)
        Terminal.standardOutput("created \(try NewPlanService.create(request))\n")
    }
}
