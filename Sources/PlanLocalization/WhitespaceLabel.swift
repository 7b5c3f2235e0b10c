import PlanModel

/// The fixed words of `acctplan whitespace` (text and Markdown) and of the dashboard's
/// whitespace pages: one case each and an exhaustive `switch` per language, as ``ReportLabel``.
/// The states are labels here; JSON and CSV keep their ids (`installed`, `won`, ...).
public enum WhitespaceLabel: CaseIterable, Sendable, TwoLanguageLabel {
    case title, accounts, offerings, account, offering, installed, won, pipeline, lost, whitespace
    case legend, legendMarkdown, fromPlans, noOffering, offeringNames


    public var english: String {
        switch self {
        case .title: "Whitespace map"
        case .accounts: "accounts"
        case .offerings: "offerings"
        case .account: "account"
        case .offering: "offering"
        case .installed: "installed"
        case .won: "won"
        case .pipeline: "pipeline"
        case .lost: "lost"
        case .whitespace: "whitespace"
        case .legend: "installed: live or implementing · won · pipeline: an open opportunity · lost · '·': whitespace, never sold"
        case .legendMarkdown: "installed: live or implementing; won; pipeline: an open opportunity; lost; empty: whitespace, never sold."
        case .fromPlans: "(acctplan.yml has no offerings: catalogue; the columns are the offerings the plans name)"
        case .noOffering: "No offering to map: list them under offerings: in acctplan.yml and name them in the Offering column."
        case .offeringNames: "Offerings"
        }
    }

    public var chinese: String {
        switch self {
        case .title: "空白点地图"
        case .accounts: "个客户"
        case .offerings: "条产品线"
        case .account: "客户"
        case .offering: "产品线"
        case .installed: "已实施"
        case .won: "已赢单"
        case .pipeline: "商机中"
        case .lost: "已丢单"
        case .whitespace: "空白"
        case .legend: "已实施：运行中或实施中 · 已赢单 · 商机中：有未关闭的商机 · 已丢单 · “·”：空白点，从未销售"
        case .legendMarkdown: "已实施：运行中或实施中；已赢单；商机中：有未关闭的商机；已丢单；空：空白点，从未销售。"
        case .fromPlans: "（acctplan.yml 没有 offerings: 目录；各列是计划中写到的产品线）"
        case .noOffering: "没有可以绘制的产品线：请在 acctplan.yml 的 offerings: 下列出产品线，并在“产品线”列中填写。"
        case .offeringNames: "产品线"
        }
    }

    /// The label of a cell's state.
    public static func state(_ state: String?) -> WhitespaceLabel {
        switch state {
        case "installed": .installed
        case "won": .won
        case "pipeline": .pipeline
        case "lost": .lost
        default: .whitespace
        }
    }
}

extension WhitespaceLabel {
    /// The line under a map `--by` a dimension naming the accounts in no group of it; `kind` is
    /// the dimension's word in `language` (``ReportLabel/kind(_:in:)``).
    public static func ungrouped(_ ids: [String], kind: String, language: UILanguage) -> String {
        switch language {
        case .en: "Accounts in no \(kind) (\(ids.count)): " + ids.joined(separator: ", ")
        case .zhCN: "未归入任何\(kind)的客户（\(ids.count) 个）：" + ids.joined(separator: "，")
        }
    }
}

/// A fixed word written in both languages (each conforming type has an exhaustive `switch` per
/// language, so neither can be missing).
public protocol TwoLanguageLabel {
    var english: String { get }
    var chinese: String { get }
}

extension TwoLanguageLabel {
    /// The word in `language`.
    public func text(_ language: UILanguage) -> String {
        switch language {
        case .en: english
        case .zhCN: chinese
        }
    }
}
