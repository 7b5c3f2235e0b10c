import Foundation
import PlanModel
import PlanParser

/// `textDocument/rename` of a person id (every plan and `acctplan.yml`) or an opportunity id
/// (its row and the `#id` references of its plan): one `WorkspaceEdit`, refused with a clear
/// message when the new id is not an id or is taken.
extension LanguageServer {
    func rename(_ params: JSON) -> Result<JSON, ResponseError> {
        guard let newName = params["newName"]?.string else { return .failure(ResponseError(code: -32602, message: "rename needs newName")) }
        guard let (document, plan, target) = target(params), let root else {
            return .failure(ResponseError(code: -32803, message: "only a person id or an opportunity id can be renamed here"))
        }
        guard ValueSyntax.isValidID(newName) else {
            return .failure(ResponseError(code: -32803, message: "'\(newName)' is not a valid id: use lowercase letters, digits and '-'"))
        }
        var changes: [String: [JSON]] = [:]
        func edit(_ document: TextDocument, _ location: SourceLocation, old: String) {
            // `@id` and `#id` are located at their sigil.
            let lines = document.lines
            let scalars = location.line <= lines.count ? Array(lines[location.line - 1].unicodeScalars) : []
            let sigil = scalars.indices.contains(location.column - 1) && (scalars[location.column - 1] == "@" || scalars[location.column - 1] == "#")
            let column = location.column + (sigil ? 1 : 0)
            let uri = document.uri
            let start = document.position(line: location.line, column: column, encoding: encoding)
            let end = document.position(line: location.line, column: column + old.unicodeScalars.count, encoding: encoding)
            changes[uri, default: []].append(["range": TextRange(start, end).json, "newText": .string(newName)])
        }
        switch target {
        case .person(let id):
            guard config.people[newName] == nil else {
                return .failure(ResponseError(code: -32803, message: "'\(newName)' is already a person in acctplan.yml"))
            }
            guard let configText = text(of: ConfigParser.path), let declaration = Self.peopleLine(id, in: configText) else {
                return .failure(ResponseError(code: -32803, message: "'\(id)' is not a person of acctplan.yml"))
            }
            edit(TextDocument(uri: root.appendingPathComponent(ConfigParser.path).absoluteString, path: ConfigParser.path, version: 0,
                              text: configText), declaration, old: id)
            for other in currentWorkspace()?.plans ?? [] where other.isReadable {
                let uses = Self.personUses(id, in: other)
                guard !uses.isEmpty, let text = text(of: other.path) else { continue }
                let uri = documents.values.first { $0.path == other.path }?.uri ?? root.appendingPathComponent(other.path).absoluteString
                let document = TextDocument(uri: uri, path: other.path, version: 0, text: text)
                for use in uses { edit(document, use, old: id) }
            }
        case .opportunity(let id):
            guard !plan.opportunities.contains(where: { $0.id?.value == newName }) else {
                return .failure(ResponseError(code: -32803, message: "'\(newName)' is already an opportunity of this plan"))
            }
            if let row = plan.opportunities.first(where: { $0.id?.value == id })?.id { edit(document, row.location, old: id) }
            for reference in plan.actions.flatMap(\.references) where reference.value == id {
                edit(document, reference.location, old: id)
            }
        case .plan:
            return .failure(ResponseError(code: -32803, message: "rename the plan's file to rename an industry or segment"))
        }
        return .success(["changes": .object(changes.mapValues { .array($0) })])
    }
}
