/// The three kinds of plan, each living in its own top-level folder.
public enum PlanKind: String, Sendable, Codable, CaseIterable, Comparable {
    case account
    case industry
    case segment

    /// The workspace folder that holds plans of this kind.
    public var folder: String {
        switch self {
        case .account: return "accounts"
        case .industry: return "industries"
        case .segment: return "segments"
        }
    }

    /// The kind whose folder is `folder`, if any.
    public init?(folder: some StringProtocol) {
        guard let kind = PlanKind.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = kind
    }

    public static func < (lhs: PlanKind, rhs: PlanKind) -> Bool {
        let order = PlanKind.allCases
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}
