import PlanModel

/// The words of a semantic diff's summaries and prose (`diff` text and Markdown, `log`): both
/// languages side by side. Field names, item keys and values stay as written. Commit messages
/// that `acctplan commit` writes use the English words whatever the language (they are in the
/// repository, read by everyone who clones it).
public enum DiffWords {
    /// "new account plan" / "新增客户计划".
    public static func newPlan(_ kind: String, in language: UILanguage) -> String {
        switch language {
        case .en: "new \(kind) plan"
        case .zhCN: "新增\(ReportLabel.kind(kind, in: language))计划"
        }
    }

    public static func removedPlan(_ kind: String, in language: UILanguage) -> String {
        switch language {
        case .en: "\(kind) plan removed"
        case .zhCN: "删除\(ReportLabel.kind(kind, in: language))计划"
        }
    }

    public static func movedFrom(_ path: String, in language: UILanguage) -> String {
        switch language {
        case .en: "moved from \(path)"
        case .zhCN: "移自 \(path)"
        }
    }

    public static func noSemanticChange(in language: UILanguage) -> String {
        switch language {
        case .en: "no semantic change"
        case .zhCN: "无实质变化"
        }
    }

    /// "+2 opportunities", "−1 action" / "+2 个商机", "−1 项行动". `english` is the schema's item
    /// name (singular or plural as `count` asks); a section the Chinese words do not know keeps it.
    public static func items(_ sign: String, _ count: Int, section: String, english: String, in language: UILanguage) -> String {
        switch language {
        case .en: return "\(sign)\(count) \(english)"
        case .zhCN:
            let nouns = ["stakeholders": "个干系人", "installed-base": "个已实施产品", "opportunities": "个商机",
                         "actions": "项行动", "moments": "个关键时刻"]
            return "\(sign)\(count) " + (nouns[section] ?? english)
        }
    }

    /// A section's name over its items in `diff`: the section id in English ("opportunities"),
    /// its Chinese name ("商机"); a section the Chinese words do not know keeps its id.
    public static func section(_ id: String, in language: UILanguage) -> String {
        guard language == .zhCN else { return id }
        let labels: [String: ReportLabel] = ["stakeholders": .stakeholders, "installed-base": .installedBase,
                                             "opportunities": .opportunities, "actions": .actions, "moments": .momentsOfTruth]
        return labels[id]?.chinese ?? id
    }

    /// A yes/no value as `diff` shows it: "true" / "false" in English (as JSON writes it), 是 / 否.
    public static func boolean(_ value: Bool, in language: UILanguage) -> String {
        switch language {
        case .en: value ? "true" : "false"
        case .zhCN: value ? "是" : "否"
        }
    }

    /// An action ticked or unticked: "done" / "reopened".
    public static func actionDone(_ done: Bool, in language: UILanguage) -> String {
        switch (done, language) {
        case (true, .en): "done"
        case (false, .en): "reopened"
        case (true, .zhCN): "已完成"
        case (false, .zhCN): "重新打开"
        }
    }

    /// "action 'Call Zhou' done" / "行动“Call Zhou”已完成".
    public static func action(_ key: String, _ words: [String], in language: UILanguage) -> String {
        switch language {
        case .en: "action '\(key)' " + words.joined(separator: ", ")
        case .zhCN: "行动“\(key)”" + words.joined(separator: "，")
        }
    }

    /// Separator between the parts of a summary line.
    public static func separator(in language: UILanguage) -> String { language == .en ? "; " : "；" }

    /// "prose edited (Risks, Service notes)" / "正文已修改（Risks、Service notes）".
    public static func proseEdited(_ parts: [String], in language: UILanguage) -> String {
        switch language {
        case .en: parts.isEmpty ? "prose edited" : "prose edited (" + parts.joined(separator: ", ") + ")"
        case .zhCN: parts.isEmpty ? "正文已修改" : "正文已修改（" + parts.joined(separator: "、") + "）"
        }
    }

    /// "… and 3 more changed lines" / "……另有 3 行改动".
    public static func omittedLines(_ count: Int, in language: UILanguage) -> String {
        switch language {
        case .en: "… and \(count) more changed line\(count == 1 ? "" : "s")"
        case .zhCN: "……另有 \(count) 行改动"
        }
    }

    /// "prose changed" (no line to show) / "正文有改动".
    public static func proseChanged(in language: UILanguage) -> String {
        language == .en ? "prose changed" : "正文有改动"
    }

    /// A prose part's heading line: "prose, Risks (added):" / "正文，Risks（新增）：".
    /// `status` is nil for a part that was modified.
    public static func prosePart(_ name: String, status: String?, markdown: Bool, in language: UILanguage) -> String {
        switch language {
        case .en:
            let shown = markdown ? "**\(name)**" : name
            return (markdown ? "Prose, " : "prose, ") + shown + (status.map { " (\($0))" } ?? "") + ":"
        case .zhCN:
            let shown = markdown ? "**\(name)**" : name
            let word = status.map { ["added": "新增", "removed": "删除"][$0] ?? $0 }
            return "正文，" + shown + (word.map { "（\($0)）" } ?? "") + "："
        }
    }

    /// "_Prose edited._" for Markdown when no line can be shown.
    public static func proseEditedMarkdown(in language: UILanguage) -> String {
        language == .en ? "_Prose edited._" : "_正文已修改。_"
    }
}
