import Foundation
import PlanModel

/// HTML text and attribute escaping, and the few markup pieces every report page repeats. Every
/// piece of plan text goes through `escape` before it reaches a page.
public enum HTML {
    /// cmark-gfm's HTML with every image that would be fetched from elsewhere (`http:`, `https:`,
    /// `//host/…`, any scheme but `data:`) written as a link to it instead: the report's pages
    /// load nothing from the network (docs/report.md), and a picture in a plan's prose was an
    /// `<img>` any browser opening the page fetched (a newcomer trial saw the request arrive).
    /// The link keeps the image's alt text, or its address when it has none.
    public static func withoutRemoteImages(_ html: String) -> String {
        guard html.contains("<img ") else { return html }
        var result = ""
        var rest = html[...]
        while let start = rest.range(of: "<img src=\"") {
            result += rest[..<start.lowerBound]
            let afterSource = rest[start.upperBound...]
            guard let sourceEnd = afterSource.firstIndex(of: "\""), let tagEnd = afterSource.range(of: " />") else {
                rest = rest[start.lowerBound...]
                break
            }
            let source = afterSource[..<sourceEnd]
            let tag = rest[start.lowerBound..<tagEnd.upperBound]
            let scheme = source.prefix { $0.isLetter || $0.isNumber || "+.-".contains($0) }
            let remote = source.hasPrefix("//") || (!scheme.isEmpty && source.dropFirst(scheme.count).first == ":"
                                                     && scheme.lowercased() != "data")
            if remote {
                var alt = ""
                if let altStart = tag.range(of: " alt=\"") {
                    alt = String(tag[altStart.upperBound...].prefix { $0 != "\"" })
                }
                // Inside a link (`[![logo](…)](…)`) a link of its own would nest: the text alone.
                let lastOpen = result.range(of: "<a ", options: .backwards)?.lowerBound
                let lastClose = result.range(of: "</a>", options: .backwards)?.lowerBound
                let insideLink = lastOpen.map { open in lastClose.map { $0 < open } ?? true } ?? false
                result += insideLink ? (alt.isEmpty ? String(source) : alt)
                    : "<a href=\"\(source)\">\(alt.isEmpty ? String(source) : alt)</a>"
            } else {
                result += tag
            }
            rest = rest[tagEnd.upperBound...]
        }
        return result + rest
    }

    /// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attributes.
    public static func escape(_ text: String) -> String {
        var text = text
        // Byte by byte: every character escaped is ASCII, and UTF-8 never uses an ASCII byte
        // inside another character. Most plan text needs nothing and is returned as it is.
        let escaped = text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            result.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x26: result.append(contentsOf: "&amp;".utf8)
                case 0x3C: result.append(contentsOf: "&lt;".utf8)
                case 0x3E: result.append(contentsOf: "&gt;".utf8)
                case 0x22: result.append(contentsOf: "&quot;".utf8)
                case 0x27: result.append(contentsOf: "&#39;".utf8)
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
        return escaped ?? text
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    /// `<a href="href">text</a>`, both escaped.
    static func link(_ text: String, to href: String, className: String? = nil) -> String {
        let classAttribute = className.map { " class=\"\(escape($0))\"" } ?? ""
        // A Chinese name on an English page: say so, for fonts, screen readers and search.
        let langAttribute = isChinese(text) ? " lang=\"zh-CN\"" : ""
        return "<a href=\"\(escape(href))\"\(classAttribute)\(langAttribute)>\(escape(text))</a>"
    }

    /// Whether `text` holds a CJK ideograph.
    static func isChinese(_ text: String) -> Bool {
        // ASCII text (most names and ids) holds none.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    /// A table: header cells (escaped) and rows of cells that are already markup.
    static func table(_ header: [String], _ rows: [[String]], numericColumns: Set<Int> = [], className: String = "data") -> String {
        var size = 96 + className.utf8.count
        for cell in header { size += cell.utf8.count + 24 }
        for row in rows {
            size += 9
            for cell in row { size += cell.utf8.count + 22 }
        }
        var output = ""
        output.reserveCapacity(size)
        var table = HTMLTable(&output, header: header, numericColumns: numericColumns,
                              columns: rows.reduce(header.count) { max($0, $1.count) }, className: className)
        for row in rows {
            table.startRow(&output)
            for cell in row { table.cell(&output, cell) }
            table.endRow(&output)
        }
        table.end(&output)
        return output
    }

    /// A file name for `id` that is safe in any folder: the id itself when it has id syntax
    /// (`^[a-z0-9][a-z0-9-]{0,63}$`), otherwise `_` and a hash of it (ids never start with `_`,
    /// so the two cannot collide). Never contains `/`, `.` or anything a file system treats
    /// specially.
    public static func fileName(for id: String) -> String {
        if ValueSyntax.isValidID(id) { return id }
        let hex = String(FNV1a.hash(id.utf8), radix: 16)
        return "_" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A table written in place, a cell at a time, as ``HTML/table(_:_:numericColumns:className:)``
/// writes it (that function is built on this): pages append their rows to the page's text instead
/// of building every cell, then every row, then the table as strings of their own.
struct HTMLTable {
    private let numeric: [Bool]
    private var column = 0

    /// Writes the table's start and its header row (the header cells are escaped here).
    init(_ output: inout String, header: [String], numericColumns: Set<Int> = [], columns: Int? = nil, className: String = "data") {
        numeric = (0..<max(columns ?? 0, header.count)).map { numericColumns.contains($0) }
        output += "<div class=\"table-wrap\"><table class=\""
        output += HTML.escape(className)
        output += "\"><thead><tr>"
        for (index, cell) in header.enumerated() {
            output += numeric[index] ? "<th class=\"num\">" : "<th>"
            output += HTML.escape(cell)
            output += "</th>"
        }
        output += "</tr></thead><tbody>"
    }

    mutating func startRow(_ output: inout String) {
        output += "<tr>"
        column = 0
    }

    /// Opens the next cell; its markup follows, then ``closeCell(_:)``.
    mutating func openCell(_ output: inout String) {
        output += column < numeric.count && numeric[column] ? "<td class=\"num\">" : "<td>"
        column += 1
    }

    func closeCell(_ output: inout String) { output += "</td>" }

    /// A cell of markup.
    mutating func cell(_ output: inout String, _ markup: String) {
        openCell(&output)
        output += markup
        closeCell(&output)
    }

    func endRow(_ output: inout String) { output += "</tr>" }

    func end(_ output: inout String) { output += "</tbody></table></div>" }
}
