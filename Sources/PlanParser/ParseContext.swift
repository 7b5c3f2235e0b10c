import Foundation
import PlanModel

/// The state of one parse: the plan being filled in and the findings so far.
struct ParseContext {
    let path: String
    var plan: Plan
    let config: WorkspaceConfig
    var findings: [Finding] = []
    /// Lines that hold recognized structure (section headings, table rows, list items): the
    /// rest of the body is free prose.
    var structuredLines: [ClosedRange<Int>] = []
    /// Item keys seen so far, per section, with the line of their first use: a short list
    /// searched in order (sections have a dozen items), then a dictionary for long ones.
    private var seenKeys = [(list: [(key: String, line: Int)], index: [String: Int])](
        repeating: ([], [:]), count: SectionKind.allCases.count)

    init(path: String, plan: Plan, config: WorkspaceConfig) {
        self.path = path
        self.plan = plan
        self.config = config
    }

    /// Recorded only when asked for (``PlanParser/parseWithLayout(_:path:kind:id:)``).
    var layout: PlanLayout?

    /// Whether only ``StageAndGroups`` is wanted (``PlanParser/Depth/stageAndGroups``, which has
    /// no findings): the header reads its fields and nothing else.
    var stageAndGroupsOnly = false

    var result: ParsedPlan { ParsedPlan(plan: plan, findings: findings, layout: layout) }

    /// Records `key` as used in `section`; returns the line of its first use when it is a repeat.
    mutating func claimKey(_ section: SectionKind, _ key: String, line: Int) -> Int? {
        let slot = section.ordinal
        if seenKeys[slot].list.count < 32 {
            if let first = seenKeys[slot].list.first(where: { $0.key == key }) { return first.line }
            seenKeys[slot].list.append((key, line))
            if seenKeys[slot].list.count == 32 {
                seenKeys[slot].index = Dictionary(seenKeys[slot].list.map { ($0.key, $0.line) },
                                                  uniquingKeysWith: { first, _ in first })
            }
            return nil
        }
        if let first = seenKeys[slot].index[key] { return first }
        seenKeys[slot].index[key] = line
        return nil
    }

    mutating func report(_ rule: RuleID, at location: SourceLocation, _ message: String, hint: String? = nil) {
        findings.append(Finding(rule, path: path, at: location, message, hint: hint))
    }

    /// `<!-- acctplan-disable rule-a, rule-b -->` anywhere in the file. With no rule listed, every
    /// rule is disabled for the file. Searched in bytes: it runs over every plan in full.
    mutating func scanDisableComments(_ bytes: [UInt8]) {
        let marker = Array("<!-- acctplan-disable".utf8)
        let close = Array("-->".utf8)
        var from = 0
        while let found = ParseContext.find(marker, in: bytes, from: from) {
            let listStart = found + marker.count
            guard let end = ParseContext.find(close, in: bytes, from: listStart) else { break }
            let list = String(decoding: bytes[listStart..<end], as: UTF8.self)
            let ids = list.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
            if ids.isEmpty { plan.disabledRules.insert(.all) }
            for id in ids { plan.disabledRules.insert(RuleID(rawValue: String(id))) }
            from = end + close.count
        }
    }

    /// The offset of the first occurrence of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, from >= 0, haystack.count - from >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { hay -> Int? in
            guard let base = hay.baseAddress else { return nil }
            var index = from
            let last = hay.count - needle.count
            while index <= last {
                // memchr finds candidate first bytes at memory speed.
                guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
                index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if hay[index..<(index + needle.count)].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }
    }
}
