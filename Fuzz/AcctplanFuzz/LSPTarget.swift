import Foundation
import PlanLanguageServer
import PlanModel
import Synchronization

/// `acctplan lsp` on arbitrary bytes: the framing (headers, lengths, bodies) and every request
/// and notification the bytes happen to make, against a small workspace of its own. Whatever
/// comes in, the server must not crash or hang, and everything it writes must be framed JSON.
enum LSPTargets {
    /// A workspace written once per process into /tmp/acctplan-fuzz-lsp.
    static let workspace: URL = {
        // A fixed folder: the seeds (Fuzz/lsp-seeds.py) name its files by URI.
        let root = URL(fileURLWithPath: "/tmp/acctplan-fuzz-lsp")
        let files = [
            "acctplan.yml": "people:\n  li-you: {name: Li You}\n",
            "industries/tobacco.md": "---\nname: Tobacco\nowner: li-you\nreviewed: 2026-11-01\n---\n",
            "accounts/acme.md": "---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n"
                + "## Opportunities\n\n| ID | Name | Stage | Amount | Close |\n| --- | --- | --- | --- | --- |\n| opp-a | A | propose | 1M | 2027-01-01 |\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
        }
        return root
    }()

    /// The input is the byte stream from the editor. An `initialize`/`initialized` pair for the
    /// workspace goes first, so that requests reach the code that answers them.
    static let lsp: @Sendable (UnsafeBufferPointer<UInt8>) -> Void = { input in
        let start = #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#
        let initialized = #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#
        var bytes = [UInt8]()
        for body in [start, initialized] { bytes += Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8) }
        bytes += Array(input)
        let output = OutputCheck()
        let server = LanguageServer(writer: MessageWriter { output.check($0) },
                                    asOf: CalendarDate(year: 2026, month: 12, day: 1)!, workspace: workspace)
        let input = Input(bytes)
        _ = server.run(MessageReader { input.take(into: &$0) })
    }

    /// The input, handed over once; then the end of the stream.
    final class Input: Sendable {
        private let bytes: Mutex<[UInt8]>
        init(_ bytes: [UInt8]) { self.bytes = Mutex(bytes) }
        func take(into buffer: inout [UInt8]) -> Int {
            let taken = bytes.withLock { bytes in defer { bytes = [] }; return bytes }
            buffer += taken
            return taken.count
        }
    }

    /// Every message the server writes is `Content-Length: N\r\n\r\n` and N bytes of JSON.
    final class OutputCheck: @unchecked Sendable {
        func check(_ data: Data) {
            guard let separator = data.range(of: Data("\r\n\r\n".utf8)) else { return require(false, "output without a header") }
            let header = String(decoding: data[..<separator.lowerBound], as: UTF8.self)
            let body = data[separator.upperBound...]
            require(header == "Content-Length: \(body.count)", "bad output header: \(header)")
            require((try? JSON.parse(Data(body))) != nil, "output body is not JSON")
        }
    }
}
