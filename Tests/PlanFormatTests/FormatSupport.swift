import Foundation
import PlanEngine
import PlanFormat
import PlanModel
import PlanParser
import Testing

/// Formats plan text the way `acctplan fmt` does.
enum Fmt {
    static let config: WorkspaceConfig = {
        var config = WorkspaceConfig()
        config.currency = "CNY"
        config.fx = ["USD": 7.2]
        return config
    }()

    static func outcome(_ text: String, kind: PlanKind = .account, id: String = "acme") -> PlanFormatter.Outcome {
        PlanFormatter(config: config).format(Data(text.utf8), path: "\(kind.folder)/\(id).md", kind: kind, id: id)
    }

    /// The canonical form of `text` (itself when it already is); records an issue on refusal.
    static func format(_ text: String, kind: PlanKind = .account, id: String = "acme",
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        switch outcome(text, kind: kind, id: id) {
        case .unchanged: return text
        case .formatted(let data): return String(decoding: data, as: UTF8.self)
        case .refused(let findings):
            Issue.record("refused: \(findings.map(\.message))", sourceLocation: sourceLocation)
        case .unsafe(let reason):
            Issue.record("unsafe: \(reason)", sourceLocation: sourceLocation)
        case .conflicted(let line):
            Issue.record("conflict markers on line \(line)", sourceLocation: sourceLocation)
        }
        return text
    }

    static func parse(_ text: String, kind: PlanKind = .account, id: String = "acme") -> ParsedPlan {
        PlanParser(config: config).parse(Data(text.utf8), path: "\(kind.folder)/\(id).md", kind: kind, id: id)
    }
}
