import Foundation
import PlanEngine
import PlanModel

extension SVGChart {
    /// One point of the stage trend: the stage counts on a day.
    public struct TrendPoint: Sendable {
        public var date: CalendarDate
        public var stageCounts: [(stage: String, count: Int)]
        /// Shown in the tooltip after the date ("now", a commit id).
        public var note: String?

        public init(date: CalendarDate, stageCounts: [(stage: String, count: Int)], note: String? = nil) {
            self.date = date
            self.stageCounts = stageCounts
            self.note = note
        }
    }

    /// The customers' S-curve: accounts per lifecycle stage over time, stacked with the highest
    /// stage at the bottom, so the top edge of each band is the number of accounts at or beyond
    /// that stage. One or two points draw columns: a slope between two points would suggest a
    /// path the history does not show.
    public static func stageTrend(_ points: [TrendPoint], labels: [String: String] = [:], language: UILanguage = .en) -> String {
        let plotTop = 12.0, plotBottom = 200.0, left = 44.0, right = 716.0
        let width = 760.0, height = plotBottom + 28
        let totals = points.map { $0.stageCounts.reduce(0) { $0 + $1.count } }
        let scale = niceScale(Double(totals.max() ?? 0))
        let maximum = scale.maximum < 4 ? 4 : scale.maximum
        let ticks = scale.maximum < 4 ? [0.0, 1, 2, 3, 4] : scale.ticks
        func y(_ value: Double) -> Double { plotBottom - value / maximum * (plotBottom - plotTop) }
        // x in proportion to time: the last point (the as-of date) is often closer to the one before.
        let first = points.first?.date.dayNumber ?? 0
        let span = Double((points.last?.date.dayNumber ?? 0) - first)
        func x(_ index: Int) -> Double {
            span > 0 ? left + Double(points[index].date.dayNumber - first) / span * (right - left) : (left + right) / 2
        }
        var output = "<svg class=\"chart trend-chart\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\""
            + " aria-label=\"\(language == .en ? "Accounts per lifecycle stage over time" : "各生命周期阶段客户数的变化")\">"
        for tick in ticks where tick == tick.rounded() {
            output += "<line class=\"grid\" x1=\"\(number(left))\" x2=\"\(number(right))\" y1=\"\(number(y(tick)))\""
                + " y2=\"\(number(y(tick)))\"/><text class=\"axis\" x=\"\(number(left - 6))\" y=\"\(number(y(tick) + 4))\""
                + " text-anchor=\"end\">\(Int(tick))</text>"
        }
        guard let stageCount = points.first?.stageCounts.count, stageCount > 0 else { return output + "</svg>" }
        // Cumulative heights from the bottom: band k holds stages from the highest down to k.
        func cumulative(_ point: TrendPoint, through stage: Int) -> Int {
            point.stageCounts.enumerated().filter { $0.offset >= stage }.reduce(0) { $0 + $1.element.count }
        }
        for stage in (0..<stageCount).reversed() {
            let className = stageClass(stage)
            if points.count <= 2 {
                for index in points.indices {
                    let top = y(Double(cumulative(points[index], through: stage)))
                    let bottom = y(Double(cumulative(points[index], through: stage + 1)))
                    // The outer columns stay inside the plot.
                    let center = min(max(x(index), left + 30), right - 30)
                    output += "<rect class=\"\(className)\" x=\"\(number(center - 30))\" y=\"\(number(top))\" width=\"60\""
                        + " height=\"\(number(bottom - top))\"/>"
                }
                continue
            }
            var upper: [String] = [], lower: [String] = []
            for (index, point) in points.enumerated() {
                upper.append("\(number(x(index))),\(number(y(Double(cumulative(point, through: stage)))))")
                lower.append("\(number(x(index))),\(number(y(Double(cumulative(point, through: stage + 1)))))")
            }
            output += "<polygon class=\"\(className)\" points=\"\((upper + lower.reversed()).joined(separator: " "))\"/>"
        }
        output += "<line class=\"baseline\" x1=\"\(number(left))\" x2=\"\(number(right))\" y1=\"\(number(plotBottom))\""
            + " y2=\"\(number(plotBottom))\"/>"
        // One hover target per point with its counts, reaching halfway to its neighbours.
        for (index, point) in points.enumerated() {
            let summary = "\(point.date)\(point.note.map { " (\($0))" } ?? ""): "
                + point.stageCounts.map { "\(labels[$0.stage] ?? $0.stage) \($0.count)" }.joined(separator: ", ")
            let from = index > 0 ? (x(index - 1) + x(index)) / 2 : x(index) - 30
            let to = index < points.count - 1 ? (x(index) + x(index + 1)) / 2 : x(index) + 30
            output += "<rect class=\"hover\" x=\"\(number(from))\" y=\"\(number(plotTop))\" width=\"\(number(to - from))\""
                + " height=\"\(number(plotBottom - plotTop))\"><title>\(HTML.escape(summary))</title></rect>"
        }
        // Date labels, from the latest (always shown) back, skipping those too close to the last shown.
        var lastLabelled = Double.infinity
        for index in points.indices.reversed() where lastLabelled - x(index) >= 76 {
            output += "<text class=\"axis\" x=\"\(number(x(index)))\" y=\"\(number(plotBottom + 16))\" text-anchor=\"middle\">"
                + "\(points[index].date)</text>"
            lastLabelled = x(index)
        }
        return output + "</svg>"
    }
}
