import Foundation
import PlanEngine
import PlanFormat
import PlanModel
import PlanWorkspace

/// `new`: a new plan written from the skeleton, in canonical form.
public enum NewPlanService {
    public struct Request {
        public var kind: PlanKind
        public var id: String
        /// Display name (default: the id in title case).
        public var name: String?
        /// Accounts: the industry id, the lifecycle stage (default: the first), the account manager.
        public var industry: String?
        public var stage: String?
        public var manager: String?
        /// Industries and segments: the owner (default: `manager`).
        public var owner: String?
        /// A sub-folder of the kind's folder.
        public var folder: String?
        /// `--workspace` (nil: search upwards from the current directory).
        public var workspace: String?
        /// The plan's `reviewed:` date.
        public var today: CalendarDate

        public init(kind: PlanKind, id: String, today: CalendarDate) {
            (self.kind, self.id, self.today) = (kind, id, today)
        }
    }

    /// Writes the plan (never over a file) and returns its workspace-relative path. Refuses an
    /// invalid id, an id a plan of that kind already uses (in any sub-folder), a missing required
    /// option, an unknown stage, and any path outside the workspace.
    /// `warn` hears what the plan names that the workspace does not have (an industry or segment
    /// without a plan, a person not in `people:`): the plan is written, and `lint` will say so
    /// too, but the author hears it at once, with the nearest id.
    public static func create(_ request: Request, warn: (String) -> Void = { _ in }) throws -> String {
        let (kind, id) = (request.kind, request.id)
        guard ValueSyntax.isValidID(id) else {
            throw ToolFailure("'\(id)' is not a valid plan id: use lowercase letters, digits and '-' (e.g. 'xinan-tobacco')")
        }
        // A line break in the name ended the front matter's `name:` line: the plan written did not
        // parse (a newcomer trial). Names are one line of text.
        if let name = request.name, name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control
                                                                              || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            throw ToolFailure("--name must be one line of text: it holds a line break or another control character")
        }
        if let name = request.name, name.allSatisfy(\.isWhitespace) {
            throw ToolFailure("--name is empty: give the plan's name, or leave --name out to take the id in title case")
        }
        let root = try WorkspaceLocation.root(request.workspace)
        // With the plans outside a sparse checkout: an id they use is taken (a newcomer trial's `new`
        // wrote a template where such a plan was, and `commit -a` committed it over the plan).
        let workspace = try OpenedWorkspace.readingWorkingTree(root).load()
        if let existing = workspace.plans.first(where: { $0.kind == kind && $0.id == id }) {
            throw ToolFailure(kind == .segment ? "a \(kind.rawValue) plan '\(id)' already exists at \(existing.path)"
                : "an \(kind.rawValue) plan '\(id)' already exists at \(existing.path)")
        }
        var fields = PlanSkeleton.Fields(name: request.name ?? titleCase(id), reviewed: request.today)
        switch kind {
        case .account:
            guard let industry = request.industry else { throw ToolFailure("an account needs --industry ID") }
            guard let manager = request.manager else { throw ToolFailure("an account needs --manager PERSON (the account manager)") }
            try checkID(industry, "--industry")
            try checkID(manager, "--manager")
            let stages = workspace.config.lifecycle.map(\.id)
            let chosen = request.stage ?? stages.first ?? "departmental"
            guard stages.contains(chosen) else {
                let suggestion = ValueSyntax.closest(to: chosen, in: stages)
                throw ToolFailure("unknown lifecycle stage '\(chosen)'" + ValueSyntax.didYouMean(suggestion)
                    + "; stages are: " + stages.joined(separator: ", "))
            }
            (fields.industry, fields.manager, fields.stage) = (industry, manager, chosen)
        case .industry, .segment:
            guard let owner = request.owner ?? request.manager else {
                throw ToolFailure(kind == .industry ? "an industry plan needs --owner PERSON" : "a segment plan needs --owner PERSON")
            }
            try checkID(owner, "--owner")
            fields.manager = owner
        }
        var relative = kind.folder
        if let folder = request.folder, !folder.isEmpty {
            // `.` parts name the folder they are in (`--folder .` is the kind's folder itself).
            let parts = folder.split(separator: "/").filter { $0 != "." }
            if parts.contains("..") {
                throw ToolFailure("--folder '\(folder)' leaves \(kind.folder)/: a plan's folder is a sub-folder of it, such as --folder east")
            }
            if let hidden = parts.first(where: { $0.hasPrefix(".") }) {
                throw ToolFailure("--folder '\(folder)': a folder whose name starts with '.' ('\(hidden)') is hidden, and acctplan reads no plan in it; name it without the dot")
            }
            if !parts.isEmpty { relative += "/" + parts.joined(separator: "/") }
        }
        relative += "/\(id).md"
        let text = canonical(PlanSkeleton.text(kind: kind, fields: fields), path: relative, id: id, kind: kind,
                             config: workspace.config)
        try WorkspaceWriter.create(relative, in: root, text: text)
        for warning in unknownReferences(request, in: workspace) { warn(warning) }
        return relative
    }

    /// The industry, segment or people a new plan names that the workspace lacks.
    static func unknownReferences(_ request: Request, in workspace: Workspace) -> [String] {
        var warnings: [String] = []
        if request.kind == .account, let industry = request.industry {
            let industries = workspace.plans.filter { $0.kind == .industry }.map(\.id)
            if !industries.contains(industry) {
                warnings.append("industry '\(industry)' has no plan in industries/" + ValueSyntax.didYouMean(ValueSyntax.closest(to: industry, in: industries))
                    + "; 'acctplan lint' will warn until it has one")
            }
        }
        let people = workspace.config.people.keys.sorted()
        let person = request.kind == .account ? request.manager : request.owner ?? request.manager
        if !people.isEmpty, let person, !people.contains(person) {
            warnings.append("'\(person)' is not in people: of acctplan.yml" + ValueSyntax.didYouMean(ValueSyntax.closest(to: person, in: people))
                + "; 'acctplan lint' will warn until it is")
        }
        return warnings
    }

    /// The skeleton in canonical form, so that `fmt --check` (which the template's CI runs)
    /// accepts a new plan. The skeleton is written canonical already; this keeps it so whatever
    /// the name or the workspace's configuration. A skeleton the formatter will not rewrite
    /// (it would have to refuse it) is written as it is, for lint to explain.
    static func canonical(_ text: String, path: String, id: String, kind: PlanKind, config: WorkspaceConfig) -> String {
        switch PlanFormatter(config: config).format(Data(text.utf8), path: path, kind: kind, id: id) {
        case .formatted(let data): return String(decoding: data, as: UTF8.self)
        case .unchanged, .refused, .conflicted, .unsafe: return text
        }
    }

    static func checkID(_ value: String, _ option: String) throws {
        guard ValueSyntax.isValidID(value) else {
            throw ToolFailure("\(option) '\(value)' is not a valid id: use lowercase letters, digits and '-'")
        }
    }

    static func titleCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
