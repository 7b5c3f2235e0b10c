import PlanLocalization
import PlanModel

/// `path:line:col: severity: message [rule]`, one per line, each followed by an indented hint
/// when there is one, then a summary line. Colours only when asked (a terminal without NO_COLOR).
public enum TextReporter {
    public static func render(_ report: LintReport, color: Bool = false, language: UILanguage = .en) -> String {
        let style = TerminalStyle(enabled: color)
        var output = ""
        for diagnostic in report.diagnostics { output += render(diagnostic, style: style, language: language) }
        output += summary(report, language: language) + "\n"
        return output
    }

    /// One diagnostic and its hint; the message and hint in `language` (the rule id stays).
    public static func render(_ diagnostic: Diagnostic, style: TerminalStyle, language: UILanguage = .en) -> String {
        let word = LintWords.severity(diagnostic.severity, in: language)
        let severity = diagnostic.severity == .error ? style.red(word) : style.yellow(word)
        var output = "\(style.bold("\(diagnostic.path):\(diagnostic.line):\(diagnostic.column)")): \(severity): "
        output += "\(Localizer.translate(diagnostic.message, to: language)) \(style.dim("[\(diagnostic.rule)]"))\n"
        if let hint = diagnostic.hint {
            output += "  \(style.cyan(LintWords.hint(in: language))): \(Localizer.translate(hint, to: language))\n"
        }
        return output
    }

    /// "2 errors, 1 warning in 12 files" or "12 files checked, no problems".
    public static func summary(_ report: LintReport, language: UILanguage = .en) -> String {
        LintWords.summary(errors: report.errors, warnings: report.warnings, files: report.files, in: language)
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
    public func render(_ report: LintReport, color: Bool, language: UILanguage) -> String {
        TextReporter.render(report, color: color, language: language)
    }
}
