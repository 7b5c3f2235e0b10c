import Foundation
import Testing

/// `acctplan resolve` with nothing in conflict printed nothing, which read as a failure or as a
/// silent change (a newcomer trial): it says there is nothing to resolve, and exits 0.
struct ResolveNothingTests {
    @Test func nothingInConflictIsSaid() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        let english = try sandbox.acctplan(["resolve", "--lang", "en"], in: ws)
        #expect(english.status == 0 && english.stdout == "nothing to resolve: no file is in conflict\n" && english.stderr.isEmpty,
                "\(english)")
        let chinese = try sandbox.acctplan(["resolve", "--lang", "zh-CN"], in: ws)
        #expect(chinese.status == 0 && chinese.stdout == "无需解决：没有处于冲突状态的文件\n", "\(chinese)")
        // A plan named that is not in conflict is said as before.
        let named = try sandbox.acctplan(["resolve", "accounts/huaxia-power.md", "--lang", "en"], in: ws)
        #expect(named.status == 0 && named.stdout == "not conflicted  accounts/huaxia-power.md\n", "\(named)")
        let namedChinese = try sandbox.acctplan(["resolve", "accounts/huaxia-power.md", "--lang", "zh-CN"], in: ws)
        #expect(namedChinese.stdout == "无冲突          accounts/huaxia-power.md\n", "\(namedChinese)")
    }
}
