import PlanLocalization
import PlanModel

extension ScoreBand {
    /// The band's word in `language`: green, amber, red; 绿色, 黄色, 红色 (the score's text, Markdown
    /// and the dashboard say it alike; the text table showed the English word in Chinese).
    public func word(_ language: UILanguage) -> String {
        guard language == .zhCN else { return rawValue }
        switch self {
        case .green: return "绿色"
        case .amber: return "黄色"
        case .red: return "红色"
        }
    }
}
