import CYaml
import PlanModel

/// Composes a YAML document from the libyaml event stream that Yams bundles, refusing on the way
/// what a plan must never contain: anchors and aliases (an alias bomb expands exponentially),
/// explicit tags, nesting deeper than ``maxDepth``, and repeated mapping keys (found at their
/// second occurrence, where the author has to look).
///
/// Why not `Yams.compose`: it resolves the tag of every scalar with a regular expression, hashes
/// every mapping key, and reads the process environment for each document; on the 10,000-plan
/// benchmark that was ~2.4 s of CPU, more than cmark-gfm's whole parse (docs/performance.md).
/// Composing here is one linear pass with an explicit stack, so no input can exhaust the stack.
enum YAMLComposer {
    static let maxDepth = 64

    enum Node {
        case scalar(String, plain: Bool, SourceLocation)
        case sequence([Node], SourceLocation)
        case mapping([(key: Node, value: Node)], SourceLocation)

        var location: SourceLocation {
            switch self {
            case .scalar(_, _, let location), .sequence(_, let location), .mapping(_, let location): return location
            }
        }
    }

    /// Why a document was refused; line and column are 1-based within the YAML text.
    struct Refusal: Error {
        var message: String
        var hint: String?
        var location: SourceLocation
    }

    /// The document's root (nil for an empty document), or why it cannot be read.
    static func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Node?, Refusal> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(Refusal(message: "out of memory reading YAML", location: .fileStart))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        let lines = LineTable(bytes)

        /// An open collection. Mutated in place on the stack, so appending never copies.
        struct Frame {
            var isMapping: Bool
            var location: SourceLocation
            var items: [Node] = []
            var pairs: [(key: Node, value: Node)] = []
            var pendingKey: Node?
            var keys: Set<String> = []
        }
        var stack: [Frame] = []
        var root: Node?
        var documents = 0

        /// Adds a finished node to the open collection, or makes it the root.
        func attach(_ node: Node) -> Refusal? {
            let top = stack.count - 1
            guard top >= 0 else {
                root = node
                return nil
            }
            if !stack[top].isMapping {
                stack[top].items.append(node)
            } else if let key = stack[top].pendingKey {
                stack[top].pairs.append((key, node))
                stack[top].pendingKey = nil
            } else {
                guard case .scalar(let text, _, _) = node else {
                    return Refusal(message: "a mapping key must be plain text, not a list or mapping",
                                   hint: nil, location: node.location)
                }
                guard stack[top].keys.insert(text).inserted else {
                    return Refusal(message: "duplicate key '\(text)'",
                                   hint: "each key may appear once; remove or merge the repeated one",
                                   location: node.location)
                }
                stack[top].pendingKey = node
            }
            return nil
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(syntaxError(parser, lines))
            }
            defer { yaml_event_delete(&event) }
            let location = lines.location(codePoint: Int(event.start_mark.index))
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .success(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failure(Refusal(message: "more than one YAML document", hint: "remove the '...' or '---' line",
                                            location: location))
                }
            case YAML_ALIAS_EVENT:
                return .failure(Refusal(message: "YAML aliases are not allowed",
                                        hint: "write the value out instead of referring to an anchor", location: location))
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                if scalar.anchor != nil { return .failure(anchorRefusal(location)) }
                if scalar.tag != nil { return .failure(tagRefusal(location)) }
                let text = scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
                } ?? ""
                if let refusal = attach(.scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, location)) {
                    return .failure(refusal)
                }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isSequence = event.type == YAML_SEQUENCE_START_EVENT
                let anchor = isSequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                let tag = isSequence ? event.data.sequence_start.tag : event.data.mapping_start.tag
                if anchor != nil { return .failure(anchorRefusal(location)) }
                if tag != nil { return .failure(tagRefusal(location)) }
                if stack.count >= maxDepth {
                    return .failure(Refusal(message: "YAML is nested more than \(maxDepth) levels deep",
                                            hint: "plan front matter is a flat mapping with a few short lists",
                                            location: location))
                }
                stack.append(Frame(isMapping: !isSequence, location: location))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let finished = stack.popLast() else { continue }
                let node: Node = finished.isMapping ? .mapping(finished.pairs, finished.location)
                    : .sequence(finished.items, finished.location)
                if let refusal = attach(node) { return .failure(refusal) }
            default:
                break
            }
        }
    }

    private static func syntaxError(_ parser: yaml_parser_t, _ lines: LineTable) -> Refusal {
        let problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
        let context = parser.context.map { " " + String(cString: $0) } ?? ""
        // A reader error (a control character) knows its byte offset; the others a mark.
        let location = parser.error == YAML_READER_ERROR ? lines.location(byteOffset: parser.problem_offset)
            : lines.location(codePoint: Int(parser.problem_mark.index))
        // A `[`, `{` or quote left open is noticed where the text stops making sense, often on a
        // later line: the finding goes where it was opened, the line to fix.
        if let name = parser.context.map({ String(cString: $0) }), let opened = unclosedHints[name] {
            let start = lines.location(codePoint: Int(parser.context_mark.index))
            // Only what is really left open: a missing comma inside a closed `{...}` over two lines
            // is reported where libyaml noticed it (a review found it moved to the `{`).
            let unclosed = name == "while scanning a quoted scalar" ? problem.contains("end of stream")
                : !lines.flowCloses(fromCodePoint: Int(parser.context_mark.index))
            if unclosed, start.line < location.line {
                // `context` has its leading space ("expected ',' or ']' while parsing ...").
                return Refusal(message: "YAML syntax error: \(problem)\(context)", hint: opened, location: start)
            }
        }
        // YAML indents with spaces only; a tab there is the most common invisible mistake.
        let hint = lines.tabInIndentation(location) ? "indent with spaces: YAML does not allow a tab in indentation"
            : "check the indentation, and quote values that contain ': ' or start with a special character"
        return Refusal(message: "YAML syntax error: \(problem)\(context)", hint: hint, location: location)
    }

    /// libyaml's context of an error in something opened and not closed, and the hint for it.
    private static let unclosedHints = [
        "while parsing a flow sequence": "this '[' is not closed: end the list with ']' on the same line, e.g. `segments: [a, b]`",
        "while parsing a flow mapping": "this '{' is not closed: end the mapping with '}' on the same line, e.g. `targets: {accounts: 3}`",
        "while scanning a quoted scalar": "this quote is not closed: end the value with the same quote mark it starts with",
    ]

    /// Positions in the YAML text as a plan counts them: lines end at LF (or CRLF), columns count
    /// code points. libyaml's own line and column also break at a lone CR, NEL, LS and PS, which
    /// put findings on lines the file does not have; a mark's `index` (code points from the
    /// start) does not depend on that.
    struct LineTable {
        private let bytes: UnsafeBufferPointer<UInt8>
        /// The code-point index of the first character of each line.
        private var lineStarts = [0]

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            var codePoints = 0
            for byte in bytes {
                if byte & 0xC0 != 0x80 { codePoints += 1 }
                if byte == 0x0A { lineStarts.append(codePoints) }
            }
        }

        func location(codePoint index: Int) -> SourceLocation {
            // The last line that starts at or before `index`.
            var low = 0
            var high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
            }
            return SourceLocation(line: low + 1, column: max(0, index - lineStarts[low]) + 1)
        }

        /// Whether the indentation of the location's line (blanks and sequence dashes), up to the
        /// location itself, holds a tab.
        func tabInIndentation(_ location: SourceLocation) -> Bool {
            var line = 1
            var index = 0
            while line < location.line, index < bytes.count {
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            }
            var column = 1
            while index < bytes.count, column <= location.column {
                if bytes[index] == 0x09 { return true }
                guard bytes[index] == 0x20 || bytes[index] == UInt8(ascii: "-") else { return false }
                index += 1
                column += 1
            }
            return false
        }

        /// Whether the `[` or `{` at this code point is closed later in the text (quoted text and
        /// comments skipped).
        func flowCloses(fromCodePoint index: Int) -> Bool {
            var offset = 0, codePoints = 0
            while offset < bytes.count, codePoints < index {
                offset += 1
                if offset < bytes.count, bytes[offset] & 0xC0 != 0x80 { codePoints += 1 }
            }
            var depth = 0
            var quote: UInt8?
            var comment = false
            var previous: UInt8 = 0x20
            while offset < bytes.count {
                let byte = bytes[offset]
                defer { previous = byte; offset += 1 }
                if comment { if byte == 0x0A { comment = false }; continue }
                if let open = quote {
                    if byte == open { quote = nil } else if byte == UInt8(ascii: "\\"), open == UInt8(ascii: "\""), offset + 1 < bytes.count { offset += 1 }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                case UInt8(ascii: "#") where previous == 0x20 || previous == 0x09: comment = true
                case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    if depth == 0 { return true }
                default: break
                }
            }
            return false
        }

        func location(byteOffset: Int) -> SourceLocation {
            let end = min(max(0, byteOffset), bytes.count)
            return location(codePoint: bytes[..<end].reduce(0) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 })
        }
    }

    private static func anchorRefusal(_ location: SourceLocation) -> Refusal {
        Refusal(message: "YAML anchors are not allowed", hint: "remove the '&name' anchor and write values out in full",
                location: location)
    }

    private static func tagRefusal(_ location: SourceLocation) -> Refusal {
        Refusal(message: "YAML tags are not allowed", hint: "remove the '!tag'; quote the value if it should be text",
                location: location)
    }
}
