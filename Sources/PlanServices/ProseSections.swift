import Foundation
import PlanModel
import PlanParser
import PlanReports

/// The free-prose sections of a plan (those acctplan does not read as tables or lists: risks,
/// service notes, ...) rendered to HTML for the dashboard's account pages, as GitHub renders
/// them: cmark-gfm with its default options, which leave raw HTML out and drop unsafe links.
enum ProseSections {
    static func html(of plan: Plan, in source: any PlanSource) -> [HTMLReport.ProseSection] {
        let prose = plan.sections.filter { !$0.isRecognized }
        guard !prose.isEmpty, let data = try? source.read(plan.path) else { return [] }
        let lines = Self.lines(data)
        return prose.compactMap { section in
            let first = section.location.line // the heading's line (1-based); the text follows it
            guard first < lines.count else { return nil }
            let body = lines[first..<min(section.endLine, lines.count)].joined(separator: "\n")
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            return HTMLReport.ProseSection(heading: section.heading, html: MarkdownHTML.render(body))
        }
    }

    /// The plan's lines as the parser numbers them: ended by LF or CRLF (docs/format.md), the
    /// CR not part of the line. (Split as Characters, a CRLF plan was one line: "\r\n" is one
    /// Character, not "\n", and its prose sections were missing from its page.)
    static func lines(_ data: Data) -> [String] {
        var lines: [String] = []
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var start = 0
            func add(_ end: Int) {
                let trimmed = end > start && bytes[end - 1] == 0x0D ? end - 1 : end
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<trimmed]), as: UTF8.self))
            }
            for index in bytes.indices where bytes[index] == 0x0A {
                add(index)
                start = index + 1
            }
            add(bytes.count)
        }
        return lines
    }
}
