import Foundation
import PlanEngine
import PlanLocalization
import PlanModel
import PlanParser
import PlanServices
import PlanWorkspace

/// Diagnostics: the workspace as the editor sees it (the files on disk, with the text of open
/// documents in their place) is linted for the open documents, with cross-plan rules reading
/// every plan (`Linter.lint(_:asOf:only:)`); each open document is told its own diagnostics.
extension LanguageServer {
    /// The files of the workspace with the open documents' text over them.
    struct OverlaySource: PlanSource {
        let disk: FileSystemSource
        let open: [String: Data]

        var label: String { "the editor" }

        func listFiles(under folder: String) throws -> FileListing {
            var listing = try disk.listFiles(under: folder)
            let added = open.keys.filter { $0.hasPrefix(folder + "/") && !listing.paths.contains($0) }
            if !added.isEmpty { listing.paths = (listing.paths + added).sorted() }
            return listing
        }

        func read(_ path: String) throws -> Data? { try open[path] ?? disk.read(path) }
    }

    /// The workspace with every open document's current text; nil outside a workspace and
    /// before it is first read. Kept between edits (``editor``) and updated in place: an edit
    /// re-reads only the plans whose text changed, and copies nothing of the other 9,999. Plans
    /// read with another `acctplan.yml` than the editor's are read again in the background
    /// (``followEditorConfig()``); until then they read as before.
    func currentWorkspace() -> Workspace? {
        guard root != nil, let disk = workspaceOnDisk() else { return nil }
        let open = documents.values
        var workspace = editor ?? disk
        editor = nil // so that the updates below happen in place, not on a copy
        let parser = PlanParser(config: workspace.config)
        var wanted: [String: Int] = [:]
        for document in open where document.path != ConfigParser.path { wanted[document.path] = document.version }
        // Closed documents: the file on disk again (or nothing, for one never saved).
        for (path, _) in applied where wanted[path] == nil {
            replace(path, with: disk.plans.first { $0.path == path }, findings: disk.findings.filter { $0.path == path }, in: &workspace)
            applied[path] = nil
        }
        for document in open where document.path != ConfigParser.path && applied[document.path] != document.version {
            guard let (kind, id) = Self.kindAndID(document.path) else { continue }
            let parsed = parser.parse(Data(document.text.utf8), path: document.path, kind: kind, id: id)
            replace(document.path, with: parsed.plan, findings: parsed.findings, in: &workspace)
            applied[document.path] = document.version
        }
        editor = workspace
        return workspace
    }

    /// Puts `plan` (nil: none) and its findings in place of what `workspace` has at `path`.
    private func replace(_ path: String, with plan: Plan?, findings: [Finding], in workspace: inout Workspace) {
        workspace.findings.removeAll { $0.path == path }
        workspace.findings += findings
        // An index loop: a closure over the plans would copy each one it looks at.
        var found: Int?
        for index in workspace.plans.indices where workspace.plans[index].path == path {
            found = index
            break
        }
        if let index = found {
            if let plan { workspace.plans[index] = plan } else { workspace.plans.remove(at: index) }
        } else if let plan {
            let index = workspace.plans.firstIndex { ($0.kind, $0.path) > (plan.kind, path) } ?? workspace.plans.count
            workspace.plans.insert(plan, at: index)
        }
        if plan == nil { workspace.planPaths.removeAll { $0 == path } } else if !workspace.planPaths.contains(path) { workspace.planPaths.append(path) }
    }

    static func kindAndID(_ path: String) -> (PlanKind, String)? {
        guard let folder = path.split(separator: "/").first, let kind = PlanKind(folder: folder),
              let name = path.split(separator: "/").last, name.hasSuffix(".md") else { return nil }
        return (kind, String(name.dropLast(3)))
    }

    /// Publishes the diagnostics of every document whose diagnostics may have changed.
    func publishDiagnostics() {
        defer { stale.removeAll() }
        guard let workspace = currentWorkspace() else { return }
        // Only the open documents are told anything: the other plans are not judged one by one
        // (cross-plan rules still read every plan).
        let diagnostics = Linter.lint(workspace, asOf: asOf, only: Set(documents.values.map(\.path)))
        var byPath = Dictionary(grouping: diagnostics, by: \.path)
        if let notice = Self.settingsNotice(workspace) {
            for document in documents.values where document.path != ConfigParser.path && Self.kindAndID(document.path) != nil {
                byPath[document.path, default: []].insert(notice(document.path), at: 0)
            }
        }
        for uri in stale.sorted() {
            guard let document = documents[uri] else { continue }
            let items = (byPath[document.path] ?? []).map { lspDiagnostic($0, in: document) }
            send(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
                  "params": ["uri": .string(uri), "version": .int(document.version), "diagnostics": .array(items)]])
        }
    }

    /// While `acctplan.yml` cannot be read (merge conflicts, not YAML), no plan is checked (every
    /// one would be judged against the default settings: `Linter`), and an open plan with no
    /// diagnostic read as a plan that is fine: each gets this one on its line 1 instead, saying
    /// why, until acctplan.yml can be read again. nil while it can.
    static func settingsNotice(_ workspace: Workspace) -> ((String) -> Diagnostic)? {
        guard let problem = UnreadableFiles.configProblem(workspace.config, findings: workspace.findings) else { return nil }
        let rule: RuleID = workspace.config.hasMergeConflicts ? .mergeConflict : .config
        return { path in
            Diagnostic(path: path, line: 1, column: 1, severity: .error, rule: rule,
                       message: problem.description + "; this plan is checked again once it can be read",
                       hint: "fix acctplan.yml ('acctplan lint' shows where): no plan is checked against default settings meanwhile")
        }
    }

    /// One diagnostic: from its line and column to the end of the word there.
    func lspDiagnostic(_ diagnostic: Diagnostic, in document: TextDocument) -> JSON {
        let start = document.position(line: diagnostic.line, column: diagnostic.column, encoding: encoding)
        let lines = document.lines
        var end = start
        if lines.indices.contains(start.line) {
            let rest = lines[start.line].unicodeScalars.dropFirst(max(0, diagnostic.column - 1))
            var word = rest.prefix { $0 != " " && $0 != "\t" && $0 != "|" }.reduce(0) { $0 + encoding.units($1) }
            if word == 0 { word = rest.reduce(0) { $0 + encoding.units($1) } }
            end.character += word
        }
        // In the workspace's language (docs/language.md); the suggestion a quick fix applies rides
        // along in `data`, whatever the language the message is in.
        let language = self.language
        var message = Localizer.translate(diagnostic.message, to: language)
        if let hint = diagnostic.hint { message += "\n\(LintWords.hint(in: language)): " + Localizer.translate(hint, to: language) }
        var fields: [String: JSON] = [
            "range": TextRange(start, end).json,
            "severity": diagnostic.severity == .error ? 1 : 2,
            "code": .string(diagnostic.rule.rawValue),
            "codeDescription": ["href": .string(LanguageServer.ruleDocumentation + diagnostic.rule.rawValue)],
            "source": "acctplan",
            "message": .string(message),
        ]
        if let suggestion = Self.suggestion(in: diagnostic.message) { fields["data"] = ["suggestion": .string(suggestion)] }
        return .object(fields)
    }

    static let ruleDocumentation = "https://github.com/acctplan/acctplan/blob/main/docs/rules.md#"
}
