import Foundation
import PlanModel
import Testing

/// PLAN_FORMAT.md §5 (percent) and §2 (id syntax `^[a-z0-9][a-z0-9-]{0,63}$`), and the
/// "did you mean" helper.
struct ValueSyntaxTests {
    @Test(arguments: [
        ("60%", "60"), ("60", "60"), ("12.5%", "12.5"), ("0", "0"), ("0%", "0"),
        ("100", "100"), ("100%", "100"), (" 75 ", "75"), ("99.99%", "99.99"),
    ])
    func parsesPercents(text: String, value: String) {
        #expect(ValueSyntax.parsePercent(text) == Decimal(string: value, locale: Locale(identifier: "en_US_POSIX")))
    }

    @Test(arguments: ["", "%", "101", "100.5", "-5", "-5%", "abc", "60%%", "1,000", "12e1", "sixty", "60 percent"])
    func rejectsBadPercents(text: String) {
        #expect(ValueSyntax.parsePercent(text) == nil)
    }

    @Test(arguments: [
        "a", "0", "li-you", "opp-consolidation", "2027-plan", "a-", "a--b", "x9",
        String(repeating: "a", count: 64),
    ])
    func acceptsValidIDs(id: String) {
        #expect(ValueSyntax.isValidID(id))
    }

    @Test(arguments: [
        "", "-a", "A", "Li-You", "li_you", "li you", "li.you", "é", "上海", "a/b", " a", "a\n",
        String(repeating: "a", count: 65),
    ])
    func rejectsInvalidIDs(id: String) {
        #expect(!ValueSyntax.isValidID(id))
    }

    @Test func closestFindsTheNearbyCandidate() {
        let stages = ["departmental", "industry-solution", "integration"]
        #expect(ValueSyntax.closest(to: "industy-solution", in: stages) == "industry-solution")
        #expect(ValueSyntax.closest(to: "integraton", in: stages) == "integration")
        #expect(ValueSyntax.closest(to: "Integration", in: stages) == "integration")
        #expect(ValueSyntax.closest(to: "departmental", in: stages) == "departmental")
        #expect(ValueSyntax.closest(to: "curency", in: ["version", "currency", "fx"]) == "currency")
    }

    @Test func closestIsNilWhenNothingIsClose() {
        #expect(ValueSyntax.closest(to: "xyz", in: ["departmental", "integration"]) == nil)
        #expect(ValueSyntax.closest(to: "anything", in: [String]()) == nil)
    }

    @Test func closestBreaksTiesAlphabeticallyWhateverTheOrder() {
        // "at" is one edit from each; the hint must not depend on the candidates' order.
        #expect(ValueSyntax.closest(to: "at", in: ["cat", "bat", "hat"]) == "bat")
        #expect(ValueSyntax.closest(to: "at", in: ["hat", "cat", "bat"]) == "bat")
        #expect(ValueSyntax.closest(to: "at", in: ["bat", "hat", "cat"]) == "bat")
        // A closer candidate wins over an alphabetically earlier one.
        #expect(ValueSyntax.closest(to: "wonn", in: ["won", "wonder"]) == "won")
        #expect(ValueSyntax.closest(to: "userr", in: ["gatekeeper", "user", "users"]) == "user")
    }

    @Test func shortListsNameTheFirstFewAndCountTheRest() {
        #expect(ValueSyntax.shortList([], limit: 2) == "")
        #expect(ValueSyntax.shortList(["a", "b"], limit: 2) == "a, b")
        #expect(ValueSyntax.shortList(["a", "b", "c", "d"], limit: 2) == "a, b, and 2 more")
    }

    /// A commit message's subject: its first line, whether lines end at LF or CRLF.
    @Test func firstLineEndsAtLFOrCRLF() {
        #expect("Acme moves\nbody".firstLine == "Acme moves")
        #expect("Acme moves\r\nbody\r\n".firstLine == "Acme moves")
        #expect("浙江中烟\r\n".firstLine == "浙江中烟")
        #expect("one line".firstLine == "one line")
        #expect("\nafter a blank".firstLine == "")
        #expect("a\rb\nc".firstLine == "a\rb", "a lone CR ends no line")
    }
}
