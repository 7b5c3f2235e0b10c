import ArgumentParser
import Foundation
import PlanGit
import PlanMerge
import PlanModel
import PlanParser
import PlanWorkspace

/// `acctplan merge-driver BASE OURS THEIRS PATH`: git's merge driver for plans
/// (merge.acctplan.driver). Merges the three versions in plan terms and writes the result over
/// OURS; exit 0 when clean, 1 when conflicts remain (written with git's markers).
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge three versions of a plan row by row (git's merge driver for plans).",
        discussion: """
            git runs this for every plan both branches changed, when the repository is set up for it. `acctplan hooks install` does the setup; by hand it is:

              git config merge.acctplan.name "acctplan plan merge"
              git config merge.acctplan.driver "acctplan merge-driver %O %A %B %P"

            and in .gitattributes:

              accounts/**/*.md merge=acctplan
              industries/**/*.md merge=acctplan
              segments/**/*.md merge=acctplan

            Front matter merges per key (segments and team as sets), tables per row (matched by ID, Name or Product) and cell, Actions and Moments of truth per item, prose per section with git's line merge. A real conflict is confined to one key, row, item or prose hunk, written with git's markers (with the base when merge.conflictStyle is diff3 or zdiff3). A file that is not a plan (no front matter, binary, conflict markers already, over 4 MiB) is merged line by line, as git would. The result replaces OURS; the exit status is 0 when clean, 1 when conflicts remain. See docs/merge.md.
            """)

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
    @Option(help: "The label of our side in conflict markers (git's %X).")
    var oursLabel: String = "ours"
    @Option(help: "The label of the base in diff3 markers (git's %S).")
    var baseLabel: String = "base"
    @Option(help: "The label of their side in conflict markers (git's %Y).")
    var theirsLabel: String = "theirs"

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        func read(_ file: String) throws -> Data {
            guard let data = FileManager.default.contents(atPath: file) else { throw ToolFailure("cannot read \(file)") }
            return data
        }
        let baseData = try read(base), oursData = try read(ours), theirsData = try read(theirs)
        let styleName = conflictStyle ?? Self.configuredStyle()
        guard let style = LineMerge.Style(rawValue: styleName?.lowercased() ?? "merge") else {
            throw ValidationError("--conflict-style must be merge, diff3 or zdiff3, not '\(styleName ?? "")'")
        }
        let options = LineMerge.Options(style: style, markerSize: markerSize,
                                        oursLabel: oursLabel, baseLabel: baseLabel, theirsLabel: theirsLabel)
        let merger = PlanMerger(options: options, config: workspaceConfig())
        let result = merger.merge(base: baseData, ours: oursData, theirs: theirsData, path: path)
        if let reason = result.fallbackReason {
            Terminal.standardError("acctplan merge-driver: \(path): \(reason); merged line by line\n")
        }
        do {
            try AtomicFile.write(result.text, to: ours, sync: false)
        } catch {
            throw ToolFailure("cannot write \(ours): \(error)")
        }
        if !result.isClean {
            Terminal.standardError("acctplan merge-driver: \(path): \(result.conflicts) conflict\(result.conflicts == 1 ? "" : "s") left to resolve\n")
            throw ExitCode(1)
        }
    }

    /// git's merge.conflictStyle for the repository git runs us in, else the user's.
    static func configuredStyle() -> String? {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let repository = try? GitRepository(discovering: here) { return repository.configString("merge.conflictStyle") }
        return GitRepository.globalConfigString("merge.conflictStyle")
    }

    private func workspaceConfig() -> WorkspaceConfig {
        guard let root = try? workspaceOptions.root(),
              let data = FileManager.default.contents(atPath: root.appendingPathComponent("acctplan.yml").path) else { return WorkspaceConfig() }
        return ConfigParser.parse(data).0
    }
}
