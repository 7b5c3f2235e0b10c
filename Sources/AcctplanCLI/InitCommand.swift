import ArgumentParser
import PlanServices

/// `acctplan init [DIR]`: a new workspace from the template bundled in the binary.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace from the bundled template and make its first commit.",
        discussion: """
            Writes acctplan.yml, example plans in accounts/, industries/ and segments/ (in canonical form), .gitattributes, a .gitignore for the report/ folder of 'acctplan report --output report', a CI workflow and a README for plan authors into DIR (default: the current directory), runs 'git init' there when it is not inside a repository, and commits the new files. Refuses a folder that already holds acctplan.yml, or any file the template would write, without touching anything. The template is compiled into acctplan, so this works from an installed binary anywhere.

            Examples:
              acctplan init key-accounts
              cd existing-repo && acctplan init plans     # a workspace in a sub-folder of a repository
              acctplan init --lang zh-CN key-accounts     # plans, README and comments in Chinese
            """)

    @Argument(help: ArgumentHelp("The folder to create the workspace in (created if missing).", valueName: "dir"))
    var directory: String = "."

    @Option(help: ArgumentHelp("The language of the template's plans, README and comments: en or zh-CN (sets language: in acctplan.yml).",
                               valueName: "language"),
            completion: .list(BundledTemplate.languages.map(\.code)))
    var lang: String = "en"

    func validate() throws {
        guard BundledTemplate.template(for: lang) != nil else {
            throw ValidationError("unknown template language '\(lang)'; choose one of: "
                + BundledTemplate.languages.map(\.code).joined(separator: ", "))
        }
    }

    func run() throws {
        let files = BundledTemplate.template(for: lang) ?? BundledTemplate.files
        let created = try InitService.create(in: directory, files: files) { note in
            Terminal.standardError("acctplan: note: \(note)\n")
        }
        Terminal.standardOutput("created workspace in \(directory == "." ? "the current folder" : directory) "
            + "(\(files.count) files, commit \(created.commit.short))\n")
        Terminal.standardOutput("next: cd \(directory) && acctplan lint\n")
    }
}

extension BundledTemplate {
    /// The template languages of `init --lang`: the code and its files.
    static let languages: [(code: String, files: [(path: String, content: String)])] = [("en", files), ("zh-CN", chineseFiles)]

    /// The template in `language` (its code, any case: `zh-cn` is `zh-CN`); nil for no such language.
    static func template(for language: String) -> [(path: String, content: String)]? {
        languages.first { $0.code.lowercased() == language.lowercased() }?.files
    }
}
