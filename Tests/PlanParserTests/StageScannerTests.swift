import Foundation
import PlanModel
import PlanParser
import Testing

/// `StageScanner` against the full front-matter parse it stands in for: whenever the scanner
/// answers, its answer is the full parse's (`readable ? stage ?? "" : ""`); when it cannot be sure,
/// it answers nil and the caller parses in full.
struct StageScannerTests {
    static func fullParse(_ data: Data) -> String {
        let plan = PlanParser(config: WorkspaceConfig()).parse(data, path: "accounts/a.md", kind: .account, id: "a",
                                                               depth: .frontMatter).plan
        return plan.isReadable ? plan.header.stage?.value ?? "" : ""
    }

    static let generated = """
        ---
        name: Tianshan Chemicals Holdings
        industry: ind-09
        segments: [seg-16]
        stage: departmental
        manager: p-0033
        team: [p-0193, p-0200]
        region: Northwest
        health: red
        since: 2007-07-12
        reviewed: 2026-11-28
        revenue_target: 29000000
        ---
        # Tianshan Chemicals Holdings

        """

    @Test func readsThePlainFrontMatterTheGeneratorWrites() {
        #expect(StageScanner.stage(of: Data(Self.generated.utf8)) == .some("departmental"))
        #expect(Self.fullParse(Data(Self.generated.utf8)) == "departmental")
        let noStage = Self.generated.replacingOccurrences(of: "stage: departmental\n", with: "")
        #expect(StageScanner.stage(of: Data(noStage.utf8)) == .some(nil))
        #expect(Self.fullParse(Data(noStage.utf8)) == "")
    }

    @Test(arguments: [
        "stage: 'integration'", "stage: \"integration\"", "stage: null", "stage: ~", "stage:", "stage: [a]",
        "stage: &x integration", "stage: *x", "stage: !!str integration", "stage: integration # done",
        "stage: integration\nstage: pilot", "stage: a: b", "stage: x\n  - y", "stage:\n  - a", "stage: {a: 1}",
        "Stage: integration", "stage : integration", "stage:integration", "stage: intégration", "stage: |\n  a",
        "stage: integration \nname: x", "<<<<<<< HEAD\nstage: a\n=======\nstage: b\n>>>>>>> other",
        "name: 'Smith & Sons'\nstage: pilot", "name: a: b\nstage: pilot", "team: [a, 'b']\nstage: pilot",
        "team: [a,, b]\nstage: pilot", "team: [a, b\nstage: pilot",
    ])
    func trickyFrontMatterFallsBackOrAgrees(_ header: String) {
        let data = Data("---\n\(header)\n---\n# Plan\n".utf8)
        if let scanned = StageScanner.stage(of: data) {
            #expect((scanned ?? "") == Self.fullParse(data), "\(header)")
        }
    }

    @Test func fencesEncodingsAndLineEndingsFallBack() {
        for text in ["\u{FEFF}" + Self.generated, Self.generated.replacingOccurrences(of: "\n", with: "\r\n"),
                     "---\nstage: pilot\n", "stage: pilot\n", "---\n---\n# x\n", "---\nstage: pilot\n--- \n# x\n"] {
            let data = Data(text.utf8)
            #expect(StageScanner.stage(of: data) == nil, "\(text.debugDescription)")
        }
    }

    /// Front matter put together from pieces, plain and tricky, with a fixed seed: the scanner
    /// agrees with the full parse on every one it answers, and answers the plain ones.
    @Test func agreesWithTheFullParseOnGeneratedFrontMatter() {
        let keys = ["stage", "name", "industry", "segments", "team", "health", "Stage", "kind", "targets", "since"]
        let separators = [": ", ":", ":  ", " : ", ": "]
        let values = ["integration", "pilot", "null", "~", "", "'quoted'", "\"x\"", "[a, b]", "[a,b]", "[]", "[ a ]", "a #c",
                      "a: b", "&anc x", "*ali", "!!str x", "yes", "x ", "a  b", "1.5", "-x", "- x", "|", ">", "{a: 1}",
                      "é", "x\r", "2024-01-31", "East China", "seg-1.2"]
        let extras = ["  - a", "  b: c", "  more", "# comment", "", "<<<<<<< HEAD", "=======", "---x"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var answered = 0
        for _ in 0..<3000 {
            var lines: [String] = []
            for _ in 0..<(1 + next(6)) {
                let plain = next(3) > 0
                let key = plain ? ["stage", "name", "industry", "team"][next(4)] : keys[next(keys.count)]
                let value = plain ? ["integration", "pilot", "East China", "[a, b-1]", "p-0033"][next(5)] : values[next(values.count)]
                lines.append(key + (plain ? ": " : separators[next(separators.count)]) + value)
                if next(8) == 0 { lines.append(extras[next(extras.count)]) }
            }
            let data = Data(("---\n" + lines.joined(separator: "\n") + "\n---\n# Plan\n").utf8)
            guard let scanned = StageScanner.stage(of: data) else { continue }
            answered += 1
            #expect((scanned ?? "") == Self.fullParse(data), "\(lines)")
        }
        #expect(answered > 300)
    }
}
