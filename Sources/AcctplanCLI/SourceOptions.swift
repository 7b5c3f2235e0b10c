import ArgumentParser
import PlanServices

/// `--rev REV` / `--staged`: where a reading command takes the plans from.
struct SourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read the plans of a revision (HEAD~2, a branch, a tag, a commit id) straight from git.", valueName: "rev"))
    var rev: String?

    @Flag(help: "Read the plans as staged in the git index.")
    var staged = false

    func validate() throws {
        if rev != nil && staged { throw ValidationError("--rev and --staged cannot be used together") }
    }

    /// The version of the plans the options name.
    var choice: PlanSourceChoice { PlanSourceChoice(rev: rev, staged: staged) }
}
