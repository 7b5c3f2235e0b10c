import Foundation
import PlanModel
import PlanQuery
import PlanWorkspace
import Testing
import TestSupport

/// The evaluator against a second, deliberately naive one: generated plans (written as text and
/// parsed), generated queries; the naive side reads the generated data, never the parsed plans,
/// and spells every rule out (issue 16, "Quality").
struct QueryPropertyTests {
    struct Opp {
        var id: String, stage: String, amount: Int, currency: String, close: CalendarDate?
        /// In CNY (fx USD: 7).
        var converted: Decimal { Decimal(amount) * (currency == "USD" ? 7 : 1) }
    }
    struct Account { var id: String, industry: String, opps: [Opp] }

    static let stages = ["qualify", "develop", "propose", "negotiate", "won", "lost"]
    static let industries = ["tobacco", "energy", "real-estate"]

    static func generate(_ random: inout SplitMix64) -> [Account] {
        (0..<Int.random(in: 1...5, using: &random)).map { index in
            let opps = (0..<Int.random(in: 0...4, using: &random)).map { item in
                Opp(id: "opp-\(index)-\(item)", stage: stages.randomElement(using: &random)!,
                    amount: Int.random(in: 1...40, using: &random) * 100_000, currency: Bool.random(using: &random) ? "USD" : "CNY",
                    close: Int.random(in: 0...5, using: &random) == 0 ? nil
                        : CalendarDate(dayNumber: CalendarDate(year: 2026, month: 1, day: 1)!.dayNumber + Int.random(in: 0...900, using: &random)))
            }
            return Account(id: "acct-\(index)", industry: industries.randomElement(using: &random)!, opps: opps)
        }
    }

    static func files(_ accounts: [Account]) -> [String: String] {
        var files = ["acctplan.yml": "fx:\n  USD: 7\nfiscal_year_start: 04-01\n"]
        for account in accounts {
            var text = "---\nname: \(account.id)\nindustry: \(account.industry)\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n\n"
            text += "## Opportunities\n\n| ID | Name | Stage | Amount | Close |\n| --- | --- | --- | --- | --- |\n"
            for opp in account.opps {
                text += "| \(opp.id) | N | \(opp.stage) | \(opp.currency) \(opp.amount) | \(opp.close?.description ?? "") |\n"
            }
            files["accounts/\(account.id).md"] = text
        }
        return files
    }

    /// One generated term and the naive reading of it.
    struct Term {
        var text: String
        var field: String
        var negated: Bool
        var test: (Account, Opp) -> Bool
    }

    /// The first and last day of fiscal quarter `number` of fiscal year `year` (starting in April),
    /// month by month.
    static func quarter(_ year: Int, _ number: Int) -> (CalendarDate, CalendarDate) {
        var month = 4 + (number - 1) * 3, startYear = year
        if month > 12 { month -= 12; startYear += 1 }
        var lastMonth = month + 2, endYear = startYear
        if lastMonth > 12 { lastMonth -= 12; endYear += 1 }
        return (CalendarDate(year: startYear, month: month, day: 1)!,
                CalendarDate(year: endYear, month: lastMonth, day: CalendarDate.daysIn(month: lastMonth, year: endYear))!)
    }

    static func term(_ random: inout SplitMix64) -> Term {
        let negated = Int.random(in: 0...4, using: &random) == 0
        var term: Term
        switch Int.random(in: 0...4, using: &random) {
        case 0:
            let stage = stages.randomElement(using: &random)!
            term = Term(text: "stage:\(stage)", field: "stage", negated: false) { _, opp in opp.stage == stage }
        case 1:
            let bound = Int.random(in: 1...40, using: &random) * 100_000, value = Decimal(bound)
            switch Int.random(in: 0...4, using: &random) {
            case 0: term = Term(text: "amount:>\(bound)", field: "amount", negated: false) { $1.converted > value }
            case 1: term = Term(text: "amount:>=\(bound)", field: "amount", negated: false) { $1.converted >= value }
            case 2: term = Term(text: "amount:<\(bound)", field: "amount", negated: false) { $1.converted < value }
            case 3: term = Term(text: "amount:<=\(bound)", field: "amount", negated: false) { $1.converted <= value }
            default:
                let high = value * 3
                term = Term(text: "amount:\(bound)..\(high)", field: "amount", negated: false) { $1.converted >= value && $1.converted <= high }
            }
        case 2:
            let year = Int.random(in: 2025...2028, using: &random), number = Int.random(in: 1...4, using: &random)
            let (start, end) = quarter(year, number)
            switch Int.random(in: 0...2, using: &random) {
            case 0: term = Term(text: "close:\(year)Q\(number)", field: "close", negated: false) { _, opp in opp.close.map { start <= $0 && $0 <= end } ?? false }
            case 1: term = Term(text: "close:>\(year)Q\(number)", field: "close", negated: false) { _, opp in opp.close.map { $0 > end } ?? false }
            default: term = Term(text: "close:<=\(year)Q\(number)", field: "close", negated: false) { _, opp in opp.close.map { $0 <= end } ?? false }
            }
        case 3:
            let industry = industries.randomElement(using: &random)!
            term = Term(text: "account.industry:\(industry)", field: "account.industry", negated: false) { account, _ in account.industry == industry }
        default:
            term = Term(text: "has:close", field: "has:close", negated: false) { _, opp in opp.close != nil }
        }
        if negated {
            let test = term.test
            term = Term(text: "not:" + term.text, field: term.field, negated: true) { !test($0, $1) }
        }
        return term
    }

    @Test func theEvaluatorAgreesWithANaiveOne() throws {
        var random = SplitMix64(seed: 16)
        for _ in 0..<300 {
            let accounts = Self.generate(&random)
            let workspace = try WorkspaceLoader.load(from: MemorySource(Self.files(accounts)))
            let terms = (0..<Int.random(in: 1...3, using: &random)).map { _ in Self.term(&random) }
            // Naive: positive terms on one field OR, everything else AND.
            var expected: [String] = [], total = Decimal(0)
            for account in accounts.sorted(by: { $0.id < $1.id }) {
                for opp in account.opps {
                    let positive = Dictionary(grouping: terms.filter { !$0.negated }, by: \.field)
                    let passes = positive.values.allSatisfy { group in group.contains { $0.test(account, opp) } }
                        && terms.filter(\.negated).allSatisfy { $0.test(account, opp) }
                    if passes {
                        expected.append(opp.id)
                        total += opp.converted
                    }
                }
            }
            let request = QueryRequest(entity: "opportunities", terms: terms.map(\.text), columns: ["id"], sums: ["amount"])
            let result = try QueryEngine.run(request, in: workspace, asOf: CalendarDate(year: 2026, month: 12, day: 4)!)
            let got = result.rows.map { row -> String in if case .text(let id) = row.values[0] { id } else { "?" } }
            #expect(got == expected, "\(terms.map(\.text))")
            #expect(result.totals == [total], "\(terms.map(\.text))")
        }
    }
}
