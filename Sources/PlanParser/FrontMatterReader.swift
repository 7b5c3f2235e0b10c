import Foundation
import PlanModel

/// Turns YAML (a plan's front matter, or acctplan.yml) into ordered ``FrontMatterEntry`` values
/// with file positions, or one failure that says why it cannot.
enum FrontMatterReader {
    /// The largest front matter read; anything larger is refused unread.
    static let maxBytes = 1 << 20

    struct Failure: Error {
        var message: String
        var hint: String?
        var location: SourceLocation
    }

    /// - Parameters:
    ///   - yaml: the YAML bytes (for a plan: the lines between the `---` fences).
    ///   - firstLine: the file line on which `yaml` starts.
    ///   - what: how to name the document in messages.
    static func read(_ yaml: ArraySlice<UInt8>, firstLine: Int, what: String = "front matter")
        -> Result<[FrontMatterEntry], Failure>
    {
        let shift = shifter(firstLine)
        if yaml.count > maxBytes {
            return .failure(Failure(message: "\(what) is larger than 1 MiB (\(yaml.count) bytes)",
                                    hint: "move long text into the Markdown body", location: shift(.fileStart)))
        }
        if let entries = plain(yaml) {
            return .success(entries.map { entry in
                var entry = entry
                (entry.keyLocation, entry.valueLocation) = (shift(entry.keyLocation), shift(entry.valueLocation))
                entry.itemLocations = entry.itemLocations.map(shift)
                return entry
            })
        }
        return withLibyaml(yaml, firstLine: firstLine, what: what)
    }

    /// What ``read(_:firstLine:what:)`` gives, always through libyaml (any YAML; ``plain(_:)``
    /// reads most front matter alike, faster).
    static func withLibyaml(_ yaml: ArraySlice<UInt8>, firstLine: Int, what: String = "front matter")
        -> Result<[FrontMatterEntry], Failure>
    {
        let shift = shifter(firstLine)
        let composed = yaml.withUnsafeBufferPointer { YAMLComposer.compose($0) }
        switch composed {
        case .failure(let refusal):
            return .failure(Failure(message: "\(what): \(refusal.message)", hint: refusal.hint,
                                    location: shift(refusal.location)))
        case .success(nil):
            return .success([])
        case .success(let root?):
            guard case .mapping(let pairs, _) = root else {
                if case .scalar(let text, true, _) = root, text.isEmpty { return .success([]) }
                return .failure(Failure(message: "\(what) must be a YAML mapping of `key: value` lines",
                                        hint: "write one `key: value` per line, e.g. `name: Shanghai Tobacco`",
                                        location: shift(root.location)))
            }
            return .success(entries(pairs, shift))
        }
    }

    /// Positions in the YAML (line 1 its first) as positions in the file.
    private static func shifter(_ firstLine: Int) -> (SourceLocation) -> SourceLocation {
        { location in SourceLocation(line: max(1, location.line) + firstLine - 1, column: max(1, location.column)) }
    }

    private static func entries(_ pairs: [(key: YAMLComposer.Node, value: YAMLComposer.Node)],
                                _ shift: (SourceLocation) -> SourceLocation) -> [FrontMatterEntry] {
        pairs.map { pair in
            var key = ""
            if case .scalar(let text, _, _) = pair.key { key = text }
            var items: [SourceLocation] = []
            if case .sequence(let elements, _) = pair.value { items = elements.map { shift($0.location) } }
            return FrontMatterEntry(key: key, value: convert(pair.value, shift), keyLocation: shift(pair.key.location),
                                    valueLocation: shift(pair.value.location), itemLocations: items)
        }
    }

    private static func convert(_ node: YAMLComposer.Node, _ shift: (SourceLocation) -> SourceLocation) -> FrontMatterValue {
        switch node {
        case .scalar(let text, let plain, _):
            if plain, text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL" { return .null }
            return .scalar(text, quoted: !plain)
        case .sequence(let items, _):
            return .list(items.map { convert($0, shift) })
        case .mapping(let pairs, _):
            return .mapping(entries(pairs, shift))
        }
    }
}
