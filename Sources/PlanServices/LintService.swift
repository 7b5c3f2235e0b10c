import Foundation
import PlanEngine
import PlanModel
import PlanReports
import PlanWorkspace

/// `lint`: every diagnostic of a workspace, narrowed to paths.
public enum LintService {
    /// Lints the workspace `workspace` (`--workspace`, nil to search upwards) as `choice` holds
    /// it, and reports on `paths` (relative to the current directory; empty for all). With
    /// `repositoryPaths`, the report also says where the workspace is in its repository (GitHub
    /// annotations and SARIF name files from the repository's top).
    public static func lint(workspace: String?, at choice: PlanSourceChoice, paths: [String], asOf: CalendarDate,
                            repositoryPaths: Bool) throws -> LintReport {
        let opened = try OpenedWorkspace.open(workspace: workspace, at: choice)
        let scopes = try opened.scopes(paths)
        let loaded = try opened.load()
        let diagnostics = Linter.narrow(Linter.lint(loaded, asOf: asOf), to: scopes, configUnreadable: loaded.config.isUnreadable)
        let files = loaded.planPaths.filter { path in scopes.isEmpty || scopes.contains { Linter.covers($0, path) } }
        let repository = repositoryPaths ? opened.repositoryLocation() : nil
        ProcessLifetime.keepUntilExit(loaded)
        var report = LintReport(asOf: asOf, diagnostics: diagnostics, files: files.count, repository: repository)
        report.language = loaded.config.language
        report.pathsWithoutPlans = zip(paths, scopes).filter { _, scope in
            scope != "acctplan.yml" && !loaded.planPaths.contains { Linter.covers(scope, $0) }
        }.map(\.0)
        return report
    }
}
