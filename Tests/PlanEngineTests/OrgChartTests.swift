import Foundation
import PlanEngine
import PlanModel
import PlanWorkspace
import Testing

/// The organisation chart of a Stakeholders table (issue 15, "Relationship map").
struct OrgChartTests {
    static func stakeholders(_ rows: [String]) throws -> [Stakeholder] {
        let plan = "---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-20\n---\n\n## Stakeholders\n\n"
            + "| Name | Role | Reports to |\n| --- | --- | --- |\n" + rows.joined(separator: "\n") + "\n"
        let workspace = try WorkspaceLoader.load(from: MemorySource(["accounts/acme.md": plan]))
        return try #require(workspace.plans.first).stakeholders
    }

    @Test func treesUnknownNamesAndCycles() throws {
        let people = try Self.stakeholders([
            "| Wang Wei | decision-maker | |",       // 0: the top
            "| Chen Jie | sponsor | wang wei |",     // 1: case and blanks do not matter
            "| Li Na | influencer | Chen Jie |",     // 2
            "| Gao Lei | user | Nobody |",          // 3: unknown
            "| A | user | B |", "| B | user | C |", "| C | user | A |",  // 4, 5, 6: a circle
            "| D | user | D |",                     // 7: reports to itself
        ])
        let chart = OrgChart(people)
        #expect(chart.manager == [nil, 0, 1, nil, nil, nil, nil, nil])
        #expect(chart.unknown == [3])
        #expect(chart.cycles == [[4, 5, 6], [7]])
        #expect(chart.roots == [0, 3, 4, 5, 6, 7])
        #expect(chart.reports(of: 0) == [1] && chart.reports(of: 1) == [2])
    }

    @Test func lintNamesTheUnknownBossAndTheCircle() throws {
        let plan = "---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-20\n---\n\n## Stakeholders\n\n"
            + "| Name | Role | Reports to |\n| --- | --- | --- |\n| Wang Wei | decision-maker | Li Na |\n| Li Na | sponsor | Wang Wei |\n"
            + "| Gao Lei | user | Wang Wie |\n"
        let workspace = try WorkspaceLoader.load(from: MemorySource(["accounts/acme.md": plan, "industries/tobacco.md": "---\nname: Tobacco\nowner: li-you\n---\n"]))
        let findings = Linter.lint(workspace, asOf: CalendarDate(year: 2026, month: 12, day: 1)!)
        let cycle = try #require(findings.first { $0.rule == .reportingCycle })
        #expect(cycle.message == "Reports to goes round in a circle: Wang Wei → Li Na → Wang Wei" && cycle.line == 13 && cycle.severity == .error)
        let unknown = try #require(findings.first { $0.rule == .unknownReference })
        #expect(unknown.message == "'Wang Wie' (Reports to) is no stakeholder of this plan (did you mean 'Wang Wei'?)" && unknown.line == 15)
    }
}
