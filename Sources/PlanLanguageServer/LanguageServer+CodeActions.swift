import Foundation
import PlanModel

/// `textDocument/codeAction`: a quick fix for every diagnostic that suggests a value ("did you
/// mean 'x'?"), and for `stale-review` one that sets `reviewed:` to today; titled in the
/// workspace's language, like the diagnostics.
extension LanguageServer {
    func codeActions(_ params: JSON) -> JSON {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents[uri] else { return [] }
        var actions: [JSON] = []
        for diagnostic in params["context"]?["diagnostics"]?.array ?? [] where diagnostic["source"] == "acctplan" {
            guard let range = TextRange(diagnostic["range"]), let message = diagnostic["message"]?.string else { continue }
            if let suggestion = diagnostic["data"]?["suggestion"]?.string ?? Self.suggestion(in: message) {
                let written = String(document.text[document.index(of: range.start, encoding: encoding)..<document.index(of: range.end, encoding: encoding)])
                let sigil = written.first.map { "@#".contains($0) && !suggestion.hasPrefix(String($0)) ? String($0) : "" } ?? ""
                actions.append(action(say("Change to '\(suggestion)'", "改为“\(suggestion)”"), uri: uri, diagnostic: diagnostic, range: range,
                                      newText: sigil + suggestion))
            } else if diagnostic["code"] == "stale-review", let line = document.lines.firstIndex(where: { $0.hasPrefix("reviewed:") }) {
                let width = document.lines[line].unicodeScalars.reduce(0) { $0 + encoding.units($1) }
                let whole = TextRange(Position(line: line, character: 0), Position(line: line, character: width))
                actions.append(action(say("Set reviewed: to today (\(asOf))", "将 reviewed: 设为今天（\(asOf)）"), uri: uri,
                                      diagnostic: diagnostic, range: whole, newText: "reviewed: \(asOf)"))
            }
        }
        return .array(actions)
    }

    private func action(_ title: String, uri: String, diagnostic: JSON, range: TextRange, newText: String) -> JSON {
        [
            "title": .string(title), "kind": "quickfix", "diagnostics": [diagnostic], "isPreferred": true,
            "edit": ["changes": .object([uri: [["range": range.json, "newText": .string(newText)]]])],
        ]
    }

    /// The value of "did you mean 'x'?" (or, translated, “是否应为“x”？”) in a diagnostic's message,
    /// for a client that does not send a diagnostic's `data` back.
    static func suggestion(in message: String) -> String? {
        for (opening, closing) in [("did you mean '", "'"), ("是否应为“", "”")] {
            guard let start = message.range(of: opening) else { continue }
            let rest = message[start.upperBound...]
            guard let end = rest.range(of: closing) else { continue }
            let value = String(rest[..<end.lowerBound])
            if !value.isEmpty { return value }
        }
        return nil
    }
}
