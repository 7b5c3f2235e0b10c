import ArgumentParser
import PlanReports
import PlanServices

/// `acctplan lint`: validate plans and the configuration.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check plans and acctplan.yml against the plan format and the lint rules.",
        discussion: """
            Reports every problem as path:line:column: severity: message [rule]. PATHs narrow what is reported (files or folders); rules that compare plans (duplicate ids, references, targets) still see the whole workspace.

            Formats: text (default), json (stable, for scripts), github (GitHub Actions annotations), sarif (SARIF 2.1.0 for code-scanning tools).

            Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 lint could not run.

            Examples:
              acctplan lint
              acctplan lint accounts/east --as-of 2026-12-31
              acctplan lint --format github      # in CI
              acctplan lint --staged             # what the next commit would record (the pre-commit hook)
              acctplan lint --rev origin/main    # any revision, straight from git
            """)

    @Argument(help: ArgumentHelp("Plan files or folders to report on (default: the whole workspace).", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Option(help: FormatChoice<LintFormatList>.help)
    var format = FormatChoice<LintFormatList>.first

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOption: AsOfOption

    func run() throws {
        // Annotations and SARIF name files from the repository's top, where GitHub looks for them.
        let report = try LintService.lint(workspace: workspaceOptions.workspace, at: sourceOptions.choice, paths: paths,
                                          asOf: try asOfOption.date(), repositoryPaths: format.format.namesFilesFromRepositoryTop)
        Terminal.standardOutput(format.format.render(report, color: Terminal.useColor(),
                                                     language: UI.language(workspace: report.language)))
        if report.errors > 0 || (strict && report.warnings > 0) { throw ExitCode(1) }
    }
}
