import Foundation
import Testing

/// `acctplan whitespace` with the real binary on a workspace made by `acctplan init`. The
/// template's map, worked out by hand from its plans' Offering columns (installed beats won beats
/// pipeline beats lost; a retired product says nothing):
/// - harbour-city-land: Financials live → finance installed; opp-cost-pilot develop → industry pipeline.
/// - huaxia-power: finance, hr, industry, data installed; opp-carbon-accounting develop → epm pipeline.
/// - northwest-wind: finance installed; opp-procurement propose → supply-chain pipeline; opp-asset-mgmt qualify → industry pipeline.
/// - shanghai-tobacco: finance, supply-chain, industry installed; Group Consolidation implementing → epm installed (over
///   opp-consolidation's pipeline); opp-data-platform and opp-mes-integration → data pipeline; HR and payroll retired → hr empty.
/// - sunrise-properties: finance, industry, epm installed; opp-tax-cloud won → tax won.
/// - zhejiang-tobacco: 财务云, 供应链, 烟草行业营销解决方案 → finance, supply-chain, industry installed; opp-budget-control
///   qualify → epm pipeline; opp-logistics lost → logistics lost.
struct WhitespaceEndToEndTests {
    @Test func theTemplatesMatrixAndCounts() throws {
        let repo = try DiffRepo()
        defer { repo.remove() }
        let result = try repo.acctplan(["whitespace"], extra: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(result.stdout == """
            Whitespace map: 6 accounts × 8 offerings
            installed: live or implementing · won · pipeline: an open opportunity · lost · '·': whitespace, never sold

            account             finance    supply-chain  logistics  hr         industry   epm        data       tax
            harbour-city-land   installed  ·             ·          ·          pipeline   ·          ·          ·
            huaxia-power        installed  ·             ·          installed  installed  pipeline   installed  ·
            northwest-wind      installed  pipeline      ·          ·          pipeline   ·          ·          ·
            shanghai-tobacco    installed  installed     ·          ·          installed  installed  pipeline   ·
            sunrise-properties  installed  ·             ·          ·          installed  installed  ·          won
            zhejiang-tobacco    installed  installed     lost       ·          installed  pipeline   ·          ·

            offering      installed  won  pipeline  lost  whitespace
            finance               6    0         0     0           0
            supply-chain          2    0         1     0           3
            logistics             0    0         0     1           5
            hr                    1    0         0     0           5
            industry              4    0         2     0           0
            epm                   2    0         2     0           2
            data                  1    0         1     0           4
            tax                   0    1         0     0           5

            Offerings: finance = Finance cloud, supply-chain = Supply chain, logistics = Logistics and distribution, hr = HR cloud, \
            industry = Industry solutions, epm = Performance management, data = Data and integration platform, tax = Tax cloud

            """)
        #expect(!result.stdout.contains("\u{1B}"), "no colour into a pipe")
    }

    @Test func jsonCellsNameTheRowsBehindThem() throws {
        let repo = try DiffRepo()
        defer { repo.remove() }
        let object = try repo.json(["whitespace", "--by", "industry"])
        #expect(object["version"] as? Int == 1)
        #expect(object["catalogue"] as? Bool == true)
        #expect(object["by"] as? String == "industry")
        let accounts = try #require(object["accounts"] as? [[String: Any]])
        #expect(accounts.map { $0["id"] as? String } == ["harbour-city-land", "huaxia-power", "northwest-wind", "shanghai-tobacco",
                                                          "sunrise-properties", "zhejiang-tobacco"])
        let shanghai = accounts[3]
        #expect(shanghai["path"] as? String == "accounts/east/shanghai-tobacco.md")
        let cells = try #require(shanghai["cells"] as? [String: [String: Any]])
        #expect(cells["hr"]?["state"] is NSNull, "a retired product leaves whitespace")
        let epm = try #require(cells["epm"]?["evidence"] as? [[String: Any]])
        #expect(epm.map { $0["state"] as? String } == ["installed", "pipeline"])
        #expect(epm.map { $0["message"] as? String } == ["Group Consolidation (implementing)", "opp-consolidation (negotiate)"])
        // Every evidence line holds its row and names the offering.
        let plan = try String(contentsOf: repo.ws.appendingPathComponent("accounts/east/shanghai-tobacco.md"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (offering, cell) in cells {
            for evidence in cell["evidence"] as? [[String: Any]] ?? [] {
                let line = String(plan[(evidence["line"] as? Int ?? 1) - 1])
                let key = (evidence["message"] as? String ?? "").components(separatedBy: " (")[0]
                #expect(line.hasPrefix("| \(key) ") && line.hasSuffix(" \(offering) |") || line.contains("| \(offering) "),
                        "\(offering): \(line)")
            }
        }
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.map { $0["id"] as? String } == ["energy", "real-estate", "tobacco"])
        #expect(groups.map { $0["name"] as? String } == ["Energy", "Real estate", "Tobacco"])
        #expect(groups[0]["accounts"] as? [String] == ["huaxia-power", "northwest-wind"])
        let energy = try #require(groups[0]["counts"] as? [String: [String: Int]])
        #expect(energy["industry"] == ["installed": 1, "won": 0, "pipeline": 1, "lost": 0, "whitespace": 0])
        #expect(energy["supply-chain"] == ["installed": 0, "won": 0, "pipeline": 1, "lost": 0, "whitespace": 1])
    }

    @Test func csvMarkdownSelectionAndErrors() throws {
        let repo = try DiffRepo()
        defer { repo.remove() }
        let csv = try repo.acctplan(["whitespace", "sunrise-properties", "zhejiang-tobacco", "--format", "csv"])
        #expect(csv.status == 0, "\(csv)")
        // The template's `industry` offering is headed offering:industry: every column name is
        // unique (a script read the offering's state as the account's industry).
        #expect(csv.stdout == "account,name,industry,manager,finance,supply-chain,logistics,hr,offering:industry,epm,data,tax\r\n"
            + "sunrise-properties,Sunrise Properties Holdings,real-estate,zhang-min,installed,,,,installed,installed,,won\r\n"
            + "zhejiang-tobacco,浙江烟草工业集团,tobacco,ma-tao,installed,installed,lost,,installed,pipeline,,\r\n")
        let markdown = try repo.acctplan(["whitespace", "--format", "markdown", "--by", "segment"])
        #expect(markdown.status == 0, "\(markdown)")
        #expect(markdown.stdout.contains("### segment new-logo-growth — New-logo growth customers\n\n| Account | Finance cloud | Supply chain |"))
        #expect(markdown.stdout.contains("| Northwest Wind Energy Co. (`northwest-wind`) | installed | pipeline |  |  | pipeline |  |  |  |\n"))
        // Accounts in no group of the dimension are named under the groups, not dropped.
        let byABU = try repo.acctplan(["whitespace", "--by", "abu"], extra: ["NO_COLOR": "1"])
        #expect(byABU.stdout.contains("\nAccounts in no abu (2): harbour-city-land, northwest-wind\n"), "\(byABU)")
        let byABUMarkdown = try repo.acctplan(["whitespace", "--by", "abu", "--format", "markdown", "--lang", "zh-CN"])
        #expect(byABUMarkdown.stdout.hasSuffix("\n\n未归入任何abu的客户（2 个）：harbour-city-land，northwest-wind\n"), "\(byABUMarkdown)")
        let typo = try repo.acctplan(["whitespace", "sunrise-propertys"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("no account plan 'sunrise-propertys' (did you mean 'sunrise-properties'?)"), "\(typo)")
        // An unknown offering is an unknown-reference warning with a suggestion, and no column.
        let path = "accounts/harbour-city-land.md"
        var text = try String(contentsOf: repo.ws.appendingPathComponent(path), encoding: .utf8)
        text = text.replacingOccurrences(of: "| 2027-03-15 | industry |", with: "| 2027-03-15 | industri |")
        try repo.write(text, to: path)
        let lint = try repo.acctplan(["lint", path])
        #expect(lint.stdout.contains("\(path):41:99: warning: offering 'industri' is not in acctplan.yml's offerings (did you mean 'industry'?) [unknown-reference]"),
                "\(lint)")
        let now = try repo.json(["whitespace", "harbour-city-land"])
        let cells = try #require((now["accounts"] as? [[String: Any]])?.first?["cells"] as? [String: [String: Any]])
        #expect(cells["industry"]?["state"] is NSNull)
        // --rev reads the committed plans.
        let then = try repo.json(["whitespace", "harbour-city-land", "--rev", "HEAD"])
        let before = try #require((then["accounts"] as? [[String: Any]])?.first?["cells"] as? [String: [String: Any]])
        #expect(before["industry"]?["state"] as? String == "pipeline")
    }

    @Test func inChineseTheWordsChangeAndTheMachineOutputsDoNot() throws {
        let repo = try DiffRepo()
        defer { repo.remove() }
        let chinese = try repo.acctplan(["whitespace", "zhejiang-tobacco", "--lang", "zh-CN"], extra: ["NO_COLOR": "1"])
        #expect(chinese.status == 0, "\(chinese)")
        let lines = chinese.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "空白点地图：1 个客户 × 8 条产品线")
        #expect(lines.contains("zhejiang-tobacco  已实施   已实施        已丢单     ·   已实施    商机中  ·     ·"), "\(chinese)")
        #expect(lines.contains { $0.hasPrefix("产品线        已实施  已赢单  商机中  已丢单  空白") }, "\(chinese)")
        for format in ["json", "csv"] {
            let english = try repo.acctplan(["whitespace", "--by", "segment", "--format", format])
            let other = try repo.acctplan(["whitespace", "--by", "segment", "--format", format, "--lang", "zh-CN"])
            #expect(english.status == 0 && english.stdout == other.stdout, "\(format) is the same in every language")
        }
    }

    /// The Chinese template (language: zh-CN) gets its dashboard's whitespace pages in Chinese: Zhejiang
    /// Tobacco runs 财务云, 供应链 and 行业解决方案, is being sold 预算与绩效管理 and lost 物流配送.
    @Test func theChineseTemplatesDashboardPageIsChinese() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let created = try sandbox.acctplan(["init", "--lang", "zh-CN", "ws"], in: sandbox.temp.url)
        try #require(created.status == 0, "\(created)")
        let ws = sandbox.temp.path("ws")
        let report = try sandbox.acctplan(["report", "--output", sandbox.temp.path("out").path], in: ws)
        try #require(report.status == 0, "\(report)")
        let page = try String(contentsOf: sandbox.temp.path("out/whitespace/industry-tobacco.html"), encoding: .utf8)
        #expect(page.contains("<h1>空白点地图：烟草行业</h1>"), "\(page)")
        #expect(page.contains("<th title=\"logistics\">物流配送</th>"))
        let row = try #require(page.components(separatedBy: "<tr>").first { $0.contains("浙江烟草工业集团") })
        let cells = row.components(separatedBy: "class=\"ws ws-").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
        // The cell's words without its tags (a whitespace cell holds a hidden word for screen readers).
        let words = cells.map { ("<" + $0).replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression) }
        #expect(words == ["已实施", "已实施", "已丢单", "空白", "已实施", "商机中", "空白"], "\(row)")
        let index = try String(contentsOf: sandbox.temp.path("out/index.html"), encoding: .utf8)
        #expect(index.contains("<h2>空白点</h2>") && index.contains("href=\"whitespace/segment-new-logo-growth.html\""))
    }

    @Test func aWorkspaceWithoutOfferingsSaysHowToStart() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = sandbox.temp.url.appendingPathComponent("ws")
        try FileManager.default.createDirectory(at: ws.appendingPathComponent("accounts"), withIntermediateDirectories: true)
        try Data("version: 1\n".utf8).write(to: ws.appendingPathComponent("acctplan.yml"))
        try Data("---\nname: Acme\nindustry: x\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n".utf8)
            .write(to: ws.appendingPathComponent("accounts/acme.md"))
        let result = try sandbox.acctplan(["whitespace"], in: ws)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Whitespace map: 1 account × 0 offerings\nNo offering to map"), "\(result)")
        #expect(result.stderr.contains("warning: no offering to map"), "\(result)")
        #expect(result.stderr.contains("offerings: [{id: erp, name: ERP suite}]"), "\(result)")
    }
}

/// The index's whitespace line names only the dimensions that have pages.
struct WhitespaceIndexLineTests {
    @Test func aWorkspaceWithoutIndustriesSaysNothingOfThem() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let plan = """
            ---
            name: Acme
            segments: [growth]
            stage: departmental
            manager: li-you
            reviewed: 2026-11-01
            ---
            # Acme

            ## Installed base

            | Product | Status | Offering |
            | --- | --- | --- |
            | ERP | live | erp |

            """
        let root = try temp.write(["acctplan.yml": "people:\n  li-you: {name: Li You}\nofferings:\n  - {id: erp, name: ERP suite}\n",
                                   "accounts/acme.md": plan])
        let written = try CLI.output(["report", "--output", "out", "--as-of", Fixture.asOf], in: root)
        #expect(written.status == 0, "\(written)")
        let index = try String(contentsOf: root.appendingPathComponent("out/index.html"), encoding: .utf8)
        #expect(index.contains("or was never sold — by segment: "), "\(index)")
        #expect(!index.contains("by industry"), "no industry, no empty 'by industry: ;'")
    }
}
