import PlanModel
import PlanEngine

/// The output formats of each kind of result, as data: a format is a type conforming to its
/// kind's protocol, listed once in `all`. `--format`'s allowed values, its help text and its
/// error message all come from these lists, so a new lint format is one file (a conforming type
/// beside its renderer) and one entry here.
public protocol OutputFormat: Sendable {
    /// The name `--format` takes.
    var name: String { get }
}

/// A lint format: how a ``LintReport`` is written.
public protocol LintFormat: OutputFormat {
    /// Whether files are named from the repository's top (GitHub annotations, SARIF), so that the
    /// report must say where the workspace is in its repository.
    var namesFilesFromRepositoryTop: Bool { get }
    func render(_ report: LintReport, color: Bool) -> String
    /// For people in `language` (docs/language.md); machine formats (JSON, SARIF) ignore it and
    /// are the same in every language.
    func render(_ report: LintReport, color: Bool, language: UILanguage) -> String
}

extension LintFormat {
    public var namesFilesFromRepositoryTop: Bool { false }
    public func render(_ report: LintReport, color: Bool, language: UILanguage) -> String { render(report, color: color) }
}

public enum LintFormats {
    /// Every lint format, the default first.
    public static let all: [any LintFormat] = [TextLintFormat(), JSONLintFormat(), GitHubLintFormat(), SARIFLintFormat()]
}

/// The two ends of a semantic diff, named for JSON (commit ids, "index", "worktree") and for
/// people ("HEAD (abc1234)", "working tree").
public struct DiffEnds: Sendable {
    public var from: String, to: String
    public var fromText: String, toText: String

    public init(from: String, to: String, fromText: String, toText: String) {
        (self.from, self.to, self.fromText, self.toText) = (from, to, fromText, toText)
    }
}

/// A diff format: how the changes between two versions are written.
public protocol DiffFormat: OutputFormat {
    func render(_ changes: [PlanChange], between ends: DiffEnds, color: Bool) -> String
    /// For people in `language`; JSON ignores it.
    func render(_ changes: [PlanChange], between ends: DiffEnds, color: Bool, language: UILanguage) -> String
}

extension DiffFormat {
    public func render(_ changes: [PlanChange], between ends: DiffEnds, color: Bool, language: UILanguage) -> String {
        render(changes, between: ends, color: color)
    }
}

public enum DiffFormats {
    /// Every diff format, the default first.
    public static let all: [any DiffFormat] = [TextDiffFormat(), JSONDiffFormat(), MarkdownDiffFormat()]
}

/// A rollup format: how a rollup (and, with `--since`, its history) is written.
public protocol RollupFormat: OutputFormat {
    /// `revision`: the commit read, for `--rev` (nil for the working tree or the index).
    func render(_ rollup: Rollup, history: RollupReporter.History?, revision: String?, color: Bool) -> String
    /// For people in `language`; JSON and CSV ignore it (the same bytes in every language).
    func render(_ rollup: Rollup, history: RollupReporter.History?, revision: String?, color: Bool,
                language: UILanguage) -> String
}

extension RollupFormat {
    public func render(_ rollup: Rollup, history: RollupReporter.History?, revision: String?, color: Bool,
                       language: UILanguage) -> String {
        render(rollup, history: history, revision: revision, color: color)
    }
}

extension ScoreFormat {
    public func render(_ report: ScoreReport, explain: Bool, color: Bool, language: UILanguage) -> String {
        render(report, explain: explain, color: color)
    }
}

public enum RollupFormats {
    /// Every rollup format, the default first.
    public static let all: [any RollupFormat] = [TextRollupFormat(), JSONRollupFormat(), CSVRollupFormat(), MarkdownRollupFormat()]
}

/// A score format: how account health scores (and, with `--since`, the change) are written.
public protocol ScoreFormat: OutputFormat {
    /// `explain`: each component's points with their evidence lines.
    func render(_ report: ScoreReport, explain: Bool, color: Bool) -> String
    /// For people in `language`; JSON and CSV ignore it (the same bytes in every language).
    func render(_ report: ScoreReport, explain: Bool, color: Bool, language: UILanguage) -> String
    /// Whether the output shows evidence (and the reckonings) with `explain` as given: scores
    /// computed for any other output skip them, a third of the cost.
    func showsEvidence(explain: Bool) -> Bool
}

extension ScoreFormat {
    public func showsEvidence(explain: Bool) -> Bool { explain }
}

public enum ScoreFormats {
    /// Every score format, the default first.
    public static let all: [any ScoreFormat] = [TextScoreFormat(), JSONScoreFormat(), CSVScoreFormat(), MarkdownScoreFormat()]
}
