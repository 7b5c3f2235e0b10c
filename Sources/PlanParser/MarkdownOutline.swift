import CCmarkGFM
import Foundation

/// The block structure of a plan body as GitHub's parser sees it: top-level headings, tables and
/// lists with their line numbers. Only what a plan needs is copied out of the cmark tree, and the
/// tree is freed before `parse` returns: no cmark pointer leaves this file.
struct MarkdownOutline: Equatable {
    enum Block: Equatable {
        case heading(level: Int, text: String, line: Int)
        /// `rowLines[0]` is the header row; the delimiter row has no line of its own here.
        case table(rowLines: [Int], endLine: Int)
        case list(items: [ListItem])
        case other(line: Int)
    }

    struct ListItem: Equatable {
        var line: Int
        /// The last line of the item's first paragraph (items may wrap).
        var paragraphEndLine: Int
        /// nil: a plain item; true/false: a task-list item and its box.
        var checked: Bool?
    }

    var blocks: [Block] = []

    /// Parses `bytes` (the body, after the front matter); line numbers are shifted by `lineOffset`.
    static func parse(_ bytes: ArraySlice<UInt8>, lineOffset: Int) -> MarkdownOutline {
        plain(bytes, lineOffset: lineOffset) ?? withCmark(bytes, lineOffset: lineOffset)
    }

    /// The outline as cmark-gfm reads it (any body; ``plain(_:lineOffset:)`` reads most plans alike, faster).
    static func withCmark(_ bytes: ArraySlice<UInt8>, lineOffset: Int) -> MarkdownOutline {
        // CommonMark also ends a line at a lone CR; a plan's lines end only at LF (or CRLF), and
        // every line number cmark reports is read back from the plan's lines. A lone CR is
        // therefore given to cmark as a space, so both count the same lines.
        var bytes = bytes
        if let first = bytes.firstIndex(of: 0x0D) {
            for index in first..<bytes.endIndex where bytes[index] == 0x0D {
                if index + 1 == bytes.endIndex || bytes[index + 1] != 0x0A { bytes[index] = 0x20 }
            }
        }
        return bytes.withUnsafeBufferPointer { buffer in
            GFMParser.withDocument(buffer, fallback: MarkdownOutline()) { document, _ in
                var outline = MarkdownOutline()
                var node = cmark_node_first_child(document)
                while let current = node {
                    outline.blocks.append(block(current, lineOffset: lineOffset))
                    node = cmark_node_next(current)
                }
                return outline
            }
        }
    }

    private static func typeName(_ node: OpaquePointer) -> String {
        String(cString: cmark_node_get_type_string(node))
    }

    private static func block(_ node: OpaquePointer, lineOffset: Int) -> Block {
        let line = Int(cmark_node_get_start_line(node)) + lineOffset
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), text: plainText(node), line: line)
        case CMARK_NODE_LIST:
            var items: [ListItem] = []
            var child = cmark_node_first_child(node)
            while let item = child {
                let itemLine = Int(cmark_node_get_start_line(item)) + lineOffset
                var paragraphEnd = itemLine
                if let first = cmark_node_first_child(item), cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH {
                    paragraphEnd = Int(cmark_node_get_end_line(first)) + lineOffset
                }
                let checked: Bool? = typeName(item) == "tasklist"
                    ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil
                items.append(ListItem(line: itemLine, paragraphEndLine: paragraphEnd, checked: checked))
                child = cmark_node_next(item)
            }
            return .list(items: items)
        default:
            guard typeName(node) == "table" else { return .other(line: line) }
            var rows: [Int] = []
            var child = cmark_node_first_child(node)
            while let row = child {
                rows.append(Int(cmark_node_get_start_line(row)) + lineOffset)
                child = cmark_node_next(row)
            }
            // When a table follows a paragraph line directly, cmark-gfm reports the header row as
            // starting on that paragraph line; the header is always just above the delimiter row.
            let end = Int(cmark_node_get_end_line(node)) + lineOffset
            if !rows.isEmpty { rows[0] = rows.count > 1 ? rows[1] - 2 : end - 1 }
            return .table(rowLines: rows, endLine: end)
        }
    }

    /// The text of an inline tree: literals of text and code nodes, soft breaks as spaces.
    private static func plainText(_ node: OpaquePointer) -> String {
        var result = ""
        guard let iterator = cmark_iter_new(node) else { return result }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                if let literal = cmark_node_get_literal(current) { result += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                result += " "
            default:
                break
            }
        }
        return result
    }
}
