import ArgumentParser
import PlanLocalization
import PlanModel
import PlanServices

/// `acctplan new account|industry|segment ID`: write a new plan from the skeleton.
struct NewCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "new",
        abstract: UI.help("Create a new account, industry or segment plan from the skeleton.", "根据骨架创建新的客户、行业或细分市场计划。"),
        discussion: UI.discussion("""
            Writes accounts/ID.md (or industries/, segments/) with complete front matter and empty sections, in canonical form (as 'acctplan fmt' writes it). Refuses an invalid id, an id that a plan of that kind already uses (in any sub-folder), and any path outside the workspace. Never overwrites a file.

            Examples:
              acctplan new account xinan-tobacco --name "Xinan Tobacco" \\
                  --industry tobacco --manager li-you
              acctplan new account east-power --folder east --industry energy \\
                  --manager wang-fang --stage industry-solution
              acctplan new industry energy --name Energy --owner zhao-lei
            """, """
            写入 accounts/ID.md（或 industries/、segments/），包含完整的前置元数据和空的各部分，采用规范格式（与“acctplan fmt”写出的相同）。拒绝无效的编号、同类计划（在任何子文件夹中）已用的编号，以及工作区之外的任何路径。从不覆盖文件。

            示例：
              acctplan new account xinan-tobacco --name "Xinan Tobacco" \\
                  --industry tobacco --manager li-you
              acctplan new account east-power --folder east --industry energy \\
                  --manager wang-fang --stage industry-solution
              acctplan new industry energy --name Energy --owner zhao-lei
            """)) }

    @Argument(help: ArgumentHelp(UI.help("account, industry or segment.", "account、industry 或 segment。"), valueName: "kind"))
    var kind: PlanKind

    @Argument(help: ArgumentHelp(UI.help("The new plan's id (its file name): lowercase letters, digits and '-'.", "新计划的编号（即文件名）：小写字母、数字和“-”。"), valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp(UI.help("Display name (default: the id in title case).", "显示名称（默认：首字母大写的编号）。")))
    var name: String?

    @Option(help: ArgumentHelp(UI.help("Account: the industry id (required for accounts).", "客户计划：行业编号（客户计划必填）。"), valueName: "id"))
    var industry: String?

    @Option(help: ArgumentHelp(UI.help("Account: the lifecycle stage (default: the first stage).", "客户计划：生命周期阶段（默认：第一个阶段）。"), valueName: "stage"))
    var stage: String?

    @Option(help: ArgumentHelp(UI.help("Account: the account manager's person id (required for accounts).", "客户计划：客户经理的人员编号（客户计划必填）。"), valueName: "person"))
    var manager: String?

    @Option(help: ArgumentHelp(UI.help("Industry or segment: the owner's person id (required for those).", "行业或细分市场计划：负责人的人员编号（这两类计划必填）。"), valueName: "person"))
    var owner: String?

    @Option(help: ArgumentHelp(UI.help("A sub-folder of accounts/ (or industries/, segments/) to put the plan in.", "存放计划的 accounts/（或 industries/、segments/）下的子文件夹。"), valueName: "folder"))
    var folder: String?

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        var request = NewPlanService.Request(kind: kind, id: id, today: AsOfOption.today())
        (request.name, request.industry, request.stage, request.manager) = (name, industry, stage, manager)
        (request.owner, request.folder, request.workspace) = (owner, folder, workspaceOptions.workspace)
        let path = try NewPlanService.create(request) { warning in
            Terminal.standardError(Terminal.say("acctplan: warning: \(warning)\n", "acctplan: 警告：\(Localizer.translate(warning, to: .zhCN))\n"))
        }
        Terminal.standardOutput(Terminal.say("created \(path)\n", "已创建 \(path)\n"))
    }
}
