import Foundation
import PlanFormat
import PlanMerge
import Testing

/// A recognized table whose columns differ between the versions: merged by row key over the
/// union of the columns (issue 13), a removed column that the other side changed a conflict.
struct TableColumnsTests {
    /// An account plan whose Opportunities table has `columns` and `rows` (cells as written).
    static func opportunities(_ columns: [String], _ rows: [[String]]) -> String {
        var text = header + "\n## Opportunities\n\n| " + columns.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: columns.count) + "\n"
        text += rows.map { "| " + $0.joined(separator: " | ") + " |\n" }.joined()
        return text + "\n## Risks\n\nNone.\n"
    }

    static let columns = ["ID", "Name", "Stage", "Amount", "Close"]
    static let erp = ["opp-erp", "ERP", "negotiate", "2.4M", "2027-03-31"]
    static let mes = ["opp-mes", "MES", "qualify", "1.2M", "2027-06-30"]

    @Test func aColumnAddedOnOneSideMergesWithRowsEditedAndAddedOnTheOther() {
        let base = Self.opportunities(Self.columns, [Self.erp, Self.mes])
        // Ours: an optional Probability column, filled for the existing rows.
        let ours = Self.opportunities(["ID", "Name", "Stage", "Amount", "Probability", "Close"],
                                      [["opp-erp", "ERP", "negotiate", "2.4M", "80%", "2027-03-31"], ["opp-mes", "MES", "qualify", "1.2M", "", "2027-06-30"]])
        // Theirs: an amount changed and a row added, with the old columns.
        let theirs = Self.opportunities(Self.columns, [["opp-erp", "ERP", "negotiate", "2.6M", "2027-03-31"], Self.mes,
                                                       ["opp-bi", "BI", "propose", "0.5M", "2027-02-28"]])
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0, "\(result.text)")
        #expect(result.fallback == nil)
        #expect(result.text == Self.opportunities(["ID", "Name", "Stage", "Amount", "Probability", "Close"], [
            ["opp-erp", "ERP", "negotiate", "2.6M", "80%", "2027-03-31"], ["opp-mes", "MES", "qualify", "1.2M", "", "2027-06-30"],
            ["opp-bi", "BI", "propose", "0.5M", "", "2027-02-28"],
        ]))
        // The other way round: the same content, theirs' new column after its predecessor.
        let swapped = merge(base, theirs, ours)
        #expect(swapped.conflicts == 0)
        #expect(swapped.text == result.text)
    }

    @Test func aCustomColumnOfTheirsGoesAfterItsPredecessorInTheirs() {
        let base = Self.opportunities(Self.columns, [Self.erp])
        let ours = Self.opportunities(Self.columns, [["opp-erp", "ERP", "won", "2.4M", "2027-03-31"], Self.mes])
        let theirs = Self.opportunities(["ID", "Name", "Stage", "Partner", "Amount", "Close"], [["opp-erp", "ERP", "negotiate", "Accenture", "2.4M", "2027-03-31"]])
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0, "\(result.text)")
        #expect(result.text == Self.opportunities(["ID", "Name", "Stage", "Partner", "Amount", "Close"], [
            ["opp-erp", "ERP", "won", "Accenture", "2.4M", "2027-03-31"], ["opp-mes", "MES", "qualify", "", "1.2M", "2027-06-30"],
        ]))
    }

    @Test func aColumnRemovedOnOneSideIsLeftOutWhenTheOtherDidNotChangeIt() {
        let withProbability = ["ID", "Name", "Stage", "Amount", "Probability", "Close"]
        let base = Self.opportunities(withProbability, [["opp-erp", "ERP", "negotiate", "2.4M", "80%", "2027-03-31"]])
        let ours = Self.opportunities(Self.columns, [Self.erp])
        let theirs = Self.opportunities(withProbability, [["opp-erp", "ERP", "negotiate", "2.6M", "80%", "2027-03-31"]])
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0, "\(result.text)")
        #expect(result.text == Self.opportunities(Self.columns, [["opp-erp", "ERP", "negotiate", "2.6M", "2027-03-31"]]))
    }

    @Test func aColumnRemovedOnOneSideAndChangedOnTheOtherConflictsOverTheTable() {
        let withProbability = ["ID", "Name", "Stage", "Amount", "Probability", "Close"]
        let base = Self.opportunities(withProbability, [["opp-erp", "ERP", "negotiate", "2.4M", "80%", "2027-03-31"]])
        let ours = Self.opportunities(Self.columns, [Self.erp])
        let theirs = Self.opportunities(withProbability, [["opp-erp", "ERP", "negotiate", "2.4M", "90%", "2027-03-31"]])
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 1)
        #expect(result.text.contains("""
            <<<<<<< ours
            | ID | Name | Stage | Amount | Close |
            | --- | --- | --- | --- | --- |
            | opp-erp | ERP | negotiate | 2.4M | 2027-03-31 |
            =======
            | ID | Name | Stage | Amount | Probability | Close |
            | --- | --- | --- | --- | --- | --- |
            | opp-erp | ERP | negotiate | 2.4M | 90% | 2027-03-31 |
            >>>>>>> theirs

            ## Risks
            """), "\(result.text)")
    }

    @Test func aHeaderRenamedOnOneSideKeepsItsNewNameNextToTheOtherSidesNewColumn() {
        let base = Self.opportunities(Self.columns, [Self.erp])
        let ours = Self.opportunities(["ID", "Name", "Stage", "Amount", "Probability", "Close"], [["opp-erp", "ERP", "negotiate", "2.4M", "80%", "2027-03-31"]])
        let theirs = Self.opportunities(["ID", "Name", "Stage", "金额", "Close"], [Self.erp])
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0, "\(result.text)")
        #expect(result.text.contains("| ID | Name | Stage | 金额 | Probability | Close |\n| --- | --- | --- | --- | --- | --- |\n| opp-erp | ERP | negotiate | 2.4M | 80% | 2027-03-31 |\n"),
                "\(result.text)")
    }

    @Test func canonicalTablesWithANewColumnOnOneSideGiveACanonicalResult() throws {
        // As `fmt` writes them: ours adds Probability, theirs a row whose long name widens Name.
        let formatter = PlanFormatter()
        func canonical(_ text: String) throws -> String {
            switch formatter.format(Data(text.utf8), path: "accounts/acme.md", kind: .account, id: "acme") {
            case .unchanged: return text
            case .formatted(let data): return String(decoding: data, as: UTF8.self)
            default: throw CancellationError()
            }
        }
        let withProbability = ["ID", "Name", "Stage", "Amount", "Probability", "Close"]
        let base = try canonical(Self.opportunities(Self.columns, [Self.erp, Self.mes]))
        let ours = try canonical(Self.opportunities(withProbability, [["opp-erp", "ERP", "negotiate", "2.4M", "80%", "2027-03-31"], ["opp-mes", "MES", "qualify", "1.2M", "", "2027-06-30"]]))
        let longRow = ["opp-analytics", "Analytics for the three cigarette factories", "qualify", "1.5M", "2027-09-30"]
        let theirs = try canonical(Self.opportunities(Self.columns, [["opp-erp", "ERP", "negotiate", "2.6M", "2027-03-31"], Self.mes, longRow]))
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 0, "\(result.text)")
        let expected = try canonical(Self.opportunities(withProbability, [
            ["opp-erp", "ERP", "negotiate", "2.6M", "80%", "2027-03-31"], ["opp-mes", "MES", "qualify", "1.2M", "", "2027-06-30"],
            ["opp-analytics", "Analytics for the three cigarette factories", "qualify", "1.5M", "", "2027-09-30"],
        ]))
        #expect(result.text == expected)
        #expect(expected.contains("| opp-analytics | Analytics for the three cigarette factories | qualify   | 1.5M   |             | 2027-09-30 |"), "\(expected)")
    }

    @Test func theSameColumnAddedOnBothSidesConflictsOnlyWhereACellDiffers() {
        let base = Self.opportunities(Self.columns, [Self.erp, Self.mes])
        let withProbability = ["ID", "Name", "Stage", "Amount", "Probability", "Close"]
        let ours = Self.opportunities(withProbability, [["opp-erp", "ERP", "negotiate", "2.4M", "80%", "2027-03-31"], ["opp-mes", "MES", "qualify", "1.2M", "10%", "2027-06-30"]])
        let theirs = Self.opportunities(withProbability, [["opp-erp", "ERP", "negotiate", "2.4M", "70%", "2027-03-31"], ["opp-mes", "MES", "qualify", "1.2M", "10%", "2027-06-30"]])
        let result = merge(base, ours, theirs)
        #expect(result.conflicts == 1)
        #expect(result.text.contains("<<<<<<< ours\n| opp-erp | ERP | negotiate | 2.4M | 80% | 2027-03-31 |\n=======\n| opp-erp | ERP | negotiate | 2.4M | 70% | 2027-03-31 |\n>>>>>>> theirs\n| opp-mes | MES | qualify | 1.2M | 10% | 2027-06-30 |\n"),
                "\(result.text)")
    }
}
