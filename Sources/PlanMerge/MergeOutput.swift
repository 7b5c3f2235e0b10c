import Foundation
import PlanGit

/// The merged file being written, line by line, with the conflicts counted.
struct MergeOutput {
    let options: LineMerge.Options
    private(set) var lines: [String] = []
    private(set) var conflicts = 0
    /// The indices of the marker lines this output wrote itself.
    private(set) var markerLines: Set<Int> = []

    init(options: LineMerge.Options) { self.options = options }

    mutating func append(_ more: [String]) { lines += more }

    /// One conflict block in git's form (`|||||||` and the base only in diff3 styles).
    mutating func conflict(ours: [String], base: [String], theirs: [String]) {
        let size = max(options.markerSize, 7)
        conflicts += 1
        marker(String(repeating: "<", count: size) + " " + options.oursLabel)
        lines += ours
        if options.style != .merge {
            marker(String(repeating: "|", count: size) + " " + options.baseLabel)
            lines += base
        }
        marker(String(repeating: "=", count: size))
        lines += theirs
        marker(String(repeating: ">", count: size) + " " + options.theirsLabel)
    }

    private mutating func marker(_ line: String) {
        markerLines.insert(lines.count)
        lines.append(line)
    }

    /// Lines holding `count` conflict blocks written by a nested merge.
    mutating func append(_ more: [String], conflicts count: Int) {
        lines += more
        conflicts += count
    }

    /// git's line merge of three runs of lines (prose), its conflicts counted.
    mutating func lineMerge(base: [String], ours: [String], theirs: [String]) {
        if ours == theirs || base == theirs { lines += ours; return }
        if base == ours { lines += theirs; return }
        func data(_ lines: [String]) -> Data { Data(lines.map { $0 + "\n" }.joined().utf8) }
        let result = LineMerge.merge(base: data(base), ours: data(ours), theirs: data(theirs), options: options)
        let merged = TextLines(result.text).lines
        if !result.isClean {
            let size = max(options.markerSize, 7)
            let opening = String(repeating: "<", count: size)
            conflicts += max(1, merged.filter { $0.hasPrefix(opening) }.count)
        }
        lines += merged
    }
}

/// A text split into lines (without their `\n`), and whether it ended with one.
struct TextLines {
    var lines: [String]
    var endsWithNewline: Bool
    /// Every line ended with `\r\n`: the lines are kept without the `\r`, and the merge writes
    /// `\r\n` again (a file with mixed endings keeps its `\r`s as part of its lines).
    var crlf: Bool

    init(_ data: Data) {
        // Split on the byte, not on Characters: "\r\n" is one Character, so a Character split
        // would leave a CRLF file as one line (and it is the slowest step of a merge).
        var lines = data.withUnsafeBytes { raw in
            raw.assumingMemoryBound(to: UInt8.self).split(separator: 0x0A, omittingEmptySubsequences: false)
                .map { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
        }
        endsWithNewline = lines.count > 1 && lines.last == ""
        if endsWithNewline || lines == [""] { lines.removeLast() }
        let terminated = endsWithNewline ? lines.count : lines.count - 1
        crlf = terminated > 0 && lines[..<terminated].allSatisfy { $0.utf8.last == 0x0D }
        if crlf { for index in 0..<terminated { lines[index].removeLast() } }
        self.lines = lines
    }
}
