import Foundation
import PlanGit
import PlanModel

/// The front matter merged per top-level key (a key's line with its indented continuation and
/// the comments after it); list values (`segments`, `team`) as sets; a nested mapping such as
/// `targets:` per sub-key.
enum FrontMatterMerge {
    /// Keys whose values are sets of ids.
    static let setKeys: Set<String> = Set(PlanSchema.standard.fields.filter {
        $0.type == .identifierList || $0.type == .personList
    }.map(\.key))

    static func merge(base: [String], ours: [String], theirs: [String], into output: inout MergeOutput) {
        let merged = KeyedMerge.merge(base: units(base), ours: units(ours), theirs: units(theirs), same: same) { original, mine, other in
            mergeUnit(original, mine, other, options: output.options)
        }
        for unit in merged {
            switch unit {
            case .value(let lines): output.append(lines)
            case .conflict(let mine, let original, let other):
                if case .value(let nested) = nestedConflict(mine, original, other, options: output.options) {
                    output.append(nested.lines, conflicts: nested.conflicts)
                } else {
                    output.conflict(ours: mine ?? [], base: original ?? [], theirs: other ?? [])
                }
            }
        }
    }

    /// The units of a front matter's lines, keyed by their key (`""` for lines before the first).
    static func units(_ lines: [String]) -> [(key: String, value: [String])] {
        var units: [(key: String, value: [String])] = []
        for line in lines {
            if let key = topLevelKey(line) {
                units.append((key, [line]))
            } else if units.isEmpty {
                units.append(("", [line]))
            } else {
                units[units.count - 1].value.append(line)
            }
        }
        return units
    }

    static func topLevelKey(_ line: String) -> String? {
        guard let first = line.first, !first.isWhitespace, first != "#", first != "-", first != "[", first != "{" else { return nil }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let after = line.index(after: colon)
        guard after == line.endIndex || line[after] == " " || line[after] == "\t" else { return nil }
        return String(line[..<colon]).trimmingCharacters(in: .whitespaces)
    }

    static func same(_ a: [String], _ b: [String]) -> Bool { normalized(a) == normalized(b) }

    private static func normalized(_ lines: [String]) -> [String] {
        var result = lines.map { $0.trimmingTrailingSpaces() }
        while result.last == "" { result.removeLast() }
        return result
    }

    private static func mergeUnit(_ base: [String]?, _ ours: [String], _ theirs: [String], options: LineMerge.Options) -> Merged<[String]> {
        guard let key = ours.first.flatMap(topLevelKey) else { return .conflict(ours: ours, base: base, theirs: theirs) }
        // A list merged as a set is written anew, so every version must be a plain list that can
        // be written anew without loss: no comment (it could not be placed; a trial's merge once
        // wrote `[b, c, a   # lead]`, whose comment swallowed the bracket), and only plain ids.
        if setKeys.contains(key), let mine = elements(ours), let other = elements(theirs),
           base.map({ elements($0) != nil }) ?? true {
            let original = base.flatMap(elements) ?? []
            let removed = Set(original).subtracting(mine).union(Set(original).subtracting(other))
            var result = mine.filter { !removed.contains($0) }
            for element in other where !result.contains(element) && !removed.contains(element) { result.append(element) }
            if result == mine { return .value(ours) }
            if result == other { return .value(theirs) }
            return .value(written(key: key, result, like: ours))
        }
        return .conflict(ours: ours, base: base, theirs: theirs)
    }

    /// A merged list in the style of `like`: a block of `- id` lines with its indentation when
    /// `like` is one, else a flow list `key: [a, b]`.
    private static func written(key: String, _ elements: [String], like: [String]) -> [String] {
        let items = like.dropFirst().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let first = items.first, !elements.isEmpty else { return ["\(key): [\(elements.joined(separator: ", "))]"] }
        let indent = String(first.prefix { $0 == " " })
        return ["\(key):"] + elements.map { "\(indent)- \($0)" }
    }

    /// A nested mapping (`targets:` followed by indented `key: value` lines) changed on both
    /// sides: merged per sub-key, each conflict confined to its sub-key.
    private static func nestedConflict(_ ours: [String]?, _ base: [String]?, _ theirs: [String]?,
                                       options: LineMerge.Options) -> Merged<(lines: [String], conflicts: Int)> {
        guard let ours, let theirs, let head = ours.first, let key = topLevelKey(head),
              head.trimmingTrailingSpaces().hasSuffix(":"), theirs.first?.trimmingTrailingSpaces() == head.trimmingTrailingSpaces(),
              let mine = children(ours), let other = children(theirs) else { return .conflict(ours: nil, base: nil, theirs: nil) }
        let original = base.flatMap(children) ?? (indent: mine.indent, lines: [])
        guard mine.indent == other.indent, original.indent == mine.indent || original.lines.isEmpty else {
            return .conflict(ours: nil, base: nil, theirs: nil)
        }
        var nested = MergeOutput(options: options)
        merge(base: original.lines, ours: mine.lines, theirs: other.lines, into: &nested)
        let pad = String(repeating: " ", count: mine.indent)
        _ = key
        let markers = nested.markerLines
        let lines = nested.lines.enumerated().map { index, line in line.isEmpty || markers.contains(index) ? line : pad + line }
        return .value(([head] + lines, nested.conflicts))
    }

    /// The lines after a unit's first, dedented, when all are indented alike.
    private static func children(_ unit: [String]) -> (indent: Int, lines: [String])? {
        let rest = unit.dropFirst().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let first = rest.first else { return nil }
        let indent = first.prefix { $0 == " " }.count
        guard indent > 0, rest.allSatisfy({ $0.prefix { $0 == " " }.count >= indent }) else { return nil }
        // Only simple `key: value` children (no lists at the first level).
        let lines = rest.map { String($0.dropFirst(indent)) }
        guard lines.allSatisfy({ topLevelKey($0) != nil || $0.first == " " || $0.first == "#" }) else { return nil }
        return (indent, lines)
    }

    /// The elements of a list value — `key: [a, b]`, `key: a` or a block of `- a` lines — when
    /// it can be written anew without losing anything: nil when it holds a comment (`#`) anywhere,
    /// or an element that is not a plain id (quotes, brackets, YAML punctuation, spaces).
    static func elements(_ unit: [String]) -> [String]? {
        guard let head = unit.first, let colon = head.firstIndex(of: ":") else { return nil }
        guard !unit.contains(where: { $0.contains("#") }) else { return nil }
        let value = String(head[head.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        let rest = unit.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let result: [String]
        if value.isEmpty {
            guard rest.allSatisfy({ $0.hasPrefix("- ") }) else { return nil }
            result = rest.map { String($0.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        } else {
            guard rest.isEmpty else { return nil }
            if value.hasPrefix("[") {
                guard value.hasSuffix("]") else { return nil }
                result = value.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                // `[a, b,]` and `[]` are YAML; `[a,,b]` is not.
                if result.dropLast().contains("") { return nil }
                return result.filter { !$0.isEmpty }.allSatisfy(isPlain) ? result.filter { !$0.isEmpty } : nil
            }
            result = [value]
        }
        return result.allSatisfy(isPlain) ? result : nil
    }

    /// An element that reads as itself in a flow list and a block list alike.
    private static func isPlain(_ element: String) -> Bool {
        !element.isEmpty && !element.contains(where: { $0.isWhitespace || "#:,[]{}\"'&*!|>%@`".contains($0) })
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" || last == "\r" { end = index(before: end) }
        return String(self[..<end])
    }
}
