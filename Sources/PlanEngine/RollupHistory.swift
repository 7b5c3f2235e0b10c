import Foundation
import PlanModel

/// Lifecycle movement between an earlier snapshot and now (PLAN_FORMAT.md §8, `--since`).
public enum RollupHistory {
    /// An account whose stage differs between then and now (nil: the plan did not exist).
    public struct Transition: Sendable, Equatable {
        public var account: String
        public var from: String?
        public var to: String?
        /// Whether the plan existed then / exists now: a nil stage of an existing plan means it had
        /// no stage (written "(no stage)"), not that it was new or removed.
        public var existedThen: Bool
        public var existsNow: Bool

        public init(account: String, from: String?, to: String?, existedThen: Bool? = nil, existsNow: Bool? = nil) {
            self.account = account
            self.from = from
            self.to = to
            self.existedThen = existedThen ?? (from != nil)
            self.existsNow = existsNow ?? (to != nil)
        }

        /// `from` as people read it: the stage, "(new)" or "(no stage)".
        public var fromLabel: String { from ?? (existedThen ? "(no stage)" : "(new)") }
        /// `to` as people read it: the stage, "(removed)" or "(no stage)".
        public var toLabel: String { to ?? (existsNow ? "(no stage)" : "(removed)") }
    }

    /// Every account whose stage differs, sorted by account id.
    /// An account whose plan cannot be read on either side (merge conflicts, a broken header) is
    /// left out: it is neither new nor removed, its stage is unknown.
    public static func transitions(then old: Workspace?, now new: Workspace) -> [Transition] {
        let before = stages(old)
        let after = stages(new)
        let unknown = unreadableAccounts(old).union(unreadableAccounts(new))
        return Set(before.keys).union(after.keys).subtracting(unknown).sorted().compactMap { id in
            let from = before[id] ?? nil, to = after[id] ?? nil
            guard from != to else { return nil }
            return Transition(account: id, from: from, to: to, existedThen: before[id] != nil, existsNow: after[id] != nil)
        }
    }

    /// Fills each group's `moved`: up and down among its members now, new (members now that did
    /// not exist then) and removed (members then that no longer exist).
    public static func applyMoves(to rollup: inout Rollup, then old: Workspace?, now new: Workspace) {
        let config = new.config
        let before = stages(old)
        let after = stages(new)
        // Plans that cannot be read then or now are neither new nor removed.
        let unreadableThen = unreadableAccounts(old), unreadableNow = unreadableAccounts(new)
        // Accounts that existed then and not now, counted once per group they belonged to then.
        var removed: [Rollup.GroupKey: Int] = [:]
        let dimensions = Array(Set(rollup.groups.map(\.dimension)))
        for account in old.map(Rollup.countedAccounts) ?? [] where after[account.id] == nil && !unreadableNow.contains(account.id) {
            for (dimension, id) in Rollup.memberships(account, dimensions) {
                removed[Rollup.GroupKey(dimension, id), default: 0] += 1
            }
        }
        for index in rollup.groups.indices {
            var moved = Rollup.Moved()
            let group = rollup.groups[index]
            for member in group.members {
                guard let previous = before[member] else {
                    if !unreadableThen.contains(member) { moved.new += 1 }
                    continue
                }
                let from = previous.flatMap { config.lifecycleIndex($0) }
                let to = (after[member] ?? nil).flatMap { config.lifecycleIndex($0) }
                if let from, let to {
                    if to > from { moved.up += 1 } else if to < from { moved.down += 1 }
                }
            }
            moved.removed = removed[group.key] ?? 0
            rollup.groups[index].moved = moved
        }
    }

    /// Ids of account plans that exist but cannot be read (and are not also readable elsewhere).
    static func unreadableAccounts(_ workspace: Workspace?) -> Set<String> {
        guard let workspace else { return [] }
        // By index, not through countedAccounts: copying 10,000 plans to read their ids showed in profiles.
        let readable = Set(workspace.plans.lazy.filter { $0.kind == .account && $0.isReadable }.map(\.id))
        return Set(workspace.plans.lazy.filter { $0.kind == .account && !$0.isReadable && !readable.contains($0.id) }.map(\.id))
    }

    /// Stage counts of a snapshot (every configured stage of `config`, zeros included).
    public static func stageCounts(_ workspace: Workspace?, config: WorkspaceConfig) -> [(stage: String, count: Int)] {
        var counts: [String: Int] = [:]
        for plan in workspace?.plans ?? [] where plan.kind == .account && plan.isReadable {
            if let stage = plan.header.stage?.value { counts[stage, default: 0] += 1 }
        }
        return config.lifecycle.map { ($0.id, counts[$0.id] ?? 0) }
    }

    /// Account id → stage (nil inside when the plan has no readable stage), of the plans the
    /// rollup counts: with two plans of one id, the first by path, whatever order they were read in.
    static func stages(_ workspace: Workspace?) -> [String: String?] {
        var result: [String: String?] = [:]
        // updateValue, not `result[id] = stage`: assigning a nil stage through the subscript would
        // remove the key, and a plan without a stage would read as one that did not exist.
        // The plans countedAccounts keeps (readable accounts, the first of each id), without copying them.
        var seen = Set<String>()
        for plan in workspace?.plans ?? [] where plan.kind == .account && plan.isReadable && seen.insert(plan.id).inserted {
            result.updateValue(plan.header.stage?.value, forKey: plan.id)
        }
        return result
    }

    /// Period ends from `start` to `end` (inclusive): month ends, or quarter ends of the fiscal
    /// year that starts on `fiscalYearStart`.
    public static func periodEnds(from start: CalendarDate, to end: CalendarDate, quarterly: Bool,
                                  fiscalYearStart: MonthDay = MonthDay(month: 1, day: 1)) -> [CalendarDate] {
        guard start <= end else { return [] }
        var result: [CalendarDate] = []
        var year = start.year
        var month = start.month
        while true {
            // Past 9999-12-31 there is no date (and so no period end) any more.
            guard let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)),
                  last <= end else { break }
            let monthsFromFiscalStart = (month - fiscalYearStart.month + 12) % 12
            if last >= start && (!quarterly || monthsFromFiscalStart % 3 == 2) { result.append(last) }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return result
    }
}
