import PlanModel

/// The words around a lint report's messages: severities, "hint", the summary line with its
/// plural forms (English "1 error", "2 errors"; Chinese needs none: "1 个错误").
public enum LintWords {
    public static func severity(_ severity: Severity, in language: UILanguage) -> String {
        switch (severity, language) {
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.error, .zhCN): "错误"
        case (.warning, .zhCN): "警告"
        }
    }

    public static func hint(in language: UILanguage) -> String {
        switch language {
        case .en: "hint"
        case .zhCN: "提示"
        }
    }

    /// "2 errors, 1 warning in 12 files" or "12 files checked, no problems".
    public static func summary(errors: Int, warnings: Int, files: Int, in language: UILanguage) -> String {
        switch language {
        case .en:
            func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            let filesText = count(files, "file")
            if errors == 0 && warnings == 0 { return "\(filesText) checked, no problems" }
            return "\(count(errors, "error")), \(count(warnings, "warning")) in \(filesText)"
        case .zhCN:
            if errors == 0 && warnings == 0 { return "已检查 \(files) 个文件，未发现问题" }
            return "\(files) 个文件中有 \(errors) 个错误、\(warnings) 个警告"
        }
    }

    /// The error line's words: `acctplan: error: MESSAGE` and `  hint: HINT`.
    public static func errorLine(_ message: String, hint: String?, in language: UILanguage) -> String {
        let message = Localizer.translate(message, to: language)
        let hint = hint.map { Localizer.translate($0, to: language) }
        return "acctplan: \(severity(.error, in: language)): \(message)\n"
            + (hint.map { "  \(Self.hint(in: language)): \($0)\n" } ?? "")
    }

    /// A note on standard error: `acctplan: note: MESSAGE` (`acctplan: 注意：` in Chinese).
    public static func noteLine(_ message: String, in language: UILanguage) -> String {
        language == .en ? "acctplan: note: \(message)\n" : "acctplan: 注意：\(Localizer.translate(message, to: language))\n"
    }

    /// A warning on standard error: `acctplan: warning: MESSAGE` and `  hint: HINT`.
    public static func warningLine(_ message: String, hint: String?, in language: UILanguage) -> String {
        let message = Localizer.translate(message, to: language)
        let hint = hint.map { Localizer.translate($0, to: language) }
        return "acctplan: \(severity(.warning, in: language)): \(message)\n"
            + (hint.map { "  \(Self.hint(in: language)): \($0)\n" } ?? "")
    }
}
