import Foundation
import PlanEngine
import PlanFormat
import PlanModel
import PlanParser
import PlanServices
import PlanWorkspace

/// Requests about one open document: formatting and its outline.
extension LanguageServer {
    /// The configuration plans are read with: the editor's `acctplan.yml` when it is open.
    var config: WorkspaceConfig {
        if let open = documents.values.first(where: { $0.path == ConfigParser.path }) {
            return ConfigParser.parse(Data(open.text.utf8)).0
        }
        return diskConfig
    }

    /// The open plan a request is about, parsed; nil for `acctplan.yml`, a closed document or
    /// one outside the workspace.
    func openPlan(_ params: JSON) -> (document: TextDocument, parsed: ParsedPlan)? {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents[uri],
              let (kind, id) = Self.kindAndID(document.path) else { return nil }
        let parsed = PlanParser(config: config).parse(Data(document.text.utf8), path: document.path, kind: kind, id: id)
        return (document, parsed)
    }

    /// `textDocument/formatting`: one edit that gives exactly what `acctplan fmt` writes (the
    /// same code); none, and a message, for a plan `fmt` refuses.
    func formatting(_ params: JSON) -> Result<JSON, ResponseError> {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents[uri],
              let (kind, id) = Self.kindAndID(document.path) else { return .success([]) }
        let settings = config
        if !settings.isReadable {
            // As `acctplan fmt`: nothing is formatted with the default settings (a second trial
            // found the editor formatting while fmt refused).
            let findings = documents.values.first(where: { $0.path == ConfigParser.path }).map { ConfigParser.parse(Data($0.text.utf8)).1 }
                ?? root.flatMap { try? WorkspaceLoader.readConfig(from: FileSystemSource(root: $0)).1 } ?? []
            let why = UnreadableFiles.configProblem(settings, findings: findings)?.description ?? "acctplan.yml cannot be read"
            showMessage("acctplan: \(document.path) is not formatted: \(why); fix it first")
            return .success([])
        }
        let outcome = PlanFormatter(config: settings).format(Data(document.text.utf8), path: document.path, kind: kind, id: id)
        switch outcome {
        case .unchanged:
            return .success([])
        case .formatted(let data):
            return .success([["range": document.fullRange(encoding: encoding).json, "newText": .string(String(decoding: data, as: UTF8.self))]])
        case .refused(let findings):
            let first = findings.first.map { "line \($0.location.line): \($0.message)" } ?? "it does not parse"
            showMessage("acctplan: \(document.path) is not formatted: \(first)")
        case .conflicted(let line):
            showMessage("acctplan: \(document.path) is not formatted: it has merge-conflict markers (line \(line)); resolve them first")
        case .unsafe(let reason):
            showMessage("acctplan: \(document.path) is not formatted: the result would change its meaning (\(reason))")
        }
        return .success([])
    }

    /// `textDocument/documentSymbol`: the sections, and in each its rows or items.
    func documentSymbols(_ params: JSON) -> JSON {
        guard let (document, parsed) = openPlan(params) else { return [] }
        let plan = parsed.plan
        let lines = document.lines
        func range(_ first: Int, _ last: Int) -> JSON {
            let last = min(max(first, last), lines.count)
            let width = lines.indices.contains(last - 1) ? lines[last - 1].unicodeScalars.reduce(0) { $0 + encoding.units($1) } : 0
            return TextRange(Position(line: first - 1, character: 0), Position(line: last - 1, character: width)).json
        }
        func symbol(_ name: String, kind: Int, line: Int, detail: String? = nil) -> JSON {
            var members: [String: JSON] = ["name": .string(name.isEmpty ? "(empty)" : name), "kind": .int(kind),
                                           "range": range(line, line), "selectionRange": range(line, line)]
            if let detail { members["detail"] = .string(detail) }
            return .object(members)
        }
        var result: [JSON] = []
        for section in plan.sections {
            let inside = section.location.line...section.endLine
            var children: [JSON] = []
            switch section.kind {
            case .stakeholders?:
                children = plan.stakeholders.filter { inside.contains($0.location.line) }.map {
                    symbol($0.name?.value ?? "?", kind: 13, line: $0.location.line, detail: $0.role?.value.rawValue)
                }
            case .installedBase?:
                children = plan.installedBase.filter { inside.contains($0.location.line) }.map {
                    symbol($0.product?.value ?? "?", kind: 13, line: $0.location.line, detail: $0.status?.value.rawValue)
                }
            case .opportunities?:
                children = plan.opportunities.filter { inside.contains($0.location.line) }.map {
                    symbol(($0.id?.value ?? "?") + ($0.name.map { " — " + $0.value } ?? ""), kind: 13, line: $0.location.line,
                           detail: $0.stage?.value)
                }
            case .actions?:
                children = plan.actions.filter { inside.contains($0.location.line) }.map {
                    symbol(($0.done ? "[x] " : "[ ] ") + $0.text, kind: 24, line: $0.location.line, detail: $0.due?.value.description)
                }
            case .moments?:
                children = plan.moments.filter { inside.contains($0.location.line) }.map {
                    symbol($0.text, kind: 24, line: $0.location.line, detail: $0.date?.value.description)
                }
            case nil:
                if let id = section.schemaID, let key = config.schema.section(id: id)?.keyColumn {
                    children = plan.schemaTable(id).filter { inside.contains($0.location.line) }.map {
                        symbol($0.cells[key]?.value ?? "?", kind: 13, line: $0.location.line)
                    }
                }
            }
            var members: [String: JSON] = ["name": .string(section.heading), "kind": 3,
                                           "range": range(section.location.line, section.endLine),
                                           "selectionRange": range(section.location.line, section.location.line)]
            if !children.isEmpty { members["children"] = .array(children) }
            result.append(.object(members))
        }
        return .array(result)
    }
}
