import Foundation
import PlanModel

/// Reading the Markdown body: title, sections, and the items of recognized sections (§3).
extension ParseContext {
    mutating func readBody(_ outline: MarkdownOutline, source: SourceText) {
        // Group blocks into level-2 sections.
        var current: (section: PlanSection, blocks: [MarkdownOutline.Block])?
        var seen: [String: Int] = [:]
        func close(_ endLine: Int, _ context: inout ParseContext) {
            guard var open = current else { return }
            open.section.endLine = max(open.section.location.line, endLine)
            context.plan.sections.append(open.section)
            if let id = open.section.schemaID {
                context.structuredLines.append(open.section.location.line...open.section.location.line)
                if let first = seen[id] {
                    context.report(.duplicateSection, at: open.section.location,
                                   "section '\(open.section.heading)' appears twice (first on line \(first))",
                                   hint: "merge the two sections into one")
                } else {
                    seen[id] = open.section.location.line
                    context.layout?.sectionHeadingLines.append(open.section.location.line)
                    if let kind = open.section.kind {
                        context.readSection(kind, open.blocks, source: source)
                    } else if let spec = context.config.schema.section(id: id) {
                        context.readSchemaSection(spec, open.blocks, source: source)
                    }
                }
            }
            current = nil
        }
        for block in outline.blocks {
            if case .heading(let level, let text, let line) = block, level <= 2 {
                close(line - 1, &self)
                if level == 1 {
                    if plan.title == nil { plan.title = String(text.trimmingSpaces()) }
                    continue
                }
                let heading = String(text.trimmingSpaces())
                // A section of another kind of plan is free prose here.
                let spec = config.schema.section(forHeading: heading).flatMap { $0.kinds.contains(plan.kind) ? $0 : nil }
                let location = SourceLocation(line: line, column: 1)
                current = (PlanSection(heading: heading, kind: spec.flatMap { SectionKind(rawValue: $0.id) },
                                       schemaID: spec?.id, location: location, endLine: line), [])
            } else {
                current?.blocks.append(block)
            }
        }
        close(source.lineCount, &self)
    }

    /// A section only the schema knows: its tables are read row by row into ``Plan/schemaTables``
    /// (a list section needs a typed reader, so its lists stay prose).
    private mutating func readSchemaSection(_ spec: SectionSpec, _ blocks: [MarkdownOutline.Block], source: SourceText) {
        guard case .table = spec.shape else { return }
        for case .table(let rows, _) in blocks {
            if let header = rows.first {
                layout?.tables.append(PlanLayout.Table(headerLine: header, bodyLines: Array(rows.dropFirst())))
            }
            readSchemaTable(spec, rowLines: rows, source: source)
        }
    }

    private mutating func readSection(_ kind: SectionKind, _ blocks: [MarkdownOutline.Block], source: SourceText) {
        func isList(_ index: Int) -> Bool {
            guard blocks.indices.contains(index), case .list = blocks[index] else { return false }
            return true
        }
        for (index, block) in blocks.enumerated() {
            // Lists next to each other differ in their marker (or they would be one list). Only
            // the layout needs it.
            let besideAnotherList = layout != nil && (isList(index - 1) || isList(index + 1))
            switch (kind, block) {
            case (.stakeholders, .table(let rows, _)), (.installedBase, .table(let rows, _)), (.opportunities, .table(let rows, _)):
                if let header = rows.first {
                    layout?.tables.append(PlanLayout.Table(headerLine: header, bodyLines: Array(rows.dropFirst())))
                }
                readTable(kind, rowLines: rows, source: source)
            case (.actions, .list(let items)):
                plan.actions.reserveCapacity(plan.actions.count + items.count)
                for item in items {
                    recordListItem(item, besideAnotherList: besideAnotherList)
                    readAction(item, source: source)
                }
            case (.moments, .list(let items)):
                plan.moments.reserveCapacity(plan.moments.count + items.count)
                for item in items {
                    recordListItem(item, besideAnotherList: besideAnotherList)
                    readMoment(item, source: source)
                }
            default:
                continue
            }
        }
    }

    // MARK: Lists

    /// An item's lines are structure, not prose; `fmt` normalises its marker.
    private mutating func recordListItem(_ item: MarkdownOutline.ListItem, besideAnotherList: Bool) {
        structuredLines.append(item.line...max(item.line, item.paragraphEndLine))
        layout?.listItems.append(PlanLayout.ListItem(item, besideAnotherList: besideAnotherList))
    }

    /// A word of a list item: its byte range in the plan's text and its position. It holds no
    /// reference (a slice of the text's bytes would be retained and released with every copy of
    /// every word of 10,000 plans' lists); its bytes and String are read from the text when needed.
    struct ItemWord {
        var range: Range<Int>
        var location: SourceLocation
    }

    /// The words of a list item's first paragraph after the marker (and the task box), each with
    /// its position; continuation lines are included.
    private func itemWords(_ item: MarkdownOutline.ListItem, source: SourceText) -> [ItemWord] {
        var words: [ItemWord] = []
        for lineNumber in item.line...max(item.line, item.paragraphEndLine) {
            let line = source.lineBytes(lineNumber)
            var lineWords = Self.words(of: line, line: lineNumber)
            if lineNumber == item.line {
                if let marker = lineWords.first, Self.isListMarker(line[marker.range]) {
                    lineWords.removeFirst()
                }
                if item.checked != nil, let box = lineWords.first, line[box.range.lowerBound] == UInt8(ascii: "[") {
                    lineWords.removeFirst(box.range.count == 1 ? min(2, lineWords.count) : 1)
                }
            }
            words += lineWords
        }
        return words
    }

    /// The words joined by single spaces.
    static func text(of words: ArraySlice<ItemWord>, in source: SourceText) -> String {
        source.bytes.withUnsafeBufferPointer { text in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(words.reduce(0) { $0 + $1.range.count + 1 })
            for word in words {
                if !bytes.isEmpty { bytes.append(0x20) }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[word.range]))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Splits a line on spaces and tabs, keeping each word's column in code points.
    static func words(of line: ArraySlice<UInt8>, line lineNumber: Int) -> [ItemWord] {
        var result: [ItemWord] = []
        result.reserveCapacity(16)
        var column = 1
        var start = line.startIndex
        var startColumn = 1
        var inWord = false
        for index in line.indices {
            let byte = line[index]
            if byte == 0x20 || byte == 0x09 {
                if inWord {
                    result.append(ItemWord(range: start..<index, location: SourceLocation(line: lineNumber, column: startColumn)))
                    inWord = false
                }
            } else if !inWord {
                inWord = true
                start = index
                startColumn = column
            }
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        if inWord {
            result.append(ItemWord(range: start..<line.endIndex, location: SourceLocation(line: lineNumber, column: startColumn)))
        }
        return result
    }

    /// `-`, `*`, `+`, `1.` or `1)`.
    private static func isListMarker(_ word: ArraySlice<UInt8>) -> Bool {
        guard let last = word.last else { return false }
        if word.count == 1 { return last == UInt8(ascii: "-") || last == UInt8(ascii: "*") || last == UInt8(ascii: "+") }
        guard last == UInt8(ascii: ".") || last == UInt8(ascii: ")") else { return false }
        return word.dropLast().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// `NNNN-N...-N...` or `NNNN/N.../N...`: written as a date, whether or not it is a valid one.
    static func looksLikeDate(_ word: ArraySlice<UInt8>) -> Bool {
        var dashes = 0
        var digitsInPart = 0
        let separator = word.count > 4 && word[word.startIndex + 4] == UInt8(ascii: "/") ? UInt8(ascii: "/") : UInt8(ascii: "-")
        for (index, byte) in word.enumerated() {
            if byte == separator {
                guard digitsInPart > 0, dashes < 2, dashes > 0 || index == 4 else { return false }
                dashes += 1
                digitsInPart = 0
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digitsInPart += 1
            } else {
                return false
            }
        }
        return dashes == 2 && digitsInPart > 0
    }

    private mutating func readAction(_ item: MarkdownOutline.ListItem, source: SourceText) {
        let location = SourceLocation(line: item.line, column: 1)
        guard let checked = item.checked else {
            report(.invalidValue, at: location, "an action must be a task-list item",
                   hint: "start it with '- [ ] ' (open) or '- [x] ' (done)")
            return
        }
        let text = source.bytes
        func located(_ word: ItemWord) -> Located<String> { Located(String(decoding: text[word.range], as: UTF8.self), at: word.location) }
        var words = itemWords(item, source: source)[...]
        var due: Located<CalendarDate>?
        var dueMalformed = false
        if let first = words.first, Self.looksLikeDate(text[first.range]) {
            words = words.dropFirst()
            due = parseDate(located(first), field: "action due date")
            dueMalformed = due == nil
        }
        var owner: Located<String>?
        if let first = words.first, text[first.range.lowerBound] == UInt8(ascii: "@") {
            words = words.dropFirst()
            owner = personReference(located(first), field: "action owner")
        }
        var action = PlanAction(location: location, done: checked, text: Self.text(of: words, in: source))
        action.due = due
        action.dueMalformed = dueMalformed
        action.owner = owner
        for word in words where text[word.range.lowerBound] == UInt8(ascii: "#") {
            let id = text[word.range].dropFirst().prefix {
                ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                    || $0 == UInt8(ascii: "-")
            }
            if !id.isEmpty {
                action.references.append(Located(String(decoding: id, as: UTF8.self), at: word.location))
            }
        }
        if action.text.isEmpty {
            report(.missingField, at: location, "action has no text", hint: "say what is to be done after the date and owner")
        }
        if !action.text.isEmpty, let first = claimKey(.actions, action.key, line: location.line) {
            report(.duplicateKey, at: location, "action '\(action.key)' is listed twice (first on line \(first))",
                   hint: "actions are told apart by their text: reword or remove one")
        }
        plan.actions.append(action)
    }

    private mutating func readMoment(_ item: MarkdownOutline.ListItem, source: SourceText) {
        let location = SourceLocation(line: item.line, column: 1)
        let text = source.bytes
        func located(_ word: ItemWord) -> Located<String> { Located(String(decoding: text[word.range], as: UTF8.self), at: word.location) }
        var words = itemWords(item, source: source)[...]
        var date: Located<CalendarDate>?
        if let first = words.first, Self.looksLikeDate(text[first.range]) {
            words = words.dropFirst()
            date = parseDate(located(first), field: "moment date")
        } else {
            report(.missingField, at: words.first?.location ?? location, "moment of truth has no date",
                   hint: "start the item with the date it happened: '- 2026-11-03 @li-you ...'")
        }
        var moment = Moment(location: location, text: "")
        if let first = words.first, text[first.range.lowerBound] == UInt8(ascii: "@") {
            words = words.dropFirst()
            moment.person = personReference(located(first), field: "moment person")
        }
        moment.date = date
        moment.text = Self.text(of: words, in: source)
        if date != nil, let first = claimKey(.moments, moment.key, line: location.line) {
            report(.duplicateKey, at: location, "moment '\(moment.key)' is listed twice (first on line \(first))")
        }
        plan.moments.append(moment)
    }

    private mutating func personReference(_ word: Located<String>, field: String) -> Located<String>? {
        let id = Located(String(word.value.dropFirst()), at: word.location)
        guard ValueSyntax.isValidID(id.value) else {
            reportBadID(id, field: field)
            return nil
        }
        return id
    }
}
