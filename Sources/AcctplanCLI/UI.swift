import Foundation
import PlanLocalization
import PlanModel
import PlanServices

/// The language acctplan speaks to people in (docs/language.md): `--lang` on the command line,
/// then the workspace's `language:` in acctplan.yml, then the locale (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`), then English. Machine outputs (JSON, SARIF, CSV) are the same in every language.
enum UI {
    /// `--lang`, taken out of the arguments before they are parsed (``takeLanguageOption(_:)``).
    /// Set once, before any command runs.
    nonisolated(unsafe) static var requested: UILanguage?

    /// The language of `--help` and of the usage lines (``help(_:_:)``), chosen in
    /// ``chooseHelpLanguage(_:)`` before the arguments are parsed.
    nonisolated(unsafe) static var helpLanguage: UILanguage = .en

    /// `--lang`, then the workspace's `language:` line, then the locale. The generated manual and
    /// completion scripts (`--experimental-dump-help`, `--generate-completion-script`) are English
    /// unless `--lang` says otherwise: they are files of the project, not output for one person.
    static func chooseHelpLanguage(_ arguments: [String]) {
        if let requested {
            helpLanguage = requested
        } else if arguments.contains(where: { $0 == "--experimental-dump-help" || $0.hasPrefix("--generate-completion-script") }) {
            helpLanguage = .en
        } else {
            // Help, and the option texts a usage error quotes ("Help:  <entity>  …"), in the
            // language an error line would use.
            helpLanguage = workspaceSetting(arguments) ?? locale
        }
    }

    /// A help text in the help language: both languages are written side by side at each
    /// option and command, so neither can be missing.
    static func help(_ english: String, _ chinese: String) -> String {
        helpLanguage == .en ? english : chinese
    }

    /// A command's description (`discussion:`) in the help language; the Chinese broken into
    /// lines for the terminal (``HelpWrap``), which ArgumentParser cannot do for Chinese.
    static func discussion(_ english: String, _ chinese: String) -> String {
        helpLanguage == .en ? english : HelpWrap.chinese(chinese)
    }

    /// The language of a command's output once it has read a workspace whose acctplan.yml says
    /// `workspace` (nil when it sets nothing).
    static func language(workspace: UILanguage?) -> UILanguage {
        requested ?? workspace ?? locale
    }

    /// `--lang`, then the locale: for the language server, which reads its workspace's
    /// `language:` itself once it knows which workspace it serves.
    static var withoutWorkspace: UILanguage { requested ?? locale }

    /// The locale's language: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set.
    static var locale: UILanguage {
        func variable(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
        return UILanguage.ofEnvironment(lcAll: variable("LC_ALL"), lcMessages: variable("LC_MESSAGES"),
                                        lang: variable("LANG"))
    }

    /// `arguments` without `--lang X` / `--lang=X` (anywhere before a `--`), whose value becomes
    /// ``requested``; every command takes it this way. An unknown value is a usage error.
    static func takeLanguageOption(_ arguments: [String]) throws -> [String] {
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            var value: String?
            if argument == "--lang" {
                guard index + 1 < arguments.count else {
                    throw ToolFailure("--lang needs a value", hint: "use one of: " + UILanguage.choices.joined(separator: ", "))
                }
                value = arguments[index + 1]
                index += 2
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
                index += 1
            } else {
                rest.append(argument)
                index += 1
                continue
            }
            guard let value, let language = UILanguage(setting: value) else {
                throw ToolFailure("--lang '\(value ?? "")' is not a language",
                                  hint: "use one of: " + UILanguage.choices.joined(separator: ", "))
            }
            requested = language
        }
        return rest
    }

    /// The language of an error line: `--lang`, then the `language:` of the workspace the
    /// command would have used (read here, on the error path only, from the first line of
    /// acctplan.yml that sets it), then the locale.
    static func languageForError(_ arguments: [String]) -> UILanguage {
        if let requested { return requested }
        return workspaceSetting(arguments) ?? locale
    }

    /// For a command that reads no workspace configuration of its own (`rules`, `diff`): the same
    /// choice as an error line's.
    static func languageOutsideWorkspace() -> UILanguage {
        languageForError(CommandLine.arguments)
    }

    private static func workspaceSetting(_ arguments: [String]) -> UILanguage? {
        let folder: URL
        if let index = arguments.firstIndex(of: "--workspace"), index + 1 < arguments.count {
            folder = URL(fileURLWithPath: arguments[index + 1])
        } else if let flag = arguments.first(where: { $0.hasPrefix("--workspace=") }) {
            folder = URL(fileURLWithPath: String(flag.dropFirst("--workspace=".count)))
        } else {
            folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        }
        // Walked up as a path string: URL's path arithmetic was a tenth of what `diff` does after
        // comparing (this runs for every diff and textconv).
        var path = folder.standardizedFileURL.path
        for _ in 0..<64 {
            if let data = FileManager.default.contents(atPath: path == "/" ? "/acctplan.yml" : path + "/acctplan.yml"),
               let text = String(validating: data, as: UTF8.self) {
                for line in text.splitLines() where line.hasPrefix("language:") {
                    let value = line.dropFirst("language:".count).split(separator: "#").first ?? ""
                    return UILanguage(setting: value.trimmingSpaces().trimmingCharacters(in: CharacterSet(charactersIn: "\"'")))
                }
                return nil
            }
            guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
            path = slash == path.startIndex ? "/" : String(path[..<slash])
        }
        return nil
    }
}
