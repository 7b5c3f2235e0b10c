import Foundation
import PlanEngine
import PlanModel
import PlanParser
import PlanServices
import PlanWorkspace

/// `acctplan lsp`: the Language Server Protocol (3.17) over a byte stream. One thread reads a
/// message, handles it and answers; diagnostics are published when no further message is
/// waiting, so a burst of edits is checked once, at its latest version.
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

    var encoding = PositionEncoding.utf16
    var root: URL?
    /// The workspace as read from disk; open documents are laid over it.
    var disk: Workspace? { didSet { editor = nil; applied = [:] } }
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

    public init(writer: MessageWriter, asOf: CalendarDate, workspace: URL? = nil) {
        self.writer = writer
        self.asOf = asOf
        self.explicitRoot = workspace
    }

    /// Serves until `exit` or the end of input; returns the process's exit status (0 after
    /// `shutdown`, 1 otherwise, as the protocol asks).
    public func run(_ reader: inout MessageReader, inputPending: () -> Bool = { false }) -> Int32 {
        while exitCode == nil {
            if !stale.isEmpty, !reader.hasBufferedMessage, !inputPending() { publishDiagnostics() }
            guard let frame = reader.next() else { break }
            switch frame {
            case .message(let data): handle(data)
            case .malformed(let reason): logMessage("skipped \(reason)")
            }
        }
        return exitCode ?? (shutdownRequested ? 0 : 1)
    }

    /// Handles one message body.
    public func handle(_ data: Data) {
        guard let message = try? JSON.parse(data), case .object = message else {
            send(["jsonrpc": "2.0", "id": nil, "error": ["code": -32700, "message": "not a JSON-RPC message"]])
            return
        }
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
            respond(to: id, method: method, params: params)
        } else {
            notify(method, params)
        }
    }

    private func respond(to id: JSON, method: String, params: JSON) {
        if shutdownRequested && method != "shutdown" {
            send(["jsonrpc": "2.0", "id": id, "error": ["code": -32600, "message": "the server is shutting down"]])
            return
        }
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
        switch result {
        case .success(let value): send(["jsonrpc": "2.0", "id": id, "result": value])
        case .failure(let error): send(["jsonrpc": "2.0", "id": id, "error": ["code": .int(error.code), "message": .string(error.message)]])
        }
    }

    private func notify(_ method: String, _ params: JSON) {
        switch method {
        case "initialized":
            if disk == nil { loadWorkspace() }
            if watchFiles { registerFileWatchers() }
        case "exit": exitCode = shutdownRequested ? 0 : 1
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        case "textDocument/didSave":
            if let uri = params["textDocument"]?["uri"]?.string, let path = relativePath(uri) { reread([path]) }
        case "workspace/didChangeWatchedFiles":
            reread((params["changes"]?.array ?? []).compactMap { $0["uri"]?.string.flatMap(relativePath) })
        default: break // $/cancelRequest, $/setTrace, ...: requests are answered at once.
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

    /// Reads the workspace from disk (once at start, again when files change outside the editor).
    func loadWorkspace() {
        guard let root else { return }
        do {
            disk = try OpenedWorkspace.workingTree(root).load()
        } catch {
            disk = nil
            logMessage("cannot read the workspace at \(root.path): \(error)")
        }
        stale.formUnion(documents.keys)
    }

    /// Reads these files again after they changed on disk (a save, `git pull`): only them,
    /// unless `acctplan.yml` changed, which changes how every plan reads.
    func reread(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        guard let root, var workspace = disk, !paths.contains(ConfigParser.path) else { return loadWorkspace() }
        let source = FileSystemSource(root: root)
        let parser = PlanParser(config: workspace.config)
        for path in Set(paths) {
            guard let (kind, id) = Self.kindAndID(path) else { continue }
            workspace.plans.removeAll { $0.path == path }
            workspace.findings.removeAll { $0.path == path }
            workspace.planPaths.removeAll { $0 == path }
            let data: Data?
            do {
                data = try source.read(path)
            } catch {
                // A link out of the workspace, a file that cannot be read: the full listing says how.
                return loadWorkspace()
            }
            guard let data else { continue }
            let parsed = parser.parse(data, path: path, kind: kind, id: id)
            let index = workspace.plans.firstIndex { ($0.kind, $0.path) > (kind, path) } ?? workspace.plans.count
            workspace.plans.insert(parsed.plan, at: index)
            workspace.findings += parsed.findings
            workspace.planPaths.append(path)
        }
        disk = workspace
        stale.formUnion(documents.keys)
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

    // MARK: Documents

    /// The workspace-relative path of a `file:` URI inside the workspace; nil for anything else.
    func relativePath(_ uri: String) -> String? {
        guard let root, let url = URL(string: uri), url.isFileURL else { return nil }
        let path = url.standardizedFileURL.path
        let base = root.standardizedFileURL.path
        guard path.hasPrefix(base + "/") else { return nil }
        let relative = String(path.dropFirst(base.count + 1))
        guard relative == ConfigParser.path || WorkspaceLoader.isPlanPath(relative),
              relative == ConfigParser.path || PlanKind(folder: relative.split(separator: "/").first ?? "") != nil else { return nil }
        return relative
    }

    private func didOpen(_ params: JSON) {
        let item = params["textDocument"]
        guard let uri = item?["uri"]?.string, let text = item?["text"]?.string, let path = relativePath(uri) else { return }
        documents[uri] = TextDocument(uri: uri, path: path, version: item?["version"]?.int ?? 0, text: text)
        markEveryDocumentStale()
    }

    private func didChange(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string, var document = documents[uri] else { return }
        for change in params["contentChanges"]?.array ?? [] {
            guard let text = change["text"]?.string else { continue }
            document.apply(TextRange(change["range"]), text, encoding: encoding)
        }
        document.version = params["textDocument"]?["version"]?.int ?? document.version + 1
        documents[uri] = document
        markEveryDocumentStale()
    }

    private func didClose(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents.removeValue(forKey: uri) else { return }
        stale.remove(uri)
        // The file on disk is the truth again; its diagnostics go with the editor's buffer.
        send(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
              "params": ["uri": .string(uri), "diagnostics": []]])
        markEveryDocumentStale()
    }

    /// An edit of one plan can change what other open plans are told (an id they reference, a
    /// duplicate); an edit of `acctplan.yml` changes everything: every open document is
    /// checked again (the workspace is linted as a whole, so plans not open count too).
    private func markEveryDocumentStale() {
        stale.formUnion(documents.keys)
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
