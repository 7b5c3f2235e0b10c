import ArgumentParser
import Foundation
import PlanEngine
import PlanFormat
import PlanModel
import PlanParser
import PlanReports
import PlanWorkspace
import PlanSupport

/// `acctplan fmt`: rewrite plans in canonical form.
struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite plans in canonical form, without changing what they mean.",
        discussion: """
            Canonical form: front-matter keys in the order of the plan format (kind, id, name, industry, segments, stage, manager, team, abu, region, health, since, reviewed, revenue_target; industry and segment plans: name, owner, reviewed, fiscal_year, targets; other keys after them), every comment kept beside its key, one space (not a tab) between 'key:' and its value; tables of recognized sections aligned so that every row has the same display width (CJK characters count two columns); list markers '-' and task boxes '[ ]'/'[x]'; no trailing whitespace in front matter, headings, table rows and items; exactly one line end at the end of the file. Free prose and unrecognized sections are left byte for byte.

            Files are written atomically (a temporary file renamed over the plan, mode kept) and only when they change. A plan that does not parse is not touched: its problems are printed instead. Every result is parsed again and must mean exactly what the original meant.

            Exit status: 0 done (or, with --check, nothing to change), 1 with --check when some plan would change, 2 when a plan could not be formatted (it does not parse) or acctplan could not run.

            Examples:
              acctplan fmt                          # every plan of the workspace
              acctplan fmt accounts/east            # the plans in one folder
              acctplan fmt --check                  # in CI: list plans not in canonical form, exit 1 if any
            """)

    @Argument(help: ArgumentHelp("Plan files or folders to format (default: the whole workspace).", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Change nothing: list the plans that would change and exit 1 if there are any.")
    var check = false

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        let root = try workspaceOptions.root()
        let opened = OpenedWorkspace.workingTree(root)
        let scopes = try opened.scopes(paths)
        let source = FileSystemSource(root: root)
        func inScope(_ path: String) -> Bool { scopes.isEmpty || scopes.contains { Linter.covers($0, path) } }
        let config: WorkspaceConfig
        let listed: [(path: String, kind: PlanKind)]
        let unreadable: [RefusedFile]
        do {
            let (read, findings) = try WorkspaceLoader.readConfig(from: source)
            if read.hasMergeConflicts {
                // Custom fields and stages decide what a plan means: no rewrite against defaults.
                let lines = findings.filter { $0.rule == .mergeConflict }.map { String($0.location.line) }.joined(separator: ", ")
                throw ToolFailure("acctplan.yml has unresolved merge conflicts (line \(lines)); resolve them first: nothing was formatted")
            }
            config = read
            let planFiles = try WorkspaceLoader.listPlans(in: source)
            listed = planFiles.files.filter { inScope($0.path) }
            unreadable = planFiles.refused.filter { inScope($0.path) }
        } catch let failure as ToolFailure {
            throw failure
        } catch {
            throw ToolFailure("cannot list the workspace's plans: \(error)")
        }
        if listed.isEmpty, unreadable.isEmpty, !scopes.isEmpty {
            throw ToolFailure("no plan files in \(paths.joined(separator: ", ")) (plans are *.md under accounts/, industries/, segments/)")
        }
        // A plan reached through a link and directly is formatted once.
        var realPaths: [String] = []
        var seen = Set<String>()
        let files = listed.filter { file in
            let real = GitPaths.realPath(root.path + "/" + file.path)
            guard seen.insert(real).inserted else { return false }
            realPaths.append(real)
            return true
        }
        if !check { Self.removeLeftovers(besides: realPaths) }

        let formatter = PlanFormatter(config: config)
        let results = concurrentMap(files.count) { index -> (original: Data?, outcome: PlanFormatter.Outcome) in
            let file = files[index]
            guard let data = try? source.read(file.path) else {
                return (nil, .refused([Finding(.encoding, path: file.path, at: .fileStart, "file cannot be read")]))
            }
            let id = String((file.path.split(separator: "/").last ?? "").dropLast(3))
            return (data, formatter.format(data, path: file.path, kind: file.kind, id: id))
        }

        let style = TerminalStyle(enabled: Terminal.useColor(fileDescriptor: 2))
        var changed = 0
        var written = 0
        var failed = unreadable.count
        for file in unreadable {
            // Links out of the workspace, FIFOs: never read, so never formatted (as lint reports them).
            Terminal.standardError("acctplan: \(file.path) not formatted: not read: \(file.reason)\n")
        }
        for (file, result) in zip(files, results) {
            switch result.outcome {
            case .unchanged:
                continue
            case .formatted(let data):
                changed += 1
                if check {
                    Terminal.standardOutput(file.path + "\n")
                    continue
                }
                do {
                    try WorkspaceWriter.replace(file.path, in: root, with: data, expected: result.original ?? Data())
                    Terminal.standardOutput("formatted \(file.path)\n")
                    written += 1
                } catch {
                    failed += 1
                    Terminal.standardError("acctplan: error: \(error)\n")
                }
            case .refused(let findings):
                failed += 1
                for finding in findings.sorted(by: { $0.location < $1.location }) {
                    Terminal.standardError(TextReporter.render(Diagnostic(finding, severity: .error), style: style))
                }
                Terminal.standardError("acctplan: \(file.path) not formatted: it does not parse (fix the problems above first)\n")
            case .conflicted(let line):
                failed += 1
                Terminal.standardError("acctplan: \(file.path) not formatted: it has merge conflict markers (line \(line)); "
                    + "resolve the conflict first\n")
            case .unsafe(let reason):
                failed += 1
                Terminal.standardError("acctplan: error: \(file.path) not formatted: the canonical form would change what it means "
                    + "(\(reason)); please report this with the file\n")
            }
        }
        let plans = "\(files.count) \(files.count == 1 ? "plan" : "plans")"
        let notChecked = failed > 0 ? "; \(failed) could not be checked (above)" : ""
        if check {
            Terminal.standardError(changed == 0 && failed == 0 ? "\(plans) checked, all in canonical form\n"
                : "\(changed) of \(plans) would be reformatted\(notChecked)"
                    + (changed > 0 ? "; run 'acctplan fmt' to rewrite them" : "") + "\n")
        } else {
            Terminal.standardError("\(written) of \(plans) reformatted\(notChecked.replacingOccurrences(of: "checked", with: "formatted"))\n")
        }
        if failed > 0 { throw ExitCode(2) }
        if check && changed > 0 { throw ExitCode(1) }
    }

    /// Removes the temporary files (`.NAME.acctplan-XXXXXX`) that an earlier fmt, interrupted
    /// between writing and renaming, left beside the plans it formats: only those named after
    /// an existing plan, so nothing else is ever touched.
    static func removeLeftovers(besides plans: [String]) {
        let folders = Dictionary(grouping: plans) { ($0 as NSString).deletingLastPathComponent }
        for (folder, paths) in folders {
            let names = Set(paths.map { ($0 as NSString).lastPathComponent })
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for entry in entries where AtomicFile.isLeftover(entry) {
                let plan = String(entry.dropFirst().dropLast(".acctplan-XXXXXX".count))
                var status = stat()
                if names.contains(plan), lstat(folder + "/" + entry, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
                    unlink(folder + "/" + entry)
                }
            }
        }
    }
}
