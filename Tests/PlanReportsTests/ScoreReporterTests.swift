import Foundation
import PlanEngine
import PlanModel
import PlanParser
import PlanReports
import Testing

/// The score's renderers on one plan parsed inline: colour only when asked, the change since
/// then, and JSON's shape.
struct ScoreReporterTests {
    static let asOf = CalendarDate(parsing: "2026-11-29")!

    /// Stakeholders: decision-maker strong, sponsor weak → coverage (1 + 1 + 2/5) / 3 × 30 = 24,
    /// relationship (1 + 0) / 2 × 15 = 7.5; reviewed 2026-11-01 (28 days) → 20; one open action due
    /// 2026-11-25, 4 days late → 15 / 3 = 5; no revenue_target → 0. 24 + 7.5 + 20 + 5 = 56.5 → 57, amber.
    static func score(reviewed: String = "2026-11-01") -> HealthScore {
        let text = """
            ---
            name: Acme | Group
            industry: tobacco
            stage: departmental
            manager: li-you
            reviewed: \(reviewed)
            ---
            ## Stakeholders

            | Name | Role | Relationship |
            | --- | --- | --- |
            | Zhang Wei | decision-maker | strong |
            | Li Na | sponsor | weak |

            ## Actions

            - [ ] 2026-11-25 @li-you Send the proposal
            """
        let plan = PlanParser(config: WorkspaceConfig()).parse(Data(text.utf8), path: "accounts/acme.md", kind: .account, id: "acme").plan
        return HealthScore.compute(plan, config: WorkspaceConfig(), asOf: asOf)
    }

    @Test func textIsColouredOnlyWhenAsked() {
        let report = ScoreReport(asOf: Self.asOf, scores: [Self.score()], profile: HealthScoreProfile())
        let plain = ScoreReporter.text(report, explain: true, color: false)
        #expect(!plain.contains("\u{1B}"))
        #expect(plain.contains("   57  amber  Acme | Group (acme)\n"))
        #expect(plain.contains("       actions      5 of 15  the most overdue action is 4 days late (1–7)\n"))
        #expect(plain.contains("         accounts/acme.md:17  due 2026-11-25, 4 days late: Send the proposal\n"))
        #expect(plain.contains("         accounts/acme.md:1  no revenue_target (in CNY)\n"))
        #expect(plain.hasSuffix("1 account: 0 green, 1 amber, 0 red; mean score 57\n"))
        let coloured = ScoreReporter.text(report, explain: false, color: true)
        #expect(coloured.contains("\u{1B}[1;33m 57  amber\u{1B}[0m"))
    }

    @Test func sinceAndTheOtherFormats() {
        // Then: reviewed 2026-05-01 is 212 days before 2026-11-29 → freshness 0 → 36.5 → 37, red (as of the same day here).
        let then = Self.score(reviewed: "2026-05-01")
        #expect(then.score == 37 && then.band == .red)
        let report = ScoreReport(asOf: Self.asOf, scores: [Self.score()], profile: HealthScoreProfile(), then: ["acme": then],
                                 sinceRevision: String(repeating: "a", count: 40), sinceDate: CalendarDate(parsing: "2026-09-30"))
        #expect(ScoreReporter.text(report, explain: false, color: false).contains("Acme | Group (acme)  +20 (was 37 red)"))
        #expect(ScoreReporter.csv(report) == "id,path,name,score,band,coverage,relationship,freshness,actions,pipeline,since_score,since_band,change\r\n"
            + "acme,accounts/acme.md,Acme | Group,57,amber,24,7.5,20,5,0,37,red,+20\r\n")
        #expect(ScoreReporter.markdown(report, explain: false).contains("| Acme \\| Group (`acme`) | 57 | amber | +20 (was 37 red) |"))
        let json = ScoreReporter.json(report)
        #expect(json.hasPrefix(#"{"version":1,"as_of":"2026-11-29","accounts":[{"id":"acme","path":"accounts/acme.md","name":"Acme | Group","score":57,"band":"amber","components":[{"id":"coverage","weight":30,"points":24,"evidence":[{"path":"accounts/acme.md","line":12,"message":"Zhang Wei: decision-maker"}"#),
                "\(json)")
        #expect(json.hasSuffix(#""since":{"score":37,"band":"red"}}]}"# + "\n"), "\(json)")
    }

    /// `--explain --format csv` was `--format csv` with `--explain` ignored (a newcomer trial): one
    /// row per line of evidence, each with its account, component and points, then the change.
    @Test func explainedCSVHasARowPerLineOfEvidence() {
        let report = ScoreReport(asOf: Self.asOf, scores: [Self.score()], profile: HealthScoreProfile(), then: ["acme": Self.score(reviewed: "2026-05-01")],
                                 sinceRevision: String(repeating: "a", count: 40), sinceDate: CalendarDate(parsing: "2026-09-30"))
        let rows = ScoreReporter.explainedCSV(report).components(separatedBy: "\r\n")
        #expect(rows.first == "id,path,name,score,band,component,weight,points,reckoning,line,message,since_score,since_band,change")
        #expect(rows.contains("acme,accounts/acme.md,Acme | Group,57,amber,coverage,30,24,(decision-maker 1 + sponsor 1 + 2/5 stakeholders) / 3,"
            + "13,Li Na: sponsor,37,red,+20"), "\(rows)")
        #expect(rows.contains("acme,accounts/acme.md,Acme | Group,57,amber,actions,15,5,the most overdue action is 4 days late (1–7),"
            + "17,\"due 2026-11-25, 4 days late: Send the proposal\",37,red,+20"), "\(rows)")
        #expect(rows.contains("acme,accounts/acme.md,Acme | Group,57,amber,pipeline,20,0,no revenue target,1,no revenue_target (in CNY),37,red,+20"),
                "\(rows)")
        // One row per line of evidence: as many as --explain lists, and every component has some.
        let evidence = Self.score().components.map(\.evidence.count)
        #expect(!evidence.contains(0) && rows.count == 1 + evidence.reduce(0, +) + 1 && rows.last == "", "\(rows)")
        // Without --explain, the format is as it was: one row per account.
        let format = ScoreFormats.all.first { $0.name == "csv" }
        #expect(format?.render(report, explain: false, color: false) == ScoreReporter.csv(report))
        #expect(format?.render(report, explain: true, color: false) == ScoreReporter.explainedCSV(report))
        #expect(format?.showsEvidence(explain: true) == true)
    }
}
