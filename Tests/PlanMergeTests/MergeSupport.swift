import Foundation
import PlanGit
import PlanMerge
import PlanParser

/// Merges three plan texts as `accounts/acme.md`.
func merge(_ base: String, _ ours: String, _ theirs: String, style: LineMerge.Style = .merge,
           path: String = "accounts/acme.md") -> (text: String, conflicts: Int, fallback: String?) {
    let merger = PlanMerger(options: LineMerge.Options(style: style))
    let result = merger.merge(base: Data(base.utf8), ours: Data(ours.utf8), theirs: Data(theirs.utf8), path: path)
    let text = String(decoding: result.text, as: UTF8.self)
    // A clean result never holds a marker; a conflicted one always does.
    precondition(result.isClean == MergeConflictMarkers.blocks(in: result.text).isEmpty, "markers disagree with the result:\n\(text)")
    return (text, result.conflicts, result.fallbackReason)
}

let header = "---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n"

/// An account plan with the given Opportunities rows and Actions items (not padded).
func plan(front: String = header, opportunities: [String], actions: [String] = [], prose: String = "Budget freeze until March.") -> String {
    var text = front + "# Acme\n\n## Opportunities\n\n| ID | Name | Stage | Amount | Close |\n| --- | --- | --- | --- | --- |\n"
    text += opportunities.map { $0 + "\n" }.joined()
    text += "\n## Actions\n\n" + actions.map { $0 + "\n" }.joined()
    text += "\n## Risks\n\n" + prose + "\n"
    return text
}
