import Foundation
import PlanEngine
import PlanModel

/// Rollup outputs: JSON (PLAN_FORMAT.md §8 exactly), a text table with a stage bar per group,
/// CSV (RFC 4180, one row per group, stable columns) and Markdown.
public enum RollupReporter {
    /// History attached to a rollup by `--since` and `--trend`.
    public struct History: Sendable {
        public var sinceRevision: String?
        public var sinceDate: CalendarDate?
        public var transitions: [RollupHistory.Transition]?
        public var trend: [TrendPoint]?

        public init(sinceRevision: String? = nil, sinceDate: CalendarDate? = nil,
                    transitions: [RollupHistory.Transition]? = nil,
                    trend: [TrendPoint]? = nil) {
            self.sinceRevision = sinceRevision
            self.sinceDate = sinceDate
            self.transitions = transitions
            self.trend = trend
        }
    }

    /// One point of `--trend`: the stage counts at the end of a period, as of the commit read
    /// (nil when the period ends before the first commit).
    public struct TrendPoint: Sendable {
        public var date: CalendarDate
        public var revision: String?
        public var stageCounts: [(stage: String, count: Int)]

        public init(date: CalendarDate, revision: String?, stageCounts: [(stage: String, count: Int)]) {
            self.date = date
            self.revision = revision
            self.stageCounts = stageCounts
        }
    }
}
