import Foundation
@testable import PlanEngine
import PlanModel
import PlanWorkspace
import Testing
import TestSupport

/// On generated account plans and profiles: the components add up to the score before rounding,
/// the score is that sum rounded half up, no component gives more than its weight, and every
/// evidence line of `--explain` is a line of the plan that holds what the evidence names.
struct HealthScorePropertyTests {
    static let roles = ["decision-maker", "sponsor", "influencer", "user", "gatekeeper"]
    static let relationships = ["strong", "medium", "weak", "none", ""]
    static let stages = ["qualify", "develop", "propose", "negotiate", "won", "lost"]
    static let asOf = CalendarDate(parsing: "2026-11-29")!

    static func date(_ offset: Int) -> String { asOf.adding(days: offset).description }

    static func plan(_ random: inout SplitMix64) -> String {
        var lines = ["---", "name: Generated", "industry: tobacco", "stage: departmental", "manager: li-you"]
        if Int.random(in: 0..<5, using: &random) > 0 { lines.append("reviewed: \(date(-Int.random(in: 0...300, using: &random)))") }
        if Int.random(in: 0..<4, using: &random) > 0 { lines.append("revenue_target: \(Int.random(in: 1...90, using: &random) * 100)k") }
        lines += ["---", "# Generated", ""]
        let people = Int.random(in: 0...7, using: &random)
        if people > 0 || Bool.random(using: &random) {
            lines += ["## Stakeholders", "", "| Name | Role | Relationship |", "| --- | --- | --- |"]
            for index in 0..<people {
                let role = roles.randomElement(using: &random)!
                lines.append("| Person \(index) | \(role) | \(relationships.randomElement(using: &random)!) |")
            }
            lines.append("")
        }
        let deals = Int.random(in: 0...5, using: &random)
        if deals > 0 {
            lines += ["## Opportunities", "", "| ID | Name | Stage | Amount | Probability | Close |", "| --- | --- | --- | --- | --- | --- |"]
            for index in 0..<deals {
                let probability = Bool.random(using: &random) ? "\(Int.random(in: 0...100, using: &random))%" : ""
                let amount = "\(Int.random(in: 1...5000, using: &random))k"
                lines.append("| opp-\(index) | Deal \(index) | \(stages.randomElement(using: &random)!) | \(amount) | \(probability) | "
                    + "\(date(Int.random(in: -500...300, using: &random))) |")
            }
            lines.append("")
        }
        let actions = Int.random(in: 0...5, using: &random)
        if actions > 0 || Bool.random(using: &random) {
            lines += ["## Actions", ""]
            for index in 0..<actions {
                let box = Int.random(in: 0..<3, using: &random) == 0 ? "[x]" : "[ ]"
                let due = Int.random(in: 0..<5, using: &random) == 0 ? "" : date(Int.random(in: -20...40, using: &random)) + " "
                lines.append("- \(box) \(due)@li-you Step \(index)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func profile(_ random: inout SplitMix64) -> String {
        var left = 100
        var weights: [String] = []
        for (index, component) in HealthScoreProfile.Component.allCases.enumerated() {
            let weight = index == 4 ? left : Int.random(in: 0...left, using: &random)
            left -= weight
            weights.append("\(component.rawValue): \(weight)")
        }
        return "health_score:\n  weights: {\(weights.joined(separator: ", "))}\n"
    }

    @Test func componentsAddUpAndEvidencePointsAtItsLines() throws {
        var random = SplitMix64(seed: 15)
        for round in 0..<300 {
            let text = Self.plan(&random)
            let config = round % 2 == 0 ? "" : Self.profile(&random)
            let workspace = try WorkspaceLoader.load(from: MemorySource(["accounts/generated.md": text, "acctplan.yml": config]))
            // A generated plan may leave out `reviewed` (a missing-field error; the plan is still scored).
            #expect(workspace.findings.allSatisfy { $0.rule == .missingField }, "round \(round): \(workspace.findings)\n\(config)")
            let score = try #require(HealthScore.compute(workspace, asOf: Self.asOf).first)
            // Without evidence (lint's health-mismatch): the same points, nothing else.
            let plan = try #require(workspace.plans.first)
            let bare = HealthScore.compute(plan, config: workspace.config, asOf: Self.asOf, withEvidence: false)
            #expect(bare.components.map(\.points) == score.components.map(\.points) && bare.score == score.score)
            #expect(bare.components.allSatisfy { $0.evidence.isEmpty })
            // The rollup's score alone (added in floating point, decided exactly near a half): the same.
            let alone = HealthScore.scoreAndBand(plan, config: workspace.config, asOf: Self.asOf)
            #expect(alone.score == score.score && alone.band == score.band, "round \(round): \(alone) vs \(score.exactTotal)")
            // health-mismatch decides most plans from the bounds without the pipeline: they hold the score,
            // and the pipeline alone makes the difference between them.
            let bounds = HealthScore.bounds(plan, config: workspace.config, asOf: Self.asOf)
            #expect(bounds == HealthScore.exactBounds(plan, config: workspace.config, asOf: Self.asOf), "round \(round)")
            #expect(bounds.contains(score.score), "round \(round): \(bounds) \(score.score)")
            #expect(bounds.upperBound - bounds.lowerBound <= score.components[4].weight + 1, "round \(round): \(bounds)")
            let sum = score.components.reduce(Decimal(0)) { $0 + $1.points }
            #expect(sum == score.exactTotal, "round \(round)")
            #expect(score.score == HealthScore.roundHalfUp(sum), "round \(round)")
            #expect(Decimal(score.score) - sum <= Decimal(string: "0.5")! && sum - Decimal(score.score) < Decimal(string: "0.5")!)
            #expect(score.components.map(\.weight).reduce(0, +) == 100)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for component in score.components {
                #expect(component.points >= 0 && component.points <= Decimal(component.weight) + Decimal(string: "0.000000001")!,
                        "round \(round): \(component)")
                for evidence in component.evidence {
                    #expect(evidence.path == "accounts/generated.md")
                    let line = evidence.line >= 1 && evidence.line <= lines.count ? lines[evidence.line - 1] : ""
                    #expect(line.contains(evidence.quoted), "round \(round): line \(evidence.line) '\(line)' lacks '\(evidence.quoted)'\n\(text)")
                    #expect(evidence.message.contains(evidence.quoted) || evidence.quoted == "---" || evidence.quoted.hasPrefix("##")
                        || evidence.message.contains("no "), "round \(round): \(evidence)")
                }
            }
        }
    }

    /// A total on a half rounds up (39.5 → 40, amber; 34.5 → 35, not to the even 34): the rollup's
    /// floating-point sum leaves a total within 10⁻⁹ of a half to the exact computation.
    @Test(arguments: [
        // coverage (5 + 0 + 1) / 15 × 30 = 12, relationship 0.5 × 15 = 7.5, freshness 20: 39.5
        ("2026-11-20", "medium", "", "", "39.5", 40),
        // the same, and a pipeline of 10k × 10% / 400k = 1/400 of 20 = 0.05: 39.55
        ("2026-11-20", "medium", "revenue_target: 400k", "", "39.55", 40),
        // relationship 0 instead: 32, and the pipeline 0.05: 32.05
        ("2026-11-20", "weak", "revenue_target: 400k", "", "32.05", 32),
        // 12 + 7.5, freshness 10 (100 days), actions 15 × 1/3 = 5 (4 days late): 34.5
        ("2026-08-21", "medium", "", "- [ ] 2026-11-25 @li-you Send the offer", "34.5", 35),
    ])
    func scoreAloneRoundsAHalfAsTheExactScoreDoes(reviewed: String, relationship: String, target: String, action: String,
                                                  total: String, expected: Int) throws {
        let opportunities = target.isEmpty ? "" : """
            ## Opportunities

            | ID | Name | Stage | Amount | Probability | Close |
            | --- | --- | --- | --- | --- | --- |
            | opp-1 | Pilot | qualify | 10k | 10% | 2026-12-20 |

            """
        let text = """
            ---
            name: Half
            industry: tobacco
            stage: departmental
            reviewed: \(reviewed)
            \(target)
            ---
            # Half

            ## Stakeholders

            | Name | Role | Relationship |
            | --- | --- | --- |
            | Ann | decision-maker | \(relationship) |

            \(opportunities)
            ## Actions

            \(action)
            """
        let workspace = try WorkspaceLoader.load(from: MemorySource(["accounts/half.md": text]))
        let plan = try #require(workspace.plans.first)
        let exact = HealthScore.compute(plan, config: workspace.config, asOf: Self.asOf, withEvidence: false)
        #expect(exact.exactTotal == Decimal(string: total)!)
        #expect(exact.score == expected)
        let alone = HealthScore.scoreAndBand(plan, config: workspace.config, asOf: Self.asOf)
        #expect(alone.score == expected && alone.band == exact.band)
        // The bounds without the pipeline round the same way as the exact ones, on a half too.
        #expect(HealthScore.bounds(plan, config: workspace.config, asOf: Self.asOf)
            == HealthScore.exactBounds(plan, config: workspace.config, asOf: Self.asOf))
    }
}
