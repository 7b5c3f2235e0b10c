import Foundation
import PlanModel
import PlanParser
import PlanWorkspace

/// Document synchronisation: which documents are the server's, and their text as the editor has it.
extension LanguageServer {
    /// The workspace-relative path of a `file:` URI inside the workspace; nil for anything else.
    func relativePath(_ uri: String) -> String? {
        guard let root, let url = URL(string: uri), url.isFileURL else { return nil }
        let path = url.standardizedFileURL.path
        let base = root.standardizedFileURL.path
        guard path.hasPrefix(base + "/") else { return nil }
        let relative = String(path.dropFirst(base.count + 1))
        guard relative == ConfigParser.path || WorkspaceLoader.isPlanPath(relative),
              relative == ConfigParser.path || PlanKind(folder: relative.split(separator: "/").first ?? "") != nil else { return nil }
        return relative
    }

    func didOpen(_ params: JSON) {
        let item = params["textDocument"]
        guard let uri = item?["uri"]?.string, let text = item?["text"]?.string, let path = relativePath(uri) else { return }
        documents[uri] = TextDocument(uri: uri, path: path, version: item?["version"]?.int ?? 0, text: text)
        markEveryDocumentStale()
    }

    func didChange(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string, var document = documents[uri] else { return }
        for change in params["contentChanges"]?.array ?? [] {
            guard let text = change["text"]?.string else { continue }
            document.apply(TextRange(change["range"]), text, encoding: encoding)
        }
        document.version = params["textDocument"]?["version"]?.int ?? document.version + 1
        documents[uri] = document
        markEveryDocumentStale()
    }

    func didClose(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string, documents.removeValue(forKey: uri) != nil else { return }
        stale.remove(uri)
        // The file on disk is the truth again; its diagnostics go with the editor's buffer.
        send(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
              "params": ["uri": .string(uri), "diagnostics": []]])
        markEveryDocumentStale()
    }

    /// An edit of one plan can change what other open plans are told (an id they reference, a
    /// duplicate); an edit of `acctplan.yml` changes everything: every open document is
    /// checked again (the workspace is linted as a whole, so plans not open count too).
    private func markEveryDocumentStale() {
        stale.formUnion(documents.keys)
        followEditorConfig()
    }
}
