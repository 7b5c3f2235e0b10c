import Foundation
import PlanEngine
import PlanModel
import PlanReports
import Testing

/// The report's SVG charts: sizes proportional to the numbers, labels and tooltips escaped.
struct SVGChartTests {
    /// The values of `attribute` of every `<element ...>` in `svg`, in order.
    static func attributes(_ attribute: String, of element: String, in svg: String) -> [String] {
        svg.components(separatedBy: "<\(element) ").dropFirst().compactMap { rest in
            let tag = " " + rest.prefix { $0 != ">" }
            guard let range = tag.range(of: " \(attribute)=\"") else { return nil }
            return String(tag[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    @Test func stageBarPartsAreProportionalToCounts() {
        let svg = SVGChart.stageBar([("departmental", 1), ("industry-solution", 2), ("integration", 3)],
                                    labels: ["departmental": "Departmental <apps>"], width: 300)
        #expect(Self.attributes("width", of: "rect", in: svg) == ["50", "100", "150"])
        #expect(Self.attributes("x", of: "rect", in: svg) == ["0", "50", "150"])
        #expect(Self.attributes("class", of: "rect", in: svg) == ["stage-0", "stage-1", "stage-2"])
        #expect(svg.contains("<title>Departmental &lt;apps&gt;: 1</title>"))
        #expect(!svg.contains("<apps>"))
    }

    @Test func stageBarSkipsEmptyStagesAndFillsTheWidth() {
        let svg = SVGChart.stageBar([("a", 0), ("b", 1), ("c", 2)], width: 100)
        #expect(Self.attributes("class", of: "rect", in: svg) == ["stage-1", "stage-2"])
        #expect(Self.attributes("width", of: "rect", in: svg) == ["33.33", "66.67"])
        #expect(Self.attributes("x", of: "rect", in: svg) == ["0", "33.33"])
    }

    @Test func emptyStageBar() {
        let svg = SVGChart.stageBar([("a", 0), ("b", 0)], width: 300)
        #expect(Self.attributes("class", of: "rect", in: svg) == ["empty"])
        #expect(svg.contains("aria-label=\"no accounts\""))
    }

    @Test func pipelineColumnsAreProportionalToAmounts() {
        var q1 = Rollup.QuarterPipeline(start: Self.date("2026-10-01"), end: Self.date("2026-12-31"))
        q1.opportunities = 2
        q1.open = 1_000_000
        q1.weighted = 500_000
        var q2 = Rollup.QuarterPipeline(start: Self.date("2027-01-01"), end: Self.date("2027-03-31"))
        q2.opportunities = 1
        q2.open = 500_000
        q2.weighted = 125_000
        let svg = SVGChart.pipelineByQuarter([q1, q2], asOf: Self.date("2027-01-10"), currency: "CNY")
        let heights = Self.attributes("height", of: "rect", in: svg).compactMap(Double.init)
        // open, weighted of q1, then of q2; the axis tops out at 1M.
        #expect(heights.count == 4)
        #expect(abs(heights[0] / heights[2] - 2) < 0.001, "open 1M vs 500k: \(heights)")
        #expect(abs(heights[0] / heights[1] - 2) < 0.001, "open vs weighted of q1: \(heights)")
        #expect(abs(heights[2] / heights[3] - 4) < 0.001, "open vs weighted of q2: \(heights)")
        #expect(svg.contains("class=\"quarter past\""), "Oct–Dec 2026 ended before 2027-01-10")
        #expect(svg.components(separatedBy: "class=\"quarter past\"").count == 2, "only one quarter is past")
        #expect(svg.contains("Oct–Dec 2026: 2 open opportunities, open CNY 1,000,000, weighted CNY 500,000 (past close)"))
        #expect(svg.contains(">Jan–Mar</text>") && svg.contains(">2027</text>"))
        #expect(svg.contains(">1M</text>") && svg.contains(">500k</text>"))
    }

    @Test func compactAmounts() {
        #expect(SVGChart.compactAmount(950) == "950")
        #expect(SVGChart.compactAmount(12_000) == "12k")
        #expect(SVGChart.compactAmount(3_450_000) == "3.5M")
        #expect(SVGChart.compactAmount(250_000_000) == "250M")
        #expect(SVGChart.compactAmount(1_200_000_000) == "1.2B")
    }

    @Test func trendStacksTheHighestStageAtTheBottom() {
        let points = [
            SVGChart.TrendPoint(date: Self.date("2026-03-31"), stageCounts: [("dep", 4), ("ind", 0), ("int", 0)]),
            SVGChart.TrendPoint(date: Self.date("2026-06-30"), stageCounts: [("dep", 3), ("ind", 1), ("int", 0)]),
            SVGChart.TrendPoint(date: Self.date("2026-09-30"), stageCounts: [("dep", 2), ("ind", 1), ("int", 1)], note: "now"),
        ]
        let svg = SVGChart.stageTrend(points, labels: ["dep": "Departmental"])
        let polygons = Self.attributes("points", of: "polygon", in: svg)
        #expect(Self.attributes("class", of: "polygon", in: svg) == ["stage-2", "stage-1", "stage-0"])
        // Scale: at least 4 accounts high, plot from y 200 (0) to y 12 (4): 47 px per account.
        // The integration band of the last point is 1 high (200 → 153), the departmental band's
        // top is all 4 accounts (12) at every point.
        #expect(polygons[0].hasPrefix("44,200 ") && polygons[0].contains("716,153 716,200 "), "\(polygons[0])")
        #expect(polygons[2].hasPrefix("44,12 ") && polygons[2].contains(" 716,12 "), "\(polygons[2])")
        #expect(svg.contains("<title>2026-09-30 (now): Departmental 2, ind 1, int 1</title>"))
        #expect(svg.contains(">2026-03-31</text>") && svg.contains(">2026-09-30</text>"))
    }

    /// Two points are two columns: a slope between them would draw a path the history does not show.
    @Test func trendWithTwoPointsIsTwoColumns() {
        let svg = SVGChart.stageTrend([
            SVGChart.TrendPoint(date: Self.date("2026-03-31"), stageCounts: [("dep", 4), ("ind", 0)]),
            SVGChart.TrendPoint(date: Self.date("2026-06-30"), stageCounts: [("dep", 2), ("ind", 2)]),
        ])
        #expect(!svg.contains("<polygon"))
        #expect(Self.attributes("class", of: "rect", in: svg).filter { $0.hasPrefix("stage-") }
            == ["stage-1", "stage-1", "stage-0", "stage-0"])
        let xs = Set(Self.attributes("x", of: "rect", in: svg))
        #expect(xs.contains("44") && xs.contains("656"), "the columns sit inside the plot at both ends: \(xs)")
    }

    @Test func trendWithOnePointIsAColumn() {
        let svg = SVGChart.stageTrend([SVGChart.TrendPoint(date: Self.date("2026-03-31"), stageCounts: [("dep", 1), ("ind", 3)])])
        #expect(!svg.contains("<polygon"))
        #expect(Self.attributes("class", of: "rect", in: svg).filter { $0.hasPrefix("stage-") } == ["stage-1", "stage-0"])
    }
}
