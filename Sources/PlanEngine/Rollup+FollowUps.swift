import Foundation
import PlanModel

extension Rollup {
    /// An account plan whose review is overdue (what the `stale` counts count).
    public struct StalePlan: Sendable, Equatable {
        public var account: String
        public var path: String
        public var reviewed: CalendarDate
        /// Days from the review to the as-of date.
        public var daysSinceReview: Int
    }

    /// An open action due before the as-of date (what the `actions.overdue` counts count).
    public struct OverdueAction: Sendable, Equatable {
        public var account: String
        public var path: String
        public var line: Int
        public var due: CalendarDate
        public var owner: String?
        public var text: String
        /// Days from the due date to the as-of date.
        public var daysOverdue: Int
    }

    /// The stale plans among `accounts` (as chosen by `countedAccounts`), longest unreviewed first,
    /// then by id. Judged exactly as the rollup's `stale` counts.
    public static func stalePlans(_ accounts: [Plan], asOf: CalendarDate, config: WorkspaceConfig) -> [StalePlan] {
        accounts.compactMap { plan -> StalePlan? in
            guard let reviewed = plan.header.reviewed?.value, isStale(reviewed: reviewed, asOf: asOf, config: config) else {
                return nil
            }
            return StalePlan(account: plan.id, path: plan.path, reviewed: reviewed, daysSinceReview: reviewed.days(until: asOf))
        }
        .sorted { ($0.reviewed, $0.account) < ($1.reviewed, $1.account) }
    }

    /// The overdue actions of `accounts`, the longest overdue first, then by account and line.
    /// Judged exactly as the rollup's `actions.overdue` counts.
    public static func overdueActions(_ accounts: [Plan], asOf: CalendarDate) -> [OverdueAction] {
        var result: [OverdueAction] = []
        for plan in accounts {
            for action in plan.actions where isOverdue(action, asOf: asOf) {
                guard let due = action.due?.value else { continue }
                result.append(OverdueAction(account: plan.id, path: plan.path, line: action.location.line, due: due,
                                            owner: action.owner?.value, text: action.text, daysOverdue: due.days(until: asOf)))
            }
        }
        return result.sorted { ($0.due, $0.account, $0.line) < ($1.due, $1.account, $1.line) }
    }
}
