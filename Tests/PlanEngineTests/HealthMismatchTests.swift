import Foundation
import PlanEngine
import PlanModel
import PlanWorkspace
import Testing

/// `health-mismatch`: only two bands apart (green vs red) is reported, at the `health:` value.
struct HealthMismatchTests {
    @Test func theTemplatesSunriseIsFlaggedRedButScoresGreen() throws {
        let workspace = try WorkspaceLoader.load(from: FileSystemSource(root: HealthScoreTests.template))
        let found = Linter.lint(workspace, asOf: HealthScoreTests.asOf).filter { $0.rule == .healthMismatch }
        // sunrise-properties: health: red, score 78 (green, worked out in HealthScoreTests). The
        // yellow accounts (zhejiang-tobacco 76, huaxia-power 79) are one band off: not reported.
        #expect(found.map { "\($0.path):\($0.line):\($0.column)" } == ["accounts/east/sunrise-properties.md:10:9"])
        #expect(found.first?.message == "health is red but the computed health score is 78 (green)")
        #expect(found.first?.severity == .warning)
    }

    @Test func greenFlagOnARedScoreAndAmberIsNotReported() throws {
        func plan(_ health: String) -> String {
            "---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nhealth: \(health)\nreviewed: 2026-11-01\n---\n"
        }
        // Only freshness scores: 20 of 100, red.
        let asOf = HealthScoreTests.asOf
        for (health, expected) in [("green", 1), ("yellow", 0), ("red", 0)] {
            let workspace = try WorkspaceLoader.load(from: MemorySource(["accounts/acme.md": plan(health)]))
            let found = Linter.lint(workspace, asOf: asOf).filter { $0.rule == .healthMismatch }
            #expect(found.count == expected, "\(health): \(found)")
        }
        // Turned off like any rule.
        let off = try WorkspaceLoader.load(from: MemorySource(["accounts/acme.md": plan("green"),
                                                               "acctplan.yml": "rules:\n  health-mismatch: off\n"]))
        #expect(Linter.lint(off, asOf: asOf).allSatisfy { $0.rule != .healthMismatch })
    }
}
