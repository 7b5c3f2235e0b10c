import ArgumentParser
import Foundation
import PlanGit
import PlanMerge
import PlanModel
import PlanParser
import PlanWorkspace

/// `acctplan resolve [PATH...]`: in a repository stopped in a conflicted merge, rebase,
/// cherry-pick or revert, re-merges each conflicted plan from its index stages with the plan
/// merge driver's engine, writes it, and stages the plans that merged cleanly.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Re-merge conflicted plans row by row after a conflicted git merge, rebase or cherry-pick.",
        discussion: """
            For when git merged plans line by line (the merge driver was not configured, or the merge was started elsewhere): each conflicted plan is merged again from the versions git recorded (base, ours, theirs) the way 'acctplan merge-driver' does, and written over the file. Plans that merge cleanly are staged ('git add'); the others keep only their real conflicts, each confined to one key, row, item or prose hunk. Then continue as git says ('git merge --continue', 'git rebase --continue', ...). See docs/merge.md.

            Exit status: 0 when nothing is left to resolve, 1 when conflicts remain (in plans or other files), 2 when it could not run.
            """)

    @Argument(help: "The conflicted plans to resolve (default: every conflicted plan).")
    var paths: [String] = []

    @Option(help: "Conflict style for what remains: merge or diff3. Default: git's merge.conflictStyle.")
    var conflictStyle: String?

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let repository: GitRepository
        do {
            repository = try GitRepository(discovering: (try? workspaceOptions.root()) ?? cwd)
        } catch {
            throw ToolFailure("not in a git repository")
        }
        guard let workdir = repository.workingDirectory else { throw ToolFailure("this is a bare repository: resolve in a clone") }
        let wanted = try Set(paths.map { try GitPaths.relative(URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL, to: workdir) })
        let styleName = conflictStyle ?? repository.configString("merge.conflictStyle")
        guard let style = LineMerge.Style(rawValue: styleName?.lowercased() ?? "merge") else {
            throw ValidationError("--conflict-style must be merge, diff3 or zdiff3, not '\(styleName ?? "")'")
        }
        var config = WorkspaceConfig()
        if let root = try? workspaceOptions.root(), let data = FileManager.default.contents(atPath: root.appendingPathComponent("acctplan.yml").path) {
            config = ConfigParser.parse(data).0
        }
        let merger = PlanMerger(options: LineMerge.Options(style: style), config: config)
        let conflicted = try repository.conflictedFiles().filter { wanted.isEmpty || wanted.contains($0.path) }
        for path in wanted where !conflicted.contains(where: { $0.path == path }) {
            Terminal.standardOutput("not conflicted  \(path)\n")
        }
        var left = 0
        for file in conflicted {
            guard WorkspaceLoader.isPlanPath(file.path) || file.path.hasSuffix(".md") && PlanKindPath.isPlan(file.path) else {
                Terminal.standardOutput("skipped     \(file.path): not a plan; resolve it with git\n")
                left += 1
                continue
            }
            guard let ours = file.ours, let theirs = file.theirs else {
                Terminal.standardOutput("conflict    \(file.path): deleted on one side and changed on the other; keep it with 'git add' or drop it with 'git rm'\n")
                left += 1
                continue
            }
            let result = merger.merge(base: file.base ?? Data(), ours: ours, theirs: theirs, path: file.path)
            let target = workdir.appendingPathComponent(file.path).path
            do {
                try AtomicFile.write(result.text, to: target, sync: true)
            } catch {
                throw ToolFailure("cannot write \(target): \(error)")
            }
            let note = result.fallbackReason.map { " (\($0); merged line by line)" } ?? ""
            if result.isClean {
                try repository.stageResolved(file.path)
                Terminal.standardOutput("merged      \(file.path)\(note)\n")
            } else {
                left += 1
                let count = "\(result.conflicts) conflict\(result.conflicts == 1 ? "" : "s")"
                Terminal.standardOutput("conflict    \(file.path): \(count) left\(note); edit them, then 'git add \(file.path)'\n")
            }
        }
        if left > 0 { throw ExitCode(1) }
    }
}

/// Plans are Markdown files under accounts/, industries/ or segments/ (anywhere in the path,
/// for a workspace in a sub-folder of the repository).
enum PlanKindPath {
    static func isPlan(_ path: String) -> Bool {
        path.split(separator: "/").dropLast().contains { PlanKind(folder: $0) != nil }
    }
}
