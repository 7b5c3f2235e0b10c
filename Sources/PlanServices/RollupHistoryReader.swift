import Foundation
import PlanEngine
import PlanGit
import PlanModel
import PlanReports
import PlanParser
import PlanSupport
import PlanWorkspace

/// Reads from git history what `--since` and `--trend` add to a rollup (used by `rollup` and
/// `report`): the snapshot at the `--since` commit, the transitions and moves since then, and one
/// stage count per period end.
public enum RollupHistoryReader {
    public enum Trend: String, CaseIterable, Sendable { case monthly, quarterly }

    /// What the history gives before the working tree is read: the `--since` snapshot, the
    /// trend, and the warnings to say (in order) once the working tree's own have been said.
    /// `rollup` reads it on another thread while the working tree is parsed (`RollupService`).
    public struct Early: Sendable {
        var history = RollupReporter.History()
        var then: Workspace?
        var warnings: [ServiceWarning] = []
        /// Whether `--since` was given (then there are transitions and moves, even from nothing).
        var sinceAsked = false
        /// How many history blobs' stages the trend took from the working tree's parse.
        var blobsFromWorkingTree = 0
    }

    /// The working tree's parse, handed from the thread that parses it to the history's thread,
    /// which reads each readable account plan's stage and groups from it by workspace-relative
    /// path. Always handed over (nothing when the parse failed), so the history's thread never
    /// waits for ever.
    public final class WorkingTreeHandover: @unchecked Sendable {
        private var workspace: Workspace?
        private var handedOver = false
        private let condition = NSCondition()

        public init() {}

        /// Hands over `workspace` (nil: nothing, the parse failed). Its plans are looked at only
        /// if the history asks, on the history's thread.
        public func handOver(_ workspace: Workspace?) {
            condition.lock()
            (self.workspace, handedOver) = (workspace, true)
            condition.broadcast()
            condition.unlock()
        }

        /// Runs `load` and hands its workspace over, or nothing when it throws.
        public func handingOver(_ load: () throws -> Workspace) rethrows -> Workspace {
            do {
                let workspace = try load()
                handOver(workspace)
                return workspace
            } catch {
                handOver(nil)
                throw error
            }
        }

        /// The readable account plans' stage and groups by workspace-relative path, once handed over.
        func wait() -> [String: StageAndGroups] {
            condition.lock()
            while !handedOver { condition.wait() }
            let workspace = self.workspace
            condition.unlock()
            var stages: [String: StageAndGroups] = [:]
            for plan in workspace?.plans ?? [] where plan.kind == .account && plan.isReadable {
                stages[plan.path] = StageAndGroups(plan)
            }
            return stages
        }
    }

    /// Everything of the history that does not need the working tree; `revision` is the commit
    /// `--rev` read (nil: HEAD), `config` the working tree's configuration (stages, fiscal year).
    /// The history's read as work for `alongside`'s other thread: the working tree's
    /// configuration is read first (its stages and fiscal year), the progress line is the history's
    /// alone while the calling thread parses.
    static func background(_ opened: OpenedWorkspace, workspaceOption: String?, since: String?, trend: Trend?,
                           asOf: CalendarDate, progress: any ServiceProgress, workingTree: WorkingTreeHandover? = nil) throws
        -> @Sendable () -> Result<Early, Error>?
    {
        let config = try WorkspaceLoader.readConfig(from: opened.source).0
        let (revision, shared) = (opened.revision, SharedProgress(progress))
        // Only the working tree's parse can stand in for blobs of the index (not a revision's or the index's own).
        let handover = opened.revision == nil && opened.repositoryPrefix == nil ? workingTree : nil
        return {
            Result {
                try readEarly(revision: revision, workspaceOption: workspaceOption, config: config, asOf: asOf,
                              since: since, trend: trend, progress: shared.progress, workingTree: handover)
            }
        }
    }

    public static func readEarly(revision: ObjectID?, workspaceOption: String?, config: WorkspaceConfig, asOf: CalendarDate,
                                 since: String?, trend: Trend?, purpose: String = "--since reads git history",
                                 progress: any ServiceProgress = NoProgress(), workingTree: WorkingTreeHandover? = nil,
                                 readsBeforeAsking: Int = 1_000) throws -> Early
    {
        let sinceDate = since.flatMap(CalendarDate.init(parsing:))
        if let sinceDate, sinceDate > asOf {
            throw ToolFailure("--since \(sinceDate) is after the as-of date \(asOf) (today unless --as-of says otherwise): "
                + "nothing can have moved since a day that has not come; check the year")
        }
        let located = try WorkspaceRepository.open(workspace: workspaceOption, purpose: purpose)
        let (repository, prefix) = (located.repository, located.prefix)
        do {
            let commits = try repository.history(from: revision, firstParentOnly: true)
            func onOrBefore(_ date: CalendarDate) -> CommitInfo? {
                commits.first { $0.committerDay <= date }
            }
            let store = HistoryStore.open(gitDirectory: repository.gitDirectory)
            defer { store?.save() }
            func snapshot(_ commit: CommitInfo?) throws -> (Workspace, GitSnapshotSource)? {
                guard let commit else { return nil }
                let source = try GitSnapshotSource.tree(commit.tree, commit: commit.id, label: commit.id.short, prefix: prefix,
                                                        in: repository)
                let loaded = try WorkspaceLoader.load(from: source, depth: .stageAndGroups, store: store)
                ProcessLifetime.keepUntilExit(loaded)
                return (loaded, source)
            }
            var early = Early()
            var thenSnapshot: (Workspace, GitSnapshotSource)?
            var trendStart = commits.last?.committerDay
            if let since {
                early.sinceAsked = true
                let (sinceCommit, date) = try Self.sinceCommit(since, commits: commits, in: repository) { early.warnings.append($0) }
                early.history.sinceDate = date
                early.history.sinceRevision = sinceCommit?.id.description
                thenSnapshot = try snapshot(sinceCommit)
                early.then = thenSnapshot?.0
                trendStart = date
            }
            if let trend, let from = trendStart {
                let ends = RollupHistory.periodEnds(from: from, to: asOf, quarterly: trend == .quarterly,
                                                    fiscalYearStart: config.fiscalYearStart)
                var points: [RollupReporter.TrendPoint] = []
                let census = StageCensus(repository: repository, prefix: prefix, config: config, store: store)
                if let (thenWorkspace, source) = thenSnapshot { census.seed(thenWorkspace, source: source) }
                if let workingTree {
                    census.readsBeforeAsking = readsBeforeAsking
                    census.workingTreeStages = {
                        // The unchanged files first (while the working tree is still being parsed), then its parse.
                        let folder = prefix.isEmpty ? PlanKind.account.folder : prefix + "/" + PlanKind.account.folder
                        let unchanged = (try? repository.unchangedIndexBlobs(under: folder)) ?? [:]
                        let parsed = workingTree.wait()
                        var stages: [ObjectID: StageAndGroups] = [:]
                        for (path, blob) in unchanged {
                            let workspacePath = prefix.isEmpty ? path : String(path.dropFirst(prefix.count + 1))
                            if let values = parsed[workspacePath] { stages[blob] = values }
                        }
                        return stages
                    }
                }
                for (index, end) in ends.enumerated() {
                    let commit = onOrBefore(end)
                    points.append(.init(date: end, revision: commit?.id.description, stageCounts: try census.stageCounts(at: commit)))
                    progress.update(index + 1, of: ends.count)
                }
                progress.finish()
                early.history.trend = points
                early.blobsFromWorkingTree = census.fromWorkingTree
            }
            return early
        } catch let error as GitError {
            // A shallow clone lacks the older commits (libgit2 cannot walk past its boundary).
            if HistoryFailure.isShallow(repository) { throw HistoryFailure.shallowClone(error) }
            throw ToolFailure("cannot read the history: \(error); check the repository with 'git fsck'")
        }
    }

    /// The transitions and the groups' moves between the `--since` snapshot and `now`.
    public static func complete(_ early: Early, now: Workspace, rollup: inout Rollup) -> RollupReporter.History {
        var history = early.history
        if early.sinceAsked {
            history.transitions = RollupHistory.transitions(then: early.then, now: now)
            RollupHistory.applyMoves(to: &rollup, then: early.then, now: now)
        }
        return history
    }

    /// The commit `--since` names and the day it stands for: for a DATE, the last commit of
    /// `commits` (the first-parent history, newest first) made on or before that day (nil before
    /// the history starts; a warning when the date is outside it); for a revision, that commit and
    /// its day. Shared by `rollup --since` and `score --since`.
    public static func sinceCommit(_ since: String, commits: [CommitInfo], in repository: GitRepository,
                                   warn: (ServiceWarning) -> Void) throws -> (commit: CommitInfo?, date: CalendarDate?)
    {
        if let date = CalendarDate(parsing: since) {
            let chosen = commits.first { $0.committerDay <= date }
            if let warning = outsideHistory(date, commits: commits, chosen: chosen) { warn(warning) }
            return (chosen, date)
        }
        guard let id = try? repository.resolveCommit(since) else { throw unknownSince(since) }
        let listed = commits.first { $0.id == id }
        let commit = try listed ?? repository.history(from: id).first
        return (commit, commit.map(\.committerDay))
    }

    /// A `--since` that names no commit and is no date (`log`, `rollup`, `score`, `report`); a date
    /// in the right form that the calendar lacks says why ("February 2026 has 28 days"), as in a
    /// plan or a query, where "neither a revision nor a date (YYYY-MM-DD)" sent people to check
    /// the form they had written right.
    public static func unknownSince(_ since: String) -> ToolFailure {
        if let impossibility = CalendarDate.impossibility(of: since, slashes: false) {
            return ToolFailure("--since '\(since)' is not a date", hint: impossibility)
        }
        return ToolFailure("--since '\(since)' is neither a revision nor a date (YYYY-MM-DD)")
    }

    /// Why a `--since DATE` gives a comparison the numbers alone do not explain: the date is
    /// before the first commit (every account is new) or after the last one (the comparison is
    /// with that commit). `commits` is the first-parent history, newest first; `chosen` the
    /// commit the date picked. nil when the date falls within the history.
    public static func outsideHistory(_ date: CalendarDate, commits: [CommitInfo], chosen: CommitInfo?) -> ServiceWarning? {
        guard let last = commits.first else {
            return ServiceWarning("--since \(date): the repository has no commits yet: every account is counted as new",
                                  hint: "commit the workspace, then compare with its history")
        }
        guard chosen != nil else {
            // Back-dated commits may be older than the root: the history starts at its earliest day.
            let start = commits.map(\.committerDay).min() ?? last.committerDay
            return ServiceWarning("--since \(date) is before the history starts on \(start): every account is counted as new",
                                  hint: "give a date from \(start) on, or a revision")
        }
        guard date > last.committerDay else { return nil }
        return ServiceWarning("--since \(date) is after the last commit (\(last.id.short), \(last.committerDay)): the moves are "
                              + "those since that commit", hint: "give a date on or before \(last.committerDay) to compare with an earlier commit")
    }
}

/// Stage counts of account plans at many commits, for `--trend`. A trend needs only each
/// account's stage, so no workspace is built: the tree is listed, and each blob's front matter is
/// parsed once for the whole run (keyed by blob id), on all cores — or not at all when the
/// history store has it from an earlier run.
public final class StageCensus {
    private let repository: GitRepository
    private let prefix: String
    private let config: WorkspaceConfig
    private let store: HistoryStore?
    private var stageOfBlob: [ObjectID: String] = [:]

    /// What the working tree's own parse says of the blobs it holds (their stage and groups, by
    /// blob id), asked for once, before the first read of at least `readsBeforeAsking` blobs: a
    /// first run reads every plan's blob at the trend's first period end, and most of them are
    /// the working tree's files unchanged. Asking waits for that parse (`RollupHistoryReader`).
    var workingTreeStages: (() -> [ObjectID: StageAndGroups])?
    var readsBeforeAsking = 1_000
    /// How many blobs' stages came from the working tree (for tests).
    private(set) var fromWorkingTree = 0

    public init(repository: GitRepository, prefix: String, config: WorkspaceConfig, store: HistoryStore? = nil) {
        self.repository = repository
        self.prefix = prefix
        self.config = config
        self.store = store
    }

    /// Reuses the stages of a snapshot already parsed (the `--since` one), by blob id.
    public func seed(_ workspace: Workspace, source: GitSnapshotSource) {
        for plan in workspace.plans where plan.kind == .account {
            guard let blob = source.blobID(plan.path) else { continue }
            stageOfBlob[blob] = plan.isReadable ? plan.header.stage?.value ?? "" : ""
        }
    }

    public func stageCounts(at commit: CommitInfo?) throws -> [(stage: String, count: Int)] {
        guard let commit else { return config.lifecycle.map { ($0.id, 0) } }
        let folder = prefix.isEmpty ? PlanKind.account.folder : prefix + "/" + PlanKind.account.folder
        var counts: [String: Int] = [:]
        if !fileNamesRepeat, let top = try repository.folderTree(at: folder, inTree: commit.tree) {
            // Each folder is listed and counted once per tree id: between two month-ends most of
            // the folders of a large workspace did not change.
            var missing: [ObjectID] = []
            try listFolders(top, path: folder, depth: 1, missing: &missing)
            try learnStages(of: missing)
            if !fileNamesRepeat { counts = countFolders(top, path: folder, depth: 1) }
        }
        if fileNamesRepeat {
            (listed, counted, lastCounted) = ([:], [:], [:]) // not needed any more
            counts = try countedOneByOne(commit, folder: folder)
        }
        return config.lifecycle.map { ($0.id, counts[$0.id] ?? 0) }
    }

    /// A folder's tree at a path: the key of the folders already listed and counted.
    private struct Folder: Hashable {
        var tree: ObjectID
        var path: String
    }
    /// A folder listed and not counted yet: its listing, and how its plan files differ from the
    /// last listing counted at the same path (whose own counts are `base`).
    private struct Listed {
        var listing: GitRepository.FolderListing
        var inGitOrder: Bool
        var added: [ObjectID] = []
        var removed: [ObjectID] = []
        var base: [String: Int] = [:]
    }
    private var listed: [Folder: Listed] = [:]
    /// The accounts of each stage below a folder (its subfolders included), once counted.
    private var counted: [Folder: [String: Int]] = [:]
    /// The last listing counted at each path: its plan files (in git's order) and their own counts.
    private var lastCounted: [String: (files: [(name: String, blob: ObjectID)], own: [String: Int])] = [:]
    /// The folder each plan file name was seen in; `fileNamesRepeat` once a name was seen in two.
    private var folderOfName: [String: String] = [:]
    private var fileNamesRepeat = false

    /// Lists the folders of `tree` not listed before (as the loader walks them: plan files only,
    /// at most `FileListing.maxFolderDepth` deep) and collects the blobs whose stage is unknown.
    /// Only the files that differ from the last listing counted at the same path are looked at:
    /// between two month-ends, a changed folder of a large workspace changed in a few files.
    private func listFolders(_ tree: ObjectID, path: String, depth: Int, missing: inout [ObjectID]) throws {
        let key = Folder(tree: tree, path: path)
        guard listed[key] == nil, counted[key] == nil else { return }
        var listing = try repository.listing(ofTree: tree)
        listing.files.removeAll { !WorkspaceLoader.isPlanPath($0.name) }
        listing.folders.removeAll { $0.name.hasPrefix(".") } // hidden, as the loader's walk
        if depth >= FileListing.maxFolderDepth { listing.folders = [] }
        var entry = Listed(listing: listing, inGitOrder: isInGitOrder(listing.files))
        // Both lists are in git's order (by the bytes of the names), so one walk pairs them; a
        // listing out of that order is compared with nothing (every file counted afresh), and
        // none is compared with it.
        var previous: ArraySlice<(name: String, blob: ObjectID)> = []
        if entry.inGitOrder, let before = lastCounted[path] {
            (previous, entry.base) = (before.files[...], before.own)
        }
        for file in listing.files {
            while let first = previous.first, first.name.utf8.lexicographicallyPrecedes(file.name.utf8) {
                entry.removed.append(first.blob)
                previous = previous.dropFirst()
            }
            if let first = previous.first, first.name.utf8.elementsEqual(file.name.utf8) {
                previous = previous.dropFirst()
                if first.blob == file.blob { continue } // as last counted: its name and stage are known
                entry.removed.append(first.blob)
            }
            entry.added.append(file.blob)
            if let other = folderOfName.updateValue(path, forKey: file.name), other != path { fileNamesRepeat = true }
            if stageOfBlob[file.blob] == nil { lookUp(file.blob, missing: &missing) }
        }
        entry.removed += previous.map(\.blob)
        listed[key] = entry
        for folder in listing.folders {
            try listFolders(folder.tree, path: path + "/" + folder.name, depth: depth + 1, missing: &missing)
        }
    }

    private func isInGitOrder(_ files: [(name: String, blob: ObjectID)]) -> Bool {
        zip(files, files.dropFirst()).allSatisfy { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// The accounts of each stage below a folder listed by ``listFolders``: no file name is in
    /// two folders, so every plan file counts.
    private func countFolders(_ tree: ObjectID, path: String, depth: Int) -> [String: Int] {
        let key = Folder(tree: tree, path: path)
        if let known = counted[key] { return known }
        let entry = listed[key] ?? Listed(listing: GitRepository.FolderListing(), inGitOrder: true)
        var own = entry.base
        for blob in entry.added { own[stageOfBlob[blob] ?? "", default: 0] += 1 }
        for blob in entry.removed { own[stageOfBlob[blob] ?? "", default: 0] -= 1 }
        lastCounted[path] = entry.inGitOrder ? (entry.listing.files, own) : nil
        var counts = own
        for folder in entry.listing.folders {
            counts.merge(countFolders(folder.tree, path: path + "/" + folder.name, depth: depth + 1), uniquingKeysWith: +)
        }
        counted[key] = counts
        listed[key] = nil // counted now: only its counts are kept
        return counts
    }

    /// When a file name was seen in two folders, one plan per id as the loader keeps them: the
    /// first in git's order (a duplicate id is a lint error, not a second account).
    private func countedOneByOne(_ commit: CommitInfo, folder: String) throws -> [String: Int] {
        var ids = Set<String>()
        let plans = try repository.blobs(inTree: commit.tree, under: folder).filter {
            WorkspaceLoader.isPlanPath($0.name) && ids.insert($0.name).inserted
        }
        var missing: [ObjectID] = []
        var seen = Set<ObjectID>()
        for plan in plans where stageOfBlob[plan.blob] == nil && seen.insert(plan.blob).inserted {
            lookUp(plan.blob, missing: &missing)
        }
        try learnStages(of: missing)
        var counts: [String: Int] = [:]
        for plan in plans { counts[stageOfBlob[plan.blob] ?? "", default: 0] += 1 }
        return counts
    }

    /// A blob's stage from the history store when it has it; otherwise the blob is to be parsed.
    private func lookUp(_ blob: ObjectID, missing: inout [ObjectID]) {
        if let known = store?.stageAndGroups(forKey: Self.storeKey(blob)) {
            stageOfBlob[blob] = known.isReadable ? known.stage ?? "" : ""
        } else {
            missing.append(blob)
        }
    }

    @Sendable private static func storeKey(_ blob: ObjectID) -> String {
        StageAndGroups.storeKey(contentKey: blob.description, kind: .account)
    }

    /// Parses the front matter of blobs whose stage is not known yet, on all cores, and records it.
    private func learnStages(of missing: [ObjectID]) throws {
        var seen = Set<ObjectID>()
        var missing = missing.filter { stageOfBlob[$0] == nil && seen.insert($0).inserted }
        if missing.count >= readsBeforeAsking, let ask = workingTreeStages {
            workingTreeStages = nil
            // Exactly what reading the blob would give: the working tree's plan is the blob's
            // bytes (git says the file is unchanged), read whole and readable, and a readable
            // plan's stage and groups are its front matter's at either depth (`CountingDepthTests`).
            for (blob, values) in ask() where stageOfBlob[blob] == nil {
                stageOfBlob[blob] = values.isReadable ? values.stage ?? "" : ""
                store?.record(values, forKey: Self.storeKey(blob))
                fromWorkingTree += 1
            }
            missing.removeAll { stageOfBlob[$0] != nil }
        }
        if !missing.isEmpty {
            let blobs = missing
            let parser = PlanParser(config: config)
            let pool = RepositoryPool(gitDirectory: repository.gitDirectory)
            // A blob that cannot be read is an error: counting it as "no stage" would quietly drop
            // an account from the trend.
            let store = self.store
            let found = concurrentMap(blobs.count) { index in
                Result<String, Error> {
                    let data = try pool.blob(blobs[index])
                    let plan = parser.parse(data, path: "accounts/plan.md", kind: .account, id: "plan", depth: .stageAndGroups).plan
                    store?.record(StageAndGroups(plan), forKey: Self.storeKey(blobs[index]))
                    return plan.isReadable ? plan.header.stage?.value ?? "" : ""
                }
            }
            for (index, blob) in missing.enumerated() { stageOfBlob[blob] = try found[index].get() }
        }
    }
}
