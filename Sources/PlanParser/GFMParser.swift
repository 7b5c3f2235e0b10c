import CCmarkGFM

/// cmark-gfm set up the way GitHub sets it up (the table and tasklist extensions): the one place
/// a cmark parser is made, fed and freed.
enum GFMParser {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses `bytes` and hands `body` the document and the parser's extensions (for rendering);
    /// both are freed when `body` returns. `fallback` when cmark cannot allocate a parser.
    static func withDocument<T>(_ bytes: UnsafeBufferPointer<UInt8>, fallback: T,
                                _ body: (_ document: OpaquePointer, _ extensions: UnsafeMutablePointer<cmark_llist>?) -> T) -> T {
        _ = registered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return fallback }
        defer { cmark_parser_free(parser) }
        for name in ["table", "tasklist"] {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        if let base = bytes.baseAddress {
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return fallback }
        defer { cmark_node_free(document) }
        return body(document, cmark_parser_get_syntax_extensions(parser)) // the extension list is the parser's
    }
}
