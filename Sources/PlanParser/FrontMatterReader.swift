import Foundation
import PlanModel
import Yams

/// Turns the YAML between the `---` lines into ordered ``FrontMatterEntry`` values with file
/// positions, or one finding that says why it cannot.
enum FrontMatterReader {
    /// The largest front matter read; anything larger is refused unread.
    static let maxBytes = 1 << 20

    struct Failure: Error {
        var message: String
        var hint: String?
        var location: SourceLocation
    }

    /// - Parameters:
    ///   - yaml: the front-matter lines, without the `---` fences.
    ///   - firstLine: the file line on which `yaml` starts.
    static func read(_ yaml: Substring.UTF8View, firstLine: Int) -> Result<[FrontMatterEntry], Failure> {
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(line: max(1, line) + firstLine - 1, column: max(1, column))
        }
        if yaml.count > maxBytes {
            return .failure(Failure(message: "front matter is larger than 1 MiB (\(yaml.count) bytes)",
                                    hint: "move long text into the Markdown body", location: at(1, 1)))
        }
        let text = String(Substring(yaml))
        var copy = text
        let refusal = copy.withUTF8 { YAMLSafetyGate.check($0) }
        if let refusal {
            return .failure(Failure(message: refusal.message, hint: refusal.hint, location: at(refusal.line, refusal.column)))
        }
        let root: Node?
        do {
            root = try Parser(yaml: text).singleRoot()
        } catch let error as YamlError {
            return .failure(failure(from: error, at: at))
        } catch {
            return .failure(Failure(message: "front matter is not valid YAML: \(error)", location: at(1, 1)))
        }
        guard let root else { return .success([]) }
        guard case .mapping(let mapping) = root else {
            return .failure(Failure(message: "front matter must be a YAML mapping of `key: value` lines",
                                    hint: "write one `key: value` per line, e.g. `name: Shanghai Tobacco`",
                                    location: location(of: root, at)))
        }
        return .success(entries(of: mapping, at))
    }

    private static func entries(of mapping: Node.Mapping, _ at: (Int, Int) -> SourceLocation) -> [FrontMatterEntry] {
        mapping.map { key, value in
            var items: [SourceLocation] = []
            if case .sequence(let sequence) = value { items = sequence.map { location(of: $0, at) } }
            return FrontMatterEntry(key: key.string ?? "\(key)", value: convert(value, at),
                                    keyLocation: location(of: key, at), valueLocation: location(of: value, at),
                                    itemLocations: items)
        }
    }

    private static func convert(_ node: Node, _ at: (Int, Int) -> SourceLocation) -> FrontMatterValue {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null }
            return .scalar(scalar.string, quoted: scalar.style != .plain)
        case .sequence(let sequence):
            return .list(sequence.map { convert($0, at) })
        case .mapping(let mapping):
            return .mapping(entries(of: mapping, at))
        case .alias:
            return .null // refused by the safety gate before composing; kept total for the compiler
        }
    }

    static func location(of node: Node, _ at: (Int, Int) -> SourceLocation) -> SourceLocation {
        guard let mark = node.mark else { return at(1, 1) }
        return at(mark.line, mark.column)
    }

    private static func failure(from error: YamlError, at: (Int, Int) -> SourceLocation) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return Failure(message: "YAML syntax error: \(detail)",
                           hint: "check indentation and quote values that contain ': ' or start with a special character",
                           location: at(mark.line, mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Failure(message: "duplicate key \(keys) in front matter",
                           hint: "each key may appear once; remove or merge the repeated one",
                           location: at(context.mark.line, context.mark.column))
        case .reader(let problem, _, _, _):
            return Failure(message: "front matter cannot be read: \(problem)", location: at(1, 1))
        default:
            return Failure(message: "front matter is not valid YAML: \(error)", location: at(1, 1))
        }
    }
}
