import Foundation
import PlanModel

/// A plan file's text: valid UTF-8 without its BOM, split into lines (CRLF or LF), with the
/// conversion from byte offsets to the code-point columns that diagnostics report.
struct SourceText {
    /// Byte offsets in `text.utf8` of the first byte of each line; line n (1-based) starts at `lineStarts[n-1]`.
    let lineStarts: [Int]
    private let utf8: [UInt8]

    /// Where decoding failed, for the `encoding` diagnostic.
    struct EncodingError: Error {
        var location: SourceLocation
        var message: String
    }

    /// Validates and indexes `data`. NUL bytes are refused too: a text editor never writes them,
    /// and a file containing them is binary.
    static func decode(_ data: Data) -> Result<SourceText, EncodingError> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = firstInvalidByte(bytes) {
            let line = 1 + bytes[..<bad].lazy.filter { $0 == 0x0A }.count
            let lineStart = bytes[..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = 1 + String(decoding: bytes[lineStart..<bad], as: UTF8.self).unicodeScalars.count
            let what = bytes[bad] == 0 ? "a NUL byte" : "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))"
            return .failure(EncodingError(location: SourceLocation(line: line, column: column),
                                          message: "file is not UTF-8 text: \(what)"))
        }
        return .success(SourceText(bytes))
    }

    init(_ bytes: [UInt8]) {
        utf8 = bytes
        lineStarts = Self.lineStarts(of: bytes)
    }

    /// The offset of each line's first byte: 0, and one past every LF (memchr finds each LF many
    /// bytes at a time). A text ending in LF has an empty last line starting at its end.
    static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32)
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                let position = base.distance(to: UnsafeRawPointer(found))
                starts.append(position + 1)
                offset = position + 1
            }
        }
        return starts
    }

    var byteCount: Int { utf8.count }
    var lineCount: Int { lineStarts.count }
    var bytes: [UInt8] { utf8 }

    /// The byte range of line `n` (1-based) without its line terminator.
    func byteRange(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return utf8.count..<utf8.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : utf8.count
        if end > start, utf8[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// The bytes of line `n` (1-based) without its terminator.
    func lineBytes(_ line: Int) -> ArraySlice<UInt8> { utf8[byteRange(ofLine: line)] }

    /// The location of a byte offset within line `n`: the column counts code points.
    func location(line: Int, byteColumn: Int) -> SourceLocation {
        let range = byteRange(ofLine: line)
        let upper = min(range.upperBound, range.lowerBound + max(0, byteColumn - 1))
        var column = 1
        for byte in utf8[range.lowerBound..<upper] where byte & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(line: line, column: column)
    }

    /// The file as a String (for the rare whole-text searches).
    var text: String { String(decoding: utf8, as: UTF8.self) }

    /// Returns the offset of the first byte that makes `bytes` invalid UTF-8, or of the first NUL.
    private static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidByte($0) }
    }

    /// The same, of bytes in memory (a plan's body that a history census does not decode).
    static func firstInvalidByte(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = UnsafeRawPointer(buffer.baseAddress) else { return nil }
        var index = 0
        let count = buffer.count
        while index < count {
            // Fast path: eight ASCII bytes without a NUL at a time (plans are mostly ASCII).
            if index + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let hasHighBit = word & 0x8080_8080_8080_8080 != 0
                let hasZeroByte = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
                if !hasHighBit && !hasZeroByte {
                    index += 8
                    continue
                }
            }
            let byte = buffer[index]
            if byte == 0 { return index }
            if byte < 0x80 { index += 1; continue }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
            default: return index
            }
            guard index + length <= count else { return index }
            for next in 1..<length {
                let continuation = buffer[index + next]
                guard continuation & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }
}

extension ArraySlice where Element == UInt8 {
    /// Without leading and trailing spaces and tabs.
    func trimmingBlanks() -> ArraySlice<UInt8> {
        guard let first = firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
              let last = lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return self[endIndex...] }
        return self[first...last]
    }
}
