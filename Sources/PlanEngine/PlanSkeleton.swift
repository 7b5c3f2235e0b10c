import Foundation
import PlanModel

/// The text of a new plan, as `acctplan new` writes it: complete front matter and the sections a
/// plan of its kind needs, with table headers and no rows. The text is in canonical form (tables
/// aligned as `acctplan fmt` aligns them), so a new plan passes `fmt --check` untouched.
public enum PlanSkeleton {
    public struct Fields: Sendable {
        public var name: String
        public var industry: String?
        public var stage: String?
        public var manager: String?
        public var reviewed: CalendarDate

        public init(name: String, industry: String? = nil, stage: String? = nil, manager: String? = nil,
                    reviewed: CalendarDate) {
            self.name = name
            self.industry = industry
            self.stage = stage
            self.manager = manager
            self.reviewed = reviewed
        }
    }

    public static func text(kind: PlanKind, fields: Fields, schema: PlanSchema = .standard) -> String {
        let name = yamlScalar(fields.name)
        switch kind {
        case .account:
            return """
                ---
                name: \(name)
                industry: \(fields.industry ?? "")
                segments: []
                stage: \(fields.stage ?? "")
                manager: \(fields.manager ?? "")
                team: []
                reviewed: \(fields.reviewed)
                ---
                # \(fields.name)

                Goals for this account: where it is on the lifecycle and what moves it up.

                \(sections(of: .account, in: schema))

                ## Post-go-live service

                """
        case .industry, .segment:
            return """
                ---
                name: \(name)
                owner: \(fields.manager ?? "")
                reviewed: \(fields.reviewed)
                fiscal_year: \(fields.reviewed.year)
                targets:
                  revenue: 0
                  accounts: 0
                  stages: {}
                ---
                # \(fields.name)

                The \(kind.rawValue)'s solution, its customers and this year's targets.

                \(sections(of: kind, in: schema))

                """
        }
    }

    /// The schema's sections of `kind`, in schema order: a heading each, and a table's header
    /// and delimiter rows, aligned as `fmt` aligns them (each column at least 3 wide).
    static func sections(of kind: PlanKind, in schema: PlanSchema) -> String {
        schema.sections.filter { $0.kinds.contains(kind) }.map { section in
            let heading = "## \(section.headings.first ?? section.id)"
            guard !section.columns.isEmpty else { return heading }
            let names = section.columns.map(\.header)
            let widths = names.map { max(3, $0.count) }
            return heading + "\n\n"
                + "| " + zip(names, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |\n"
                + "| " + widths.map { String(repeating: "-", count: $0) }.joined(separator: " | ") + " |"
        }.joined(separator: "\n\n")
    }

    /// A name as a YAML scalar: quoted when it would otherwise not read back as the same text.
    static func yamlScalar(_ text: String) -> String {
        let special = text.contains(": ") || text.contains(" #") || text.hasPrefix(" ") || text.hasSuffix(" ")
            || text.first.map { "-?:,[]{}#&*!|>'\"%@`".contains($0) } ?? true
        guard special else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
