import Foundation
import PlanModel
import PlanParser

/// Go to definition and find references: industry and segment values lead to their plan,
/// `#opp-id` to its row, a person id (in the front matter, `@person`, an Owner cell) to its
/// `people:` entry in `acctplan.yml`; references of a person across the workspace, of an
/// opportunity within its plan.
extension LanguageServer {
    /// What the word under the cursor names.
    enum Target: Equatable {
        case plan(PlanKind, String)
        case person(String)
        case opportunity(String)
    }

    func target(_ params: JSON) -> (document: TextDocument, plan: Plan, target: Target)? {
        guard let (document, parsed) = openPlan(params), let position = Position(params["position"]),
              let (line, column, text) = document.location(of: position, encoding: encoding),
              let word = Self.word(in: text, at: column) else { return nil }
        let plan = parsed.plan
        let config = self.config
        if word.hasPrefix("@") { return (document, plan, .person(String(word.dropFirst()))) }
        if word.hasPrefix("#") { return (document, plan, .opportunity(String(word.dropFirst()))) }
        if let entry = plan.frontMatter.first(where: { $0.keyLocation.line == line }), column > entry.keyLocation.column + entry.key.count {
            switch entry.key {
            case "industry": return (document, plan, .plan(.industry, word))
            case "segments": return (document, plan, .plan(.segment, word))
            default: break
            }
            if config.people[word] != nil { return (document, plan, .person(word)) }
            return nil
        }
        if plan.opportunities.contains(where: { $0.id?.value == word && $0.id?.location.line == line }) {
            return (document, plan, .opportunity(word))
        }
        if config.people[word] != nil { return (document, plan, .person(word)) }
        return nil
    }

    /// `textDocument/definition`.
    func definition(_ params: JSON) -> JSON {
        guard let (document, plan, target) = target(params), let root else { return .null }
        switch target {
        case .plan(let kind, let id):
            // Plans may sit in sub-folders: the plan of that kind with that id, wherever it is.
            guard let known = currentWorkspace()?.plans.first(where: { $0.kind == kind && $0.id == id }) else { return .null }
            let uri = documents.values.first { $0.path == known.path }?.uri ?? root.appendingPathComponent(known.path).absoluteString
            return location(uri, line: 1, column: 1, in: text(of: known.path) ?? "")
        case .person(let id):
            guard let config = text(of: ConfigParser.path), let line = Self.peopleLine(id, in: config) else { return .null }
            return location(root.appendingPathComponent(ConfigParser.path).absoluteString, line: line.line, column: line.column, in: config)
        case .opportunity(let id):
            guard let row = plan.opportunities.first(where: { $0.id?.value == id }), let cell = row.id else { return .null }
            return location(document.uri, line: cell.location.line, column: cell.location.column, in: document.text)
        }
    }

    /// `textDocument/references`: every place a person or an opportunity id is used.
    func references(_ params: JSON) -> JSON {
        guard let (document, plan, target) = target(params), let root, let workspace = currentWorkspace() else { return [] }
        var result: [JSON] = []
        switch target {
        case .person(let id):
            for other in workspace.plans where other.isReadable {
                let uses = Self.personUses(id, in: other)
                guard !uses.isEmpty, let text = text(of: other.path) else { continue }
                let uri = documents.values.first { $0.path == other.path }?.uri ?? root.appendingPathComponent(other.path).absoluteString
                let document = TextDocument(uri: uri, path: other.path, version: 0, text: text)
                result += uses.map { location(line: $0.line, column: $0.column, in: document) }
            }
            if params["context"]?["includeDeclaration"]?.bool != false, let config = text(of: ConfigParser.path),
               let line = Self.peopleLine(id, in: config) {
                result.append(location(root.appendingPathComponent(ConfigParser.path).absoluteString, line: line.line, column: line.column, in: config))
            }
        case .opportunity(let id):
            var uses = plan.actions.flatMap(\.references).filter { $0.value == id }.map(\.location)
            if let row = plan.opportunities.first(where: { $0.id?.value == id })?.id { uses.insert(row.location, at: 0) }
            result = uses.map { location(line: $0.line, column: $0.column, in: document) }
        case .plan:
            return []
        }
        return .array(result)
    }

    /// Where a person id is written in a plan: manager, owner, team, `@owner` of actions,
    /// `@person` of moments, the Owner of stakeholders.
    static func personUses(_ id: String, in plan: Plan) -> [SourceLocation] {
        var uses: [Located<String>] = [plan.header.manager, plan.header.owner].compactMap { $0 } + plan.header.team
        uses += plan.actions.compactMap(\.owner) + plan.moments.compactMap(\.person) + plan.stakeholders.compactMap(\.owner)
        return uses.filter { $0.value == id }.map(\.location).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The line and column of `id:` under `people:` in acctplan.yml's text.
    static func peopleLine(_ id: String, in text: String) -> SourceLocation? {
        var inPeople = false
        for (index, line) in text.splitLines().enumerated() {
            if !line.hasPrefix(" ") && !line.hasPrefix("\t") && !line.isEmpty && !line.hasPrefix("#") {
                inPeople = line.hasPrefix("people:")
                continue
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if inPeople, trimmed.hasPrefix(id), trimmed.dropFirst(id.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return SourceLocation(line: index + 1, column: line.count - trimmed.count + 1)
            }
        }
        return nil
    }

    /// A file's text: the editor's when it is open, else the file in the workspace.
    func text(of path: String) -> String? {
        if let open = documents.values.first(where: { $0.path == path }) { return open.text }
        guard let root, let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func location(_ uri: String, line: Int, column: Int, in text: String) -> JSON {
        location(line: line, column: column, in: TextDocument(uri: uri, path: "", version: 0, text: text))
    }

    /// A location in `document`; for many in one file, split its text once.
    func location(line: Int, column: Int, in document: TextDocument) -> JSON {
        let start = document.position(line: line, column: column, encoding: encoding)
        return ["uri": .string(document.uri), "range": TextRange(start, start).json]
    }
}
