import Foundation
import PlanModel
import PlanParser
import PlanReports

/// The free-prose sections of a plan (those acctplan does not read as tables or lists: risks,
/// service notes, ...) rendered to HTML for the dashboard's account pages, as GitHub renders
/// them: cmark-gfm with its default options, which leave raw HTML out and drop unsafe links;
/// an image from elsewhere becomes a link to it (the pages load nothing from the network).
enum ProseSections {
    /// `changed` hears when the file is not (or no longer) the bytes the plan was parsed from
    /// (``Plan/sourceDigest``): saved meanwhile, the page mixes two versions and must not be kept.
    static func html(of plan: Plan, in source: any PlanSource, changed: () -> Void = {}) -> [HTMLReport.ProseSection] {
        let prose = plan.sections.filter { !$0.isRecognized }
        guard !prose.isEmpty else { return [] }
        guard let data = try? source.read(plan.path) else {
            changed()
            return []
        }
        if let digest = plan.sourceDigest, ContentDigest.hex(of: data) != digest { changed() }
        // Lines as the parser numbers them: ended by LF or CRLF.
        let lines = String(decoding: data, as: UTF8.self).splitLines()
        return prose.compactMap { section in
            let first = section.location.line // the heading's line (1-based); the text follows it
            guard first < lines.count else { return nil }
            let body = lines[first..<min(section.endLine, lines.count)].joined(separator: "\n")
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            return HTMLReport.ProseSection(heading: section.heading, html: HTML.withoutRemoteImages(MarkdownHTML.render(body)))
        }
    }
}
