import PlanModel

/// Translates what acctplan says to people — a finding's message and hint, an error line — at
/// the edge, where it is printed. Messages are made in English everywhere (rules, the parser,
/// services: one string each, which JSON and SARIF carry unchanged); a front end that prints for
/// people in another language passes each one through here.
///
/// English costs nothing: `translate(_:to: .en)` returns its argument, and the catalogue (a
/// static table) is compiled the first time a Chinese message is asked for.
public enum Localizer {
    /// `text` in `language`: the catalogue entry whose English template reads `text`, filled with
    /// its values; a trailing "(did you mean 'x'?)" is translated on its own. Text no entry reads
    /// stays English (`isTranslated` tells; a test holds every message acctplan makes to it).
    public static func translate(_ text: String, to language: UILanguage) -> String {
        guard language == .zhCN else { return text }
        return translateToChinese(text) ?? text
    }

    /// Whether the catalogue has `text` in Chinese (for tests: a message that falls back to
    /// English is a gap in the catalogue).
    public static func isTranslated(_ text: String) -> Bool { translateToChinese(text) != nil }

    private static func translateToChinese(_ text: String) -> String? {
        if let (head, suggestion) = splitDidYouMean(text) {
            guard let translated = translateToChinese(head) else { return nil }
            return translated + "（是否应为“\(suggestion)”？）"
        }
        for entry in compiled {
            if let values = entry.english.match(text) {
                return entry.chinese.fill(values, translate: phrase)
            }
        }
        return nil
    }

    /// A value that is a phrase of the catalogue ("team member", "is negative"), or a list of
    /// them ("Name, Title (optional)": each item on its own, joined with the Chinese "、").
    private static func phrase(_ value: String) -> String {
        if let whole = translateToChinese(value) { return whole }
        let items = value.split(separator: ", ", omittingEmptySubsequences: false).map(String.init)
        guard items.count > 1 else { return value }
        return items.map { translateToChinese($0) ?? $0 }.joined(separator: "、")
    }

    /// " (did you mean 'x'?)" at the end of `text` (`ValueSyntax.didYouMean`): the text before it
    /// and the suggestion.
    static func splitDidYouMean(_ text: String) -> (String, String)? {
        let opening = " (did you mean '", closing = "'?)"
        guard text.hasSuffix(closing), let start = Substring(text).firstRange(of: opening) else { return nil }
        var last = start
        while let next = text[last.upperBound...].firstRange(of: opening) { last = next }
        let suggestion = text[last.upperBound..<text.index(text.endIndex, offsetBy: -closing.count)]
        return (String(text[..<last.lowerBound]), String(suggestion))
    }

    struct Entry: Sendable {
        let english: MessageTemplate
        let chinese: MessageTemplate
    }

    /// The catalogue, most specific template first (more fixed text), then in catalogue order.
    static let compiled: [Entry] = {
        let entries = MessageCatalogue.all.map { Entry(english: MessageTemplate($0.0), chinese: MessageTemplate($0.1)) }
        return entries.enumerated().sorted {
            ($0.element.english.literalLength, -$0.offset) > ($1.element.english.literalLength, -$1.offset)
        }.map(\.element)
    }()
}

/// The message catalogue: pairs of (English template, Chinese template), in files by where the
/// messages are made (`MessageCatalogue+Rules`, `+Parser`, `+Config`, `+Errors`, `+Score`).
public enum MessageCatalogue {
    public static var all: [(String, String)] { rules + parser + config + errors + score }
}
