import Foundation
import PlanModel

/// The column schema of a recognized table.
struct TableSchema {
    struct Column {
        var id: String
        var aliases: [String]
        var required: Bool
        /// Words that mean one of the column's values (`决策者` → `decision-maker`).
        var valueAliases: [String: String] = [:]
    }

    var columns: [Column]

    /// Header texts (lowercased) → column id; the Chinese aliases are an acctplan extension.
    func column(forHeader header: String) -> Column? {
        let key = header.lowercased()
        return columns.first { $0.id == key || $0.aliases.contains(key) }
    }

    /// The columns of a table section, from the plan schema; nil for a section that is no table.
    static func `for`(_ kind: SectionKind) -> TableSchema? {
        schemas[kind]
    }

    init?(_ spec: SectionSpec) {
        guard case .table(let columns, _) = spec.shape else { return nil }
        self.columns = columns.map { Column(id: $0.id, aliases: $0.aliases, required: $0.required, valueAliases: $0.valueAliases) }
    }

    private static let schemas: [SectionKind: TableSchema] = {
        var result: [SectionKind: TableSchema] = [:]
        for kind in SectionKind.allCases {
            if let spec = PlanSchema.standard.section(kind), let schema = TableSchema(spec) { result[kind] = schema }
        }
        return result
    }()
}

/// One body row read against its table's header: the cell under each schema column, plus the
/// cells of unknown columns. The row's cells are not copied: the header's mapping (schema column →
/// cell index, the same for every row of the table) finds them in the row as scanned.
struct TableRecord {
    var location: SourceLocation
    let schema: TableSchema
    let row: TableRow
    /// For each schema column, the index of its cell in the row (the header's), or -1.
    let cellOfColumn: [Int]
    var extra: [ExtraField] = []

    /// The cell under schema column `index` (nil when the header has no such column or the row is short).
    func cell(at index: Int) -> TableRow.Cell? {
        let position = cellOfColumn[index]
        return position >= 0 && position < row.cells.count ? row.cells[position] : nil
    }

    func cell(_ column: String) -> TableRow.Cell? {
        guard let index = schema.columns.firstIndex(where: { $0.id == column }) else { return nil }
        return cell(at: index)
    }

    /// A present, non-empty cell.
    func value(_ column: String) -> Located<String>? {
        guard let cell = cell(column), !cell.text.isEmpty else { return nil }
        return Located(cell.text, at: cell.location)
    }
}

extension ParseContext {
    mutating func readTable(_ kind: SectionKind, rowLines: [Int], source: SourceText) {
        guard let schema = TableSchema.for(kind) else { return }
        let rowCount = max(0, rowLines.count - 1)
        switch kind {
        case .stakeholders: plan.stakeholders.reserveCapacity(plan.stakeholders.count + rowCount)
        case .installedBase: plan.installedBase.reserveCapacity(plan.installedBase.count + rowCount)
        case .opportunities: plan.opportunities.reserveCapacity(plan.opportunities.count + rowCount)
        case .actions, .moments: return
        }
        readRecords(kind.rawValue, schema: schema, rowLines: rowLines, source: source) { context, record in
            switch kind {
            case .stakeholders: context.addStakeholder(record)
            case .installedBase: context.addInstalledProduct(record)
            case .opportunities: context.addOpportunity(record)
            case .actions, .moments: break
            }
        }
    }

    /// A table of a section only the schema declares: each row's cells by column id, checked
    /// against the column's value type.
    mutating func readSchemaTable(_ spec: SectionSpec, rowLines: [Int], source: SourceText) {
        guard let schema = TableSchema(spec), let key = spec.keyColumn else { return }
        let columns = Dictionary(spec.columns.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A second table in the section continues the first one's rows (and its keys).
        let tableIndex = plan.schemaTables.firstIndex { $0.section == spec.id } ?? {
            plan.schemaTables.append(SchemaTable(section: spec.id))
            return plan.schemaTables.count - 1
        }()
        var firstLineOfKey: [String: Int] = [:]
        for row in plan.schemaTables[tableIndex].rows {
            if let value = row.cells[key] { firstLineOfKey[value.value] = firstLineOfKey[value.value] ?? value.location.line }
        }
        readRecords(spec.id, schema: schema, rowLines: rowLines, source: source) { context, record in
            var item = TableItem(location: record.location)
            for column in schema.columns {
                guard let value = record.value(column.id), let type = columns[column.id]?.type else { continue }
                if let checked = context.checkedCell(value, type: type, column: column.id, valueAliases: column.valueAliases) {
                    item.cells[column.id] = checked
                }
            }
            item.extra = record.extra
            if let keyValue = item.cells[key] {
                if let first = firstLineOfKey[keyValue.value] {
                    context.report(.duplicateKey, at: keyValue.location,
                                   "\(spec.id) \(key.capitalizedColumnName) '\(keyValue.value)' is listed twice (first on line \(first))",
                                   hint: "each row needs its own \(key.capitalizedColumnName)")
                } else {
                    firstLineOfKey[keyValue.value] = keyValue.location.line
                }
            }
            context.plan.schemaTables[tableIndex].rows.append(item)
        }
    }

    /// Reads a table's header against `schema` (reporting missing required columns, in which
    /// case no row is read) and hands each body row, as a record, to `add`.
    private mutating func readRecords(_ section: String, schema: TableSchema, rowLines: [Int], source: SourceText,
                                      _ add: (inout ParseContext, TableRecord) -> Void) {
        guard let headerLine = rowLines.first else { return }
        structuredLines.append(headerLine...max(headerLine + 1, rowLines.last ?? headerLine))
        let header = TableRow(bytes: source.lineBytes(headerLine), lineNumber: headerLine)
        // For each header cell: the schema column it fills, or nil for an extra column.
        var schemaIndexOfCell: [Int?] = []
        var extraNames: [String] = []
        for cell in header.cells {
            let known = schema.column(forHeader: cell.text).flatMap { column in schema.columns.firstIndex { $0.id == column.id } }
            if let known, !schemaIndexOfCell.contains(known) {
                schemaIndexOfCell.append(known)
            } else {
                schemaIndexOfCell.append(nil)
            }
            extraNames.append(cell.text)
        }
        var missing = false
        for (index, column) in schema.columns.enumerated() where column.required && !schemaIndexOfCell.contains(index) {
            missing = true
            report(.missingField, at: SourceLocation(line: headerLine, column: 1),
                   "\(section) table has no '\(column.id.capitalizedColumnName)' column",
                   hint: "add a '\(column.id.capitalizedColumnName)' column; columns are: "
                       + schema.columns.map { $0.id.capitalizedColumnName + ($0.required ? "" : " (optional)") }
                       .joined(separator: ", "))
        }
        if missing { return }
        var bodyRows = rowLines.dropFirst()
        if bodyRows.count > PlanParser.maxTableRows {
            report(.tooLarge, at: SourceLocation(line: headerLine, column: 1),
                   "\(section) table has \(bodyRows.count) rows; only the first \(PlanParser.maxTableRows) are read",
                   hint: "split the plan: a table this long is not a plan a team can review")
            bodyRows = bodyRows.prefix(PlanParser.maxTableRows)
        }
        // Each schema column's cell index in the header (its first occurrence), or -1.
        var cellOfColumn = [Int](repeating: -1, count: schema.columns.count)
        for (position, column) in schemaIndexOfCell.enumerated() {
            if let column { cellOfColumn[column] = position }
        }
        let hasExtraColumns = schemaIndexOfCell.contains(nil)
        for line in bodyRows {
            let row = TableRow(bytes: source.lineBytes(line), lineNumber: line)
            var record = TableRecord(location: SourceLocation(line: line, column: 1), schema: schema, row: row, cellOfColumn: cellOfColumn)
            if hasExtraColumns {
                for (index, cell) in row.cells.enumerated() where index < schemaIndexOfCell.count && schemaIndexOfCell[index] == nil {
                    record.extra.append(ExtraField(column: extraNames[index], value: cell.text))
                }
            }
            // A cell beyond the header's: GitHub does not show it, and no column names it, so it
            // was read by nobody (a note typed after the last `|` of a row).
            if row.cells.count > header.cells.count, let stray = row.cells[header.cells.count...].first(where: { !$0.text.isEmpty }) {
                let text = stray.text.count > 40 ? stray.text.prefix(40) + "…" : stray.text
                report(.unknownField, at: stray.location,
                       "\(section) row has a cell beyond the header's \(header.cells.count) columns ('\(text)'): "
                           + "GitHub does not show it and acctplan does not read it",
                       hint: "add a column for it to the header row, or move the text into a column")
            }
            for (index, column) in schema.columns.enumerated() where column.required && (record.cell(at: index)?.text.isEmpty ?? true) {
                report(.missingField, at: record.cell(at: index)?.location ?? record.location,
                       "\(section) row has no \(column.id.capitalizedColumnName)")
            }
            add(&self, record)
        }
    }

    private mutating func checkUniqueKey(_ key: Located<String>?, section: SectionKind, what: String) {
        guard let key, let first = claimKey(section, key.value, line: key.location.line) else { return }
        report(.duplicateKey, at: key.location, "\(what) '\(key.value)' is listed twice (first on line \(first))",
               hint: "each row needs its own \(what)")
    }

    private mutating func addStakeholder(_ record: TableRecord) {
        var person = Stakeholder(location: record.location)
        person.name = record.value("name")
        person.title = record.value("title")
        person.role = enumCell(record, "role", StakeholderRole.self)
        person.relationship = enumCell(record, "relationship", Relationship.self)
        person.owner = record.value("owner").flatMap { idCell($0, field: "stakeholder owner") }
        person.reportsTo = record.value("reports to")
        person.extra = record.extra
        checkUniqueKey(person.name, section: .stakeholders, what: "stakeholder")
        plan.stakeholders.append(person)
    }

    private mutating func addInstalledProduct(_ record: TableRecord) {
        var product = InstalledProduct(location: record.location)
        product.product = record.value("product")
        product.modules = record.value("modules")
        if let since = record.value("since") {
            let isYear = since.value.utf8.count == 4 && since.value.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            if isYear || CalendarDate(planText: since.value) != nil {
                product.since = since
            } else {
                report(.invalidValue, at: since.location, "'\(since.value)' is not a year or a date for 'since'",
                       hint: "write a year (2019) or a date (2019-04-01)")
            }
        }
        product.status = enumCell(record, "status", InstallStatus.self)
        product.statusInvalid = product.status == nil && record.value("status") != nil
        product.offering = record.value("offering").flatMap { idCell($0, field: "offering") }
        product.extra = record.extra
        checkUniqueKey(product.product, section: .installedBase, what: "product")
        plan.installedBase.append(product)
    }

    private mutating func addOpportunity(_ record: TableRecord) {
        var opportunity = Opportunity(location: record.location)
        opportunity.id = record.value("id").flatMap { idCell($0, field: "opportunity ID") }
        opportunity.name = record.value("name")
        opportunity.stage = record.value("stage")
        opportunity.amount = record.value("amount").flatMap { parseMoney($0, field: "amount") }
        if let probability = record.value("probability") {
            if let value = ValueSyntax.parsePercent(probability.value) {
                opportunity.probability = Located(value, at: probability.location)
            } else {
                report(.invalidValue, at: probability.location, "'\(probability.value)' is not a percent from 0 to 100",
                       hint: "write e.g. 60% or 60, or leave it empty for the stage's default")
            }
        }
        opportunity.close = record.value("close").flatMap { parseDate($0, field: "close") }
        opportunity.offering = record.value("offering").flatMap { idCell($0, field: "offering") }
        opportunity.extra = record.extra
        checkUniqueKey(opportunity.id, section: .opportunities, what: "opportunity ID")
        plan.opportunities.append(opportunity)
    }

    private mutating func idCell(_ value: Located<String>, field: String) -> Located<String>? {
        guard ValueSyntax.isValidID(value.value) else {
            reportBadID(value, field: field)
            return nil
        }
        return value
    }

    private mutating func enumCell<E: RawRepresentable & CaseIterable>(_ record: TableRecord, _ column: String, _: E.Type)
        -> Located<E>? where E.RawValue == String
    {
        guard let value = record.value(column) else { return nil }
        let alias = record.schema.columns.first { $0.id == column }?.valueAliases[value.value]
        if let parsed = alias.flatMap(E.init(rawValue:)) ?? E(rawValue: value.value) ?? E(rawValue: value.value.lowercased()) {
            return Located(parsed, at: value.location)
        }
        var allowed = E.allCases.map(\.rawValue)
        if let aliases = record.schema.columns.first(where: { $0.id == column })?.valueAliases, !aliases.isEmpty,
           value.value.unicodeScalars.contains(where: { !$0.isASCII }) {
            // A Chinese word that is no alias: offer the Chinese words, in the English ids' order.
            allowed = allowed.flatMap { id in aliases.filter { $0.value == id }.map(\.key).sorted() }
        }
        reportBadEnum(value, field: column, allowed: allowed)
        return nil
    }
}

extension String {
    /// `relationship` → `Relationship`, `id` → `ID`: the column names as the spec writes them.
    var capitalizedColumnName: String { ColumnSpec.header(self) }
}
