import Foundation
import PlanEngine
import PlanFormat
import PlanModel
import Testing

/// The plans `acctplan new` writes are already in canonical form, so that `fmt --check` (which
/// the template's CI runs) passes on a plan nobody has edited yet.
struct SkeletonFormTests {
    static let reviewed = CalendarDate(year: 2026, month: 11, day: 29) ?? CalendarDate(dayNumber: 0)

    @Test(arguments: [
        (PlanKind.account, "xinan-tobacco", "Xinan Tobacco"),
        (.account, "shanghai-tobacco", "上海烟草集团"),
        (.account, "quoted", "ACME: \"Group\" #1"),
        (.industry, "energy", "Energy"),
        (.industry, "nengyuan", "能源行业"),
        (.segment, "high-end", "高端 installed base"),
    ])
    func skeletonIsCanonical(kind: PlanKind, id: String, name: String) {
        let fields = PlanSkeleton.Fields(name: name, industry: kind == .account ? "tobacco" : nil,
                                         stage: kind == .account ? "departmental" : nil, manager: "li-you",
                                         reviewed: Self.reviewed)
        let text = PlanSkeleton.text(kind: kind, fields: fields)
        let outcome = Fmt.outcome(text, kind: kind, id: id)
        #expect(outcome == .unchanged, "\(kind) '\(name)': \(Fmt.format(text, kind: kind, id: id))")
        #expect(Fmt.parse(text, kind: kind, id: id).plan.isReadable)
    }
}
