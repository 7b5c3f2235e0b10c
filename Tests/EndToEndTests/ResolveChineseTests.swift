import Foundation
import Testing

/// `acctplan resolve` in a workspace whose acctplan.yml says `language: zh-CN`: why a plan was
/// merged line by line (no front matter, binary) is said in Chinese like the rest of its line
/// (a newcomer trial found it in English).
struct ResolveChineseTests {
    @Test func theReasonForALineMergeIsInTheWorkspaceLanguage() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        let config = try #require(GitFixture.read("acctplan.yml", in: ws))
        try GitFixture.write(config + "language: zh-CN\n", to: "acctplan.yml", in: ws)
        try sandbox.gitOK(["commit", "-qam", "Chinese"], in: ws)
        let power = "accounts/huaxia-power.md", wind = "accounts/northwest-wind.md"
        let powerText = try #require(GitFixture.read(power, in: ws)), windText = try #require(GitFixture.read(wind, in: ws))
        try sandbox.gitOK(["checkout", "-q", "-b", "theirs"], in: ws)
        try GitFixture.write(powerText.replacingOccurrences(of: "name: ", with: "name: Theirs "), to: power, in: ws)
        try GitFixture.write(windText.replacingOccurrences(of: "name: ", with: "name: Theirs "), to: wind, in: ws)
        try sandbox.gitOK(["commit", "-qam", "Theirs"], in: ws)
        try sandbox.gitOK(["checkout", "-q", "main"], in: ws)
        // Ours: one plan without its front matter, the other binary.
        let body = powerText.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        try GitFixture.write("# Huaxia\n" + body, to: power, in: ws)
        try Data([0x00, 0x01, 0x02, 0x0A]).write(to: ws.appendingPathComponent(wind))
        try sandbox.gitOK(["commit", "-qam", "Ours"], in: ws)
        let merge = try sandbox.git(["merge", "--no-edit", "theirs"], in: ws)
        #expect(merge.status != 0, "\(merge)")

        let chinese = try sandbox.acctplan(["resolve"], in: ws)
        #expect(chinese.status == 1, "\(chinese)")
        let lines = chinese.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("冲突        \(power)：剩余 ") && $0.contains("处冲突（没有前置元数据（front matter）；已逐行合并）") },
                "\(chinese)")
        #expect(lines.contains { $0.hasPrefix("冲突        \(wind)：剩余 ") && $0.contains("处冲突（ours 是二进制内容（含 NUL 字节）；已逐行合并）") },
                "\(chinese)")
        #expect(!chinese.stdout.contains("no front matter") && !chinese.stdout.contains("binary"), "\(chinese)")
        // English as before with --lang en.
        let english = try sandbox.acctplan(["resolve", "--lang", "en"], in: ws)
        #expect(english.stdout.contains("(no front matter; merged line by line)") && english.stdout.contains("(ours is binary (NUL bytes); merged line by line)"),
                "\(english)")
    }
}
