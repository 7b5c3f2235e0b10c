import Foundation
import PlanLocalization
import PlanServices
import PlanSupport
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#else
import Darwin
private let systemWrite = Darwin.write
#endif

/// Output streams and whether to colour them: only on a terminal, never with NO_COLOR set.
enum Terminal {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var firstOutputFailure: String?

    /// Writes to stdout. A failed write (a full disk) must not crash acctplan, as
    /// `FileHandle.write(_:)` does: it is remembered and reported once the command ends.
    static func standardOutput(_ text: String) {
        if let failure = write(text, to: STDOUT_FILENO) {
            lock.withLock { if firstOutputFailure == nil { firstOutputFailure = failure } }
        }
    }

    /// Why writing to stdout failed, if it did.
    static var outputFailure: String? { lock.withLock { firstOutputFailure } }

    /// Writes to stderr; a failure there has nowhere to be reported.
    static func standardError(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }

    /// Writes all of `text`; returns the system's reason when it cannot.
    private static func write(_ text: String, to descriptor: Int32) -> String? {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }

    /// Colour for stdout (fd 1) or stderr (fd 2).
    static func useColor(fileDescriptor: Int32 = 1) -> Bool {
        if Environment.value("NO_COLOR") != nil { return false }
        if Environment.value("TERM") == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }
}

extension Terminal {
    /// A note on stderr (`acctplan: note: MESSAGE`), the message through the catalogue.
    static func note(_ message: String) {
        standardError(LintWords.noteLine(message, in: UI.languageOutsideWorkspace()))
    }

    /// A line for people in the language chosen before a workspace is read (a confirmation, a
    /// reminder): English and Chinese side by side, so neither can be missing.
    static func say(_ english: String, _ chinese: String) -> String {
        UI.languageOutsideWorkspace() == .en ? english : chinese
    }

    /// A service's warning on stderr: `acctplan: warning: MESSAGE` and `  hint: HINT`.
    static func warn(_ warning: ServiceWarning) {
        // Warnings come while a command runs, before its result says the workspace's language:
        // the same choice as an error line's (only on this path is acctplan.yml's line read).
        standardError(LintWords.warningLine(warning.message, hint: warning.hint, in: UI.languageOutsideWorkspace()))
    }
}

/// A progress line on stderr, only on a terminal and only once the work has taken a second.
final class ProgressLine: ServiceProgress {
    private let started = Date()
    private var shown = false
    private let enabled = isatty(2) == 1

    func update(_ done: Int, of total: Int) {
        guard enabled, Date().timeIntervalSince(started) > 1 else { return }
        shown = true
        Terminal.standardError("\racctplan: reading history \(done)/\(total)")
    }

    func finish() {
        if shown { Terminal.standardError("\r\u{1B}[K") }
    }
}
