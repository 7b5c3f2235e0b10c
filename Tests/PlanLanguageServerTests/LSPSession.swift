import Foundation
import PlanLanguageServer
import PlanModel
import TestSupport

/// A workspace in a temporary folder and a language server run in-process over it: messages in
/// (framed exactly as an editor frames them), messages out.
final class LSPSession: @unchecked Sendable {
    let root: URL
    private let lock = NSLock()
    private var output = Data()

    static let config = """
        currency: CNY
        fx: {USD: 7}
        people:
          li-you: {name: Li You}
          wang-fang: {name: Wang Fang}

        """

    static let tobacco = """
        ---
        name: Tobacco
        owner: li-you
        reviewed: 2026-11-01
        fiscal_year: 2026
        targets:
          revenue: CNY 10M
          accounts: 3
        ---
        # Tobacco

        """

    static let acme = """
        ---
        name: Acme Tobacco
        industry: tobacco
        stage: departmental
        manager: li-you
        reviewed: 2026-11-01
        ---
        # Acme Tobacco

        ## Opportunities

        | ID    | Name   | Stage   | Amount   | Probability | Close      |
        | ----- | ------ | ------- | -------- | ----------- | ---------- |
        | opp-a | Rollout | propose | USD 100k |             | 2027-03-31 |

        ## Actions

        - [ ] 2026-12-20 @wang-fang Demo for #opp-a

        ## Stakeholders

        | Name      | Title | Role    |
        | --------- | ----- | ------- |
        | Zhang Wei | CIO   | sponsor |

        """

    init(files: [String: String] = ["acctplan.yml": LSPSession.config, "industries/tobacco.md": LSPSession.tobacco,
                                    "accounts/acme.md": LSPSession.acme]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func uri(_ path: String) -> String { root.appendingPathComponent(path).absoluteString }

    /// Frames `messages` (raw bodies pass through as written), runs a server over them to the
    /// end of input, and returns what it wrote, in order, with its exit status. The messages
    /// arrive together, as when an editor sends a burst, except that `before[i]` runs once the
    /// server has handled the messages before `i` and gone idle, and message `i` comes after it.
    func run(_ messages: [Any], before: [Int: @Sendable () -> Void] = [:], diskCheckInterval: TimeInterval? = nil,
             configure: (LanguageServer) -> Void = { _ in })
        -> (messages: [JSON], status: Int32)
    {
        let frames: [[UInt8]] = messages.map { message in
            let body: Data
            if let raw = message as? Data { body = raw } else { body = try! JSONSerialization.data(withJSONObject: message) }
            return [UInt8](Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
        }
        let feed = Feed(frames: frames, hooks: before)
        lock.withLock { output = Data() }
        let server = LanguageServer(writer: MessageWriter { [self] data in lock.withLock { output += data } },
                                    asOf: CalendarDate(year: 2026, month: 12, day: 1)!)
        server.idle = { feed.idle(handled: $0) }
        if let diskCheckInterval { server.diskCheckInterval = diskCheckInterval }
        configure(server)
        let status = server.run(MessageReader { feed.read(&$0) })
        feed.finish()
        return (parse(lock.withLock { output }), status)
    }

    /// The input of one run, handed to the server's reader thread one chunk (the frames between
    /// two hooks) per read. Every stored `var` is read and written with `condition` locked.
    final class Feed: @unchecked Sendable {
        private let condition = NSCondition()
        private var chunks: [(start: Int, bytes: [UInt8])] = []
        private var handled = -1
        private let hooks: [Int: @Sendable () -> Void]

        init(frames: [[UInt8]], hooks: [Int: @Sendable () -> Void]) {
            self.hooks = hooks
            for (index, frame) in frames.enumerated() {
                if index == 0 || hooks[index] != nil { chunks.append((index, [])) }
                chunks[chunks.count - 1].bytes += frame
            }
        }

        func read(_ buffer: inout [UInt8]) -> Int {
            condition.lock()
            defer { condition.unlock() }
            guard !chunks.isEmpty else { return 0 }
            let chunk = chunks.removeFirst()
            if let hook = hooks[chunk.start] {
                while handled < chunk.start { condition.wait() }
                hook()
            }
            buffer += chunk.bytes
            return chunk.bytes.count
        }

        func idle(handled count: Int) {
            condition.withLock { handled = max(handled, count) }
            condition.broadcast()
        }

        /// The server returned: a hook still waiting runs now (its message is not read).
        func finish() { idle(handled: .max) }
    }

    private func parse(_ data: Data) -> [JSON] {
        let feed = Feed(frames: [[UInt8](data)], hooks: [:])
        var reader = MessageReader { feed.read(&$0) }
        var result: [JSON] = []
        while let frame = reader.next() {
            if case .message(let body) = frame, let json = try? JSON.parse(body) { result.append(json) }
        }
        return result
    }

    func initialize(id: Int = 1, utf8: Bool = false) -> [String: Any] {
        var capabilities: [String: Any] = [:]
        if utf8 { capabilities["general"] = ["positionEncodings": ["utf-8", "utf-16"]] }
        return ["jsonrpc": "2.0", "id": id, "method": "initialize",
                "params": ["rootUri": root.absoluteString, "capabilities": capabilities]]
    }

    static var initialized: [String: Any] { ["jsonrpc": "2.0", "method": "initialized", "params": [:]] }

    func open(_ path: String, _ text: String, version: Int = 1) -> [String: Any] {
        ["jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": ["textDocument": ["uri": uri(path), "languageId": "markdown", "version": version, "text": text]]]
    }

    func change(_ path: String, version: Int, text: String, range: ((Int, Int), (Int, Int))? = nil) -> [String: Any] {
        var change: [String: Any] = ["text": text]
        if let range {
            change["range"] = ["start": ["line": range.0.0, "character": range.0.1], "end": ["line": range.1.0, "character": range.1.1]]
        }
        return ["jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": ["textDocument": ["uri": uri(path), "version": version], "contentChanges": [change]]]
    }

    func request(_ id: Int, _ method: String, _ path: String, line: Int? = nil, character: Int? = nil) -> [String: Any] {
        var params: [String: Any] = ["textDocument": ["uri": uri(path)]]
        if let line, let character { params["position"] = ["line": line, "character": character] }
        if method == "textDocument/formatting" { params["options"] = ["tabSize": 4, "insertSpaces": true] }
        return ["jsonrpc": "2.0", "id": id, "method": method, "params": params]
    }

    /// `textDocument/codeAction` over the first 30 lines of `path` for `diagnostics` as the server
    /// published them.
    func codeActions(_ id: Int, _ path: String, diagnostics: [JSON]) throws -> [String: Any] {
        ["jsonrpc": "2.0", "id": id, "method": "textDocument/codeAction", "params": [
            "textDocument": ["uri": uri(path)],
            "range": ["start": ["line": 0, "character": 0], "end": ["line": 30, "character": 0]],
            "context": ["diagnostics": try JSONSerialization.jsonObject(with: JSON.array(diagnostics).data)],
        ]]
    }

    /// Runs git in the session's folder (for the hooks of ``run(_:before:diskCheckInterval:)``).
    var git: @Sendable ([String]) -> Void {
        let folder = root.path
        return { args in
            let environment = ["PATH": "/usr/bin:/bin", "HOME": folder, "GIT_CONFIG_NOSYSTEM": "1",
                               "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"]
            let git = ["/usr/bin/git", "/bin/git"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "git"
            _ = try? Subprocess.run(git, args, environment: environment, directory: folder, timeout: 30)
        }
    }

    /// A range on one line, as the server writes it.
    static func range(_ line: Int, _ start: Int, _ end: Int) -> JSON {
        ["start": ["line": .int(line), "character": .int(start)], "end": ["line": .int(line), "character": .int(end)]]
    }

    static var shutdown: [String: Any] { ["jsonrpc": "2.0", "id": 99, "method": "shutdown"] }
    static var exit: [String: Any] { ["jsonrpc": "2.0", "method": "exit"] }
}

extension Array where Element == JSON {
    func response(_ id: Int) -> JSON? { first { $0["id"] == .int(id) } }

    /// The `textEdit` of each completion item answered to request `id`.
    func completionEdits(_ id: Int) -> [JSON] { response(id)?["result"]?["items"]?.array?.compactMap { $0["textEdit"] } ?? [] }

    /// The diagnostics published for `uri`, in order.
    func diagnostics(_ uri: String) -> [JSON] {
        filter { $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri }
            .map { $0["params"]! }
    }
}
