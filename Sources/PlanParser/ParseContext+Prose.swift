import Foundation
import PlanModel

/// The free prose of a plan: every body line outside the recognized sections' headings, tables
/// and list items, without trailing blanks, blank lines skipped. Lint needs only its fingerprint;
/// a diff also takes its text, part by part.
extension ParseContext {
    /// Calls `body` with each prose line from `firstLine` on, in order, with its number.
    @inline(__always)
    func forEachProseLine(_ source: SourceText, from firstLine: Int, _ body: (Int, ArraySlice<UInt8>) -> Void) {
        let ranges = structuredLines.sorted { $0.lowerBound < $1.lowerBound }
        var next = 0
        var line = firstLine
        while line <= source.lineCount {
            while next < ranges.count, ranges[next].upperBound < line { next += 1 }
            if next < ranges.count, ranges[next].contains(line) {
                line = ranges[next].upperBound + 1
                continue
            }
            var bytes = source.lineBytes(line)
            while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
            if !bytes.isEmpty { body(line, bytes) }
            line += 1
        }
    }

    /// FNV-1a over the prose lines (see ``Plan/proseFingerprint``).
    func proseFingerprint(_ source: SourceText, from firstLine: Int) -> UInt64 {
        var hash = FNV1a()
        forEachProseLine(source, from: firstLine) { _, bytes in
            hash.add(bytes)
            hash.add(0x0A)
        }
        return hash.value
    }

    /// The prose lines grouped by the `##` section they are in (see ``Plan/prose``): one part per
    /// key in order of first appearance, so a repeated heading's lines join its first part.
    func proseSections(_ source: SourceText, from firstLine: Int) -> [ProseSection] {
        let sections = plan.sections
        var result: [ProseSection] = []
        var partIndex: [String: Int] = [:]
        var sectionIndex = 0
        forEachProseLine(source, from: firstLine) { line, bytes in
            while sectionIndex < sections.count, sections[sectionIndex].endLine < line { sectionIndex += 1 }
            var part = ProseSection(heading: nil, kind: nil, lines: [])
            if sectionIndex < sections.count, sections[sectionIndex].location.line <= line {
                part = ProseSection(heading: sections[sectionIndex].heading, kind: sections[sectionIndex].kind, lines: [])
            }
            let text = ProseLine(line: line, text: String(decoding: bytes, as: UTF8.self))
            if let index = partIndex[part.key] {
                result[index].lines.append(text)
            } else {
                partIndex[part.key] = result.count
                part.lines = [text]
                result.append(part)
            }
        }
        return result
    }
}
