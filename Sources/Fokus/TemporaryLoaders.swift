public import Foundation
// Placeholder until the loaders land.
public enum RuleSetLoader {
    public static func load(from url: URL, displayPath: String? = nil) throws(FokusError) -> RuleSet { throw FokusError("todo") }
}
public enum DatasetLoader {
    public static func load(from url: URL, displayPath: String? = nil) throws(FokusError) -> Dataset { throw FokusError("todo") }
}
