import PlanModel
import Testing

struct DiagnosticOrderTests {
    /// Same place, rule and message, different hint or severity: sorting gives one order
    /// whatever order the diagnostics arrived in (rules run on several threads).
    @Test func sortingIsTheSameForEveryArrivalOrder() {
        func diagnostic(_ line: Int, _ severity: Severity, hint: String?) -> Diagnostic {
            Diagnostic(path: "accounts/a.md", line: line, column: 1, severity: severity, rule: .unknownPerson,
                       message: "unknown person 'li-yu'", hint: hint)
        }
        let diagnostics = [
            diagnostic(5, .warning, hint: "add them to people: in acctplan.yml"),
            diagnostic(5, .warning, hint: nil),
            diagnostic(5, .error, hint: "add them to people: in acctplan.yml"),
            diagnostic(5, .warning, hint: "did you mean 'li-you'?"),
            diagnostic(4, .error, hint: nil),
        ]
        let expected = diagnostics.sorted()
        #expect(expected.first?.line == 4)
        for permutation in permutations(diagnostics) { #expect(permutation.sorted() == expected) }
    }

    private func permutations<T>(_ items: [T]) -> [[T]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index -> [[T]] in
            var rest = items
            let first = rest.remove(at: index)
            return permutations(rest).map { [first] + $0 }
        }
    }
}
