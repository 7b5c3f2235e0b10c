/// An English sentence with holes, as a message catalogue writes it: `{1}` … `{9}` are values
/// the sentence carries (a name, a date, a path: kept as written); `{~1}` is a value that is
/// itself a phrase of the catalogue and is translated too (a role, a reason). Two holes never
/// touch: a literal separates them, which is what lets a written message be read back.
struct MessageTemplate: Sendable {
    enum Piece: Sendable, Equatable {
        case literal(String)
        case hole(Int, translated: Bool)
    }

    let pieces: [Piece]

    init(_ text: String) {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            let translated = after.first == "~"
            let digits = translated ? after.dropFirst() : after
            if let digit = digits.first, let number = digit.wholeNumberValue, number > 0,
               digits.dropFirst().first == "}" {
                literal += rest[..<open]
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.hole(number, translated: translated))
                rest = digits.dropFirst(2)
            } else {
                literal += rest[...open]
                rest = after
            }
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// The holes' numbers, in order of appearance.
    var holes: [Int] {
        pieces.compactMap { if case .hole(let number, _) = $0 { number } else { nil } }
    }

    /// How much fixed text the template has: of two templates that both read a message, the
    /// one with more fixed text is the more specific.
    var literalLength: Int {
        pieces.reduce(0) { if case .literal(let text) = $1 { $0 + text.count } else { $0 } }
    }

    /// Whether two holes touch (the catalogue's test forbids it: such a template is ambiguous).
    var hasAdjacentHoles: Bool {
        zip(pieces, pieces.dropFirst()).contains {
            if case .hole = $0.0, case .hole = $0.1 { true } else { false }
        }
    }

    /// The holes' values when `text` is this template filled in; nil when it is not. Holes are
    /// never empty; each literal is tried at every place it occurs.
    func match(_ text: String) -> [Int: String]? {
        var values: [Int: String] = [:]
        return match(pieces[...], Substring(text), &values) ? values : nil
    }

    private func match(_ pieces: ArraySlice<Piece>, _ text: Substring, _ values: inout [Int: String]) -> Bool {
        guard let first = pieces.first else { return text.isEmpty }
        switch first {
        case .literal(let literal):
            guard text.hasPrefix(literal) else { return false }
            return match(pieces.dropFirst(), text.dropFirst(literal.count), &values)
        case .hole(let number, _):
            let rest = pieces.dropFirst()
            guard case .literal(let next)? = rest.first else {
                // The last piece: the hole takes what is left.
                guard !text.isEmpty else { return false }
                return bind(number, text, &values)
            }
            guard !text.isEmpty else { return false }
            var start = text.index(after: text.startIndex)
            while start < text.endIndex, let found = text[start...].firstRange(of: next) {
                var attempt = values
                if bind(number, text[..<found.lowerBound], &attempt),
                   match(rest, text[found.lowerBound...], &attempt) {
                    values = attempt
                    return true
                }
                start = text.index(after: found.lowerBound)
            }
            return false
        }
    }

    /// A hole used twice must hold the same text both times.
    private func bind(_ number: Int, _ value: Substring, _ values: inout [Int: String]) -> Bool {
        if let bound = values[number] { return bound == value }
        values[number] = String(value)
        return true
    }

    /// This template with its holes filled; a translated hole's value goes through `translate`.
    func fill(_ values: [Int: String], translate: (String) -> String) -> String {
        pieces.reduce(into: "") { result, piece in
            switch piece {
            case .literal(let text): result += text
            case .hole(let number, let translated):
                let value = values[number] ?? ""
                result += translated ? translate(value) : value
            }
        }
    }
}
