import PlanModel

/// The label of a lifecycle stage for people: the default stages' English labels
/// (`WorkspaceConfig`'s) in Chinese; a label the workspace wrote itself stays as written. Shared
/// by the dashboard and the language server's hovers.
public enum LifecycleLabel {
    public static func text(_ label: String, in language: UILanguage) -> String {
        guard language == .zhCN else { return label }
        return chinese[label] ?? label
    }

    static let chinese = ["Departmental applications": "部门级应用", "Industry-solution deepening": "行业解决方案深化",
                          "Application integration": "应用集成"]
}
