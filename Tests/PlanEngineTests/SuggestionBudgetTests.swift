import Foundation
import PlanEngine
import PlanModel
import PlanWorkspace
import Testing

/// "Did you mean ...?" costs a comparison with every candidate: a plan with thousands of unknown
/// references among thousands of opportunities took more than five minutes to lint before
/// suggestions were limited to the first 100 unknown values of each plan.
struct SuggestionBudgetTests {
    static let config = "version: 1\ncurrency: CNY\npeople:\n  li-you: {name: Li You}\n  wang-fang: {name: Wang Fang}\n"

    static func plan(opportunities: Int, references: Int, owners: Int) -> String {
        let rows = (0..<opportunities).map { "| opp-\($0)-xxxxxxxxxx | Deal | develop | CNY 1M | | 2027-01-01 |\n" }.joined()
        let refs = (0..<references).map { "#opp-\($0)-xxxxxxxxxy" }.joined(separator: " ")
        let actions = (0..<owners).map { "- [ ] 2026-12-01 @wang-fan\($0 % 10) Call\n" }.joined()
        return """
            ---
            name: A
            industry: tobacco
            stage: departmental
            manager: li-you
            reviewed: 2026-11-01
            ---
            # A

            ## Opportunities

            | ID | Name | Stage | Amount | Probability | Close |
            | --- | --- | --- | --- | --- | --- |
            \(rows)
            ## Actions

            - [ ] 2026-12-01 @li-you Follow up \(refs)
            \(actions)
            """
    }

    @Test func onlyTheFirstHundredUnknownValuesOfAPlanGetASuggestion() throws {
        let text = Self.plan(opportunities: 1_000, references: 2_000, owners: 300)
        let workspace = try WorkspaceLoader.load(from: MemorySource(["acctplan.yml": Self.config, "accounts/a.md": text]))
        let clock = ContinuousClock()
        let start = clock.now
        let diagnostics = Linter.lint(workspace, asOf: CalendarDate(year: 2026, month: 11, day: 29)!)
        let scale = Int(ProcessInfo.processInfo.environment["ACCTPLAN_TEST_TIME_SCALE"] ?? "") ?? 1
        // A guard against a hang, not a benchmark: the budget itself is the count below. (10 s was
        // passed on a loaded 2-core CI machine: 14 s, a flaky-test audit.)
        #expect(clock.now - start < .seconds(60 * scale))

        let references = diagnostics.filter { $0.rule == .unknownReference && $0.message.hasPrefix("'#") }
        #expect(references.count == 2_000)
        #expect(references.filter { $0.message.contains("did you mean") }.count == 100)
        #expect(references.first?.message == "'#opp-0-xxxxxxxxxy' is not an opportunity of this plan (did you mean '#opp-0-xxxxxxxxxx'?)")
        #expect(references.last?.message == "'#opp-1999-xxxxxxxxxy' is not an opportunity of this plan")

        let owners = diagnostics.filter { $0.rule == .unknownPerson }
        #expect(owners.count == 300)
        #expect(owners.filter { $0.message.contains("did you mean 'wang-fang'") }.count == 100)
        #expect(owners.last?.message == "action owner 'wang-fan9' is not in people:")
        #expect(owners.last?.hint == "add wang-fan9 under people: in acctplan.yml")
    }
}
