import Foundation
import PlanEngine
import PlanModel
import PlanParser
import PlanServices
import PlanWorkspace

/// `acctplan lsp`: the Language Server Protocol (3.17) over a byte stream.
///
/// Three parts, so that the editor is never kept waiting: a reader thread reads and parses
/// messages and queues them (``EventQueue``); the loading queue does the workspace-wide work
/// (reading 10,000 plans, again after `acctplan.yml` changes or a `git pull`) and queues its
/// result; the serving thread (the caller of ``run(_:)``) owns all the state below, takes the
/// events in order and answers each request at once, from the open documents and the workspace
/// as last read. Only a request that needs every plan (definition, references, rename, a hover or
/// completion about other plans) waits, and only for the first reading. Diagnostics are published
/// when no further event is waiting and no reading is under way, so a burst of edits is checked
/// once, at its latest version.
///
/// The server attaches to one workspace (the folder with `acctplan.yml` above the client's
/// root, or `--workspace`) and only to its plans and `acctplan.yml`: a document outside it gets
/// no diagnostics and no answers, and the server never reads a file outside it.
public final class LanguageServer {
    let writer: MessageWriter
    /// The lint date: today, or `--as-of` (tests pin it).
    let asOf: CalendarDate
    /// The workspace given on the command line; otherwise found from the client's root.
    let explicitRoot: URL?
    let events = EventQueue()
    /// Runs the jobs of ``scheduleLoad()`` and ``reread(_:)``, one at a time.
    let loadingQueue = DispatchQueue(label: "acctplan.lsp.load")

    var encoding = PositionEncoding.utf16
    var root: URL?
    /// `initialized` was received: the workspace is being (or has been) read.
    var started = false
    /// The workspace as read from disk (with the editor's `acctplan.yml` when it is open and
    /// means something else); open documents are laid over it. Nil until first read.
    var disk: Workspace? { didSet { editor = nil; applied = [:] } }
    /// `acctplan.yml` as on disk, read at once on `initialized` (completion needs its people
    /// before every plan is read).
    var diskConfig = WorkspaceConfig()
    /// The workspace as the editor sees it, as last built (see `currentWorkspace`), and the
    /// version of each open document it holds.
    var editor: Workspace?
    var applied: [String: Int] = [:]
    var documents: [String: TextDocument] = [:]
    /// Documents whose diagnostics must be published again.
    var stale: Set<String> = []
    var shutdownRequested = false
    var exitCode: Int32?
    /// The client can be asked to watch files (dynamic registration).
    var watchFiles = false
    /// Otherwise the server looks itself (LanguageServer+DiskWatch.swift): at these files, which
    /// looked like this at the last look, taken then.
    var watchedFiles: [String] = []
    var diskSignature: [[Int]] = []
    /// Nil until the first look at the plan files (on the watching thread) came back.
    var planTree: PlanTree?
    var lastDiskCheck = Date.distantPast
    /// The shortest time between two looks at the disk asked by messages (tests set 0).
    public var diskCheckInterval: TimeInterval = 1
    let diskPoll = DiskPoll()

    // Workspace-wide work (LanguageServer+Loading.swift).
    /// The newest full load asked for; results of older ones are dropped.
    var loadGeneration = 0
    var jobsInFlight = 0
    var fullLoadsInFlight = 0
    /// The editor's `acctplan.yml` text the newest full load reads plans with (nil: the file on
    /// disk), and the configuration that gives.
    var requestedConfigText: String?
    var requestedConfig: WorkspaceConfig?
    /// Requests that need every plan, received before the workspace was first read.
    var waiting: [(id: JSON, method: String, params: JSON)] = []
    /// Set by ``workspaceOnDisk()`` when a request asked for a workspace not read yet.
    var needsWorkspace = false
    /// Messages taken from the editor so far, for ``idle``.
    var inputHandled = 0

    /// Called on the serving thread whenever it has nothing left to do (no event waiting, no
    /// reading under way, diagnostics published), with the number of messages handled so far:
    /// tests wait for it before changing files on disk.
    public var idle: ((Int) -> Void)?
    /// Tests only: called on the watching thread before its first look at the plan files, and
    /// on the serving thread once that look came back, so that a test can change the disk while
    /// the look is under way.
    public var willLookAtPlanFiles: (@Sendable () -> Void)?
    public var tookPlanFiles: (() -> Void)?

    /// The language of diagnostics, hovers and quick fixes when the workspace's acctplan.yml sets
    /// none (`acctplan lsp --lang`, else the locale the editor started the server with).
    let fallbackLanguage: UILanguage

    /// The language of what the server says to people — diagnostics, hovers, quick-fix titles:
    /// the workspace's `language:` (docs/language.md), else ``fallbackLanguage``.
    var language: UILanguage { diskConfig.language ?? fallbackLanguage }

    /// `english` or `chinese`, in ``language``: both are written side by side where the server
    /// says them, so neither can be missing.
    func say(_ english: @autoclosure () -> String, _ chinese: @autoclosure () -> String) -> String {
        language == .en ? english() : chinese()
    }

    public init(writer: MessageWriter, asOf: CalendarDate, workspace: URL? = nil, language: UILanguage = .en) {
        self.writer = writer
        self.asOf = asOf
        self.explicitRoot = workspace
        self.fallbackLanguage = language
    }

    /// Serves until `exit` or the end of input (then once the work under way is done and its
    /// diagnostics are published); returns the process's exit status (0 after `shutdown`, 1
    /// otherwise, as the protocol asks).
    public func run(_ reader: MessageReader) -> Int32 {
        let events = self.events
        let thread = Thread {
            var reader = reader
            Self.read(&reader, into: events)
        }
        // Deeply nested JSON is parsed on this thread: give it the main thread's stack.
        thread.stackSize = 8 << 20
        thread.start()
        var inputEnded = false
        while exitCode == nil {
            if events.isEmpty && jobsInFlight == 0 {
                if !stale.isEmpty { publishDiagnostics() }
                if inputEnded { break }
                idle?(inputHandled)
            }
            let event = events.next()
            if event.isInput { inputHandled += 1 }
            switch event {
            case .message(let message):
                lookAtDisk(activity: true)
                handle(message)
            case .lookAtDisk: lookAtDisk(activity: false)
            case .planTree(let tree): accept(tree)
            case .unparseable:
                send(["jsonrpc": "2.0", "id": nil, "error": ["code": -32700, "message": "not a JSON-RPC message"]])
            case .malformed(let reason): logMessage("skipped \(reason)")
            case .loaded(let load): apply(load)
            case .endOfInput: inputEnded = true
            }
        }
        diskPoll.stop()
        return exitCode ?? (shutdownRequested ? 0 : 1)
    }

    /// The reader thread: frames to events. Messages already buffered together are queued
    /// together, and a cancellation is recorded the moment it is read.
    static func read(_ reader: inout MessageReader, into events: EventQueue) {
        while let frame = reader.next() {
            var batch = [event(frame, events: events)]
            while reader.hasBufferedMessage, let more = reader.next() { batch.append(event(more, events: events)) }
            events.push(batch)
        }
        events.push([.endOfInput])
    }

    private static func event(_ frame: MessageReader.Frame, events: EventQueue) -> ServerEvent {
        switch frame {
        case .malformed(let reason): return .malformed(reason)
        case .message(let data):
            guard let message = try? JSON.parse(data), case .object = message else { return .unparseable }
            if message["method"] == "$/cancelRequest", let id = message["params"]?["id"] { events.cancel(id) }
            return .message(message)
        }
    }

    /// Handles one message.
    func handle(_ message: JSON) {
        let id = message["id"]
        guard let method = message["method"]?.string else {
            // A response to a request of ours (none are sent), or nonsense with an id.
            if let id, message["result"] == nil, message["error"] == nil {
                send(["jsonrpc": "2.0", "id": id, "error": ["code": -32600, "message": "a request needs a method"]])
            }
            return
        }
        let params = message["params"] ?? .null
        if let id {
            if events.isCancelled(id) {
                send(["jsonrpc": "2.0", "id": id, "error": ["code": -32800, "message": "the request was cancelled"]])
            } else {
                respond(to: id, method: method, params: params)
            }
        } else {
            notify(method, params)
        }
    }

    /// Answers a request, or keeps it in ``waiting`` when it needs every plan and they are being
    /// read for the first time.
    func respond(to id: JSON, method: String, params: JSON) {
        if shutdownRequested && method != "shutdown" {
            send(["jsonrpc": "2.0", "id": id, "error": ["code": -32600, "message": "the server is shutting down"]])
            return
        }
        needsWorkspace = false
        let result: Result<JSON, ResponseError>
        switch method {
        case "initialize": result = .success(initialize(params))
        case "shutdown":
            shutdownRequested = true
            result = .success(.null)
        case "textDocument/formatting": result = formatting(params)
        case "textDocument/documentSymbol": result = .success(documentSymbols(params))
        case "textDocument/hover": result = .success(hover(params))
        case "textDocument/completion": result = .success(completion(params))
        case "textDocument/definition": result = .success(definition(params))
        case "textDocument/references": result = .success(references(params))
        case "textDocument/rename": result = rename(params)
        case "textDocument/codeAction": result = .success(codeActions(params))
        default: result = .failure(ResponseError(code: -32601, message: "method not supported: \(method)"))
        }
        if needsWorkspace { return waiting.append((id, method, params)) }
        switch result {
        case .success(let value): send(["jsonrpc": "2.0", "id": id, "result": value])
        case .failure(let error): send(["jsonrpc": "2.0", "id": id, "error": ["code": .int(error.code), "message": .string(error.message)]])
        }
    }

    private func notify(_ method: String, _ params: JSON) {
        switch method {
        case "initialized":
            guard !started, let root else { break }
            started = true
            diskConfig = (try? WorkspaceLoader.readConfig(from: FileSystemSource(root: root)).0) ?? WorkspaceConfig()
            requestedConfig = diskConfig
            scheduleLoad()
            followEditorConfig()
            if watchFiles { registerFileWatchers() } else { startDiskWatch() }
        case "exit": exitCode = shutdownRequested ? 0 : 1
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        case "textDocument/didSave":
            if let uri = params["textDocument"]?["uri"]?.string, let path = relativePath(uri) { reread([path]) }
        case "workspace/didChangeWatchedFiles":
            reread((params["changes"]?.array ?? []).compactMap { $0["uri"]?.string.flatMap(relativePath) })
        case "$/cancelRequest":
            // Its request came before it: answered already, or waiting for the workspace.
            guard let id = params["id"] else { break }
            events.forget(id)
            if let index = waiting.firstIndex(where: { $0.id == id }) {
                waiting.remove(at: index)
                send(["jsonrpc": "2.0", "id": id, "error": ["code": -32800, "message": "the request was cancelled"]])
            }
        default: break // $/setTrace, ...
        }
    }

    struct ResponseError: Error {
        var code: Int
        var message: String
    }

    // MARK: Lifecycle

    private func initialize(_ params: JSON) -> JSON {
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? []
        encoding = offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
        watchFiles = params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool == true
        root = explicitRoot ?? clientRoot(params).flatMap { try? WorkspaceLocation.root(searchingFrom: $0) }
        return [
            "capabilities": [
                "positionEncoding": .string(encoding.rawValue),
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "documentFormattingProvider": true,
                "documentSymbolProvider": true,
                "hoverProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "renameProvider": true,
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
                "completionProvider": ["triggerCharacters": ["@", "#", ":", " ", "|"]],
            ],
            "serverInfo": ["name": "acctplan", "version": .string(LanguageServer.version)],
        ]
    }

    public static let version = "0.1.0"

    private func clientRoot(_ params: JSON) -> URL? {
        if let uri = params["workspaceFolders"]?[0]?["uri"]?.string ?? params["rootUri"]?.string,
           let url = URL(string: uri), url.isFileURL {
            return url
        }
        return params["rootPath"]?.string.map { URL(fileURLWithPath: $0) }
    }

    /// Asks the client to report changes of plans and `acctplan.yml` made outside the editor.
    private func registerFileWatchers() {
        send(["jsonrpc": "2.0", "id": "acctplan-watch", "method": "client/registerCapability", "params": [
            "registrations": [[
                "id": "acctplan-files", "method": "workspace/didChangeWatchedFiles",
                "registerOptions": ["watchers": [["globPattern": "**/*.md"], ["globPattern": "**/acctplan.yml"]]],
            ]],
        ]])
    }

    // MARK: Output

    func send(_ message: JSON) { writer.send(message) }

    func logMessage(_ text: String, type: Int = 3) {
        send(["jsonrpc": "2.0", "method": "window/logMessage", "params": ["type": .int(type), "message": .string(text)]])
    }

    func showMessage(_ text: String, type: Int = 2) {
        send(["jsonrpc": "2.0", "method": "window/showMessage", "params": ["type": .int(type), "message": .string(text)]])
    }
}
