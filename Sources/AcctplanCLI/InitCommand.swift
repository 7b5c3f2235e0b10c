import ArgumentParser
import PlanModel
import PlanServices

/// `acctplan init [DIR]`: a new workspace from the template bundled in the binary.
struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "init",
        abstract: UI.help("Create a workspace from the bundled template and make its first commit.", "用内置模板创建工作区，并完成第一次提交。"),
        discussion: UI.discussion("""
            Writes acctplan.yml, example plans in accounts/, industries/ and segments/ (in canonical form), .gitattributes, a .gitignore for the report/ folder of 'acctplan report --output report', a CI workflow and a README for plan authors into DIR (default: the current directory), runs 'git init' there when it is not inside a repository, and commits the new files. Refuses a folder that already holds acctplan.yml, or any file the template would write, without touching anything. The template is compiled into acctplan, so this works from an installed binary anywhere.

            Examples:
              acctplan init key-accounts
              # a workspace in a sub-folder of a repository:
              cd existing-repo && acctplan init plans
              # plans, README and comments in Chinese:
              acctplan init --lang zh-CN key-accounts

            The global --lang chooses the template's language too (en or zh-CN; the Chinese one sets language: zh-CN in acctplan.yml). Without --lang the template is English, whatever the locale: the template is the team's choice.

            The example plans are dated for the day you run init (or --as-of): every date in them moves by the days since the template was written (2026-12-01), so that 'acctplan lint' in the new workspace reports no overdue action or stale review (the English template shows one health-mismatch warning on purpose). --as-of takes a day from 1990-01-01 to 9000-12-31.
            """, """
            在 DIR（默认：当前文件夹）中写入 acctplan.yml、accounts/、industries/ 和 segments/ 中的示例计划（规范格式）、.gitattributes、为“acctplan report --output report”的 report/ 文件夹准备的 .gitignore、CI 工作流，以及给计划作者的 README；不在仓库中时在那里运行“git init”，并提交这些新文件。文件夹中已有 acctplan.yml 或模板要写入的任何文件时，拒绝执行且不改动任何内容。模板编译在 acctplan 中，因此已安装的程序在任何地方都能使用。

            示例：
              acctplan init key-accounts
              # 在仓库的子文件夹中建立工作区：
              cd existing-repo && acctplan init plans
              # 计划、README 和注释都用中文：
              acctplan init --lang zh-CN key-accounts

            全局选项 --lang 也决定模板的语言（en 或 zh-CN；中文模板在 acctplan.yml 中设置 language: zh-CN）。不加 --lang 时模板是英文的，与系统语言无关：模板由团队选择。

            示例计划按运行 init 的日期（或 --as-of）写出：其中每个日期都按模板编写（2026-12-01）以来的天数移动，因此在新工作区中运行“acctplan lint”不会报告逾期行动或过期评审（英文模板有意展示一条 health-mismatch 警告）。--as-of 可取 1990-01-01 到 9000-12-31 之间的日期。
            """)) }

    @Argument(help: ArgumentHelp(UI.help("The folder to create the workspace in (created if missing).", "创建工作区的文件夹（不存在时创建）。"), valueName: "dir"))
    var directory: String = "."

    /// Never set here: `--lang` is taken out of every command's arguments before they are parsed
    /// (`UI.takeLanguageOption`). Declared so that `init --help` shows it and the shell completes it.
    @Option(help: ArgumentHelp(UI.help("en or zh-CN: the language of the template's plans, README and comments, and of acctplan's messages.", "en 或 zh-CN：模板中计划、README 和注释的语言，以及 acctplan 消息的语言。"),
                               valueName: "language"),
            completion: .list(UILanguage.choices))
    var lang: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp(UI.help("The day the example plans are written for (default: today): their reviews, actions and close dates are moved to lie as far from it as they lie from the day the template was written.", "示例计划所对应的日期（默认：今天）：其中的评审、行动和结束日期都会移动，使它们与该日期的距离和模板编写时相同。"), valueName: "yyyy-mm-dd"))
    var asOf: String?

    func run() throws {
        // `--lang` is taken out of the arguments for every command (UI.takeLanguageOption); here it
        // also chooses the template.
        let written = BundledTemplate.template(for: (UI.requested ?? .en).rawValue) ?? BundledTemplate.files
        let day = try AsOfOption.date(asOf)
        // The template's dates (back to 2009) must stay four-digit years once moved.
        guard day >= CalendarDate(year: 1990, month: 1, day: 1)!, day <= CalendarDate(year: 9000, month: 12, day: 31)! else {
            throw ToolFailure("--as-of \(day) is outside 1990-01-01 … 9000-12-31: the example plans' dates would not be valid dates then")
        }
        let files = TemplateDates.files(written, asOf: day)
        let created = try InitService.create(in: directory, files: files) { note in Terminal.note(note) }
        Terminal.standardOutput(Terminal.say(
            "created workspace in \(directory == "." ? "the current folder" : directory) (\(files.count) files, commit \(created.commit.short))\n",
            "已在\(directory == "." ? "当前文件夹" : " \(directory) ")创建工作区（\(files.count) 个文件，提交 \(created.commit.short)）\n"))
        Terminal.standardOutput(Terminal.say("next: cd \(directory) && acctplan lint\n", "下一步：cd \(directory) && acctplan lint\n"))
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
