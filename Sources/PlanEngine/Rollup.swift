import Dispatch
import Foundation
import PlanModel
import PlanSupport

/// The lifecycle rollup management reads (PLAN_FORMAT.md §8): for every group (an industry or
/// segment, or a manager, region or ABU) the accounts on each lifecycle stage, targets against
/// actuals, pipeline, actions, stale plans and health. Pure: a workspace snapshot in, numbers out.
public struct Rollup: Sendable {
    /// What groups are formed by.
    public enum Dimension: String, Sendable, CaseIterable, Comparable {
        case industry, segment, manager, region, abu

        public static func < (lhs: Dimension, rhs: Dimension) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The amounts of a group's opportunities: open, weighted by probability, and won.
    public struct PipelineAmounts: Sendable, Equatable {
        public var open: Decimal = 0
        public var weighted: Decimal = 0
        public var won: Decimal = 0
    }

    public struct Actions: Sendable, Equatable {
        public var open = 0
        public var overdue = 0
        public var done = 0
    }

    /// How many of a group's accounts have each `health:` (the model's ``Health``) or none.
    public struct HealthCounts: Sendable, Equatable {
        public var green = 0
        public var yellow = 0
        public var red = 0
        public var unset = 0
    }

    public struct StageTarget: Sendable, Equatable {
        public var stage: String
        public var target: Int
        public var actual: Int
    }

    public struct Revenue: Sendable, Equatable {
        public var target: Decimal?
        public var planned: Decimal = 0
        public var gap: Decimal? { target.map { $0 - planned } }
    }

    /// Lifecycle moves in a group since an earlier revision.
    public struct Moved: Sendable, Equatable {
        public var up = 0
        public var down = 0
        public var new = 0
        public var removed = 0

        public init(up: Int = 0, down: Int = 0, new: Int = 0, removed: Int = 0) {
            self.up = up
            self.down = down
            self.new = new
            self.removed = removed
        }
    }

    /// A group's identity: its dimension and id (`industry` `tobacco`).
    public struct GroupKey: Hashable, Sendable {
        public var dimension: Dimension
        public var id: String

        public init(_ dimension: Dimension, _ id: String) {
            self.dimension = dimension
            self.id = id
        }
    }

    public struct Group: Sendable {
        public var dimension: Dimension
        public var id: String
        public var key: GroupKey { GroupKey(dimension, id) }
        public var name: String?
        public var hasPlan: Bool
        /// Member account ids, sorted.
        public var members: [String] = []
        public var accounts: Int { members.count }
        /// Every configured stage, in lifecycle order, zeros included.
        public var stageCounts: [(stage: String, count: Int)] = []
        public var stageTargets: [StageTarget] = []
        public var revenue = Revenue()
        public var pipeline = PipelineAmounts()
        public var actions = Actions()
        public var stale = 0
        public var health = HealthCounts()
        public var score = ScoreSummary()
        public var moved: Moved?
    }

    public struct Totals: Sendable {
        public var accounts = 0
        public var stageCounts: [(stage: String, count: Int)] = []
        public var pipeline = PipelineAmounts()
        public var actions = Actions()
        public var stale = 0
        public var health = HealthCounts()
        public var score = ScoreSummary()
    }

    public var asOf: CalendarDate
    public var currency: String
    public var stages: [String]
    public var groups: [Group]
    public var total: Totals
    /// Each counted account's own figures, by account id (what the groups and the total add up).
    public var figures: [String: AccountFigures] = [:]

    /// The account plans a rollup counts: readable ones, one per id (a second file with the same
    /// id is a duplicate-id error, not a second account; plans are sorted by path, so the first
    /// is kept, as everywhere).
    public static func countedAccounts(_ workspace: Workspace) -> [Plan] {
        var seenIDs = Set<String>()
        return workspace.plans.filter { $0.kind == .account && $0.isReadable && seenIDs.insert($0.id).inserted }
    }

    /// Whether a plan reviewed on `reviewed` is stale as of `asOf`: reviewed more than
    /// `review_interval_days` before. Lint's `stale-review` asks the same question.
    public static func isStale(reviewed: CalendarDate, asOf: CalendarDate, config: WorkspaceConfig) -> Bool {
        reviewed < asOf.adding(days: -config.reviewIntervalDays)
    }

    /// Whether an action is overdue as of `asOf`: open, and due before that day.
    public static func isOverdue(_ action: PlanAction, asOf: CalendarDate) -> Bool {
        guard !action.done, let due = action.due?.value else { return false }
        return due < asOf
    }

    /// Computes the rollup of `workspace` as of `asOf`, grouped by `dimensions` (the spec's default
    /// is industries and segments). `scores`: the accounts' health scores as of `asOf` by plan
    /// path, when the caller has them already (the report does); the rest are computed.
    public static func compute(_ workspace: Workspace, asOf: CalendarDate,
                               dimensions: [Dimension] = [.industry, .segment], scores: [String: ScoreAndBand] = [:]) -> Rollup {
        let config = workspace.config
        let stages = config.lifecycle.map(\.id)
        let accounts = countedAccounts(workspace)
        var groups: [GroupKey: Group] = [:]

        // Groups that have a plan exist even without members.
        for plan in workspace.plans where plan.isReadable {
            guard let dimension: Dimension = plan.kind == .industry ? .industry : plan.kind == .segment ? .segment : nil,
                  dimensions.contains(dimension) else { continue }
            var group = groups[GroupKey(dimension, plan.id)] ?? Group(dimension: dimension, id: plan.id, hasPlan: true)
            group.hasPlan = true
            group.name = plan.header.name?.value
            if let targets = plan.header.targets {
                group.revenue.target = targets.revenue.flatMap { config.convert($0.value) }
                group.stageTargets = targets.stages.map { StageTarget(stage: $0.stage.value, target: $0.count, actual: 0) }
            }
            groups[GroupKey(dimension, plan.id)] = group
        }
        for account in accounts {
            for (dimension, id) in memberships(account, dimensions) {
                // In place: a copy taken out of the dictionary would copy `members` on every append.
                let key = GroupKey(dimension, id)
                if groups[key] == nil {
                    var group = Group(dimension: dimension, id: id, hasPlan: false)
                    if dimension == .manager { group.name = config.people[id] }
                    groups[key] = group
                }
                groups[key]!.members.append(account.id)
            }
        }
        // Each account's figures once, on all cores (Decimal arithmetic dominates).
        let computed = concurrentMap(accounts.count) {
            AccountFigures(accounts[$0], config: config, asOf: asOf, score: scores[accounts[$0].path])
        }
        var figures: [String: AccountFigures] = [:]
        for (index, account) in accounts.enumerated() where figures[account.id] == nil {
            figures[account.id] = computed[index]
        }
        var result = Rollup(asOf: asOf, currency: config.currency, stages: stages, groups: [], total: Totals())
        for (_, var group) in groups {
            group.members.sort()
            let members = group.members.compactMap { figures[$0] }
            let measures = Measures(members, config: config)
            group.stageCounts = measures.stageCounts
            group.revenue.planned = measures.plannedRevenue
            group.pipeline = measures.pipeline
            group.actions = measures.actions
            group.stale = measures.stale
            group.health = measures.health
            group.score = measures.score
            for index in group.stageTargets.indices {
                let stage = group.stageTargets[index].stage
                let threshold = config.lifecycleIndex(stage) ?? Int.max
                group.stageTargets[index].actual = members.filter { member in
                    member.stage.flatMap { config.lifecycleIndex($0) }.map { $0 >= threshold } ?? false
                }.count
            }
            result.groups.append(group)
        }
        result.groups.sort { ($0.dimension, $0.id) < ($1.dimension, $1.id) }
        let all = Measures(accounts.compactMap { figures[$0.id] }, config: config)
        result.total = Totals(accounts: accounts.count, stageCounts: all.stageCounts, pipeline: all.pipeline,
                              actions: all.actions, stale: all.stale, health: all.health, score: all.score)
        result.figures = figures
        return result
    }

    /// The groups an account belongs to along `dimensions`.
    static func memberships(_ account: Plan, _ dimensions: [Dimension]) -> [(Dimension, String)] {
        var result: [(Dimension, String)] = []
        for dimension in dimensions {
            switch dimension {
            case .industry: if let id = account.header.industry?.value { result.append((dimension, id)) }
            case .segment: for id in Set(account.header.segments.map(\.value)).sorted() { result.append((dimension, id)) }
            case .manager: if let id = account.header.manager?.value { result.append((dimension, id)) }
            case .region: if let id = account.header.region?.value { result.append((dimension, id)) }
            case .abu: if let id = account.header.abu?.value { result.append((dimension, id)) }
            }
        }
        return result
    }

    /// One account's own figures, computed once and then added into every group it belongs to
    /// (Decimal arithmetic is slow; an account is a member of three or four groups).
    public struct AccountFigures: Sendable {
        public var stage: String?
        /// `revenue_target` in the workspace currency (0 without one).
        public var plannedRevenue: Decimal = 0
        public var pipeline = PipelineAmounts()
        public var actions = Actions()
        public var isStale = false
        public var health: Health?
        /// The computed health score and its band (``HealthScore``), beside the written `health:`.
        public var score = 0
        public var band = ScoreBand.red

        /// `score`: the plan's health score as of `asOf` when it is known already.
        public init(_ plan: Plan, config: WorkspaceConfig, asOf: CalendarDate, score known: ScoreAndBand? = nil) {
            stage = plan.header.stage?.value
            plannedRevenue = plan.header.revenueTarget.flatMap { config.convert($0.value) } ?? 0
            var won = DecimalSum(), open = DecimalSum(), weightedTimes100 = DecimalSum()
            for opportunity in plan.opportunities {
                guard let amount = opportunity.convertedAmount(config) else { continue }
                if opportunity.isWon(config) { won.add(amount) }
                guard !opportunity.isClosed(config) else { continue }
                open.add(amount)
                if let probability = opportunity.effectiveProbability(config) { weightedTimes100.add(amount, times: probability) }
            }
            (pipeline.won, pipeline.open) = (won.value, open.value)
            pipeline.weighted = weightedTimes100.value.dividedByHundred
            for action in plan.actions {
                if action.done {
                    actions.done += 1
                } else {
                    actions.open += 1
                    if Rollup.isOverdue(action, asOf: asOf) { actions.overdue += 1 }
                }
            }
            if let reviewed = plan.header.reviewed?.value { isStale = Rollup.isStale(reviewed: reviewed, asOf: asOf, config: config) }
            health = plan.header.health?.value
            let computed = known ?? HealthScore.scoreAndBand(plan, config: config, asOf: asOf)
            (score, band) = (computed.score, computed.band)
        }
    }

    /// The numbers of a set of member accounts: the sum of their figures.
    struct Measures {
        var stageCounts: [(stage: String, count: Int)] = []
        var plannedRevenue: Decimal = 0
        var pipeline = PipelineAmounts()
        var actions = Actions()
        var stale = 0
        var health = HealthCounts()
        var score = ScoreSummary()

        init(_ members: [AccountFigures], config: WorkspaceConfig) {
            var counts = [String: Int]()
            var planned = DecimalSum(), open = DecimalSum(), weighted = DecimalSum(), won = DecimalSum()
            for figures in members {
                if let stage = figures.stage { counts[stage, default: 0] += 1 }
                planned.add(figures.plannedRevenue)
                open.add(figures.pipeline.open)
                weighted.add(figures.pipeline.weighted)
                won.add(figures.pipeline.won)
                actions.open += figures.actions.open
                actions.overdue += figures.actions.overdue
                actions.done += figures.actions.done
                if figures.isStale { stale += 1 }
                switch figures.health {
                case .green: health.green += 1
                case .yellow: health.yellow += 1
                case .red: health.red += 1
                case nil: health.unset += 1
                }
                score.add(score: figures.score, band: figures.band)
            }
            (plannedRevenue, pipeline.open, pipeline.weighted, pipeline.won) = (planned.value, open.value, weighted.value, won.value)
            stageCounts = config.lifecycle.map { ($0.id, counts[$0.id] ?? 0) }
        }
    }
}
