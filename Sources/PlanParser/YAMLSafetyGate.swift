import CYaml
import PlanModel

/// Walks the libyaml event stream of a front matter *before* Yams composes it, and refuses what
/// must never be composed: anchors and aliases (an alias bomb expands exponentially), explicit
/// tags, and nesting deeper than ``maxDepth`` (Yams composes recursively, so 100,000 nested
/// brackets would overflow a worker thread's stack). It also finds a repeated mapping key at its
/// second occurrence, where the author has to look. The stream is read without building anything,
/// so a hostile document is refused in time linear in its size.
struct YAMLSafetyGate {
    static let maxDepth = 64

    /// A reason to refuse the document, with its 1-based line and column within the YAML text.
    struct Refusal: Error {
        var message: String
        var hint: String?
        var line: Int
        var column: Int
    }

    /// nil when the document may be composed. Syntax errors are left for Yams to report.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Refusal? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return Refusal(message: "out of memory reading front matter", line: 1, column: 1)
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        // One frame per open collection: for mappings, the keys seen and whether a key comes next.
        var frames: [(isMapping: Bool, expectsKey: Bool, keys: Set<String>)] = []
        var depth: Int { frames.count }
        /// Marks a node as parsed in its parent: a key or value of a mapping flips the expectation.
        func consumeNode(keyText: String?, line: Int, column: Int) -> Refusal? {
            guard let top = frames.indices.last, frames[top].isMapping else { return nil }
            defer { frames[top].expectsKey.toggle() }
            guard frames[top].expectsKey, let keyText else { return nil }
            if !frames[top].keys.insert(keyText).inserted {
                return Refusal(message: "duplicate key '\(keyText)' in front matter",
                               hint: "each key may appear once; remove or merge the repeated one", line: line,
                               column: column)
            }
            return nil
        }
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_ALIAS_EVENT:
                return Refusal(message: "YAML aliases are not allowed in front matter",
                               hint: "write the value out instead of referring to an anchor", line: line, column: column)
            case YAML_SCALAR_EVENT:
                if event.data.scalar.anchor != nil { return anchorRefusal(line, column) }
                if event.data.scalar.tag != nil { return tagRefusal(line, column) }
                let value = event.data.scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: event.data.scalar.length), as: UTF8.self)
                }
                if let refusal = consumeNode(keyText: value, line: line, column: column) { return refusal }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isSequence = event.type == YAML_SEQUENCE_START_EVENT
                let anchor = isSequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                let tag = isSequence ? event.data.sequence_start.tag : event.data.mapping_start.tag
                if anchor != nil { return anchorRefusal(line, column) }
                if tag != nil { return tagRefusal(line, column) }
                if let refusal = consumeNode(keyText: nil, line: line, column: column) { return refusal }
                frames.append((isMapping: !isSequence, expectsKey: true, keys: []))
                if depth > maxDepth {
                    return Refusal(message: "front matter is nested more than \(maxDepth) levels deep",
                                   hint: "plan front matter is a flat mapping with a few short lists", line: line,
                                   column: column)
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if !frames.isEmpty { frames.removeLast() }
            default:
                break
            }
        }
    }

    private static func anchorRefusal(_ line: Int, _ column: Int) -> Refusal {
        Refusal(message: "YAML anchors are not allowed in front matter",
                hint: "remove the '&name' anchor and write values out in full", line: line, column: column)
    }

    private static func tagRefusal(_ line: Int, _ column: Int) -> Refusal {
        Refusal(message: "YAML tags are not allowed in front matter",
                hint: "remove the '!tag'; quote the value if it should be text", line: line, column: column)
    }
}
