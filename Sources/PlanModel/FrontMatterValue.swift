/// A front-matter value as written, kept for `show` and for fields the tool does not interpret
/// (custom `fields:` keys). Scalars keep their source text.
public enum FrontMatterValue: Hashable, Sendable {
    case null
    case scalar(String, quoted: Bool)
    case list([FrontMatterValue])
    case mapping([FrontMatterEntry])

    /// The text of a scalar value, nil for lists, mappings and null.
    public var scalarText: String? {
        if case .scalar(let text, _) = self { return text }
        return nil
    }
}

/// One `key: value` of a front-matter mapping, in file order.
public struct FrontMatterEntry: Hashable, Sendable {
    public var key: String
    public var value: FrontMatterValue
    /// Where the key is written.
    public var keyLocation: SourceLocation
    /// Where the value starts.
    public var valueLocation: SourceLocation
    /// For a list value, where each element starts.
    public var itemLocations: [SourceLocation]

    public init(key: String, value: FrontMatterValue, keyLocation: SourceLocation, valueLocation: SourceLocation,
                itemLocations: [SourceLocation] = []) {
        self.key = key
        self.value = value
        self.keyLocation = keyLocation
        self.valueLocation = valueLocation
        self.itemLocations = itemLocations
    }
}
