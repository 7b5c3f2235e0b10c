import Foundation

/// Output streams and whether to colour them: only on a terminal, never with NO_COLOR set.
enum Terminal {
    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Colour for stdout (fd 1) or stderr (fd 2).
    static func useColor(fileDescriptor: Int32 = 1) -> Bool {
        if ProcessInfo.processInfo.environment["NO_COLOR"] != nil { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }
}
