import ArgumentParser
import PlanServices

/// `--rev REV` / `--staged`: where a reading command takes the plans from.
struct SourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp(UI.help("Read the plans of a revision (HEAD~2, a branch, a tag, a commit id) straight from git.",
                                         "直接从 git 读取某个版本（HEAD~2、分支、标签、提交编号）的计划。"), valueName: "rev"))
    var rev: String?

    @Flag(help: ArgumentHelp(UI.help("Read the plans as staged in the git index.", "读取 git 索引中已暂存的计划。")))
    var staged = false

    func validate() throws {
        if rev != nil && staged { throw ValidationError("--rev and --staged cannot be used together") }
    }

    /// The version of the plans the options name.
    var choice: PlanSourceChoice { PlanSourceChoice(rev: rev, staged: staged) }
}
