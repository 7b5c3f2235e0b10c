import Foundation
import PlanModel
@testable import PlanServices
import Testing

@Suite struct ShowAndReportServiceTests {
    @Test func showFindsAPlanNamesTheOtherKindsOfItsIdAndSuggestsForATypo() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.write("accounts/tobacco.md", ScratchRepository.account("Tobacco Co"))
        let found = try ShowService.find("tobacco", kind: nil, workspace: repo.root.path, at: .workingTree)
        #expect(found.plan.kind == .account && found.otherKinds == [.industry])
        try found.requireReadable()
        #expect(found.problems == 0)
        let industry = try ShowService.find("tobacco", kind: .industry, workspace: repo.root.path, at: .workingTree)
        #expect(industry.plan.path == "industries/tobacco.md" && industry.otherKinds.isEmpty)
        do {
            _ = try ShowService.find("tobaco", kind: nil, workspace: repo.root.path, at: .workingTree)
            Issue.record("a plan that does not exist was found")
        } catch let failure as ToolFailure {
            #expect(failure.message == "no plan 'tobaco' in the workspace (did you mean 'tobacco'?)")
        }
    }

    @Test func showRefusesAPlanWithMergeConflictsOnlyWhenAskedToRead() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme") + "<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> other\n")
        let found = try ShowService.find("acme", kind: .account, workspace: repo.root.path, at: .workingTree)
        #expect(throws: ToolFailure.self) { try found.requireReadable() }
    }

    @Test func theReportIsWrittenIntoANewFolderWithItsMarker() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme"))
        try repo.commitAll("Acme", on: "2026-01-15")
        let output = repo.root.appendingPathComponent("report").path
        var warnings: [ServiceWarning] = []
        let written = try ReportService.write(output: output, workspace: repo.root.path, at: .workingTree, since: nil,
                                              trend: .quarterly, asOf: ScratchRepository.asOf, warn: { warnings.append($0) })
        #expect(written.accounts == 1 && warnings.isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: output)
        #expect(names.contains("index.html") && names.contains(".acctplan-report") && names.contains("accounts"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output + "/accounts") == ["acme.html"])
        // A folder that holds something else is refused.
        let other = repo.root.appendingPathComponent("accounts").path
        #expect(throws: ToolFailure.self) {
            try ReportService.write(output: other, workspace: repo.root.path, at: .workingTree, since: nil, trend: .quarterly,
                                    asOf: ScratchRepository.asOf)
        }
    }
}

/// The views/ folder of the report: made only when a view has a page; an earlier report's view
/// pages are removed when the views are gone; a views/ that is a link is never followed.
/// A plan with CRLF line ends is the same plan (docs/format.md): its account page shows the
/// same prose sections, rendered the same, as the plan with LF ends.
@Suite struct ReportProseLineEndTests {
    @Test func aCRLFPlansProseSectionsAreOnItsPageAsAnLFPlans() throws {
        let prose = "\n## Risks\n\nThe CIO retires in **March**; her successor is not known.\n\n## Service notes\n\n- Quarterly review\n"
        func page(_ lineEnd: String) throws -> String {
            let repo = try ScratchRepository()
            defer { repo.remove() }
            let plan = ScratchRepository.account("Acme") + prose
            try repo.write("accounts/acme.md", plan.replacingOccurrences(of: "\n", with: lineEnd))
            let output = repo.root.appendingPathComponent("report").path
            _ = try ReportService.write(output: output, workspace: repo.root.path, at: .workingTree, since: nil, trend: .quarterly,
                                        asOf: ScratchRepository.asOf)
            return try String(contentsOfFile: output + "/accounts/acme.html", encoding: .utf8)
        }
        let lf = try page("\n"), crlf = try page("\r\n")
        #expect(lf.contains("<section class=\"prose\"><h2>Risks</h2>"))
        #expect(lf.contains("<strong>March</strong>") && lf.contains("<li>Quarterly review</li>"))
        #expect(crlf == lf)
        #expect("a\r\nb\n\nc\rd\r\n".splitLines() == ["a", "b", "", "c\rd", ""])
    }
}

@Suite struct ReportViewsFolderTests {
    @Test func viewsFolderIsMadeWhenNeededCleanedAndNeverFollowed() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme"))
        try repo.write("acctplan.yml", "views:\n  all: \"accounts\"\n")
        let output = repo.root.appendingPathComponent("report").path
        func write() throws {
            _ = try ReportService.write(output: output, workspace: repo.root.path, at: .workingTree, since: nil, trend: .quarterly,
                                        asOf: ScratchRepository.asOf)
        }
        try write()
        #expect(try FileManager.default.contentsOfDirectory(atPath: output + "/views") == ["all.html"])
        // Without views: the old page goes (the empty folder may stay), nothing new is made.
        try repo.write("acctplan.yml", "currency: CNY\n")
        try write()
        #expect(try FileManager.default.contentsOfDirectory(atPath: output + "/views").isEmpty)
        // views/ a link to a folder of the user's: a report without views leaves it alone.
        let outside = repo.root.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: outside.appendingPathComponent("notes.html"))
        try FileManager.default.removeItem(atPath: output + "/views")
        try FileManager.default.createSymbolicLink(atPath: output + "/views", withDestinationPath: outside.path)
        try write()
        #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("notes.html").path))
        // ...and one with views refuses to write through it.
        try repo.write("acctplan.yml", "views:\n  all: \"accounts\"\n")
        #expect(throws: ToolFailure.self) { try write() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == ["notes.html"])
    }
}

@Suite struct TextconvServiceTests {
    @Test func reorderedRowsGiveTheSameLinesAndAnUnreadableFileNone() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        let two = ScratchRepository.account("Acme").replacingOccurrences(
            of: "| Zhou Ming | decision-maker |", with: "| Zhou Ming | decision-maker |\n| Li Lei | user |")
        let swapped = ScratchRepository.account("Acme").replacingOccurrences(
            of: "| Zhou Ming | decision-maker |", with: "| Li Lei | user |\n| Zhou Ming | decision-maker |")
        let lines = try #require(TextconvService.meaning(of: Data(two.utf8), workspace: repo.root.path))
        #expect(TextconvService.meaning(of: Data(swapped.utf8), workspace: repo.root.path) == lines)
        #expect(lines.contains("stage: departmental\n"))
        #expect(lines.split(separator: "\n").filter { $0.hasPrefix("stakeholders | ") }.count == 2)
        #expect(TextconvService.meaning(of: Data("no front matter\n".utf8), workspace: repo.root.path) == nil)
    }
}
