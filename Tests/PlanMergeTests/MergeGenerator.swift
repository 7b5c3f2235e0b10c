import Foundation

/// The account plans the merge's property tests generate and edit: front matter (a stage, the
/// `team` and `segments` lists), the three keyed tables, Actions, Moments of truth and a prose
/// section; a side may add the Opportunities table's optional Probability column. Every value is
/// one the linter accepts in the workspace of ``MergeLintWorkspace``.
struct GeneratedPlan: Equatable {
    /// A keyed table: rows of a key and the other cells.
    struct Table: Equatable {
        var header: [String]
        var rows: [Row] = []

        struct Row: Equatable {
            var key: String
            var cells: [String]
            var line: String { "| \(key) | " + cells.joined(separator: " | ") + " |" }
        }

        var text: String {
            "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: header.count) + "\n"
                + rows.map { $0.line + "\n" }.joined()
        }
    }

    /// An Actions item (`done` nil) or a moment of truth.
    struct Item: Equatable {
        var done: Bool?
        var date: String
        var owner: String
        var text: String
        var line: String { "- " + (done.map { $0 ? "[x] " : "[ ] " } ?? "") + "\(date) @\(owner) \(text)" }
    }

    var stage = "departmental"
    var team = ["wang-fang", "chen-hao"]
    var segments = ["new-logo-growth"]
    var stakeholders = Table(header: ["Name", "Title", "Role", "Relationship", "Owner"])
    var installed = Table(header: ["Product", "Modules", "Since", "Status"])
    var opportunities = Table(header: ["ID", "Name", "Stage", "Amount", "Close"])
    var actions: [Item] = []
    var moments: [Item] = []
    var prose = ["Budget freeze until March.", "The CFO prefers one vendor."]

    static func == (a: GeneratedPlan, b: GeneratedPlan) -> Bool { a.text == b.text }

    var tables: [Table] { [stakeholders, installed, opportunities] }

    var text: String {
        var text = "---\nname: Acme\nindustry: tobacco\nsegments: [\(segments.joined(separator: ", "))]\nstage: \(stage)\n"
        text += "manager: li-you\nteam: [\(team.joined(separator: ", "))]\nreviewed: 2026-11-01\n---\n# Acme\n\n"
        text += "## Stakeholders\n\n" + stakeholders.text
        text += "\n## Installed base\n\n" + installed.text
        text += "\n## Opportunities\n\n" + opportunities.text
        text += "\n## Actions\n\n" + actions.map { $0.line + "\n" }.joined()
        text += "\n## Moments of truth\n\n" + moments.map { $0.line + "\n" }.joined()
        text += "\n## Risks\n\n" + prose.map { $0 + "\n" }.joined()
        return text
    }

    static let stages = ["qualify", "develop", "propose", "negotiate", "won", "lost"]
    static let people = ["wang-fang", "chen-hao", "zhao-lei", "huang-mei", "wu-qiang"]
    static let segmentIDs = ["new-logo-growth", "installed-base-high-end", "key-accounts"]
    static let roles = ["decision-maker", "influencer", "user", "gatekeeper"]
    static let relationships = ["strong", "medium", "weak", "none"]
    static let statuses = ["live", "implementing", "retired"]

    static func base(_ rng: inout SeededRNG) -> GeneratedPlan {
        var plan = GeneratedPlan()
        plan.stakeholders.rows.append(.init(key: "Bai Xue", cells: ["CIO", "sponsor", "strong", "li-you"]))
        for index in 0..<Int.random(in: 0...3, using: &rng) {
            plan.stakeholders.rows.append(.init(key: "Person \(index)", cells: ["Head \(index)", roles.randomElement(using: &rng)!,
                                                                                relationships.randomElement(using: &rng)!, "li-you"]))
        }
        for index in 0..<Int.random(in: 0...3, using: &rng) {
            plan.installed.rows.append(.init(key: "Product \(index)", cells: ["Module \(index)", "201\(index)", "live"]))
        }
        for index in 0..<Int.random(in: 1...6, using: &rng) {
            plan.opportunities.rows.append(.init(key: "opp-\(index)", cells: ["Deal \(index)", stages.randomElement(using: &rng)!,
                                                                             "\(index + 1).5M", "2027-0\(index % 9 + 1)-15"]))
        }
        for index in 0..<Int.random(in: 0...4, using: &rng) {
            plan.actions.append(Item(done: false, date: "2026-12-1\(index)", owner: "li-you", text: "Task \(index)"))
        }
        for index in 0..<Int.random(in: 0...3, using: &rng) {
            plan.moments.append(Item(done: nil, date: "2026-0\(index + 1)-03", owner: "li-you", text: "Moment \(index)"))
        }
        return plan
    }

    /// A few random edits; `side` keeps what one side adds apart from what the other adds
    /// (except `opp-shared`, a key renamed with the suffix `-x` and list elements, which both
    /// sides may add alike).
    static func edit(_ plan: GeneratedPlan, side: String, _ rng: inout SeededRNG) -> GeneratedPlan {
        var plan = plan
        for step in 0..<Int.random(in: 1...5, using: &rng) {
            let tag = "\(side)\(step)"
            switch Int.random(in: 0..<21, using: &rng) {
            case 0: plan.opportunities.add(.init(key: "opp-\(tag)", cells: ["New \(tag)", "qualify", "0.\(step + 1)M", "2027-12-31"]))
            case 1 where !plan.opportunities.rows.contains { $0.key == "opp-shared" }:
                plan.opportunities.add(.init(key: "opp-shared", cells: ["Shared", "qualify", "1M", "2027-10-01"]))
            case 2: plan.opportunities.removeRandom(&rng)
            case 3: plan.opportunities.editRandom(cell: 2, to: "\(side)\(Int.random(in: 1...9, using: &rng))M", &rng)
            case 4: plan.opportunities.editRandom(cell: 1, to: stages.randomElement(using: &rng)!, &rng)
            case 5: plan.opportunities.rows.shuffle(using: &rng)
            case 6: plan.opportunities.renameRandom(suffix: Bool.random(using: &rng) ? side : "x", &rng)
            case 7: plan.stakeholders.rows.append(.init(key: "Person \(tag)", cells: ["Lead \(tag)", "user", "weak", "li-you"]))
            case 8: plan.stakeholders.editRandom(cell: 2, to: relationships.randomElement(using: &rng)!, &rng)
            case 9 where plan.stakeholders.rows.count > 1: plan.stakeholders.rows.remove(at: Int.random(in: 1..<plan.stakeholders.rows.count, using: &rng))
            case 10: plan.installed.rows.append(.init(key: "Product \(tag)", cells: ["Module \(tag)", "2026", "implementing"]))
            case 11: plan.installed.editRandom(cell: 2, to: statuses.randomElement(using: &rng)!, &rng)
            case 12: plan.installed.renameRandom(suffix: Bool.random(using: &rng) ? side : "x", &rng)
            case 13 where !plan.actions.isEmpty:
                let index = Int.random(in: 0..<plan.actions.count, using: &rng)
                if Bool.random(using: &rng) { plan.actions[index].done?.toggle() } else { plan.actions[index].owner = people.randomElement(using: &rng)! }
            case 14: plan.actions.append(Item(done: false, date: "2027-01-0\(step + 1)", owner: "li-you", text: "Follow-up \(tag)"))
            case 15:
                if !plan.moments.isEmpty, Bool.random(using: &rng) {
                    plan.moments[Int.random(in: 0..<plan.moments.count, using: &rng)].date = "2026-1\(Int.random(in: 0...1, using: &rng))-0\(step + 1)"
                } else {
                    plan.moments.append(Item(done: nil, date: "2026-11-2\(step)", owner: "li-you", text: "Moment \(tag)"))
                }
            case 16:
                let person = people.randomElement(using: &rng)!
                if let index = plan.team.firstIndex(of: person) { plan.team.remove(at: index) } else { plan.team.append(person) }
            case 17:
                let segment = segmentIDs.randomElement(using: &rng)!
                if let index = plan.segments.firstIndex(of: segment) { plan.segments.remove(at: index) } else { plan.segments.append(segment) }
            case 18: plan.stage = ["integration", "industry-solution"].randomElement(using: &rng)!
            case 19 where !plan.opportunities.header.contains("Probability"):
                // A column added: the optional Probability, after Amount, filled in one row.
                plan.opportunities.header.insert("Probability", at: 4)
                let filled = Int.random(in: 0..<max(1, plan.opportunities.rows.count), using: &rng)
                for index in plan.opportunities.rows.indices { plan.opportunities.rows[index].cells.insert(index == filled ? "\(side == "o" ? 40 : 60)%" : "", at: 3) }
            default:
                // Prose: a line added, changed or removed.
                let index = Int.random(in: 0...plan.prose.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0 where index < plan.prose.count: plan.prose[index] += " Edited by \(tag)."
                case 1 where index < plan.prose.count: plan.prose.remove(at: index)
                default: plan.prose.insert("Note from \(tag).", at: index)
                }
            }
        }
        return plan
    }
}

extension GeneratedPlan.Table {
    /// A row given with the other cells of the base's columns; empty where columns were added.
    mutating func add(_ row: Row) {
        var row = row
        if header.contains("Probability") { row.cells.insert("", at: 3) }
        rows.append(row)
    }

    /// A row's cell by its column's name ("" when the table has no such column).
    func value(_ row: Row, _ column: String) -> String {
        guard let index = header.firstIndex(of: column), index > 0, index - 1 < row.cells.count else { return "" }
        return row.cells[index - 1]
    }

    mutating func removeRandom(_ rng: inout SeededRNG) {
        guard !rows.isEmpty else { return }
        rows.remove(at: Int.random(in: 0..<rows.count, using: &rng))
    }

    mutating func editRandom(cell: Int, to value: String, _ rng: inout SeededRNG) {
        guard !rows.isEmpty else { return }
        rows[Int.random(in: 0..<rows.count, using: &rng)].cells[cell] = value
    }

    /// A row's key changed (the other cells kept): a deletion and an addition for the merge.
    mutating func renameRandom(suffix: String, _ rng: inout SeededRNG) {
        guard !rows.isEmpty else { return }
        let index = Int.random(in: 0..<rows.count, using: &rng)
        rows[index].key += "-\(suffix)"
    }
}

/// SplitMix64: a small, fast, seeded generator, so a failing triple can be reproduced.
struct SeededRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
