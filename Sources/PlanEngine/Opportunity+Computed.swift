import Foundation
import PlanModel

extension Opportunity {
    /// The probability written in the row, or the stage's default when the cell is empty.
    public func effectiveProbability(_ config: WorkspaceConfig) -> Decimal? {
        if let written = probability?.value { return written }
        return stage.flatMap { config.opportunityStage($0.value)?.probability }
    }

    /// The amount in the workspace currency (nil without an amount or an `fx:` rate).
    public func convertedAmount(_ config: WorkspaceConfig) -> Decimal? {
        amount.flatMap { config.convert($0.value) }
    }

    /// Amount × probability / 100, in the workspace currency.
    public func weightedAmount(_ config: WorkspaceConfig) -> Decimal? {
        guard let amount = convertedAmount(config), let probability = effectiveProbability(config) else { return nil }
        return (amount * probability).dividedByHundred
    }

    /// Whether the opportunity is in a closed stage (won or lost by default).
    public func isClosed(_ config: WorkspaceConfig) -> Bool {
        stage.flatMap { config.opportunityStage($0.value)?.closed } ?? false
    }

    /// Whether the opportunity is in a won stage (see ``OpportunityStage/isWon``).
    public func isWon(_ config: WorkspaceConfig) -> Bool {
        stage.flatMap { config.opportunityStage($0.value)?.isWon } ?? false
    }
}
