import ArgumentParser
import Foundation
import PlanEngine
import PlanGit
import PlanModel
import PlanParser
import PlanReports

/// `acctplan diff`: plan changes in plan terms.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show plan changes in plan terms: stage moves, amounts, ticked actions.",
        discussion: """
            Like git diff, but semantic: fields and section items are matched by meaning, so reordering rows, list items or keys is no change, and 2.4M → 2,400,000 is no change. Free prose (a Risks section, notes, the intro) is shown as its changed lines, part by part, bounded (docs/git.md).

              acctplan diff                 index → working tree (what you have not staged)
              acctplan diff --staged        HEAD → index (what the next commit records)
              acctplan diff REV             REV → working tree
              acctplan diff REV1 REV2       REV1 → REV2
              acctplan diff main feature --format markdown   # paste into a pull request

            PATHs after the revisions narrow the diff. Formats: text (default), json, markdown. Also usable as git's diff driver: 'acctplan hooks install' sets that up (docs/git.md).
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Argument(help: ArgumentHelp("Up to two revisions, then paths to narrow the diff.", valueName: "rev-or-path"))
    var arguments: [String] = []

    @Flag(help: "Compare HEAD (or REV) with the index.")
    var staged = false

    @Option(help: ArgumentHelp("Output format: text, json or markdown.", valueName: "format"))
    var format: OutputFormat = .text

    @Flag(help: .hidden)
    var external = false

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        if external { return try ExternalDiff.run(arguments, workspace: workspaceOptions) }
        let opened = try WorkspaceRepository.open(workspaceOptions, purpose: "acctplan diff compares versions in git")
        let (repository, root, prefix) = (opened.repository, opened.root, opened.prefix)
        // Leading arguments that name commits are revisions; the rest are paths.
        var revisions: [(text: String, id: ObjectID)] = []
        var paths: [String] = []
        for argument in arguments {
            if paths.isEmpty, revisions.count < 2, let id = try? repository.resolveCommit(argument) {
                revisions.append((argument, id))
            } else {
                paths.append(argument)
            }
        }
        let scopes = try paths.map { try PathScope.workspaceRelative($0, root: root) }
        // A word that is neither a revision nor a path (on disk, in HEAD or in a given revision)
        // is a mistake, not an empty diff.
        let trees = (revisions.map(\.id) + [try? repository.resolveCommit("HEAD")].compactMap { $0 })
            .compactMap { try? repository.treeOfCommit($0) }
        for (path, scope) in zip(paths, scopes) {
            let repositoryPath = prefix.isEmpty ? scope : (scope.isEmpty ? prefix : prefix + "/" + scope)
            let onDisk = root.map { FileManager.default.fileExists(atPath: $0.appendingPathComponent(scope).path) } ?? false
            guard onDisk || trees.contains(where: { repository.pathExists(repositoryPath, inTree: $0) }) else {
                throw ToolFailure("'\(path)' is neither a revision nor a path in the workspace")
            }
        }
        let old: DiffEndpoint, new: DiffEndpoint
        let fromLabel: String, toLabel: String
        let fromText: String, toText: String
        do {
            switch (revisions.count, staged) {
            case (0, false):
                (old, new, fromLabel, toLabel) = (.index, .workingTree, "index", "worktree")
                (fromText, toText) = ("index", "working tree")
            case (0, true):
                guard let head = try? repository.resolveCommit("HEAD") else {
                    throw ToolFailure("HEAD has no commit yet: nothing to compare the index with")
                }
                (old, new) = (.tree(try repository.treeOfCommit(head)), .index)
                (fromLabel, toLabel, fromText, toText) = (head.description, "index", "HEAD (\(head.short))", "index")
            case (1, let toIndex):
                let rev = revisions[0]
                (old, new) = (.tree(try repository.treeOfCommit(rev.id)), toIndex ? .index : .workingTree)
                (fromLabel, toLabel) = (rev.id.description, toIndex ? "index" : "worktree")
                (fromText, toText) = ("\(rev.text) (\(rev.id.short))", toIndex ? "index" : "working tree")
            default:
                if staged { throw ToolFailure("--staged compares with the index; give at most one revision") }
                (old, new) = (.tree(try repository.treeOfCommit(revisions[0].id)), .tree(try repository.treeOfCommit(revisions[1].id)))
                (fromLabel, toLabel) = (revisions[0].id.description, revisions[1].id.description)
                (fromText, toText) = ("\(revisions[0].text) (\(revisions[0].id.short))", "\(revisions[1].text) (\(revisions[1].id.short))")
            }
            if repository.isBare && (new == .workingTree || new == .index) {
                throw ToolFailure("this repository is bare: give two revisions to compare")
            }
            let versions = PlanVersions(repository: repository, prefix: prefix, parseChangedSectionsOnly: true)
            let changes = try versions.changes(from: old, to: new, scopes: scopes)
            if new == .workingTree || new == .index {
                try Self.reportUnshownPlans(versions, comparingWorkingTree: new == .workingTree, scopes: scopes)
            }
            switch format {
            case .text:
                let text = DiffReporter.text(changes, color: Terminal.useColor())
                Terminal.standardOutput(text.isEmpty ? "" : text)
            case .json: Terminal.standardOutput(DiffReporter.json(changes, from: fromLabel, to: toLabel))
            case .markdown: Terminal.standardOutput(DiffReporter.markdown(changes, from: fromText, to: toText))
            }
        } catch let error as GitError {
            throw ToolFailure("cannot read the repository: \(error)")
        }
    }
}

/// `acctplan diff --external PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE`: git's
/// external diff protocol (diff.acctplan.command). Plans get a semantic diff; any other file a
/// plain unified diff.
enum ExternalDiff {
    static func run(_ arguments: [String], workspace: WorkspaceOptions) throws {
        guard arguments.count >= 7 else {
            throw ToolFailure("--external takes the 7 arguments git passes to an external diff driver")
        }
        let path = arguments[0]
        let oldFile = arguments[1], newFile = arguments[4]
        func read(_ file: String) -> Data? { file == "/dev/null" ? nil : FileManager.default.contents(atPath: file) }
        let config: WorkspaceConfig
        if let root = try? workspace.root(), let data = FileManager.default.contents(atPath: root.appendingPathComponent("acctplan.yml").path) {
            config = ConfigParser.parse(data).0
        } else {
            config = WorkspaceConfig()
        }
        // git passes the repository-relative path; the plan is identified by its last folders.
        let parts = path.split(separator: "/").map(String.init)
        let planPath = parts.firstIndex { PlanKind(folder: $0) != nil }.map { parts[$0...].joined(separator: "/") }
        guard let planPath, let (kind, id) = PlanVersions.planIdentity(planPath) else {
            return try plainDiff(path, oldFile, newFile)
        }
        func parse(_ data: Data?) -> Plan? {
            data.map { PlanParser(config: config).parse($0, path: planPath, kind: kind, id: id, depth: .withProse).plan }
        }
        let change = PlanDiff.compare(.init(parse(read(oldFile)), config: config), .init(parse(read(newFile)), config: config))
        Terminal.standardOutput(change.map { DiffReporter.text([$0], color: Terminal.useColor()) }
            ?? "\(planPath): no semantic change\n")
    }

    static func plainDiff(_ path: String, _ old: String, _ new: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-u", "--label", "a/\(path)", "--label", "b/\(path)", old, new]
        try process.run()
        process.waitUntilExit()
    }
}
