import ArgumentParser
import Foundation
import PlanEngine
import PlanGit
import PlanModel
import PlanParser
import PlanReports
import PlanWorkspace
import PlanSupport

/// `acctplan rollup`: the lifecycle rollup management reads.
struct RollupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "Lifecycle rollups: accounts per stage, targets, pipeline and actions per industry and segment.",
        discussion: """
            One group per industry and segment that has a plan or a member account (or, with --by, per manager, region or ABU: those group by the field and have no targets).

            --since REV|DATE adds the stage transitions since then and each group's moves (up, down, new, removed); a DATE means the last commit on HEAD's first-parent history made on or before that day. A DATE before the history starts (every account is then new) or after its last commit gives a warning on stderr; a DATE after the as-of date (today) is an error (exit 2). --trend monthly|quarterly (with --since DATE) adds one stage count per period end, from history: the customers' S-curve over time.

            Formats: text (default), json (PLAN_FORMAT.md §8), csv (one row per group), markdown. docs/rollups.md defines every number.

              acctplan rollup
              acctplan rollup --by manager --format csv > managers.csv
              acctplan rollup --since 2026-09-30 --format markdown
              acctplan rollup --trend quarterly --since 2025-01-01
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv, markdown }
    typealias Trend = RollupHistoryReader.Trend

    @Option(help: ArgumentHelp("Group by industry, segment, manager, region or abu (default: industries and segments).", valueName: "dimension"))
    var by: Rollup.Dimension?

    @Option(help: ArgumentHelp("A revision or a date (YYYY-MM-DD, not after --as-of): add the moves since then.",
                                valueName: "rev-or-date"))
    var since: String?

    @Option(help: ArgumentHelp("monthly or quarterly: add a stage count per period end since --since.", valueName: "period"))
    var trend: Trend?

    @Option(help: ArgumentHelp("Output format: text, json, csv or markdown.", valueName: "format"))
    var format: OutputFormat = .text

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOption: AsOfOption

    func validate() throws {
        if trend != nil && since == nil { throw ValidationError("--trend needs --since DATE: where the trend starts") }
    }

    func run() throws {
        let asOf = try asOfOption.date()
        let opened = try OpenedWorkspace.open(workspaceOptions, sourceOptions)
        let workspace = try opened.load()
        try UnreadableFiles.requireReadableConfig(workspace)
        UnreadableFiles.warnUncounted(workspace)
        ProcessLifetime.keepUntilExit(workspace)
        var rollup = Rollup.compute(workspace, asOf: asOf, dimensions: by.map { [$0] } ?? [.industry, .segment])
        var history: RollupReporter.History?
        if let since {
            let reader = RollupHistoryReader(opened: opened, workspace: workspace, workspaceOptions: workspaceOptions, asOf: asOf)
            history = try reader.read(since: since, trend: trend, rollup: &rollup)
        }
        switch format {
        case .text: Terminal.standardOutput(RollupReporter.text(rollup, history: history, color: Terminal.useColor()))
        case .json: Terminal.standardOutput(RollupReporter.json(rollup, revision: opened.revision?.description, history: history))
        case .csv: Terminal.standardOutput(RollupReporter.csv(rollup))
        case .markdown: Terminal.standardOutput(RollupReporter.markdown(rollup, history: history))
        }
    }
}

extension Rollup.Dimension: ExpressibleByArgument {}

/// Stage counts of account plans at many commits, for `--trend`. A trend needs only each
/// account's stage, so no workspace is built: the tree is listed, and each blob's front matter is
/// parsed once for the whole run (keyed by blob id), on all cores.
final class StageCensus {
    private let repository: GitRepository
    private let prefix: String
    private let config: WorkspaceConfig
    private var stageOfBlob: [ObjectID: String] = [:]

    init(repository: GitRepository, prefix: String, config: WorkspaceConfig) {
        self.repository = repository
        self.prefix = prefix
        self.config = config
    }

    /// Reuses the stages of a snapshot already parsed (the `--since` one), by blob id.
    func seed(_ workspace: Workspace, source: GitSnapshotSource) {
        for plan in workspace.plans where plan.kind == .account {
            guard let blob = source.blobID(plan.path) else { continue }
            stageOfBlob[blob] = plan.isReadable ? plan.header.stage?.value ?? "" : ""
        }
    }

    func stageCounts(at commit: CommitInfo?) throws -> [(stage: String, count: Int)] {
        guard let commit else { return config.lifecycle.map { ($0.id, 0) } }
        let folder = prefix.isEmpty ? PlanKind.account.folder : prefix + "/" + PlanKind.account.folder
        // Like the loader: plan files only, and one plan per id (a duplicate id is a lint error).
        var ids = Set<String>()
        let plans = try repository.blobs(inTree: commit.tree, under: folder).filter {
            WorkspaceLoader.isPlanPath($0.name) && ids.insert($0.name).inserted
        }
        var missing: [ObjectID] = []
        var seen = Set<ObjectID>()
        for plan in plans where stageOfBlob[plan.blob] == nil && seen.insert(plan.blob).inserted { missing.append(plan.blob) }
        if !missing.isEmpty {
            let blobs = missing
            let parser = PlanParser(config: config)
            let pool = RepositoryPool(gitDirectory: repository.gitDirectory)
            // A blob that cannot be read is an error: counting it as "no stage" would quietly drop
            // an account from the trend.
            let found = concurrentMap(blobs.count) { index in
                Result<String, Error> {
                    let data = try pool.blob(blobs[index])
                    let plan = parser.parse(data, path: "accounts/plan.md", kind: .account, id: "plan", depth: .frontMatter).plan
                    return plan.isReadable ? plan.header.stage?.value ?? "" : ""
                }
            }
            for (index, blob) in missing.enumerated() { stageOfBlob[blob] = try found[index].get() }
        }
        var counts: [String: Int] = [:]
        for plan in plans { counts[stageOfBlob[plan.blob] ?? "", default: 0] += 1 }
        return config.lifecycle.map { ($0.id, counts[$0.id] ?? 0) }
    }
}

/// A progress line on stderr, only on a terminal and only once the work has taken a second.
final class Progress {
    var total: Int
    private let started = Date()
    private var shown = false
    private let enabled = isatty(2) == 1

    init(total: Int) { self.total = total }

    func update(_ done: Int) {
        guard enabled, Date().timeIntervalSince(started) > 1 else { return }
        shown = true
        Terminal.standardError("\racctplan: reading history \(done)/\(total)")
    }

    func finish() {
        if shown { Terminal.standardError("\r\u{1B}[K") }
    }
}
