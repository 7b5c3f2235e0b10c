import Foundation
import Testing

/// `acctplan show ID --map` on the template's Shanghai Tobacco (issue 15, "Relationship map").
struct OrgChartEndToEndTests {
    @Test func theTemplatesOrganisationAsATreeMermaidAndJSON() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        let tree = try sandbox.acctplan(["show", "shanghai-tobacco", "--map"], in: ws)
        #expect(tree.status == 0)
        #expect(tree.stdout == """
            Shanghai Tobacco Group: organisation (accounts/east/shanghai-tobacco.md)
              Zhou Ming  Chief Information Officer · decision-maker · relationship strong
              └── Sun Wei  Head of IT Architecture · influencer · relationship strong
              Qian Hui  Chief Financial Officer · sponsor · relationship medium
              ├── Lin Tao  Finance Shared-Service Lead · user · relationship medium
              └── Gu Jing  Procurement Director · gatekeeper · relationship weak

            """, "\(tree)")
        let mermaid = try sandbox.acctplan(["show", "shanghai-tobacco", "--map", "--format", "mermaid"], in: ws)
        #expect(mermaid.stdout.hasPrefix("flowchart TD\n  s0[\"★ Zhou Ming<br/>Chief Information Officer · decision-maker\"]:::rel_strong\n"))
        #expect(mermaid.stdout.contains("  s1 --> s3\n  s1 --> s4\n"))
        let json = try sandbox.acctplan(["show", "shanghai-tobacco", "--map", "--format", "json"], in: ws)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let roots = try #require(object["roots"] as? [[String: Any]])
        #expect(roots.map { $0["name"] as? String } == ["Zhou Ming", "Qian Hui"])
        #expect(((roots[1]["reports"] as? [[String: Any]]) ?? []).map { $0["name"] as? String } == ["Lin Tao", "Gu Jing"])
        #expect(object["gaps"] as? [String] == [])
        // Mermaid without --map is a usage error.
        let refused = try sandbox.acctplan(["show", "shanghai-tobacco", "--format", "mermaid"], in: ws)
        #expect(refused.status == 2 && refused.stderr.contains("add --map"), "\(refused)")
        // The account page of the dashboard draws it: five boxes, three lines, coloured by relationship.
        let site = sandbox.temp.path("site")
        let report = try sandbox.acctplan(["report", "-o", site.path, "--as-of", "2026-12-04"], in: ws)
        #expect(report.status == 0, "\(report)")
        let page = try String(contentsOf: site.appendingPathComponent("accounts/shanghai-tobacco.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "<g class=\"org-box").count - 1 == 5)
        #expect(page.components(separatedBy: "<path class=\"org-line\"").count - 1 == 3)
        #expect(page.contains("<g class=\"org-box rel-strong key\"><title>Zhou Ming: decision-maker · Chief Information Officer; relationship strong</title>"))
        #expect(page.contains("<g class=\"org-box rel-weak\"><title>Gu Jing:"))
        // A decision-maker with a weak relationship is called out.
        let plan = ws.appendingPathComponent("accounts/east/shanghai-tobacco.md")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try text.replacingOccurrences(of: "| decision-maker | strong       |", with: "| decision-maker | weak         |")
            .write(to: plan, atomically: true, encoding: .utf8)
        let gap = try sandbox.acctplan(["show", "shanghai-tobacco", "--map"], in: ws)
        #expect(gap.stdout.hasSuffix("\n  gap: decision-maker Zhou Ming has a weak relationship\n"), "\(gap)")
        _ = try sandbox.acctplan(["report", "-o", site.path, "--as-of", "2026-12-04"], in: ws)
        let gapPage = try String(contentsOf: site.appendingPathComponent("accounts/shanghai-tobacco.html"), encoding: .utf8)
        #expect(gapPage.contains("Coverage gaps: decision-maker Zhou Ming has a weak relationship."))
    }
}
