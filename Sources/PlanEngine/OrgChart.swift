import Foundation
import PlanModel

/// The customer's organisation as a plan's Stakeholders table draws it with its `Reports to`
/// column: who reports to whom, which names point at nobody, and the cycles. Stakeholders are
/// named by their Name cell; `Reports to` names another row of the same table (exactly, or
/// ignoring case and surrounding blanks).
public struct OrgChart: Sendable {
    /// For each stakeholder (by index in `plan.stakeholders`), the index of the one it reports
    /// to; nil at the top, for an unknown name, and inside a cycle (where the chain is cut).
    public private(set) var manager: [Int?]
    /// Stakeholders whose `Reports to` names nobody in the table.
    public private(set) var unknown: [Int] = []
    /// Each cycle once, as stakeholder indices in reporting order, starting at its first row.
    public private(set) var cycles: [[Int]] = []

    public init(_ stakeholders: [Stakeholder]) {
        var byName: [String: Int] = [:]
        for (index, person) in stakeholders.enumerated() {
            if let name = person.name?.value, byName[Self.normalized(name)] == nil { byName[Self.normalized(name)] = index }
        }
        var manager = [Int?](repeating: nil, count: stakeholders.count)
        for (index, person) in stakeholders.enumerated() {
            guard let written = person.reportsTo?.value, !written.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            if let target = byName[Self.normalized(written)] { manager[index] = target } else { unknown.append(index) }
        }
        // Cycles: follow each chain; a chain that comes back to a row it passed is a cycle.
        var state = [UInt8](repeating: 0, count: stakeholders.count)  // 0 new, 1 on the path, 2 done
        for start in stakeholders.indices where state[start] == 0 {
            var path: [Int] = []
            var current: Int? = start
            while let node = current, state[node] == 0 {
                state[node] = 1
                path.append(node)
                current = manager[node]
            }
            if let node = current, state[node] == 1, let at = path.firstIndex(of: node) {
                var cycle = Array(path[at...])
                let first = cycle.indices.min { cycle[$0] < cycle[$1] } ?? 0
                cycle = Array(cycle[first...] + cycle[..<first])
                cycles.append(cycle)
            }
            for node in path { state[node] = 2 }
        }
        for cycle in cycles { for node in cycle { manager[node] = nil } }
        self.manager = manager
    }

    /// The stakeholders at the top (reporting to no one in the table), in table order.
    public var roots: [Int] { manager.indices.filter { manager[$0] == nil } }

    /// The ones reporting to `index`, in table order.
    public func reports(of index: Int) -> [Int] { manager.indices.filter { manager[$0] == index } }

    static func normalized(_ name: String) -> String { name.trimmingCharacters(in: .whitespaces).lowercased() }
}
