/// What a rollup's history needs of a plan, and nothing more: whether it could be read, its
/// stage, and the groups it belongs to (industry, segments, manager, region, ABU). A `--since`
/// snapshot and a trend's census read plans at this depth (`PlanParser.Depth.stageAndGroups`),
/// and the history store keeps it per blob so that a later run need not read the blob again.
///
/// A plan made from it (``plan(kind:id:path:)``) is the same whether it was parsed just now or
/// taken from the store: every value is located at the file's start.
public struct StageAndGroups: Sendable, Hashable {
    public var isReadable: Bool
    public var hasMergeConflicts: Bool
    public var stage: String?
    public var industry: String?
    public var segments: [String]
    public var manager: String?
    public var region: String?
    public var abu: String?

    public init(isReadable: Bool = true, hasMergeConflicts: Bool = false, stage: String? = nil, industry: String? = nil,
                segments: [String] = [], manager: String? = nil, region: String? = nil, abu: String? = nil) {
        self.isReadable = isReadable
        self.hasMergeConflicts = hasMergeConflicts
        self.stage = stage
        self.industry = industry
        self.segments = segments
        self.manager = manager
        self.region = region
        self.abu = abu
    }

    /// The part of `plan` a rollup's history reads.
    public init(_ plan: Plan) {
        self.init(isReadable: plan.isReadable, hasMergeConflicts: plan.hasMergeConflicts, stage: plan.header.stage?.value,
                  industry: plan.header.industry?.value, segments: plan.header.segments.map(\.value),
                  manager: plan.header.manager?.value, region: plan.header.region?.value, abu: plan.header.abu?.value)
    }

    /// The key of a blob's values in a store: its content key (the blob id) and the kind of plan
    /// it was read as (the front matter's keys mean different things to different kinds).
    public static func storeKey(contentKey: String, kind: PlanKind) -> String { contentKey + " " + kind.rawValue }

    /// A plan holding only these values, each located at the file's start.
    public func plan(kind: PlanKind, id: String, path: String) -> Plan {
        var plan = Plan(kind: kind, id: id, path: path)
        plan.isReadable = isReadable
        plan.hasMergeConflicts = hasMergeConflicts
        let at = SourceLocation.fileStart
        plan.header.stage = stage.map { Located($0, at: at) }
        plan.header.industry = industry.map { Located($0, at: at) }
        plan.header.segments = segments.map { Located($0, at: at) }
        plan.header.manager = manager.map { Located($0, at: at) }
        plan.header.region = region.map { Located($0, at: at) }
        plan.header.abu = abu.map { Located($0, at: at) }
        return plan
    }
}
