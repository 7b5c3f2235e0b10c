import Foundation
import PlanModel
import Testing

/// PLAN_FORMAT.md §5/§6: amounts in another currency count at the `fx:` rate.
struct WorkspaceConfigTests {
    static func exact(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
    }

    var config: WorkspaceConfig {
        var config = WorkspaceConfig()
        config.fx = ["USD": Self.exact("7.1"), "EUR": Self.exact("7.7")]
        return config
    }

    @Test func defaultsAreTheSpecs() {
        let config = WorkspaceConfig()
        #expect(config.version == 1)
        #expect(config.currency == "CNY")
        #expect(config.fx.isEmpty)
        #expect(config.fiscalYearStart == MonthDay(month: 1, day: 1))
        #expect(config.fiscalYearStart.description == "01-01")
        #expect(config.reviewIntervalDays == 90)
        #expect(config.lifecycle.map(\.id) == ["departmental", "industry-solution", "integration"])
        #expect(config.opportunityStages.map(\.id) == ["qualify", "develop", "propose", "negotiate", "won", "lost"])
        #expect(config.opportunityStages.map(\.probability) == [10, 30, 50, 75, 100, 0])
        #expect(config.opportunityStages.map(\.closed) == [false, false, false, false, true, true])
        #expect(config.people.isEmpty)
        #expect(config.fields.isEmpty)
        #expect(config.ruleSeverities.isEmpty)
    }

    @Test func workspaceCurrencyIsUnchanged() throws {
        #expect(config.convert(try Money.parse("2,400,000").get()) == Decimal(2_400_000))
        #expect(config.convert(try Money.parse("CNY 2.4M").get()) == Decimal(2_400_000))
    }

    @Test func otherCurrenciesUseTheRateExactly() throws {
        #expect(config.convert(try Money.parse("USD 150k").get()) == Decimal(1_065_000))
        #expect(config.convert(try Money.parse("EUR 80k").get()) == Decimal(616_000))
        #expect(config.convert(try Money.parse("USD 0.1").get()) == Self.exact("0.71"))
        #expect(config.convert(try Money.parse("USD 1,250.50").get()) == Self.exact("8878.55"))
    }

    @Test func unknownCurrencyIsNil() throws {
        #expect(config.convert(try Money.parse("JPY 1000").get()) == nil)
        var usd = WorkspaceConfig()
        usd.currency = "USD"
        #expect(usd.convert(try Money.parse("USD 5").get()) == Decimal(5))
        #expect(usd.convert(try Money.parse("5").get()) == Decimal(5))
        #expect(usd.convert(try Money.parse("CNY 5").get()) == nil)
    }

    @Test func stageLookups() {
        let config = WorkspaceConfig()
        #expect(config.lifecycleIndex("integration") == 2)
        #expect(config.lifecycleIndex("integraton") == nil)
        #expect(config.opportunityStage("won")?.closed == true)
        #expect(config.opportunityStage("propose")?.probability == 50)
        #expect(config.lifecycleStage("departmental")?.label == "Departmental applications")
    }

    @Test func ruleSettingSeverities() {
        #expect(RuleSetting.error.severity == .error)
        #expect(RuleSetting.warning.severity == .warning)
        #expect(RuleSetting.off.severity == nil)
    }
}
