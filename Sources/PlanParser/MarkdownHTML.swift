import CCmarkGFM
import Foundation

/// Markdown rendered to HTML exactly as GitHub's parser renders it (cmark-gfm with the table
/// and tasklist extensions): what a reader of the plan on GitHub sees. Used to prove that a
/// rewrite of a plan's body leaves what it shows unchanged.
public enum MarkdownHTML {
    public static func render(_ markdown: some StringProtocol) -> String {
        var text = String(markdown)
        return text.withUTF8 { buffer in
            GFMParser.withDocument(buffer, fallback: "") { document, extensions in
                guard let html = cmark_render_html(document, CMARK_OPT_DEFAULT, extensions) else { return "" }
                defer { free(html) }
                return String(cString: html)
            }
        }
    }
}
