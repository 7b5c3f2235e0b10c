import PlanModel

/// "Did you mean ...?" for the unknown values of one plan, for the first ``perPlan`` of them;
/// the rest are reported without a suggestion. Each suggestion compares the value with every
/// candidate of about its length, so a plan with tens of thousands of unknown references among
/// thousands of opportunities would otherwise take hours (docs/limits.md).
struct SuggestionBudget {
    static let perPlan = 100
    private var left = SuggestionBudget.perPlan

    mutating func closest(to word: String, in candidates: ClosestMatch) -> String? {
        guard left > 0 else { return nil }
        left -= 1
        return candidates.closest(to: word)
    }
}
