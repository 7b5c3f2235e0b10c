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

    public static func text(kind: PlanKind, fields: Fields) -> String {
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

                ## Stakeholders

                | Name | Title | Role | Relationship | Owner |
                | ---- | ----- | ---- | ------------ | ----- |

                ## Installed base

                | Product | Modules | Since | Status |
                | ------- | ------- | ----- | ------ |

                ## Opportunities

                | ID  | Name | Stage | Amount | Probability | Close |
                | --- | ---- | ----- | ------ | ----------- | ----- |

                ## Actions

                ## Moments of truth

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

                ## Actions

                """
        }
    }

    /// A name as a YAML scalar: quoted when it would otherwise not read back as the same text.
    static func yamlScalar(_ text: String) -> String {
        let special = text.contains(": ") || text.contains(" #") || text.hasPrefix(" ") || text.hasSuffix(" ")
            || text.first.map { "-?:,[]{}#&*!|>'\"%@`".contains($0) } ?? true
        guard special else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
