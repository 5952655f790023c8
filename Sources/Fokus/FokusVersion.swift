/// The version of Fokus: the one place it is written (`fokus --version` prints it).
public enum FokusVersion: Sendable {
    /// Semantic version of the engine and the `fokus` tool.
    public static let current = "0.1.0"
}
