import Foundation
import PlanModel
import PlanQuery

/// A query format: how a ``QueryResult`` is written (docs/query.md, "Output").
public protocol QueryFormat: OutputFormat {
    func render(_ result: QueryResult, color: Bool) -> String
    /// For people in `language`; CSV and JSON ignore it (the same bytes in every language).
    func render(_ result: QueryResult, color: Bool, language: UILanguage) -> String
}

extension QueryFormat {
    public func render(_ result: QueryResult, color: Bool, language: UILanguage) -> String { render(result, color: color) }
}

public enum QueryFormats {
    /// Every query format, the default first.
    public static let all: [any QueryFormat] = [TextQueryFormat(), CSVQueryFormat(), JSONQueryFormat(), MarkdownQueryFormat()]
}

/// How one value reads in text, CSV and Markdown: amounts grouped with two decimals at most,
/// percents with `%`, booleans as yes/no, lists comma-separated, a missing value empty.
enum QueryCell {
    static func text(_ value: QueryValue, _ type: QueryType) -> String {
        switch value {
        case .none: ""
        case .text(let text): text
        case .money(let amount): Format.amount(amount)
        case .number(let number): type == .percent ? "\(number)%" : "\(number)"
        case .date(let date): date.description
        case .bool(let flag): flag ? "yes" : "no"
        case .list(let items): items.joined(separator: ", ")
        }
    }

    static func json(_ value: QueryValue) -> JSONValue {
        switch value {
        case .none: .null
        case .text(let text): .string(text)
        case .money(let amount): .amount(amount)
        case .number(let number): .number(number)
        case .date(let date): .string(date.description)
        case .bool(let flag): .bool(flag)
        case .list(let items): .array(items.map { .string($0) })
        }
    }

    /// The sum of a `--sum` field, as its column shows amounts.
    static func total(_ value: Decimal, _ type: QueryType) -> String {
        type == .money ? Format.amount(value) : text(.number(value), type)
    }

    /// Each `--sum` field with its total (`values`: the result's totals, or a group's), the
    /// total written as its column writes amounts; `mark` wraps the figure (`**` in Markdown).
    static func totals(_ result: QueryResult, _ values: [Decimal], mark: String = "") -> [String] {
        zip(result.sums, values).map { sum, value in
            "\(sum) " + mark + total(value, result.columns.first { $0.name == sum }?.type ?? .number) + mark
        }
    }

    /// A `--by` group's value as its column writes it; `(none)` for rows without one.
    static func groupName(_ result: QueryResult, _ group: QueryResult.Group) -> String {
        let key = text(group.key, result.columns.first { $0.name == result.by }?.type ?? .text)
        return key.isEmpty ? "(none)" : key
    }
}

/// `--format csv`: one line per row (account, path, line, then the columns), RFC 4180, for a
/// spreadsheet; no total lines (the spreadsheet adds up).
public struct CSVQueryFormat: QueryFormat {
    public let name = "csv"
    public func render(_ result: QueryResult, color: Bool) -> String {
        var lines = [(["account", "path", "line"] + result.columns.map(\.name))]
        for row in result.rows {
            lines.append([row.account, row.path, "\(row.line)"] + zip(row.values, result.columns).map { QueryCell.text($0, $1.type) })
        }
        return lines.map { $0.map(RollupReporter.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}

/// `--format json`: `{"version": 1, "entity", "query", "columns", "matched", "rows", "groups",
/// "totals"}`; amounts are numbers in the workspace currency, rounded to cents.
public struct JSONQueryFormat: QueryFormat {
    public let name = "json"
    public func render(_ result: QueryResult, color: Bool) -> String {
        func totals(_ values: [Decimal]) -> JSONValue {
            .object(zip(result.sums, values).map { ($0, .amount($1)) })
        }
        let rows: [JSONValue] = result.rows.map { row in
            .object([("account", .string(row.account)), ("path", .string(row.path)), ("line", .integer(row.line))]
                + zip(result.columns, row.values).map { ($0.name, QueryCell.json($1)) })
        }
        let groups: [JSONValue] = result.groups.map { group in
            .object([("key", QueryCell.json(group.key)), ("count", .integer(group.rows.count)), ("totals", totals(group.totals))])
        }
        return JSONValue.object([
            ("version", .integer(1)), ("entity", .string(result.entity.rawValue)), ("query", .string(result.query)),
            ("columns", .array(result.columns.map { .object([("name", .string($0.name)), ("type", .string($0.type.rawValue))]) })),
            ("matched", .integer(result.matched)), ("rows", .array(rows)),
            ("by", JSONValue.optional(result.by)), ("groups", .array(groups)), ("totals", totals(result.totals)),
        ]).serialized(pretty: true) + "\n"
    }
}
