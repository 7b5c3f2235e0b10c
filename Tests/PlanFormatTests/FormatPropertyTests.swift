import Foundation
import PlanEngine
import PlanFormat
import PlanModel
import PlanParser
import Testing

/// The formatter's two promises, on every plan there is: formatting twice gives what
/// formatting once gives, and the formatted plan means exactly what the original meant.
struct FormatPropertyTests {
    /// Checks both properties for one plan; returns false when the plan was refused (does not parse).
    @discardableResult
    static func check(_ entry: PlanCorpus.Entry) -> Bool {
        let id = "acme"
        let once: String
        switch Fmt.outcome(entry.text, kind: entry.kind, id: id) {
        case .refused, .conflicted: return false
        case .unsafe(let reason):
            Issue.record("\(entry.name): the formatter found its own result unsafe: \(reason)\n\(entry.text)")
            return true
        case .unchanged: once = entry.text
        case .formatted(let data): once = String(decoding: data, as: UTF8.self)
        }
        let twice = Fmt.outcome(once, kind: entry.kind, id: id)
        #expect(twice == .unchanged, "\(entry.name): fmt(fmt(x)) != fmt(x):\n\(once)")

        let original = Fmt.parse(entry.text, kind: entry.kind, id: id)
        let formatted = Fmt.parse(once, kind: entry.kind, id: id)
        let change = PlanDiff.compare(PlanDiff.Side(original.plan, config: Fmt.config), PlanDiff.Side(formatted.plan, config: Fmt.config))
        #expect(change == nil, "\(entry.name): the semantic diff of x and fmt(x) is not empty: \(String(describing: change))")
        #expect(original.findings.map { "\($0.rule) \($0.message)" }.sorted()
            == formatted.findings.map { "\($0.rule) \($0.message)" }.sorted(), "\(entry.name): findings changed")

        // What GitHub shows of the body is the same: an oracle independent of acctplan's parser.
        if let body = Self.body(entry.text), let formattedBody = Self.body(once) {
            #expect(MarkdownHTML.render(body) == MarkdownHTML.render(formattedBody),
                    "\(entry.name): the body renders differently on GitHub:\n\(body)\n---\n\(formattedBody)")
        }

        // Prose lines (outside the front matter, tables, items and recognized headings) are
        // byte for byte where they were.
        let layout = PlanParser(config: Fmt.config)
            .parseWithLayout(Data(entry.text.utf8), path: "\(entry.kind.folder)/\(id).md", kind: entry.kind, id: id).layout
        if let layout, let closing = layout.frontMatterClosingLine {
            var structured = Set(layout.sectionHeadingLines)
            for table in layout.tables { structured.formUnion([table.headerLine, table.headerLine + 1] + table.bodyLines) }
            for item in layout.listItems { structured.formUnion(item.line...item.paragraphEndLine) }
            let before = lines(entry.text)
            let after = lines(once)
            for line in (closing + 1)...max(closing + 1, before.count) where line <= before.count && !structured.contains(line) {
                if line > after.count {
                    #expect(before[line - 1].allSatisfy { $0 == " " || $0 == "\t" }, "\(entry.name): line \(line) was dropped")
                } else {
                    #expect(before[line - 1] == after[line - 1], "\(entry.name): prose line \(line) changed")
                }
            }
        }
        return true
    }

    /// The text after the front matter's closing fence.
    static func body(_ text: String) -> Substring? {
        let lines = lines(text)
        guard lines.first == "---", let closing = lines.dropFirst().firstIndex(of: "---") else { return nil }
        return lines[(closing + 1)...].joined(separator: "\n")[...]
    }

    private static func lines(_ text: String) -> [Substring] {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    @Test func holdOnTheTemplateWorkspace() {
        let plans = PlanCorpus.template
        #expect(plans.count >= 11)
        for plan in plans { #expect(Self.check(plan), "\(plan.name) was refused") }
    }

    @Test func holdOnEveryRuleExample() {
        let examples = PlanCorpus.ruleExamples
        #expect(examples.count > 40)
        let formatted = examples.filter(Self.check)
        #expect(formatted.count > examples.count / 2, "most rule examples parse")
    }

    @Test func holdOnEveryPlanWrittenInTheTests() {
        let plans = PlanCorpus.inlineTestPlans
        #expect(plans.count > 50, "found \(plans.count) inline plans")
        for plan in plans { Self.check(plan) }
    }

    @Test func holdOnGeneratedPlans() {
        var refused = 0
        for seed in 0..<400 {
            var generator = PlanGenerator(seed: UInt64(seed))
            let text = generator.plan()
            if !Self.check(PlanCorpus.Entry(name: "generated plan (seed \(seed))", text: text, kind: .account)) { refused += 1 }
        }
        #expect(refused == 0, "generated plans always parse")
    }
}
