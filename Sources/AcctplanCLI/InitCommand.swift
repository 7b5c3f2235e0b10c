import ArgumentParser
import PlanServices

/// `acctplan init [DIR]`: a new workspace from the template bundled in the binary.
struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "init",
        abstract: UI.help("Create a workspace from the bundled template and make its first commit.", "用内置模板创建工作区，并完成第一次提交。"),
        discussion: """
            Writes acctplan.yml, example plans in accounts/, industries/ and segments/ (in canonical form), .gitattributes, a .gitignore for the report/ folder of 'acctplan report --output report', a CI workflow and a README for plan authors into DIR (default: the current directory), runs 'git init' there when it is not inside a repository, and commits the new files. Refuses a folder that already holds acctplan.yml, or any file the template would write, without touching anything. The template is compiled into acctplan, so this works from an installed binary anywhere.

            Examples:
              acctplan init key-accounts
              cd existing-repo && acctplan init plans     # a workspace in a sub-folder of a repository
            """) }

    @Argument(help: ArgumentHelp(UI.help("The folder to create the workspace in (created if missing).", "创建工作区的文件夹（不存在时创建）。"), valueName: "dir"))
    var directory: String = "."

    func run() throws {
        let created = try InitService.create(in: directory, files: BundledTemplate.files) { note in
            Terminal.standardError("acctplan: note: \(note)\n")
        }
        Terminal.standardOutput("created workspace in \(directory == "." ? "the current folder" : directory) "
            + "(\(BundledTemplate.files.count) files, commit \(created.commit.short))\n")
        Terminal.standardOutput("next: cd \(directory) && acctplan lint\n")
    }
}
