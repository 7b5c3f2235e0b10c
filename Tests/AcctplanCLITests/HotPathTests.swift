@testable import AcctplanCLI
import ArgumentParser
import Testing

/// `HotPath` reads the usual forms of `diff` and `textconv` without ArgumentParser; whatever it
/// reads must be what ArgumentParser reads, and whatever it does not know must be left to it.
struct HotPathTests {
    /// ArgumentParser's reading of `arguments` as a HotPath value, or nil when it refuses them
    /// (or reads another command).
    static func argumentParser(_ arguments: [String]) -> HotPath? {
        guard let command = try? AcctplanCommand.parseAsRoot(arguments) else { return nil }
        if let diff = command as? DiffCommand, !diff.external {
            return .diff(arguments: diff.arguments, staged: diff.staged, format: diff.format, workspace: diff.workspaceOptions.workspace)
        }
        if let textconv = command as? TextconvCommand {
            return .textconv(file: textconv.file, workspace: textconv.workspaceOptions.workspace)
        }
        return nil
    }

    static let read: [[String]] = [
        ["diff"], ["diff", "HEAD"], ["diff", "HEAD~1", "HEAD"], ["diff", "--staged"], ["diff", "--staged", "HEAD~2"],
        ["diff", "--format", "json"], ["diff", "--format=markdown", "main", "feature", "accounts/east/x.md"],
        ["diff", "HEAD", "--format", "json", "--staged"], ["diff", "--workspace", "plans", "HEAD"], ["diff", "--workspace=plans"],
        ["diff", "main", "--workspace", "a b", "--format=text", "accounts"],
        ["textconv", "/tmp/x.md"], ["textconv", "plan.md", "--workspace", "ws"], ["textconv", "--workspace=ws", "plan.md"],
    ]

    static let leftToArgumentParser: [[String]] = [
        ["diff", "--help"], ["diff", "-h"], ["diff", "--format"], ["diff", "--format", "jsn"], ["diff", "--format="],
        ["diff", "--format", "json", "--format", "text"], ["diff", "--staged", "--staged"], ["diff", "--", "-x"],
        ["diff", "--external", "a"], ["diff", "--unknown"], ["diff", "--staged=yes"], ["diff", "--workspace", "--staged"],
        ["diff", "-"], ["textconv"], ["textconv", "a.md", "b.md"], ["textconv", "--workspace"], ["textconv", "--help"],
        ["lint"], ["rollup", "--since", "HEAD~3"], ["--version"], [],
    ]

    @Test(arguments: read)
    func readsWhatArgumentParserReads(_ arguments: [String]) throws {
        let hot = try #require(HotPath(arguments), "\(arguments) should take the hot path")
        #expect(hot == Self.argumentParser(arguments), "\(arguments)")
    }

    @Test(arguments: leftToArgumentParser)
    func leavesTheRestToArgumentParser(_ arguments: [String]) {
        #expect(HotPath(arguments) == nil, "\(arguments)")
    }
}
