import Foundation
import PlanEngine
import PlanModel

/// What a query lists: accounts, the items of their plans, or industry and segment plans.
public enum QueryEntity: String, Sendable, CaseIterable {
    case accounts, opportunities, actions, stakeholders, moments
    case installedBase = "installed-base"
    case industries, segments

    /// `opportunities` or `opportunity` (and `installed-base`'s spellings).
    public init?(name: String) {
        let word = name.lowercased()
        if let entity = QueryEntity(rawValue: word) { self = entity; return }
        let singular: [String: QueryEntity] = [
            "account": .accounts, "opportunity": .opportunities, "opp": .opportunities, "opps": .opportunities,
            "action": .actions, "stakeholder": .stakeholders, "moment": .moments, "installed": .installedBase,
            "installedbase": .installedBase, "product": .installedBase, "products": .installedBase,
            "industry": .industries, "segment": .segments,
        ]
        guard let entity = singular[word] else { return nil }
        self = entity
    }

    /// The plans whose rows this entity lists.
    var planKind: PlanKind {
        switch self {
        case .industries: .industry
        case .segments: .segment
        default: .account
        }
    }

    /// The rows of one plan.
    func rows(of plan: Plan) -> [QueryRow] {
        func items(_ lines: [Int]) -> [QueryRow] { lines.indices.map { QueryRow(plan: plan, index: $0, line: lines[$0]) } }
        switch self {
        case .accounts, .industries, .segments:
            return [QueryRow(plan: plan, index: -1, line: plan.header.name?.location.line ?? 1)]
        case .opportunities: return items(plan.opportunities.map(\.location.line))
        case .actions: return items(plan.actions.map(\.location.line))
        case .stakeholders: return items(plan.stakeholders.map(\.location.line))
        case .moments: return items(plan.moments.map(\.location.line))
        case .installedBase: return items(plan.installedBase.map(\.location.line))
        }
    }

    /// The columns shown when `--columns` is not given.
    public var defaultColumns: [String] {
        switch self {
        case .accounts: ["name", "industry", "stage", "manager", "reviewed"]
        case .opportunities: ["id", "name", "stage", "amount", "probability", "weighted", "close"]
        case .actions: ["done", "due", "owner", "text"]
        case .stakeholders: ["name", "title", "role", "relationship", "owner"]
        case .moments: ["date", "person", "text"]
        case .installedBase: ["product", "modules", "since", "status"]
        case .industries, .segments: ["name", "owner", "revenue_target", "accounts_target"]
        }
    }

    /// Every field of the entity, in documentation order: its own, the account's (`account.`)
    /// for items of account plans, and custom fields of `acctplan.yml`.
    public func fields(_ config: WorkspaceConfig) -> [QueryField] {
        switch self {
        case .accounts: return QueryFields.account(config)
        case .industries, .segments: return QueryFields.group(config, kind: planKind)
        case .opportunities: return QueryFields.opportunity(config) + QueryFields.account(config).map { $0.onAccount() }
        case .actions: return QueryFields.action() + QueryFields.account(config).map { $0.onAccount() }
        case .stakeholders: return QueryFields.stakeholder(config) + QueryFields.account(config).map { $0.onAccount() }
        case .moments: return QueryFields.moment() + QueryFields.account(config).map { $0.onAccount() }
        case .installedBase: return QueryFields.installed(config) + QueryFields.account(config).map { $0.onAccount() }
        }
    }
}
