import PlanModel

/// `acctplan score`'s formats; their bodies are in `ScoreReporter+Text`, `+JSON`, `+CSV`, `+Markdown`.

/// `--format text` (the default).
public struct TextScoreFormat: ScoreFormat {
    public let name = "text"
    public func render(_ report: ScoreReport, explain: Bool, color: Bool) -> String {
        ScoreReporter.text(report, explain: explain, color: color)
    }
    public func render(_ report: ScoreReport, explain: Bool, color: Bool, language: UILanguage) -> String {
        ScoreReporter.text(report, explain: explain, color: color, language: language)
    }
}

/// `--format json`: docs/score.md (evidence always included).
public struct JSONScoreFormat: ScoreFormat {
    public let name = "json"
    public func render(_ report: ScoreReport, explain: Bool, color: Bool) -> String { ScoreReporter.json(report) }
    public func showsEvidence(explain: Bool) -> Bool { true }
}

/// `--format csv`: one row per account, the points per component; with `--explain`, one row
/// per line of evidence.
public struct CSVScoreFormat: ScoreFormat {
    public let name = "csv"
    public func render(_ report: ScoreReport, explain: Bool, color: Bool) -> String {
        explain ? ScoreReporter.explainedCSV(report) : ScoreReporter.csv(report)
    }
}

/// `--format markdown`.
public struct MarkdownScoreFormat: ScoreFormat {
    public let name = "markdown"
    public func render(_ report: ScoreReport, explain: Bool, color: Bool) -> String {
        ScoreReporter.markdown(report, explain: explain)
    }
    public func render(_ report: ScoreReport, explain: Bool, color: Bool, language: UILanguage) -> String {
        ScoreReporter.markdown(report, explain: explain, language: language)
    }
}
