import Foundation
import PlanModel

extension Rollup {
    /// The health scores of a group's accounts (docs/score.md): their mean and how many are in
    /// each band.
    public struct ScoreSummary: Sendable, Equatable {
        /// The sum of the members' scores (integers from 0 to 100).
        public var sum = 0
        public var green = 0
        public var amber = 0
        public var red = 0
        public var count: Int { green + amber + red }
        /// The mean score rounded half up to one decimal (74.5); nil for a group without accounts.
        public var mean: Decimal? {
            guard count > 0 else { return nil }
            var exact = Decimal(sum) / Decimal(count)
            var rounded = Decimal()
            NSDecimalRound(&rounded, &exact, 1, .plain)
            return rounded
        }

        public init() {}

        public mutating func add(score: Int, band: ScoreBand) {
            sum += score
            switch band {
            case .green: green += 1
            case .amber: amber += 1
            case .red: red += 1
            }
        }
    }
}
