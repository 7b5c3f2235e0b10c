import Foundation
import PlanLocalization
import PlanModel

/// GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request.
/// Data and properties are escaped as the runner expects (`%`, CR, LF; also `:` and `,` in properties).
/// Files are named relative to the repository's top, as GitHub places annotations, also when the
/// workspace is a sub-folder of the repository.
public enum GitHubReporter {
    public static func render(_ report: LintReport, language: UILanguage = .en) -> String {
        var output = ""
        for diagnostic in report.diagnostics {
            let command = diagnostic.severity == .error ? "error" : "warning"
            let properties = [
                "file=\(escapeProperty(report.repositoryPath(diagnostic.path)))",
                "line=\(diagnostic.line)",
                "col=\(diagnostic.column)",
                "title=\(escapeProperty("acctplan \(diagnostic.rule)"))",
            ].joined(separator: ",")
            var message = Localizer.translate(diagnostic.message, to: language)
            if let hint = diagnostic.hint {
                message += "\n\(LintWords.hint(in: language)): \(Localizer.translate(hint, to: language))"
            }
            output += "::\(command) \(properties)::\(escapeData(message))\n"
        }
        return output
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// `--format github`.
public struct GitHubLintFormat: LintFormat {
    public let name = "github"
    public let namesFilesFromRepositoryTop = true
    public func render(_ report: LintReport, color: Bool) -> String { GitHubReporter.render(report) }
    public func render(_ report: LintReport, color: Bool, language: UILanguage) -> String {
        GitHubReporter.render(report, language: language)
    }
}
