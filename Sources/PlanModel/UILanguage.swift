/// The language of acctplan's messages, labels and help (issue 18; docs/language.md). Machine
/// outputs (JSON, SARIF, CSV, `--format json` of every command) are the same in every language.
///
/// Chosen by `--lang`, then `language:` in acctplan.yml, then the locale (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`); English when nothing says otherwise. The front end reads the
/// environment and passes its values here: this type does no I/O.
public enum UILanguage: String, Sendable, Hashable, CaseIterable {
    case en = "en"
    case zhCN = "zh-CN"

    /// The values `language:` and `--lang` accept, for hints.
    public static let choices = allCases.map(\.rawValue)

    /// `en` or `zh-CN` as written in acctplan.yml or after `--lang`; case and `_`/`-` do not
    /// matter (`zh_CN`, `zh-cn`), and `zh` alone is Simplified Chinese.
    public init?(setting: String) {
        switch Self.normalized(setting) {
        case "en": self = .en
        case "zh-cn", "zh", "zh-hans", "zh-hans-cn": self = .zhCN
        default: return nil
        }
    }

    /// The language a POSIX locale value asks for: `zh_CN.UTF-8`, `zh_CN`, `zh-CN` and `zh`
    /// (with any encoding or modifier) are Chinese; any other set value is English; nil when the
    /// value is unset or empty, so that the next variable is asked.
    public static func ofLocale(_ value: String?) -> UILanguage? {
        guard let value, !value.isEmpty else { return nil }
        var name = Substring(value)
        if let end = name.firstIndex(where: { $0 == "." || $0 == "@" }) { name = name[..<end] }
        switch normalized(name) {
        case "zh", "zh-cn": return .zhCN
        default: return .en
        }
    }

    private static func normalized(_ text: some StringProtocol) -> String {
        String(text.lowercased().map { $0 == "_" ? "-" : $0 })
    }

    /// POSIX precedence: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set decides.
    public static func ofEnvironment(lcAll: String?, lcMessages: String?, lang: String?) -> UILanguage {
        ofLocale(lcAll) ?? ofLocale(lcMessages) ?? ofLocale(lang) ?? .en
    }
}
