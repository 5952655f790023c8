import Fokus
import Foundation

/// Writing to the terminal: results to standard output, problems to standard error.
enum Terminal {
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Prints diagnostics, each with the offending source line and a caret when the file can be read.
    /// Closes with a count of the errors that counts exactly the problems listed (headings and
    /// hints are not counted; a "… and N more" line counts N), see ``Diagnostic/summary(of:)``.
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            printError(DiagnosticPrinter.rendered(diagnostic))
        }
        if let summary = Diagnostic.summary(of: diagnostics) { printError(summary) }
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
