import Foundation
import PlanEngine
import PlanModel
import PlanWorkspace
import Testing

/// `Linter.lint(_:asOf:only:)`, what the language server runs after an edit, gives exactly the
/// whole lint narrowed to those files: cross-plan rules still see every plan.
struct LintOnlyTests {
    static let files: [String: String] = [
        "acctplan.yml": "people:\n  li-you: {name: Li You}\nrules:\n  no-sponsor: off\n",
        "industries/tobacco.md": "---\nname: Tobacco\nowner: li-you\nreviewed: 2026-11-01\ntargets:\n  revenue: CNY 10M\n---\n",
        // A member of tobacco with a target: the industry's target-gap depends on it.
        "accounts/a.md": "---\nname: A\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\nrevenue_target: CNY 2M\n---\n",
        // The same id in two folders: duplicate-id on both.
        "accounts/east/b.md": "---\nname: B East\nindustry: tobacco\nstage: integration\nmanager: li-you\nreviewed: 2026-11-01\n---\n",
        "accounts/west/b.md": "---\nname: B West\nindustry: tobaco\nstage: integraton\nmanager: nobody\nreviewed: 2025-01-01\n---\n",
        // Disabled rules and a per-plan problem.
        "accounts/c.md": "---\nname: C\nindustry: energy\nstage: departmental\nmanager: li-you\nreviewed: 2020-01-01\n---\n<!-- acctplan-disable stale-review -->\n",
    ]

    @Test func equalsTheWholeLintNarrowedForEverySubset() throws {
        let workspace = try WorkspaceLoader.load(from: MemorySource(Self.files))
        let asOf = CalendarDate(year: 2026, month: 12, day: 1)!
        let whole = Linter.lint(workspace, asOf: asOf)
        #expect(Set(whole.map(\.rule)).isSuperset(of: [.duplicateID, .unknownReference, .targetGap, .unknownStage, .unknownPerson]))
        let paths = Self.files.keys.sorted()
        var subsets: [Set<String>] = paths.map { [$0] }
        subsets += [Set(paths.prefix(3)), Set(paths.suffix(3)), Set(paths), []]
        for subset in subsets {
            #expect(Linter.lint(workspace, asOf: asOf, only: subset) == whole.filter { subset.contains($0.path) }, "\(subset)")
        }
    }

    @Test func everyRuleThatReadsOtherPlansIsMarkedCrossPlan() {
        let crossPlan = RuleRegistry.ids(with: .crossPlan)
        #expect(crossPlan == [.duplicateID, .unknownReference, .targetGap])
    }
}

/// `LintContext.forEachPlan`: the rules' way through the plans without copying them.
struct ForEachPlanTests {
    @Test func visitsThePlansAskedForInOrder() {
        var unreadable = Plan(kind: .account, id: "b", path: "accounts/b.md")
        unreadable.isReadable = false
        let plans = [Plan(kind: .account, id: "a", path: "accounts/a.md"), unreadable,
                     Plan(kind: .industry, id: "tobacco", path: "industries/tobacco.md"),
                     Plan(kind: .account, id: "c", path: "accounts/c.md")]
        let context = LintContext(workspace: Workspace(config: WorkspaceConfig(), plans: plans, findings: [], planPaths: plans.map(\.path)), asOf: CalendarDate(year: 2026, month: 11, day: 29)!)
        func visited(_ kind: PlanKind? = nil, readable: Bool = false) -> [String] {
            var ids: [String] = []
            context.forEachPlan(kind, readable: readable) { ids.append($0.id) }
            return ids
        }
        #expect(visited() == ["a", "b", "tobacco", "c"])
        #expect(visited(readable: true) == ["a", "tobacco", "c"])
        #expect(visited(.account) == ["a", "b", "c"])
        #expect(visited(.account, readable: true) == ["a", "c"])
        #expect(visited(.segment).isEmpty)
    }
}
