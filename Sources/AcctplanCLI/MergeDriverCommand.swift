import ArgumentParser
import PlanServices

/// `acctplan merge-driver BASE OURS THEIRS PATH`: git's merge driver for plans
/// (merge.acctplan.driver). Merges the three versions in plan terms and writes the result over
/// OURS; exit 0 when clean, 1 when conflicts remain (written with git's markers).
struct MergeDriverCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "merge-driver",
        abstract: UI.help("Merge three versions of a plan row by row (git's merge driver for plans).", "逐行合并计划的三个版本（git 的计划合并驱动）。"),
        discussion: """
            git runs this for every plan both branches changed, when the repository is set up for it. `acctplan hooks install` does the setup; by hand it is:

              git config merge.acctplan.name "acctplan plan merge"
              git config merge.acctplan.driver "acctplan merge-driver --marker-size %L --ours-label %X --base-label %S --theirs-label %Y %O %A %B %P"

            and in .gitattributes:

              accounts/**/*.md merge=acctplan
              industries/**/*.md merge=acctplan
              segments/**/*.md merge=acctplan

            git before 2.44 does not expand %X, %S and %Y: a label left as it was (or empty) is replaced by ours, base or theirs.

            Front matter merges per key (segments and team as sets), tables per row (matched by ID, Name or Product) and cell, Actions and Moments of truth per item, prose per section with git's line merge. A real conflict is confined to one key, row, item or prose hunk, written with git's markers (with the base when merge.conflictStyle is diff3 or zdiff3). A file that is not a plan (no front matter, binary, conflict markers already, over 4 MiB) is merged line by line, as git would. The result replaces OURS; the exit status is 0 when clean, 1 when conflicts remain. See docs/merge.md.
            """) }

    @Argument(help: "The common ancestor's version (git's %O).")
    var base: String
    @Argument(help: "Our version (git's %A); the result is written here.")
    var ours: String
    @Argument(help: "Their version (git's %B).")
    var theirs: String
    @Argument(help: "The plan's path in the repository (git's %P), for its kind and id.")
    var path: String = "accounts/plan.md"

    @Option(help: "Conflict style: merge or diff3 (zdiff3 is written as diff3). Default: git's merge.conflictStyle.")
    var conflictStyle: String?
    @Option(help: "The length of the conflict markers (git's %L).")
    var markerSize: Int = 7
    @Option(help: "The label of our side in conflict markers (git's %X; not expanded by git before 2.44: then 'ours').")
    var oursLabel: String = "ours"
    @Option(help: "The label of the base in diff3 markers (git's %S).")
    var baseLabel: String = "base"
    @Option(help: "The label of their side in conflict markers (git's %Y).")
    var theirsLabel: String = "theirs"

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        try Self.merge(base: base, ours: ours, theirs: theirs, path: path,
                       markers: MergeService.Markers(style: conflictStyle, size: markerSize, ours: oursLabel, base: baseLabel, theirs: theirsLabel),
                       workspace: workspaceOptions.workspace)
    }

    /// The merge itself, also run by ``MergeDriverInvocation`` (git's usual call, read by hand).
    static func merge(base: String, ours: String, theirs: String, path: String, markers: MergeService.Markers, workspace: String?) throws {
        let result = try MergeService.driver(base: base, ours: ours, theirs: theirs, path: path, markers: markers,
                                             workspace: workspace) { Terminal.standardError("acctplan merge-driver: \($0)\n") }
        guard result.isClean else {
            Terminal.standardError("acctplan merge-driver: \(path): \(result.conflicts) conflict\(result.conflicts == 1 ? "" : "s") left to resolve\n")
            throw ExitCode(1)
        }
    }
}
