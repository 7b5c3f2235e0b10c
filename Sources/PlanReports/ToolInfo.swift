/// The tool's name and version, as reported in `--version` and SARIF.
public enum ToolInfo {
    public static let name = "acctplan"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/acctplan/acctplan"
}
