import Fokus
import Foundation

/// Writing to the terminal: results to standard output, problems to standard error.
enum Terminal {
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Prints diagnostics, each with the offending source line and a caret when the file can be read.
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        for diagnostic in diagnostics {
            printError(DiagnosticPrinter.rendered(diagnostic))
        }
        if errors > 1 { printError("\(errors) errors") }
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Renders diagnostics with a snippet of the (small, text) file they point into.
enum DiagnosticPrinter {
    static func rendered(_ diagnostic: Diagnostic) -> String {
        guard diagnostic.field == nil else { return diagnostic.description }  // data rows: file:line: column: reason
        return diagnostic.rendered { file in
            guard let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size < 1 << 20
            else { return nil }
            return try? String(contentsOfFile: file, encoding: .utf8)
        }
    }
}
