import Foundation
import Testing

/// The README shows the embedding example exactly as it builds in `Examples/embed`.
struct ReadmeTests {
    @Test func readmeShowsTheExampleThatBuilds() throws {
        let root = CLIRunner.packageRoot
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let example = try String(contentsOf: root.appendingPathComponent("Examples/embed/main.swift"), encoding: .utf8)
        #expect(readme.contains("```swift\n" + example + "```"))
    }

    @Test func readmeNamesTheTwoCommands() throws {
        let readme = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("make run"))
        #expect(readme.contains("make test"))
    }
}
