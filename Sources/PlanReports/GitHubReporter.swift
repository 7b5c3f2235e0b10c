import Foundation
import PlanModel

/// GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request.
/// Data and properties are escaped as the runner expects (`%`, CR, LF; also `:` and `,` in properties).
/// Files are named relative to the repository's top, as GitHub places annotations, also when the
/// workspace is a sub-folder of the repository.
public enum GitHubReporter {
    public static func render(_ report: LintReport) -> String {
        var output = ""
        for diagnostic in report.diagnostics {
            let command = diagnostic.severity == .error ? "error" : "warning"
            let properties = [
                "file=\(escapeProperty(report.repositoryPath(diagnostic.path)))",
                "line=\(diagnostic.line)",
                "col=\(diagnostic.column)",
                "title=\(escapeProperty("acctplan \(diagnostic.rule)"))",
            ].joined(separator: ",")
            var message = diagnostic.message
            if let hint = diagnostic.hint { message += "\nhint: \(hint)" }
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
}
