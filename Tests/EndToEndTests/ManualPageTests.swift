import Foundation
import Testing

/// docs/man/acctplan.1 (scripts/man regenerates it from the commands' help) names every command
/// and every option the binary has: a command or option added without regenerating it fails here.
struct ManualPageTests {
    @Test func theManualPageNamesEveryCommandAndOption() throws {
        let page = try String(contentsOf: CLI.packageRoot().appendingPathComponent("docs/man/acctplan.1"), encoding: .utf8)
        let dump = try CLI.run(["--experimental-dump-help"], in: CLI.packageRoot())
        #expect(dump.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var missing: [String] = []
        func visit(_ command: [String: Any], path: [String]) {
            let name = command["commandName"] as? String ?? ""
            let here = path + [name]
            if path.count > 0, command["shouldDisplay"] as? Bool != false, !page.contains(".It Em \(name)") && !page.contains(".Sh \(name.uppercased())") {
                missing.append("command " + here.joined(separator: " "))
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool != false {
                guard let names = argument["names"] as? [[String: Any]],
                      let long = names.first(where: { $0["kind"] as? String == "long" })?["name"] as? String else { continue }
                if !page.contains("Fl -\(long)") && !page.contains(" , -\(long)") { missing.append("option --\(long) of " + here.joined(separator: " ")) }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { visit(sub, path: here) }
        }
        visit(try #require(root["command"] as? [String: Any]), path: [])
        #expect(missing.isEmpty, "docs/man/acctplan.1 is out of date (run scripts/man): \(missing)")
    }
}
