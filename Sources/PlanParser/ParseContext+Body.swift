import Foundation
import PlanModel

/// Reading the Markdown body: title, sections, and the items of recognized sections (§3).
extension ParseContext {
    mutating func readBody(_ outline: MarkdownOutline, source: SourceText) {
        // Group blocks into level-2 sections.
        var current: (section: PlanSection, blocks: [MarkdownOutline.Block])?
        var seen: [SectionKind: Int] = [:]
        func close(_ endLine: Int, _ context: inout ParseContext) {
            guard var open = current else { return }
            open.section.endLine = max(open.section.location.line, endLine)
            context.plan.sections.append(open.section)
            if let kind = open.section.kind {
                if let first = seen[kind] {
                    context.report(.duplicateSection, at: open.section.location,
                                   "section '\(open.section.heading)' appears twice (first on line \(first))",
                                   hint: "merge the two sections into one")
                } else {
                    seen[kind] = open.section.location.line
                    context.readSection(kind, open.blocks, source: source)
                }
            }
            current = nil
        }
        for block in outline.blocks {
            if case .heading(let level, let text, let line) = block, level <= 2 {
                close(line - 1, &self)
                if level == 1 {
                    if plan.title == nil { plan.title = text.trimmingCharacters(in: .whitespaces) }
                    continue
                }
                let heading = text.trimmingCharacters(in: .whitespaces)
                var kind = SectionKind(heading: heading)
                if let recognized = kind, !recognized.kinds.contains(plan.kind) { kind = nil }
                let location = SourceLocation(line: line, column: 1)
                current = (PlanSection(heading: heading, kind: kind, location: location, endLine: line), [])
            } else {
                current?.blocks.append(block)
            }
        }
        close(source.lineCount, &self)
    }

    private mutating func readSection(_ kind: SectionKind, _ blocks: [MarkdownOutline.Block], source: SourceText) {
        for block in blocks {
            switch (kind, block) {
            case (.stakeholders, .table(let rows)), (.installedBase, .table(let rows)), (.opportunities, .table(let rows)):
                readTable(kind, rowLines: rows, source: source)
            case (.actions, .list(let items)):
                for item in items { readAction(item, source: source) }
            case (.moments, .list(let items)):
                for item in items { readMoment(item, source: source) }
            default:
                continue
            }
        }
    }

    // MARK: Lists

    /// The words of a list item's first paragraph after the marker (and the task box), each with
    /// its position; continuation lines are included.
    private func itemWords(_ item: MarkdownOutline.ListItem, source: SourceText) -> [Located<String>] {
        var words: [Located<String>] = []
        for lineNumber in item.line...max(item.line, item.paragraphEndLine) {
            var lineWords = Self.words(of: source.line(lineNumber), line: lineNumber)
            if lineNumber == item.line {
                if let marker = lineWords.first?.value, Self.isListMarker(marker) {
                    lineWords.removeFirst()
                }
                if item.checked != nil, let box = lineWords.first?.value, box.hasPrefix("[") {
                    lineWords.removeFirst(box == "[" ? min(2, lineWords.count) : 1)
                }
            }
            words += lineWords
        }
        return words
    }

    /// Splits a line on spaces and tabs, keeping each word's column in code points.
    static func words(of line: Substring, line lineNumber: Int) -> [Located<String>] {
        var result: [Located<String>] = []
        var word = ""
        var start = 1
        var column = 1
        for scalar in line.unicodeScalars {
            if scalar == " " || scalar == "\t" {
                if !word.isEmpty { result.append(Located(word, at: SourceLocation(line: lineNumber, column: start))) }
                word = ""
            } else {
                if word.isEmpty { start = column }
                word.unicodeScalars.append(scalar)
            }
            column += 1
        }
        if !word.isEmpty { result.append(Located(word, at: SourceLocation(line: lineNumber, column: start))) }
        return result
    }

    private static func isListMarker(_ word: String) -> Bool {
        if word == "-" || word == "*" || word == "+" { return true }
        guard let last = word.last, last == "." || last == ")" else { return false }
        let digits = word.dropLast()
        return !digits.isEmpty && digits.allSatisfy(\.isNumber)
    }

    private static func looksLikeDate(_ word: String) -> Bool {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count == 4 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    private mutating func readAction(_ item: MarkdownOutline.ListItem, source: SourceText) {
        let location = SourceLocation(line: item.line, column: 1)
        guard let checked = item.checked else {
            report(.invalidValue, at: location, "an action must be a task-list item",
                   hint: "start it with '- [ ] ' (open) or '- [x] ' (done)")
            return
        }
        var words = itemWords(item, source: source)[...]
        var due: Located<CalendarDate>?
        var dueMalformed = false
        if let first = words.first, Self.looksLikeDate(first.value) {
            words = words.dropFirst()
            due = parseDate(first, field: "action due date")
            dueMalformed = due == nil
        }
        var owner: Located<String>?
        if let first = words.first, first.value.hasPrefix("@") {
            words = words.dropFirst()
            owner = personReference(first, field: "action owner")
        }
        var action = PlanAction(location: location, done: checked, text: words.map(\.value).joined(separator: " "))
        action.due = due
        action.dueMalformed = dueMalformed
        action.owner = owner
        for word in words where word.value.hasPrefix("#") {
            let id = word.value.dropFirst().prefix { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
            if !id.isEmpty {
                action.references.append(Located(String(id), at: word.location))
            }
        }
        if action.text.isEmpty {
            report(.missingField, at: location, "action has no text", hint: "say what is to be done after the date and owner")
        }
        if let first = plan.actions.first(where: { $0.key == action.key && !action.text.isEmpty }) {
            report(.duplicateKey, at: location, "action '\(action.key)' is listed twice (first on line \(first.location.line))",
                   hint: "actions are told apart by their text: reword or remove one")
        }
        plan.actions.append(action)
    }

    private mutating func readMoment(_ item: MarkdownOutline.ListItem, source: SourceText) {
        let location = SourceLocation(line: item.line, column: 1)
        var words = itemWords(item, source: source)[...]
        var date: Located<CalendarDate>?
        if let first = words.first, Self.looksLikeDate(first.value) {
            words = words.dropFirst()
            date = parseDate(first, field: "moment date")
        } else {
            report(.missingField, at: words.first?.location ?? location, "moment of truth has no date",
                   hint: "start the item with the date it happened: '- 2026-11-03 @li-you ...'")
        }
        var moment = Moment(location: location, text: "")
        if let first = words.first, first.value.hasPrefix("@") {
            words = words.dropFirst()
            moment.person = personReference(first, field: "moment person")
        }
        moment.date = date
        moment.text = words.map(\.value).joined(separator: " ")
        if date != nil, let first = plan.moments.first(where: { $0.key == moment.key }) {
            report(.duplicateKey, at: location, "moment '\(moment.key)' is listed twice (first on line \(first.location.line))")
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
