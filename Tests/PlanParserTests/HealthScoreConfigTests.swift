import Foundation
import PlanModel
import PlanParser
import Testing

/// `health_score:` in acctplan.yml: weights that add up to 100 and band thresholds, or a `config`
/// error at the line and column, with a hint, and the default profile kept.
struct HealthScoreConfigTests {
    static func parse(_ text: String) -> (WorkspaceConfig, [Finding]) { ConfigParser.parse(Data(text.utf8)) }

    @Test func weightsAndBandsAreRead() {
        let (config, findings) = Self.parse("""
            currency: CNY
            health_score:
              weights: {coverage: 40, pipeline: 10}
              bands: {green: 75, amber: 50}
            """)
        #expect(findings.isEmpty, "\(findings)")
        // coverage 40 + relationship 15 + freshness 20 + actions 15 + pipeline 10 = 100
        #expect(config.healthScore.weight(.coverage) == 40)
        #expect(config.healthScore.weight(.relationship) == 15)
        #expect(config.healthScore.weight(.pipeline) == 10)
        #expect(config.healthScore.green == 75 && config.healthScore.amber == 50)
    }

    @Test func weightsThatDoNotAddUpTo100AreAConfigError() throws {
        let (config, findings) = Self.parse("""
            currency: CNY
            health_score:
              weights:
                coverage: 40
            """)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.rule == .config)
        #expect(finding.path == "acctplan.yml")
        #expect(finding.location == SourceLocation(line: 4, column: 5))
        #expect(finding.message == "the health_score weights add up to 110, not 100")
        #expect(finding.hint == "weights are points out of 100 (a component not listed keeps its default): "
            + "coverage 40 + relationship 15 + freshness 20 + actions 15 + pipeline 20 = 110")
        #expect(config.healthScore == HealthScoreProfile(), "the default profile is kept")
    }

    @Test func unknownComponentsAndBadThresholds() throws {
        let (_, findings) = Self.parse("""
            health_score:
              weights: {coverge: 30}
              bands: {green: 40, amber: 60}
              colour: red
            """)
        #expect(findings.map(\.message) == [
            "unknown score component 'coverge' in health_score.weights (did you mean 'coverage'?)",
            "the health_score amber threshold (60) is above the green one (40)",
            "unknown health_score setting 'colour'",
        ])
        #expect(findings.map(\.location.line) == [2, 3, 4])
        #expect(findings.allSatisfy { $0.rule == .config && $0.hint != nil && $0.message.contains("health_score") },
                "every message names health_score, which is how `score` knows to warn")
    }
}
