import PlanModel

/// `path:line:col: severity: message [rule]`, one per line, each followed by an indented hint
/// when there is one, then a summary line. Colours only when asked (a terminal without NO_COLOR).
public enum TextReporter {
    public static func render(_ report: LintReport, color: Bool = false) -> String {
        let style = TerminalStyle(enabled: color)
        var output = ""
        for diagnostic in report.diagnostics { output += render(diagnostic, style: style) }
        output += summary(report) + "\n"
        return output
    }

    /// One diagnostic and its hint.
    public static func render(_ diagnostic: Diagnostic, style: TerminalStyle) -> String {
        let severity = diagnostic.severity == .error ? style.red("error") : style.yellow("warning")
        var output = "\(style.bold("\(diagnostic.path):\(diagnostic.line):\(diagnostic.column)")): \(severity): "
        output += "\(diagnostic.message) \(style.dim("[\(diagnostic.rule)]"))\n"
        if let hint = diagnostic.hint { output += "  \(style.cyan("hint")): \(hint)\n" }
        return output
    }

    /// "2 errors, 1 warning in 12 files" or "12 files checked, no problems".
    public static func summary(_ report: LintReport) -> String {
        let files = "\(report.files) \(report.files == 1 ? "file" : "files")"
        if report.diagnostics.isEmpty { return "\(files) checked, no problems" }
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(report.errors, "error")), \(count(report.warnings, "warning")) in \(files)"
    }
}

/// ANSI styling that is a no-op when disabled.
public struct TerminalStyle: Sendable {
    public let enabled: Bool
    public init(enabled: Bool) { self.enabled = enabled }

    private func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    public func red(_ text: String) -> String { wrap("1;31", text) }
    public func yellow(_ text: String) -> String { wrap("1;33", text) }
    public func green(_ text: String) -> String { wrap("32", text) }
    public func cyan(_ text: String) -> String { wrap("36", text) }
    public func bold(_ text: String) -> String { wrap("1", text) }
    public func dim(_ text: String) -> String { wrap("2", text) }
}

/// `--format text` (the default).
public struct TextLintFormat: LintFormat {
    public let name = "text"
    public func render(_ report: LintReport, color: Bool) -> String { TextReporter.render(report, color: color) }
}
