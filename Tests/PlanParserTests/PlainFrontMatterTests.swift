import Foundation
@testable import PlanModel
@testable import PlanParser
import Testing
import TestSupport

/// The plain front-matter reader (no libyaml) must give every front matter it accepts exactly the
/// entries, values and positions libyaml's path gives, and must accept what plans usually hold.
struct PlainFrontMatterTests {
    static let keys = ["name", "industry", "segments", "stage", "manager", "team", "revenue_target", "strategic_tier",
                       "reviewed", "custom-field", "a1", "name", "Name", "_x", "9lives", "with space", "key.dot", "键"]
    static let values = [
        // plain values plans hold
        "Shanghai Tobacco Group", "tobacco", "integration", "li-you", "2026-11-12", "CNY 18M", "1", "green", "East China",
        "上海烟草集团", "人民币 1.2亿", "500万", "Tobacco East ABU", "O'Brien & Sons", "http://example.com/x", "a, b", "x[1]",
        "~", "null", "Null", "NULL", "yes", "3.5", "a  b",
        // flow lists
        "[seg-03, seg-04]", "[p-0039]", "[]", "[ ]", "[wang-fang, chen-hao, zhao-lei]", "[a b, c]", "[a,b]", "[ a , b ]",
        "[a, ]", "[a,, b]", "[[a]]", "[a:b]", "[a: b]", "['q']", "[中文]", "[a] x", "[a, {b}]", "[~, null]", "[a#b, c #d]",
        // values that must go to libyaml
        "", "'quoted'", "\"double\"", "- item", "-5", "?x", ":x", "a: b", "a #comment", "a:", "&anchor x", "*alias", "!tag x",
        "|", ">", "%x", "@x", "`x`", "{a: b}", "x\ty", "x\u{85}y", "x\u{2028}y", "\u{FEFF}x", "x\u{7F}",
    ]
    static let extraLines = ["", "   ", "# a comment", "  indented: x", "- item", "...", "---", "key", "key:", "key:value",
                             "key :x", "\tkey: x", "k: v\r", "name: a\n  continued"]

    static func frontMatter(_ random: inout SplitMix64) -> String {
        var lines: [String] = []
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            if random.next() % 8 == 0 {
                lines.append(extraLines[Int(random.next() % UInt64(extraLines.count))])
            } else {
                let key = keys[Int(random.next() % UInt64(keys.count))]
                let value = values[Int(random.next() % UInt64(values.count))]
                let spaces = String(repeating: " ", count: random.next() % 5 == 0 ? 3 : 1)
                let trailing = random.next() % 6 == 0 ? "  " : ""
                lines.append("\(key):\(spaces)\(value)\(trailing)")
            }
        }
        return lines.joined(separator: "\n") + (Bool.random(using: &random) ? "\n" : "")
    }

    @Test func plainReadsWhatItAcceptsAsLibyamlDoes() throws {
        var random = SplitMix64(seed: 37)
        var accepted = 0
        let rounds = 20_000
        for round in 0..<rounds {
            let yaml = ArraySlice(Array(Self.frontMatter(&random).utf8))
            guard let plain = FrontMatterReader.plain(yaml) else { continue }
            accepted += 1
            let firstLine = 2 + Int(random.next() % 5)
            let fast = FrontMatterReader.read(yaml, firstLine: firstLine)
            let slow = FrontMatterReader.withLibyaml(yaml, firstLine: firstLine)
            guard case .success(let fastEntries) = fast, case .success(let slowEntries) = slow else {
                Issue.record("round \(round): plain read it, libyaml refused: \(slow)\n\(String(decoding: yaml, as: UTF8.self))")
                return
            }
            #expect(fastEntries == slowEntries, "round \(round):\n\(String(decoding: yaml, as: UTF8.self))\nplain: \(plain)\nlibyaml: \(slowEntries)")
            if fastEntries != slowEntries { return }
        }
        #expect(accepted > rounds / 10 && accepted < rounds * 9 / 10, "\(accepted) of \(rounds)")
    }

    @Test func templateFrontMattersArePlain() throws {
        let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../workspace-template").standardizedFileURL
        let files = FileManager.default.enumerator(at: template, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" && $0.path.contains("/accounts/") }
        #expect(files.count >= 4)
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            let closing = try #require(lines.dropFirst().firstIndex(of: "---"))
            let yaml = ArraySlice(Array(lines[1..<closing].joined(separator: "\n").utf8))
            #expect(FrontMatterReader.plain(yaml) != nil, "\(file.lastPathComponent)")
            #expect(try FrontMatterReader.read(yaml, firstLine: 2).get() == FrontMatterReader.withLibyaml(yaml, firstLine: 2).get())
        }
    }
}
