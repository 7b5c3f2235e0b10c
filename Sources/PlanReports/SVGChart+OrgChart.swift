import Foundation
import PlanEngine
import PlanModel

extension SVGChart {
    /// The customer's organisation (the Stakeholders' Reports to) as a top-down tree: a box per
    /// stakeholder, filled by relationship (`rel-strong` … `rel-unknown`), decision-makers and
    /// sponsors marked ★ with a thicker border; leaves side by side, each boss centred over the
    /// people who report to them. Nil without any Reports to.
    public static func orgChart(_ people: [Stakeholder], language: UILanguage = .en) -> String? {
        guard people.contains(where: { $0.reportsTo != nil }) else { return nil }
        let chart = OrgChart(people)
        let boxWidth = 210.0, boxHeight = 44.0, gapX = 16.0, gapY = 36.0
        var x = [Double](repeating: 0, count: people.count), depth = [Int](repeating: 0, count: people.count)
        var nextLeaf = 0.0
        func place(_ index: Int, level: Int) {
            depth[index] = level
            let reports = chart.reports(of: index)
            if reports.isEmpty {
                x[index] = nextLeaf
                nextLeaf += boxWidth + gapX
            } else {
                for child in reports { place(child, level: level + 1) }
                x[index] = (x[reports[0]] + x[reports[reports.count - 1]]) / 2
            }
        }
        for root in chart.roots { place(root, level: 0) }
        let width = max(nextLeaf - gapX, boxWidth), height = Double((depth.max() ?? 0) + 1) * (boxHeight + gapY) - gapY
        var output = "<svg class=\"org\" viewBox=\"-2 -2 \(number(width + 4)) \(number(height + 4))\" role=\"img\""
            + " aria-label=\"\(HTML.escape(language == .en ? "Organisation chart: \(people.count) stakeholders" : "组织架构图：\(people.count) 名干系人"))\">"
        func top(_ index: Int) -> Double { Double(depth[index]) * (boxHeight + gapY) }
        for (index, manager) in chart.manager.enumerated() {
            guard let manager else { continue }
            let fromX = x[manager] + boxWidth / 2, fromY = top(manager) + boxHeight
            let toX = x[index] + boxWidth / 2, toY = top(index), middle = (fromY + toY) / 2
            output += "<path class=\"org-line\" d=\"M\(number(fromX)) \(number(fromY)) V\(number(middle)) H\(number(toX)) V\(number(toY))\"/>"
        }
        for (index, person) in people.enumerated() {
            let key = person.role?.value == .decisionMaker || person.role?.value == .sponsor
            let relationship = person.relationship?.value.rawValue ?? "unknown"
            let name = (key ? "★ " : "") + (person.name?.value ?? "?")
            let details = [person.role?.value.rawValue, person.title?.value].compactMap { $0 }.joined(separator: " · ")
            // Long words are cut to the box (the tooltip has them whole).
            func fit(_ text: String, _ limit: Int) -> String { text.count <= limit ? text : String(text.prefix(limit - 1)) + "…" }
            output += "<g class=\"org-box rel-\(relationship)\(key ? " key" : "")\">"
                + "<title>\(HTML.escape("\(person.name?.value ?? "?"): \(details); relationship \(relationship)"))</title>"
                + "<rect x=\"\(number(x[index]))\" y=\"\(number(top(index)))\" width=\"\(number(boxWidth))\" height=\"\(number(boxHeight))\" rx=\"4\"/>"
                + "<text x=\"\(number(x[index] + 8))\" y=\"\(number(top(index) + 18))\" class=\"org-name\">\(HTML.escape(fit(name, 21)))</text>"
                + "<text x=\"\(number(x[index] + 8))\" y=\"\(number(top(index) + 34))\" class=\"org-detail\">\(HTML.escape(fit(details, 29)))</text></g>"
        }
        return output + "</svg>"
    }
}
