import Foundation
import PlanModel

/// How the free prose of a plan changed, part by part: a line diff of each part whose text
/// differs, bounded so that a diff stays readable in a terminal and fits a pull-request comment
/// (a reviewer who needs more opens the file). Parts are matched by ``ProseSection/key``, so a
/// part that moved without an edit is no change.
public enum ProseDiff {
    /// Changed lines shown per part: a screenful, enough for any edit a reviewer reads line by line.
    public static let maxLinesPerSection = 20
    /// Changed lines shown per plan: three parts' worth; a diff of many plans stays a few pages.
    public static let maxLinesPerPlan = 60
    /// Characters shown of one line (longer lines end in "…"): a paragraph written as one long
    /// line still shows its start, and one pasted megabyte does not flood the report.
    public static let maxLineCharacters = 300

    /// The parts whose prose differs: the new version's parts in file order, then the removed ones.
    public static func changes(_ old: [ProseSection], _ new: [ProseSection]) -> [ProseChange] {
        let oldByKey = Dictionary(old.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.map(\.key))
        var budget = maxLinesPerPlan
        var result: [ProseChange] = []
        func compare(_ heading: String?, _ status: ChangeStatus, _ before: [ProseLine], _ after: [ProseLine]) {
            guard !before.lazy.map(\.text).elementsEqual(after.lazy.map(\.text)) else { return }
            var changed: [ProseLineChange] = []
            for edit in LineDiff.edits(before.map(\.text), after.map(\.text)) {
                switch edit {
                case .kept: continue
                case .removed(let index): changed.append(ProseLineChange(.removed, line: before[index].line, text: before[index].text))
                case .added(let index): changed.append(ProseLineChange(.added, line: after[index].line, text: after[index].text))
                }
            }
            let shown = min(changed.count, maxLinesPerSection, budget)
            budget -= shown
            var lines = Array(changed.prefix(shown))
            for index in lines.indices where lines[index].text.count > maxLineCharacters {
                lines[index].text = String(lines[index].text.prefix(maxLineCharacters)) + "…"
            }
            result.append(ProseChange(heading: heading, status: status, lines: lines, omittedLines: changed.count - shown))
        }
        for part in new {
            let previous = oldByKey[part.key]
            compare(part.heading, previous == nil ? .added : .modified, previous?.lines ?? [], part.lines)
        }
        for part in old where !newKeys.contains(part.key) {
            compare(part.heading, .removed, part.lines, [])
        }
        return result
    }
}
