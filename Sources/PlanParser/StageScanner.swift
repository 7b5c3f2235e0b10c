import Foundation

/// A plan's stage as a history census needs it, without composing YAML: what
/// `parse(depth: .frontMatter)` gives as `plan.isReadable ? plan.header.stage?.value ?? "" : ""`.
///
/// It understands only the plainest front matter — ASCII `key: value` lines, each key once, values
/// plain words or flow lists of plain words — and stops at the closing `---`. Anything else
/// (quotes, block lists or mappings, comments, anchors, tags, empty or null values, CR, non-ASCII
/// bytes, a missing fence, a huge file) returns nil: the caller parses the plan in full. A
/// differential test checks it against the full parse (`StageScannerTests`).
public enum StageScanner {
    public static func stage(of data: Data) -> String?? {
        guard data.count <= PlanParser.maxPlanBytes else { return nil }
        return data.withUnsafeBytes { raw -> String?? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= 4, bytes[0] == 45, bytes[1] == 45, bytes[2] == 45, bytes[3] == 10 else { return nil }
            var start = 4
            var keys = Set<ArraySlice<UInt8>>()
            var stage: String?
            while start < bytes.count {
                guard let end = bytes[start...].firstIndex(of: 10) else { return nil }
                let line = bytes[start..<end]
                if line.elementsEqual("---".utf8) { return keys.isEmpty ? nil : .some(stage) }
                guard let (key, value) = simpleLine(line), keys.insert(Array(key)[...]).inserted else { return nil }
                if key.elementsEqual("stage".utf8) {
                    guard value.allSatisfy(isIDByte), !isNullWord(value) else { return nil }
                    stage = String(decoding: value, as: UTF8.self)
                }
                start = end + 1
            }
            return nil
        }
    }

    /// `key: value` with a lower-case key and a value that is a plain scalar or a flow list of them.
    private static func simpleLine(_ line: Slice<UnsafeBufferPointer<UInt8>>)
        -> (Slice<UnsafeBufferPointer<UInt8>>, Slice<UnsafeBufferPointer<UInt8>>)?
    {
        guard let colon = line.firstIndex(of: 58), colon > line.startIndex else { return nil }
        let key = line[line.startIndex..<colon]
        guard let first = key.first, first >= 97 && first <= 122,
              key.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }) else { return nil }
        // ": " then at least one byte of value.
        guard colon + 2 < line.endIndex, line[colon + 1] == 32 else { return nil }
        let value = line[(colon + 2)...]
        if value.first == 91 {  // [a, b]: words separated by ", ", nothing after the bracket.
            guard value.last == 93 else { return nil }
            let inner = value.dropFirst().dropLast()
            if inner.isEmpty { return (key, value) }
            for item in inner.split(separator: 44, omittingEmptySubsequences: false) {
                let word = item.first == 32 && item.startIndex != inner.startIndex ? item.dropFirst() : item
                guard let head = word.first, isAlnum(head), word.allSatisfy(isIDByte) else { return nil }
            }
            return (key, value)
        }
        guard let head = value.first, isAlnum(head), let tail = value.last, tail != 32,
              value.allSatisfy({ isIDByte($0) || $0 == 32 }) else { return nil }
        return (key, value)
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        isAlnum(byte) || byte == 45 || byte == 95 || byte == 46
    }

    private static func isNullWord(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        ["null", "Null", "NULL", "~"].contains { value.elementsEqual($0.utf8) }
    }
}
