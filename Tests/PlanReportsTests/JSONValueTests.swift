import Foundation
import PlanModel
import PlanReports
import Testing

struct JSONValueTests {
    static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    @Test func objectsKeepTheirKeyOrder() {
        let value = JSONValue.object([("version", .integer(1)), ("b", .bool(true)), ("a", .null), ("c", .bool(false))])
        #expect(value.serialized() == #"{"version":1,"b":true,"a":null,"c":false}"#)
        #expect(JSONValue.object([]).serialized() == "{}")
        #expect(JSONValue.array([]).serialized() == "[]")
    }

    @Test func prettyPrinting() {
        let value = JSONValue.object([("a", .array([.integer(1), .string("x")])), ("b", .object([])), ("c", .array([]))])
        #expect(value.serialized(pretty: true) == "{\n  \"a\": [\n    1,\n    \"x\"\n  ],\n  \"b\": {},\n  \"c\": []\n}")
    }

    @Test func stringEscaping() throws {
        #expect(JSONValue.string(#"say "hi" \ bye"#).serialized() == #""say \"hi\" \\ bye""#)
        #expect(JSONValue.string("a\nb\tc\rd").serialized() == #""a\nb\tc\rd""#)
        #expect(JSONValue.string("华东 – é 😀").serialized() == "\"华东 – é 😀\"")

        // Every control character is escaped; none appears raw; the text reads back unchanged.
        var controls = ""
        for value in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        let text = "x" + controls + "\u{7F}\u{2028}\u{2029}y"
        let serialized = JSONValue.string(text).serialized()
        #expect(!serialized.unicodeScalars.contains { $0.value < 0x20 }, "no raw control character in \(serialized.debugDescription)")
        #expect(serialized.lowercased().contains(#"\u0000"#))
        #expect(serialized.lowercased().contains(#"\u001f"#))
        #expect(serialized.lowercased().contains(#"\u001b"#))
        let wrapped = "[" + serialized + "]"
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(wrapped.utf8)) as? [String])
        #expect(parsed == [text])

        // Keys are escaped the same way.
        let object = JSONValue.object([("a\"b\u{1}", .integer(1))]).serialized()
        let back = try #require(try JSONSerialization.jsonObject(with: Data(object.utf8)) as? [String: Int])
        #expect(back == ["a\"b\u{1}": 1])
    }

    @Test(arguments: [
        ("0.1", "0.1"),
        ("4100000.5", "4100000.5"),
        ("2400000", "2400000"),
        ("0", "0"),
        ("1250.50", "1250.5"),
        ("0.000001", "0.000001"),
        ("12345678901234567.89", "12345678901234567.89"),
        ("100000000000000000000", "100000000000000000000"),
    ])
    func decimalNumbersArePrintedExactly(input: String, expected: String) {
        let serialized = JSONValue.number(Self.decimal(input)).serialized()
        #expect(serialized == expected)
        #expect(!serialized.lowercased().contains("e"), "no exponent in \(serialized)")
    }

    @Test func decimalArithmeticStaysExact() {
        let sum = Self.decimal("0.1") + Self.decimal("0.2")
        #expect(JSONValue.number(sum).serialized() == "0.3")
        let billions = Decimal(sign: .plus, exponent: 9, significand: 24)
        #expect(JSONValue.number(billions).serialized() == "24000000000")
        let weighted = Self.decimal("9800000") * Self.decimal("41.83673469387755") / 100
        #expect(!JSONValue.number(weighted).serialized().lowercased().contains("e"))
    }

    @Test func amountsAreRoundedToCents() {
        #expect(JSONValue.amount(Self.decimal("2663.565")).serialized() == "2663.57")
        #expect(JSONValue.amount(Self.decimal("8878.55")).serialized() == "8878.55")
        #expect(JSONValue.amount(Self.decimal("4100000.5")).serialized() == "4100000.5")
        #expect(JSONValue.amount(Self.decimal("0.004")).serialized() == "0")
        #expect(JSONValue.amount(Self.decimal("1.005")).serialized() == "1.01")
        #expect(JSONValue.amount(nil).serialized() == "null")
        let twoThirds = Self.decimal("2") / Self.decimal("3") * Self.decimal("1000")
        #expect(JSONValue.amount(twoThirds).serialized() == "666.67")
    }

    @Test func equalityIsBySerialization() {
        #expect(JSONValue.number(Self.decimal("1.50")) == JSONValue.number(Self.decimal("1.5")))
        #expect(JSONValue.string("a") != JSONValue.string("b"))
        #expect(JSONValue.optional(nil) == JSONValue.null)
        #expect(JSONValue.optional("x") == JSONValue.string("x"))
    }
}

struct FormatAmountTests {
    @Test(arguments: [
        ("0", "0"),
        ("999", "999"),
        ("1000", "1,000"),
        ("2400000", "2,400,000"),
        ("4100000.5", "4,100,000.5"),
        ("1234567.891", "1,234,567.89"),
        ("1234.565", "1,234.57"),
        ("0.5", "0.5"),
        ("100", "100"),
        ("123456", "123,456"),
        ("-1234.5", "-1,234.5"),
        ("24000000000", "24,000,000,000"),
    ])
    func amount(input: String, expected: String) {
        let value = Decimal(string: input, locale: Locale(identifier: "en_US_POSIX"))!
        #expect(Format.amount(value) == expected)
    }
}
