import Foundation
import PlanModel
import PlanParser
import Testing

/// The workspace `acctplan init` creates must be clean: its configuration and every plan parse
/// without an error.
struct WorkspaceTemplateTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../workspace-template")
        .standardizedFileURL

    /// Every plan file (PLAN_FORMAT.md §2): `*.md` below the three folders, except README.md and
    /// files starting with `_`.
    static func planFiles() -> [(kind: PlanKind, id: String, url: URL)] {
        var result: [(PlanKind, String, URL)] = []
        for kind in PlanKind.allCases {
            let folder = root.appendingPathComponent(kind.folder)
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "md" {
                let name = url.lastPathComponent
                guard name != "README.md", !name.hasPrefix("_") else { continue }
                result.append((kind, url.deletingPathExtension().lastPathComponent, url))
            }
        }
        return result.sorted { $0.2.path < $1.2.path }
    }

    static func config() throws -> (WorkspaceConfig, [Finding]) {
        ConfigParser.parse(try Data(contentsOf: root.appendingPathComponent("acctplan.yml")))
    }

    @Test func configurationIsClean() throws {
        let (config, findings) = try Self.config()
        #expect(findings.located == [])
        #expect(config.currency == "CNY")
        #expect(config.fx == ["USD": decimal("7.1"), "EUR": decimal("7.7")])
        #expect(config.fields["strategic_tier"] == .integer)
        #expect(config.people["li-you"] == "Li You")
        #expect(config.lifecycle == LifecycleStage.defaults)
        #expect(config.opportunityStages == OpportunityStage.defaults)
    }

    @Test func everyPlanParsesWithoutErrors() throws {
        let (config, _) = try Self.config()
        let files = Self.planFiles()
        #expect(files.filter { $0.kind == .account }.count == 6)
        #expect(files.filter { $0.kind == .industry }.count == 3)
        #expect(files.filter { $0.kind == .segment }.count == 2)
        for file in files {
            let result = PlanParser(config: config).parse(try Data(contentsOf: file.url),
                                                          path: "\(file.kind.folder)/\(file.id).md",
                                                          kind: file.kind, id: file.id)
            let errors = result.findings.filter { !warningRules.contains($0.rule) }
            #expect(errors.located == [], "\(file.url.lastPathComponent): \(errors.map(\.message))")
            #expect(result.plan.isReadable)
            #expect(result.plan.header.name != nil, "\(file.id)")
            if file.kind == .account {
                #expect(!result.plan.stakeholders.isEmpty, "\(file.id)")
                #expect(!result.plan.opportunities.isEmpty, "\(file.id)")
                #expect(!result.plan.actions.isEmpty, "\(file.id)")
            } else {
                #expect(result.plan.header.owner != nil, "\(file.id)")
            }
        }
    }

    @Test func shanghaiTobaccoIsReadInFull() throws {
        let (config, _) = try Self.config()
        let url = Self.root.appendingPathComponent("accounts/east/shanghai-tobacco.md")
        let plan = PlanParser(config: config).parse(try Data(contentsOf: url), path: "accounts/east/shanghai-tobacco.md",
                                                    kind: .account, id: "shanghai-tobacco").plan
        #expect(plan.stakeholders.count == 5)
        #expect(plan.installedBase.count == 5)
        #expect(plan.opportunities.map { $0.id?.value } == ["opp-consolidation", "opp-data-platform",
                                                           "opp-mes-integration", "opp-leaf-upgrade"])
        #expect(plan.opportunities.compactMap { $0.amount?.value.amount }.reduce(0, +) == Decimal(12_300_000))
        #expect(plan.actions.count == 6)
        #expect(plan.actions.filter(\.done).count == 2)
        #expect(plan.moments.count == 3)
        #expect(plan.header.revenueTarget?.value == Money(Decimal(18_000_000), currency: "CNY"))
        #expect(plan.entry("strategic_tier")?.value == .scalar("1", quoted: false))
    }

    @Test func zhejiangTobaccoIsReadInChinese() throws {
        let (config, _) = try Self.config()
        let url = Self.root.appendingPathComponent("accounts/east/zhejiang-tobacco.md")
        let plan = PlanParser(config: config).parse(try Data(contentsOf: url), path: "accounts/east/zhejiang-tobacco.md",
                                                    kind: .account, id: "zhejiang-tobacco").plan
        #expect(plan.sections.map(\.kind) == [.stakeholders, .installedBase, .opportunities, .actions, .moments, nil])
        #expect(plan.stakeholders.map { $0.name?.value } == ["张伟", "李娜", "王强", "刘静", "陈杰"])
        #expect(plan.opportunities.map { $0.amount?.value.amount } == [Decimal(3_000_000), Decimal(800_000), Decimal(1_500_000)])
        #expect(plan.actions.count == 4)
        #expect(plan.moments.count == 3)
    }
}
