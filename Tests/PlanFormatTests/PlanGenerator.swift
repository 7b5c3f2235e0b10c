import Foundation
import TestSupport

/// Plans written the way people write them when nobody formats them: keys in any order,
/// comments, ragged tables with CJK text and escaped pipes, `*`/`+` markers, `[X]` boxes,
/// trailing spaces, CRLF, a BOM, extra blank lines. Deterministic for a seed.
struct PlanGenerator {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed &+ 0x9E37_79B9_7F4A_7C15) }

    private mutating func next() -> UInt64 { random.next() }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    private mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    private mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    private mutating func spaces() -> String { String(repeating: " ", count: below(3)) }
    private mutating func trailing() -> String { chance(20) ? pick([" ", "  ", "\t", "   "]) : "" }

    private static let names = ["王芳", "李友", "Zoë Müller", "Bob \\| Jr", "Carol", "佐藤 ハナ", "김민준", "ＡＢＣ Ltd", "O'Neil"]
    private static let titles = ["首席信息官", "CFO", "Head of IT", "", "財務部長", "VP `ops`"]
    private static let roles = ["decision-maker", "sponsor", "influencer", "user", "gatekeeper", "boss"]

    mutating func plan() -> String {
        var lines: [String] = ["---"]
        var fields: [[String]] = [
            ["name: " + pick(["Acme", "\"Acme: Group\"", "浙江中烟工业", "'Quoted'"]) + trailing()],
            ["industry: tobacco"],
            [pick(["segments: [installed-base-high-end]", "segments:\n- installed-base-high-end\n- new-logo-growth",
                   "segments:\n  - installed-base-high-end"])],
            ["stage: " + pick(["departmental", "industry-solution", "integration"]) + (chance(30) ? " # moved up" : "")],
            ["manager: li-you"],
            ["reviewed: 2026-1\(below(2))-0\(1 + below(9))"],
        ]
        if chance(50) { fields.append(["revenue_target: " + pick(["CNY 12M", "2,400,000", "USD 1.5m"])]) }
        if chance(40) { fields.append(["custom_note: " + pick(["hello", "\"a: b\"", "|\n  keep  \n  this"])]) }
        if chance(30) { fields.append(["team: [wang-fang, li-you]"]) }
        if chance(30) { fields.append(["kind: account"]) }
        for index in fields.indices.reversed() where chance(30) {
            fields[index].insert("# about \(index)" + trailing(), at: 0)
        }
        for index in fields.indices.reversed() where index > 0 { fields.swapAt(index, below(index + 1)) }
        for field in fields {
            lines += field
            if chance(10) { lines.append("") }
        }
        lines.append("---")
        lines.append("# Plan title" + trailing())
        lines.append("")
        lines.append("Free prose with a hard break  ")
        lines.append("and a | pipe | that is not a table.")
        if chance(50) { lines += ["", "```", "| code | block |", "|---|---|", "```"] }
        var sections = [stakeholders(), opportunities(), actions(), moments(), prose()]
        for index in sections.indices.reversed() where index > 0 { sections.swapAt(index, below(index + 1)) }
        for section in sections {
            lines.append("")
            lines += section
        }
        lines += Array(repeating: "", count: below(4))
        var text = lines.joined(separator: "\n") + (chance(80) ? "\n" : "")
        if chance(15) { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        if chance(10) { text = "\u{FEFF}" + text }
        return text
    }

    private mutating func row(_ cells: [String]) -> String {
        let outer = chance(85)
        let joined = cells.map { spaces() + $0 + spaces() }.joined(separator: "|")
        return (outer ? "|" : "") + joined + (outer ? "|" : "") + trailing()
    }

    private mutating func delimiter(_ count: Int) -> String {
        row((0..<count).map { _ in pick(["---", "-", ":--", "--:", ":-:", "------"]) })
    }

    private mutating func stakeholders() -> [String] {
        var lines = [pick(["## Stakeholders", "## 干系人", "## stakeholders  "]), ""]
        let header = chance(50) ? ["Name", "Title", "Role", "Relationship"] : ["姓名", "职务", "角色", "Notes"]
        lines.append(row(header))
        lines.append(delimiter(header.count))
        for index in 0..<below(6) {
            var cells = [Self.names[index % Self.names.count], pick(Self.titles), pick(Self.roles), pick(["strong", "weak", "", "备注"])]
            if chance(15) { cells.removeLast(1 + below(2)) }
            if chance(10) { cells.append("extra cell") }
            lines.append(row(cells))
        }
        return lines
    }

    private mutating func opportunities() -> [String] {
        var lines = [pick(["## Opportunities", "## 商机"]), ""]
        let header = ["ID", "Name", "Stage", "Amount", "Probability", "Close"]
        lines.append(row(header))
        lines.append(delimiter(header.count))
        for index in 0..<below(5) {
            lines.append(row(["opp-\(index)", pick(["集团财务", "HR cloud", "A \\| B"]), pick(["qualify", "negotiate", "won"]),
                              pick(["CNY 2.4M", "300k", "1,250.50", "USD 10k", "lots"]), pick(["", "60%", "12.5"]),
                              pick(["2027-01-31", "2026-12-01", "soon"])]))
        }
        return lines
    }

    private mutating func actions() -> [String] {
        var lines = [pick(["## Actions", "## 行动计划", "## Action plan"]), ""]
        for index in 0..<below(6) {
            let marker = pick(["-", "*", "+"])
            let box = pick(["[ ]", "[x]", "[X]"])
            lines.append("\(chance(10) ? " " : "")\(marker) \(box) \(chance(70) ? "2026-12-0\(1 + below(9)) " : "")"
                + "\(chance(50) ? "@li-you " : "")Action \(index) #opp-\(below(3))" + trailing())
            if chance(20) { lines.append("  continued on the next line" + trailing()) }
        }
        return lines
    }

    private mutating func moments() -> [String] {
        var lines = [pick(["## Moments of truth", "## 关键时刻", "## MOT"]), ""]
        for index in 0..<below(4) {
            lines.append("\(pick(["-", "*", "+"])) 2026-0\(1 + below(9))-1\(below(9)) \(chance(50) ? "@wang-fang " : "")Moment \(index)"
                + trailing())
        }
        return lines
    }

    private mutating func prose() -> [String] {
        ["## Notes" + trailing(), "", "* a free list item" + trailing(), "+ [X] not a task of the plan",
         "| a | free |", "|---|---|", "| table | here |", "  indented   line  "]
    }
}
