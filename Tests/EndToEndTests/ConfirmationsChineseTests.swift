import Foundation
import Testing

/// The lines that confirm what a command did, and its notes on stderr, in Chinese with `--lang
/// zh-CN` (and unchanged in English): init, new, hooks install and uninstall, commit with nothing
/// staged, diff's note about an untracked plan, show's note about problems. Real binary.
struct ConfirmationsChineseTests {
    @Test func confirmationsAndNotesInChinese() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let zh = ["--lang", "zh-CN"]
        let created = try sandbox.acctplan(["init", "ws"] + zh, in: sandbox.temp.url)
        #expect(created.status == 0, "\(created)")
        #expect(created.stdout.hasPrefix("已在 ws 创建工作区（") && created.stdout.contains("个文件，提交 ")
                && created.stdout.hasSuffix("）\n下一步：cd ws && acctplan lint\n"), "\(created)")
        let ws = sandbox.temp.path("ws")

        let new = try sandbox.acctplan(["new", "account", "xinan-tobacco", "--industry", "tobacco", "--manager", "li-you"] + zh, in: ws)
        #expect(new.status == 0 && new.stdout == "已创建 accounts/xinan-tobacco.md\n", "\(new)")
        // The Chinese template says `language: zh-CN`: English needs --lang en.
        let newEnglish = try sandbox.acctplan(["new", "account", "xian-tobacco", "--industry", "tobacco", "--manager", "li-you", "--lang", "en"], in: ws)
        #expect(newEnglish.stdout == "created accounts/xian-tobacco.md\n", "\(newEnglish)")

        // Two new plans git does not track: diff says so on stderr.
        let diff = try sandbox.acctplan(["diff"] + zh, in: ws)
        #expect(diff.stderr == "acctplan: 注意：accounts/xian-tobacco.md, accounts/xinan-tobacco.md 是 git 尚未跟踪的新计划；"
                + "用“git add”添加后，“acctplan diff --staged”会显示\n", "\(diff)")

        // Two problems of reading (a date that is no date, an unknown field): show notes them.
        let plan = ws.appendingPathComponent("accounts/xinan-tobacco.md")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try #require(text.contains("\nreviewed: "))
        try Data(text.replacingOccurrences(of: "\nreviewed: ", with: "\nreviewed: 2026-99-99\nx-old-reviewed: ").utf8).write(to: plan)
        let show = try sandbox.acctplan(["show", "xinan-tobacco"] + zh, in: ws)
        #expect(show.stderr == "acctplan: 注意：accounts/xinan-tobacco.md 有 2 个问题；请运行“acctplan lint accounts/xinan-tobacco.md”\n", "\(show)")
        let showEnglish = try sandbox.acctplan(["show", "xinan-tobacco", "--lang", "en"], in: ws)
        #expect(showEnglish.stderr == "acctplan: note: accounts/xinan-tobacco.md has 2 problems; run 'acctplan lint accounts/xinan-tobacco.md'\n",
                "\(showEnglish)")

        let nothing = try sandbox.acctplan(["commit", "-m", "nothing"] + zh, in: ws)
        #expect(nothing.status != 0 && nothing.stderr.hasPrefix("acctplan: 没有可提交的内容："), "\(nothing)")

        let install = try sandbox.acctplan(["hooks", "install", "--acctplan", try CLI.binary.get().path] + zh, in: ws)
        #expect(install.status == 0, "\(install)")
        #expect(install.stdout.contains("：“git commit”现在会运行“acctplan lint --staged”\n")
                && install.stdout.contains("已配置“acctplan”差异驱动：") && install.stdout.contains("已配置“acctplan”合并驱动：git 会按表格行和条目逐条合并计划"), "\(install)")
        let uninstall = try sandbox.acctplan(["hooks", "uninstall"] + zh, in: ws)
        #expect(uninstall.status == 0 && uninstall.stdout.hasPrefix("已移除 "), "\(uninstall)")
        let again = try sandbox.acctplan(["hooks", "uninstall", "--lang", "en"], in: ws)
        #expect(again.stdout == "nothing to remove: acctplan's hook and diff driver are not installed\n", "\(again)")
    }
}
