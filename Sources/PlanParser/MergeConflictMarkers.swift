import Foundation
import PlanModel

/// The merge-conflict blocks git leaves in a file (`<<<<<<< ours`, `||||||| base` with diff3,
/// `=======`, `>>>>>>> theirs`, each at the start of a line). One recognition for every reader:
/// the parser and `acctplan.yml` report them as `merge-conflict` and read nothing else of the
/// file, and `fmt` refuses to touch such a file.
public enum MergeConflictMarkers {
    /// One conflict: the lines from its opening marker to its closing one.
    public struct Block: Sendable, Hashable {
        /// The `<<<<<<<` line; for a stray `|||||||` or `>>>>>>>` with no opening marker, that line.
        public var startLine: Int
        /// The `>>>>>>>` line; nil when the file ends first.
        public var endLine: Int?
        /// False for a marker line that does not open a block (a stray `|||||||` or `>>>>>>>`).
        public var isOpened: Bool

        public init(startLine: Int, endLine: Int?, isOpened: Bool = true) {
            self.startLine = startLine
            self.endLine = endLine
            self.isOpened = isOpened
        }
    }

    enum Marker { case ours, base, separator, theirs }

    /// Every conflict block in `bytes` (a file's text; CRLF or LF), in file order.
    /// A line of seven `=` on its own counts only inside a block: elsewhere it is a Markdown
    /// heading underline. Longer markers (`conflict-marker-size`) count as complete blocks only.
    /// Runs over every plan lint reads: lines that cannot start a marker are skipped with memchr.
    public static func blocks(in bytes: some Collection<UInt8>) -> [Block] {
        if let found = bytes.withContiguousStorageIfAvailable({ scan($0) }) { return found }
        return Array(bytes).withUnsafeBufferPointer { scan($0) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Block] {
        var blocks: [Block] = []
        // Markers committed by mistake and conflicting again nest: count depth, so that the
        // outer block is one block and its closing marker is not "stray".
        var open: Int?
        var depth = 0
        var line = 1
        var offset = 0
        // Built at the first longer opening marker (rare), so that many unclosed ones cost one pass.
        var closings: LongClosings?
        while offset < bytes.count {
            let lineEnd = Self.lineEnd(bytes, from: offset)
            if depth == 0, let size = longOpening(UnsafeBufferPointer(rebasing: bytes[offset..<lineEnd])) {
                if closings == nil { closings = LongClosings(bytes, from: lineEnd + 1, line: line + 1) }
                if let close = closings?.first(size: size, after: line) {
                    blocks.append(Block(startLine: line, endLine: close.line))
                    line = close.line + 1
                    offset = close.end + 1
                    continue
                }
            }
            if let marker = marker(UnsafeBufferPointer(rebasing: bytes[offset..<min(lineEnd, offset + 8)])) {
                switch marker {
                case .ours:
                    if depth == 0 { open = line }
                    depth += 1
                case .theirs:
                    if depth == 0 {
                        blocks.append(Block(startLine: line, endLine: line, isOpened: false))
                    } else {
                        depth -= 1
                        if depth == 0, let start = open {
                            blocks.append(Block(startLine: start, endLine: line))
                            open = nil
                        }
                    }
                case .base:
                    if depth == 0 { blocks.append(Block(startLine: line, endLine: line, isOpened: false)) }
                case .separator:
                    break
                }
            }
            line += 1
            offset = lineEnd + 1
        }
        if let start = open { blocks.append(Block(startLine: start, endLine: nil)) }
        return blocks
    }

    /// The first line of the first block, if any.
    public static func firstLine(in bytes: some Collection<UInt8>) -> Int? { blocks(in: bytes).first?.startLine }

    /// What to do about a conflict, for every diagnostic that reports one.
    public static let hint = "keep the lines you want, delete the '<<<<<<<', '|||||||', '=======' and '>>>>>>>' lines, then 'git add' the file"

    /// One `merge-conflict` finding per block of `bytes`, at its first line, saying that `what`
    /// ("the plan", "acctplan.yml") is not read.
    public static func findings(in bytes: some Collection<UInt8>, path: String, what: String) -> [Finding] {
        blocks(in: bytes).map { block in
            let message: String
            if !block.isOpened {
                message = "stray merge-conflict marker with no '<<<<<<<' before it; \(what) is not read until it is removed"
            } else if let end = block.endLine {
                message = "unresolved merge conflict (lines \(block.startLine)–\(end)); \(what) is not read until it is resolved"
            } else {
                message = "unresolved merge conflict: '<<<<<<<' with no closing '>>>>>>>'; \(what) is not read until it is resolved"
            }
            return Finding(.mergeConflict, path: path, at: SourceLocation(line: block.startLine, column: 1), message, hint: hint)
        }
    }

    /// The size of a longer opening marker (more than seven `<`, then a space or the end of the
    /// line), as git writes when a file's `conflict-marker-size` attribute asks for it (and
    /// hands the size to merge drivers as `%L`). Such a line is a block only with a closing
    /// marker of the same size after it: alone it is a lookalike.
    static func longOpening(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard line.count > 7, line[0] == 0x3C, line[7] == 0x3C else { return nil }
        let size = run(line)
        return size < line.count && line[size] != 0x20 && !(line[size] == 0x0D && size + 1 == line.count) ? nil : size
    }

    /// The offset of the end of the line starting at `offset` (its `\n`, or the end of the bytes).
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        guard let base = bytes.baseAddress, offset < bytes.count else { return bytes.count }
        return memchr(base + offset, 0x0A, bytes.count - offset)
            .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
    }

    /// Every longer closing marker (more than seven `>`) after a point of the file, by size, in
    /// file order: one pass, then each opening marker finds its closing one by binary search.
    /// (Searching forward from each opening marker was quadratic in a file of unclosed ones.)
    private struct LongClosings {
        private var bySize: [Int: [(line: Int, end: Int)]] = [:]

        init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, line startLine: Int) {
            var line = startLine
            var offset = start
            while offset < bytes.count {
                let end = MergeConflictMarkers.lineEnd(bytes, from: offset)
                let text = UnsafeBufferPointer(rebasing: bytes[offset..<end])
                if text.count > 7, text[0] == 0x3E, text[7] == 0x3E {
                    let size = MergeConflictMarkers.run(text)
                    if size == text.count || text[size] == 0x20 || text[size] == 0x0D && size + 1 == text.count {
                        bySize[size, default: []].append((line, end))
                    }
                }
                line += 1
                offset = end + 1
            }
        }

        /// The first closing marker of `size` on a line after `line`.
        func first(size: Int, after line: Int) -> (line: Int, end: Int)? {
            guard let found = bySize[size] else { return nil }
            var low = 0
            var high = found.count
            while low < high {
                let middle = (low + high) / 2
                if found[middle].line <= line { low = middle + 1 } else { high = middle }
            }
            return low < found.count ? found[low] : nil
        }
    }

    /// How many times the line's first byte repeats at its start.
    fileprivate static func run(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 1
        while count < line.count, line[count] == line[0] { count += 1 }
        return count
    }

    /// Which marker the first (up to eight) bytes of a line are. `<<<<<<<`, `|||||||` and
    /// `>>>>>>>` are followed by a space (and a label) or end the line; `=======` ends the line.
    static func marker(_ start: UnsafeBufferPointer<UInt8>) -> Marker? {
        guard start.count >= 7, let first = start.first else { return nil }
        guard start.prefix(7).allSatisfy({ $0 == first }) else { return nil }
        let next: UInt8? = start.count > 7 ? start[7] : nil
        let endsLine = next == nil || next == 0x0D
        switch first {
        case 0x3C: return endsLine || next == 0x20 ? .ours : nil
        case 0x7C: return endsLine || next == 0x20 ? .base : nil
        case 0x3E: return endsLine || next == 0x20 ? .theirs : nil
        case 0x3D: return endsLine ? .separator : nil
        default: return nil
        }
    }
}
