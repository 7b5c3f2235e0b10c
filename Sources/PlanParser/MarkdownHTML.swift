import CCmarkGFM
import Foundation

/// Markdown rendered to HTML exactly as GitHub's parser renders it (cmark-gfm with the table
/// and tasklist extensions): what a reader of the plan on GitHub sees. Used to prove that a
/// rewrite of a plan's body leaves what it shows unchanged.
public enum MarkdownHTML {
    public static func render(_ markdown: some StringProtocol) -> String {
        _ = MarkdownOutline.registered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "tasklist"] {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        let extensions = cmark_parser_get_syntax_extensions(parser) // owned by the parser
        var text = String(markdown)
        text.withUTF8 { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, CMARK_OPT_DEFAULT, extensions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
