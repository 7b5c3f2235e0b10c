import Foundation
import PlanEngine
import PlanModel

/// The report's charts as inline SVG: no script, no external resource. Colours come from the
/// page's stylesheet through classes (`stage-N`, `open`, `weighted`), so light, dark and print
/// modes all apply. Geometry is computed in `Double` (pixels, not money); every label and tooltip
/// comes from exact figures and is escaped.
public enum SVGChart {
    /// The CSS class of the stage at `index` in lifecycle order (six shades, then repeating).
    public static func stageClass(_ index: Int) -> String { "stage-\(index % 6)" }

    /// A number for an SVG attribute: at most two decimals, no trailing zeros, no exponent.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// A horizontal bar `width` wide split by stage, each part's width proportional to its count
    /// (left to right in lifecycle order). Scales to its container; `labels` names the stages in
    /// the tooltips. An empty group gets one neutral bar.
    public static func stageBar(_ counts: [(stage: String, count: Int)], labels: [String: String] = [:],
                                width: Double = 300, height: Double = 14) -> String {
        let total = counts.reduce(0) { $0 + $1.count }
        let summary = counts.map { "\(labels[$0.stage] ?? $0.stage): \($0.count)" }.joined(separator: ", ")
        var output = "<svg class=\"stage-bar\" viewBox=\"0 0 \(number(width)) \(number(height))\" preserveAspectRatio=\"none\""
            + " role=\"img\" aria-label=\"\(HTML.escape(total == 0 ? "no accounts" : summary))\">"
        guard total > 0 else {
            return output + "<rect class=\"empty\" x=\"0\" y=\"0\" width=\"\(number(width))\" height=\"\(number(height))\"/></svg>"
        }
        // Edges from cumulative counts, so the parts always add up to the full width.
        var before = 0
        for (index, entry) in counts.enumerated() {
            let x = Double(before) / Double(total) * width
            before += entry.count
            let end = Double(before) / Double(total) * width
            guard entry.count > 0 else { continue }
            output += "<rect class=\"\(stageClass(index))\" x=\"\(number(x))\" y=\"0\" width=\"\(number(end - x))\""
                + " height=\"\(number(height))\"><title>\(HTML.escape("\(labels[entry.stage] ?? entry.stage): \(entry.count)"))"
                + "</title></rect>"
        }
        return output + "</svg>"
    }

    /// A "nice" axis maximum at or above `value` (1, 2, 2.5 or 5 times a power of ten) and
    /// four equal steps up to it.
    static func niceScale(_ value: Double) -> (maximum: Double, ticks: [Double]) {
        guard value > 0 else { return (1, [0, 0.25, 0.5, 0.75, 1]) }
        let magnitude = pow(10, floor(log10(value)))
        let maximum = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map { $0 * magnitude }.first { $0 >= value } ?? 10 * magnitude
        return (maximum, (0...4).map { maximum * Double($0) / 4 })
    }

    /// A compact amount for axis labels: 950, 12k, 3.5M, 1.2B (from the exact Decimal, one decimal).
    public static func compactAmount(_ value: Decimal) -> String {
        let units: [(Decimal, String)] = [(1_000_000_000, "B"), (1_000_000, "M"), (1_000, "k")]
        for (unit, suffix) in units where value >= unit {
            var scaled = value / unit
            var rounded = Decimal()
            NSDecimalRound(&rounded, &scaled, scaled >= 100 ? 0 : 1, .plain)
            return rounded.plainString + suffix
        }
        return value.roundedToCents.plainString
    }

    /// Open and weighted pipeline by close quarter: one column per quarter, the weighted part drawn
    /// over the open one (weighted never exceeds open). Quarters that ended before `asOf` are
    /// marked `past` (their opportunities are past their close date).
    public static func pipelineByQuarter(_ quarters: [Rollup.QuarterPipeline], asOf: CalendarDate, currency: String,
                                         language: UILanguage = .en) -> String {
        func t(_ english: String, _ chinese: String) -> String { language == .en ? english : chinese }
        let plotTop = 12.0, plotBottom = 200.0, left = 56.0, width = 760.0
        let columnWidth = (width - left - 12) / Double(max(quarters.count, 1))
        let barWidth = max(1, min(56, columnWidth * 0.8))
        let height = plotBottom + 40
        let largest = quarters.map { NSDecimalNumber(decimal: $0.open).doubleValue }.max() ?? 0
        let scale = niceScale(largest)
        func y(_ value: Double) -> Double { plotBottom - value / scale.maximum * (plotBottom - plotTop) }
        var output = "<svg class=\"chart pipeline-chart\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\""
            + " aria-label=\"\(HTML.escape(t("Open and weighted pipeline by close quarter, in \(currency)", "按成交季度的未关闭和加权商机，单位 \(currency)")))\">"
        for tick in scale.ticks {
            let label = compactAmount(Decimal(tick))
            output += "<line class=\"grid\" x1=\"\(number(left))\" x2=\"\(number(width - 8))\" y1=\"\(number(y(tick)))\""
                + " y2=\"\(number(y(tick)))\"/><text class=\"axis\" x=\"\(number(left - 6))\" y=\"\(number(y(tick) + 4))\""
                + " text-anchor=\"end\">\(HTML.escape(label))</text>"
        }
        let labelEvery = max(1, Int((56 / columnWidth).rounded(.up)))
        for (index, quarter) in quarters.enumerated() {
            let x = left + Double(index) * columnWidth
            let barLeft = x + (columnWidth - barWidth) / 2
            let open = NSDecimalNumber(decimal: quarter.open).doubleValue
            let weighted = NSDecimalNumber(decimal: quarter.weighted).doubleValue
            let past = quarter.end.map { $0 < asOf } ?? false
            let name = quarterLabel(quarter, language: language)
            let tooltip = t("\(name.joined(separator: " ")): \(quarter.opportunities) open opportunities, open \(currency) "
                + "\(Format.amount(quarter.open)), weighted \(currency) \(Format.amount(quarter.weighted))" + (past ? " (past close)" : ""),
                "\(name.reversed().joined(separator: " "))：\(quarter.opportunities) 个未关闭商机，未关闭 \(currency) "
                + "\(Format.amount(quarter.open))，加权 \(currency) \(Format.amount(quarter.weighted))" + (past ? "（成交日期已过）" : ""))
            output += "<g class=\"\(past ? "quarter past" : quarter.end == nil ? "quarter undated" : "quarter")\">"
                + "<title>\(HTML.escape(tooltip))</title>"
                + "<rect class=\"open\" x=\"\(number(barLeft))\" y=\"\(number(y(open)))\" width=\"\(number(barWidth))\""
                + " height=\"\(number(plotBottom - y(open)))\"/>"
                + "<rect class=\"weighted\" x=\"\(number(barLeft))\" y=\"\(number(y(weighted)))\" width=\"\(number(barWidth))\""
                + " height=\"\(number(plotBottom - y(weighted)))\"/>"
            if index % labelEvery == 0 {
                let center = number(x + columnWidth / 2)
                output += "<text class=\"axis\" x=\"\(center)\" y=\"\(number(plotBottom + 14))\" text-anchor=\"middle\">"
                    + "\(HTML.escape(name[0]))</text>"
                if name.count > 1 {
                    output += "<text class=\"axis\" x=\"\(center)\" y=\"\(number(plotBottom + 27))\" text-anchor=\"middle\">"
                        + "\(HTML.escape(name[1]))</text>"
                }
            }
            output += "</g>"
        }
        output += "<line class=\"baseline\" x1=\"\(number(left))\" x2=\"\(number(width - 8))\" y1=\"\(number(plotBottom))\""
            + " y2=\"\(number(plotBottom))\"/>"
        return output + "</svg>"
    }

    /// "Jan–Mar", "2027" for a quarter; "no close", "date" for opportunities without one. In
    /// Chinese "1–3月", "2027"; "无成交", "日期".
    public static func quarterLabel(_ quarter: Rollup.QuarterPipeline, language: UILanguage = .en) -> [String] {
        guard let start = quarter.start, let end = quarter.end else { return language == .en ? ["no close", "date"] : ["无成交", "日期"] }
        let year = start.year == end.year ? "\(end.year)" : "\(start.year)/\(String(end.year).suffix(2))"
        if language == .zhCN { return ["\(start.month)–\(end.month)月", year] }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return ["\(months[start.month - 1])–\(months[end.month - 1])", year]
    }
}
