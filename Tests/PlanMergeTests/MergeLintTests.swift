import Foundation
import PlanEngine
import PlanMerge
import PlanModel
import PlanWorkspace
import Testing

/// "Merged plans lint clean when both sides did and there is no conflict", with the real
/// `Linter` over a small real workspace (people, the industry and the segments the generated
/// plans name): for generated triples whose three versions have no lint error, a clean merge
/// has none either. Warnings are not compared: they judge content that a clean merge of two
/// valid sides may rightly produce (each side removes one of two sponsors: no-sponsor). Two
/// rows added with one key and different cells are a conflict the driver reports, never a
/// duplicate key after a "clean" merge: the property test checks that.
struct MergeLintTests {
    static let files: [String: String] = [
        "acctplan.yml": """
            version: 1
            people:
              li-you: {name: Li You}
              wang-fang: {name: Wang Fang}
              chen-hao: {name: Chen Hao}
              zhao-lei: {name: Zhao Lei}
              huang-mei: {name: Huang Mei}
              wu-qiang: {name: Wu Qiang}

            """,
        "industries/tobacco.md": "---\nname: Tobacco\nowner: li-you\nreviewed: 2026-11-01\n---\n# Tobacco\n",
        "segments/new-logo-growth.md": "---\nname: New logos\nowner: li-you\nreviewed: 2026-11-01\n---\n# New logos\n",
        "segments/installed-base-high-end.md": "---\nname: High end\nowner: li-you\nreviewed: 2026-11-01\n---\n# High end\n",
        "segments/key-accounts.md": "---\nname: Key accounts\nowner: li-you\nreviewed: 2026-11-01\n---\n# Key accounts\n",
    ]
    static let asOf = CalendarDate(year: 2026, month: 12, day: 1)!

    /// The errors of `plan` as accounts/acme.md in the workspace.
    static func errors(_ plan: Data) throws -> [Diagnostic] {
        var files = Self.files
        files[MergePropertyTests.path] = String(decoding: plan, as: UTF8.self)
        let workspace = try WorkspaceLoader.load(from: MemorySource(files))
        return Linter.lint(workspace, asOf: asOf, only: [MergePropertyTests.path]).filter { $0.severity == .error }
    }

    @Test func theWorkspaceAndTheGeneratedBasesLintWithoutErrors() throws {
        var rng = SeededRNG(seed: 7)
        let base = GeneratedPlan.base(&rng)
        #expect(try Self.errors(Data(base.text.utf8)).isEmpty)
        // The check can fail: two rows with one key are an error.
        var broken = base
        broken.opportunities.rows.append(.init(key: "opp-0", cells: ["Again", "qualify", "1M", "2027-10-01"]))
        #expect(try Self.errors(Data(broken.text.utf8)).map(\.rule) == [.duplicateKey])
    }

    @Test func cleanMergesOfPlansThatLintCleanLintClean() throws {
        var rng = SeededRNG(seed: 31)
        var checked = 0
        for _ in 0..<400 {
            let base = GeneratedPlan.base(&rng)
            let ours = GeneratedPlan.edit(base, side: "o", &rng), theirs = GeneratedPlan.edit(base, side: "t", &rng)
            let result = MergePropertyTests.merged(base.text, ours.text, theirs.text)
            guard result.isClean else { continue }
            guard try [base, ours, theirs].allSatisfy({ try Self.errors(Data($0.text.utf8)).isEmpty }) else { continue }
            checked += 1
            let errors = try Self.errors(result.text)
            #expect(errors.isEmpty, "\(errors.map { "\($0.rule) \($0.line): \($0.message)" }) in:\n\(String(decoding: result.text, as: UTF8.self))")
        }
        #expect(checked > 200, "most triples are checked (\(checked) of 400)")
    }
}
