import PlanModel

/// The whitespace map (docs/whitespace.md): accounts × the vendor's offerings, each cell what the
/// account has of that offering — installed, won, in the pipeline, lost, or nothing (whitespace:
/// never offered). Read from the `Offering` column of the Installed base and Opportunities
/// tables. Pure: a workspace snapshot in, a matrix out.
public struct Whitespace: Sendable {
    /// What an account has of an offering. When several rows name the same offering, the
    /// strongest wins, in this order (the case order): what runs beats what was bought, which
    /// beats what is being sold, which beats what was lost.
    public enum State: String, Sendable, CaseIterable, Comparable {
        case installed, won, pipeline, lost

        public static func < (lhs: State, rhs: State) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// A plan row behind a cell: `path:line` and what it says.
    public struct Evidence: Sendable, Hashable {
        public var path: String
        public var line: Int
        public var state: State
        public var message: String
    }

    /// One account's cell for one offering; `state` nil is whitespace.
    public struct Cell: Sendable {
        public var state: State?
        /// Every row naming the offering, strongest first; empty for whitespace.
        public var evidence: [Evidence] = []
    }

    public struct Account: Sendable {
        public var id: String
        public var path: String
        public var name: String?
        public var industry: String?
        public var segments: [String]
        public var manager: String?
        /// One cell per offering of ``Whitespace/offerings``, in that order.
        public var cells: [Cell]
    }

    /// How many accounts have each state of one offering; `whitespace` is the rest.
    public struct Counts: Sendable, Equatable {
        public var installed = 0
        public var won = 0
        public var pipeline = 0
        public var lost = 0
        public var whitespace = 0

        public init() {}

        mutating func add(_ state: State?) {
            switch state {
            case .installed: installed += 1
            case .won: won += 1
            case .pipeline: pipeline += 1
            case .lost: lost += 1
            case nil: whitespace += 1
            }
        }
    }

    /// A group of `--by`: its accounts (indices into ``Whitespace/accounts``) and counts per offering.
    public struct Group: Sendable {
        public var dimension: Rollup.Dimension
        public var id: String
        public var name: String?
        public var members: [Int]
        public var counts: [Counts]
    }

    public var offerings: [Offering]
    /// True when the offerings are `acctplan.yml`'s catalogue; false when there is none and the
    /// columns are the ids the plans name (sorted).
    public var fromCatalogue: Bool
    /// The accounts, sorted by id.
    public var accounts: [Account]
    /// Per offering, over all accounts.
    public var counts: [Counts]
    /// What the groups are formed by; nil without `--by`.
    public var dimension: Rollup.Dimension?
    /// With `by`: its groups, sorted by id (an account in two segments counts in both).
    public var groups: [Group] = []
    /// With `dimension`: the accounts (indices into ``accounts``) that belong to no group, e.g.
    /// plans without `industry:` in a map by industry; said under the groups, not dropped.
    public var ungrouped: [Int] = []

    /// The matrix of `workspace`'s accounts (those of `selection` when given), grouped `by` a dimension.
    public static func compute(_ workspace: Workspace, accounts selection: Set<String>? = nil,
                               by dimension: Rollup.Dimension? = nil) -> Whitespace {
        let config = workspace.config
        let plans = Rollup.countedAccounts(workspace).filter { selection?.contains($0.id) ?? true }.sorted { $0.id < $1.id }
        var offerings = config.offerings
        let fromCatalogue = !offerings.isEmpty
        if !fromCatalogue {
            var ids = Set<String>()
            for plan in plans {
                for product in plan.installedBase { if let id = product.offering?.value { ids.insert(id) } }
                for opportunity in plan.opportunities { if let id = opportunity.offering?.value { ids.insert(id) } }
            }
            offerings = ids.sorted().map { Offering(id: $0, name: $0) }
        }
        let column = Dictionary(offerings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var accounts: [Account] = []
        accounts.reserveCapacity(plans.count)
        for plan in plans {
            var cells = Array(repeating: Cell(), count: offerings.count)
            func add(_ offering: Located<String>?, _ state: State?, _ line: Int, _ message: String) {
                guard let offering, let state, let index = column[offering.value] else { return }
                cells[index].evidence.append(Evidence(path: plan.path, line: line, state: state, message: message))
            }
            for product in plan.installedBase {
                add(product.offering, installedState(product), product.location.line,
                    "\(product.product?.value ?? "?") (\(product.status?.value.rawValue ?? "live"))")
            }
            for opportunity in plan.opportunities {
                add(opportunity.offering, opportunityState(opportunity, config: config), opportunity.location.line,
                    "\(opportunity.id?.value ?? "?") (\(opportunity.stage?.value ?? "?"))")
            }
            for index in cells.indices where !cells[index].evidence.isEmpty {
                // Stable: rows of equal strength stay in file order.
                cells[index].evidence = cells[index].evidence.enumerated()
                    .sorted { ($0.element.state, $0.offset) < ($1.element.state, $1.offset) }.map(\.element)
                cells[index].state = cells[index].evidence[0].state
            }
            accounts.append(Account(id: plan.id, path: plan.path, name: plan.header.name?.value, industry: plan.header.industry?.value,
                                    segments: plan.header.segments.map(\.value), manager: plan.header.manager?.value, cells: cells))
        }
        var result = Whitespace(offerings: offerings, fromCatalogue: fromCatalogue, accounts: accounts,
                                counts: counts(of: accounts.indices, in: accounts, offerings: offerings.count))
        result.dimension = dimension
        if let dimension {
            result.groups = groups(by: dimension, plans: plans, accounts: accounts, workspace: workspace, offerings: offerings.count)
            let grouped = Set(result.groups.flatMap(\.members))
            result.ungrouped = accounts.indices.filter { !grouped.contains($0) }
        }
        return result
    }

    /// An installed product is installed while it is live or being implemented (no status: live);
    /// a retired one no longer counts, nor does one whose status is misspelt (`retird`: an
    /// `invalid-value` error in lint) — it might be retired.
    static func installedState(_ product: InstalledProduct) -> State? {
        product.statusInvalid || product.status?.value == .retired ? nil : .installed
    }

    /// A won stage is won, another closed stage lost, an open stage pipeline; an unknown stage
    /// (an `invalid-value` of lint) says nothing.
    static func opportunityState(_ opportunity: Opportunity, config: WorkspaceConfig) -> State? {
        guard let id = opportunity.stage?.value, let stage = config.opportunityStage(id) else { return nil }
        return stage.isWon ? .won : stage.closed ? .lost : .pipeline
    }

    public static func counts(of members: some Sequence<Int>, in accounts: [Account], offerings: Int) -> [Counts] {
        var counts = Array(repeating: Counts(), count: offerings)
        for member in members {
            for (index, cell) in accounts[member].cells.enumerated() { counts[index].add(cell.state) }
        }
        return counts
    }

    static func groups(by dimension: Rollup.Dimension, plans: [Plan], accounts: [Account], workspace: Workspace,
                       offerings: Int) -> [Group] {
        var members: [String: [Int]] = [:]
        for (index, plan) in plans.enumerated() {
            for (_, id) in Rollup.memberships(plan, [dimension]) { members[id, default: []].append(index) }
        }
        let kind: PlanKind? = dimension == .industry ? .industry : dimension == .segment ? .segment : nil
        var names: [String: String] = [:]
        if let kind {
            for plan in workspace.plans where plan.kind == kind && plan.isReadable {
                if names[plan.id] == nil, let name = plan.header.name?.value { names[plan.id] = name }
            }
        } else if dimension == .manager {
            names = workspace.config.people
        }
        return members.keys.sorted().map { id in
            let indices = members[id] ?? []
            return Group(dimension: dimension, id: id, name: names[id], members: indices,
                         counts: counts(of: indices, in: accounts, offerings: offerings))
        }
    }
}
