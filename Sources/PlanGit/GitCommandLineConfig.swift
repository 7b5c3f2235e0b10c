import Foundation
import PlanSupport

/// The configuration git gives the programs it starts (hooks, diff and merge drivers) on top of
/// its files: `git -c key=value` and `git --config-env` reach them as `GIT_CONFIG_PARAMETERS`,
/// and a user's `GIT_CONFIG_COUNT`, `GIT_CONFIG_KEY_<n>`, `GIT_CONFIG_VALUE_<n>` are passed
/// through. libgit2 reads neither, so `git -c merge.conflictStyle=diff3 merge` went unseen by the
/// merge driver. As in git, these win over every file, and the last value of a key wins.
public enum GitCommandLineConfig {
    /// The value of `name` (`section.key` or `section.subsection.key`; section and key match
    /// without regard to case, the subsection exactly, as in git) given on git's command line or
    /// through the environment; nil when neither sets it. A key given without a value (`git -c
    /// merge.renames`) is "true".
    public static func value(of name: String, in environment: (String) -> String? = Environment.value) -> String? {
        guard environment("GIT_CONFIG_PARAMETERS") != nil || environment("GIT_CONFIG_COUNT") != nil else { return nil }
        let wanted = canonical(name)
        var found: String?
        for (key, value) in entries(environment) where canonical(key) == wanted { found = value }
        return found
    }

    /// ``value(of:in:)`` in the given variables instead of the process's.
    public static func value(of name: String, in environment: [String: String]) -> String? {
        value(of: name, in: { environment[$0] })
    }

    /// Section and key in lower case, the subsection between them as written.
    static func canonical(_ name: String) -> String {
        guard let first = name.firstIndex(of: "."), let last = name.lastIndex(of: "."), first != last else { return name.lowercased() }
        return name[..<first].lowercased() + name[first..<last] + name[last...].lowercased()
    }

    /// Every entry, in the order git applies them: `GIT_CONFIG_COUNT`'s, then the command line's.
    static func entries(_ environment: (String) -> String?) -> [(key: String, value: String)] {
        var entries: [(key: String, value: String)] = []
        if let count = environment("GIT_CONFIG_COUNT").flatMap({ Int($0) }), count > 0 {
            for index in 0..<min(count, 10_000) {
                guard let key = environment("GIT_CONFIG_KEY_\(index)"), !key.isEmpty else { break }
                entries.append((key, environment("GIT_CONFIG_VALUE_\(index)") ?? ""))
            }
        }
        if let parameters = environment("GIT_CONFIG_PARAMETERS") { entries += parse(parameters) }
        return entries
    }

    /// `GIT_CONFIG_PARAMETERS`: shell-quoted entries separated by spaces, each `'key'='value'`
    /// (git 2.31 and later; `'key'=` for a key given without a value, which is true) or
    /// `'key=value'` and `'key'` (earlier versions). A quote inside is written `'\''`, a `!`
    /// `'\!'`. Parsing stops at the first malformed entry.
    static func parse(_ text: String) -> [(key: String, value: String)] {
        var scanner = Quoted(Array(text.utf8))
        var entries: [(key: String, value: String)] = []
        while true {
            scanner.skipSpaces()
            if scanner.atEnd { break }
            guard let first = scanner.quoted() else { break }
            if scanner.peek == UInt8(ascii: "=") {
                scanner.advance()
                // `'core.bare'=` with nothing after it: given without a value (true).
                if scanner.atEnd || scanner.peek != UInt8(ascii: "'") {
                    entries.append((first, "true"))
                    continue
                }
                guard let value = scanner.quoted() else { break }
                entries.append((first, value))
            } else if let equals = first.firstIndex(of: "=") {
                entries.append((String(first[..<equals]), String(first[first.index(after: equals)...])))
            } else {
                entries.append((first, "true"))
            }
        }
        return entries
    }

    /// A reader of git's single-quoted words (`sq_quote` in git): `'...'`, with `\'` and `\!`
    /// between two quoted parts standing for the character itself.
    private struct Quoted {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[index] }
        mutating func advance() { index += 1 }
        mutating func skipSpaces() { while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A { advance() } }

        /// One quoted word, or nil when none starts here or it never ends.
        mutating func quoted() -> String? {
            guard peek == UInt8(ascii: "'") else { return nil }
            advance()
            var word: [UInt8] = []
            while true {
                guard let byte = peek else { return nil }
                advance()
                if byte != UInt8(ascii: "'") {
                    word.append(byte)
                    continue
                }
                // The word goes on after an escaped character and another quote: '\''
                if peek == UInt8(ascii: "\\"), index + 2 < bytes.count,
                   bytes[index + 1] == UInt8(ascii: "'") || bytes[index + 1] == UInt8(ascii: "!"),
                   bytes[index + 2] == UInt8(ascii: "'") {
                    word.append(bytes[index + 1])
                    index += 3
                    continue
                }
                return String(decoding: word, as: UTF8.self)
            }
        }
    }
}
