import Foundation
import PlanEngine
import PlanModel
import PlanReports
import Testing

/// `--format`'s choices are the format lists: names in order, unique, and each format writes what
/// its reporter writes.
struct OutputFormatsTests {
    @Test func theListsNameEveryFormatOnceWithTheDefaultFirst() {
        #expect(LintFormats.all.map(\.name) == ["text", "json", "github", "sarif"])
        #expect(DiffFormats.all.map(\.name) == ["text", "json", "markdown"])
        #expect(RollupFormats.all.map(\.name) == ["text", "json", "csv", "markdown"])
    }

    @Test func onlyGitHubAndSARIFNameFilesFromTheRepositoryTop() {
        #expect(LintFormats.all.filter(\.namesFilesFromRepositoryTop).map(\.name) == ["github", "sarif"])
    }

    @Test func eachLintFormatWritesItsReportersOutput() {
        let report = ReporterGoldenTests.report
        let written = Dictionary(uniqueKeysWithValues: LintFormats.all.map { ($0.name, $0.render(report, color: true)) })
        #expect(written["text"] == TextReporter.render(report, color: true))
        #expect(written["json"] == JSONReporter.render(report))
        #expect(written["github"] == GitHubReporter.render(report))
        #expect(written["sarif"] == SARIFReporter.render(report, rules: RuleRegistry.descriptions))
    }

    @Test func eachDiffFormatWritesItsEndsAsItsReaderNamesThem() {
        let changes = [DiffReporterGoldenTests.xinan]
        let ends = DiffEnds(from: "1111111111111111111111111111111111111111", to: "index", fromText: "HEAD (1111111)", toText: "index")
        let written = Dictionary(uniqueKeysWithValues: DiffFormats.all.map { ($0.name, $0.render(changes, between: ends, color: false)) })
        #expect(written["text"] == DiffReporter.text(changes))
        #expect(written["json"] == DiffReporter.json(changes, from: ends.from, to: ends.to))
        #expect(written["markdown"] == DiffReporter.markdown(changes, from: ends.fromText, to: ends.toText))
        #expect(written["markdown"]?.contains("HEAD (1111111)") == true)
    }
}
