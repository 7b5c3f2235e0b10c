import Foundation
import PlanModel
import PlanParser
import PlanServices
import PlanWorkspace

/// What a job of the loading queue sends back to the serving thread.
struct WorkspaceLoad: Sendable {
    enum Outcome: Sendable {
        /// Every plan, read with the editor's `acctplan.yml` (`configText`) or the one on disk (nil).
        case workspace(Workspace, configText: String?)
        case failed(String)
        /// A newer full load was asked for before this one began.
        case superseded
        /// Files read again (nil: the file is gone).
        case files([(path: String, parsed: ParsedPlan?)])
        /// A file could not be read as a plan of the workspace: read everything again.
        case filesUnreadable
    }

    /// The full load this job belongs to (``LanguageServer/loadGeneration``).
    var generation: Int
    var outcome: Outcome
    var isFull: Bool {
        if case .files = outcome { return false }
        if case .filesUnreadable = outcome { return false }
        return true
    }
}

/// Workspace-wide work off the serving thread: the first reading of every plan, again after
/// `acctplan.yml` changed (on disk or in the editor), and files changed outside the editor. The
/// jobs run one after another on ``LanguageServer/loadingQueue``, read only the disk and send
/// their result back as an event; the serving thread alone owns the server's state and applies
/// it. Meanwhile requests are answered from the open documents and the last state read.
extension LanguageServer {
    /// Reads every plan again in the background, with the editor's `acctplan.yml` when one is
    /// open (``requestedConfigText``). Loads asked for before it and not begun are skipped.
    func scheduleLoad() {
        guard let root else { return }
        loadGeneration = events.newLoad()
        jobsInFlight += 1
        fullLoadsInFlight += 1
        let (generation, configText, events) = (loadGeneration, requestedConfigText, self.events)
        loadingQueue.async {
            guard events.isLatestLoad(generation) else {
                return events.push([.loaded(WorkspaceLoad(generation: generation, outcome: .superseded))])
            }
            let outcome: WorkspaceLoad.Outcome
            do {
                let workspace = try configText.map {
                    try WorkspaceLoader.load(from: OverlaySource(disk: FileSystemSource(root: root), open: [ConfigParser.path: Data($0.utf8)]))
                } ?? OpenedWorkspace.workingTree(root).load()
                outcome = .workspace(workspace, configText: configText)
            } catch {
                outcome = .failed("cannot read the workspace at \(root.path): \(error)")
            }
            events.push([.loaded(WorkspaceLoad(generation: generation, outcome: outcome))])
        }
    }

    /// Reads these files again after they changed on disk (a save, `git pull`): only them,
    /// unless `acctplan.yml` changed, which changes how every plan reads.
    func reread(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        guard let root, let config = disk?.config, !paths.contains(ConfigParser.path) else {
            // Nothing read yet, or acctplan.yml changed: read everything (a load under way may
            // have read these files before they changed).
            if started { scheduleLoad() }
            return
        }
        jobsInFlight += 1
        let (generation, events) = (loadGeneration, self.events)
        loadingQueue.async {
            let source = FileSystemSource(root: root)
            let parser = PlanParser(config: config)
            var files: [(path: String, parsed: ParsedPlan?)] = []
            for path in Set(paths).sorted() {
                guard let (kind, id) = Self.kindAndID(path) else { continue }
                do {
                    files.append((path, try source.read(path).map { parser.parse($0, path: path, kind: kind, id: id) }))
                } catch {
                    // A link out of the workspace, a file that cannot be read: the full listing says how.
                    return events.push([.loaded(WorkspaceLoad(generation: generation, outcome: .filesUnreadable))])
                }
            }
            events.push([.loaded(WorkspaceLoad(generation: generation, outcome: .files(files)))])
        }
    }

    /// Applies a job's result (on the serving thread). A result of a load older than the newest
    /// asked for is dropped: the newer one reads the same files later.
    func apply(_ load: WorkspaceLoad) {
        jobsInFlight -= 1
        if load.isFull { fullLoadsInFlight -= 1 }
        guard load.generation == loadGeneration else { return answerWaitingRequests() }
        switch load.outcome {
        case .workspace(let workspace, let configText):
            disk = workspace
            if configText == nil { diskConfig = workspace.config }
            requestedConfig = workspace.config
        case .failed(let reason):
            disk = nil
            logMessage(reason)
        case .superseded:
            break
        case .filesUnreadable:
            scheduleLoad()
        case .files(let files):
            guard var workspace = disk else { break }
            for (path, parsed) in files {
                workspace.plans.removeAll { $0.path == path }
                workspace.findings.removeAll { $0.path == path }
                workspace.planPaths.removeAll { $0 == path }
                guard let parsed else { continue }
                let plan = parsed.plan
                let index = workspace.plans.firstIndex { ($0.kind, $0.path) > (plan.kind, path) } ?? workspace.plans.count
                workspace.plans.insert(plan, at: index)
                workspace.findings += parsed.findings
                workspace.planPaths.append(path)
            }
            disk = workspace
        }
        stale.formUnion(documents.keys)
        answerWaitingRequests()
    }

    /// The editor's `acctplan.yml`, when it is open, decides how every plan reads: when its
    /// meaning changes (not a comment or spacing), every plan is read again in the background;
    /// when it is closed, the file on disk is the truth again.
    func followEditorConfig() {
        guard started else { return }
        let text = documents.values.first { $0.path == ConfigParser.path }?.text
        guard text != requestedConfigText else { return }
        requestedConfigText = text
        let wanted = text.map { ConfigParser.parse(Data($0.utf8)).0 } ?? diskConfig
        guard wanted != requestedConfig else { return }
        requestedConfig = wanted
        scheduleLoad()
    }

    /// The workspace as read from disk, for a request that needs every plan. While it is first
    /// read it is nil, and the request waits for it (``respond(to:method:params:)``).
    func workspaceOnDisk() -> Workspace? {
        if disk == nil && fullLoadsInFlight > 0 { needsWorkspace = true }
        return disk
    }

    /// Answers the requests that waited for the workspace, once it is read (or cannot be).
    func answerWaitingRequests() {
        guard !(disk == nil && fullLoadsInFlight > 0), !waiting.isEmpty else { return }
        let requests = waiting
        waiting = []
        for request in requests { respond(to: request.id, method: request.method, params: request.params) }
    }
}
