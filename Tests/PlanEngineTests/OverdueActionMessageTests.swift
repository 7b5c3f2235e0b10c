import Foundation
import PlanEngine
import PlanModel
import PlanWorkspace
import Testing

/// The overdue-action message counts days as people do: "1 day ago", "2 days ago".
struct OverdueActionMessageTests {
    @Test func oneDayIsSingular() throws {
        let plan = "---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-20\n---\n\n## Actions\n\n"
            + "- [ ] 2026-11-30 @li-you Yesterday\n- [ ] 2026-11-29 @li-you Two days\n"
        let workspace = try WorkspaceLoader.load(from: MemorySource(["accounts/acme.md": plan]))
        let messages = Linter.lint(workspace, asOf: CalendarDate(year: 2026, month: 12, day: 1)!)
            .filter { $0.rule == .overdueAction }.map(\.message)
        #expect(messages == ["action 'Yesterday' was due 2026-11-30, 1 day ago", "action 'Two days' was due 2026-11-29, 2 days ago"])
    }
}
