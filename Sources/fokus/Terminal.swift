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

/// Renders a diagnostic with a snippet of the file it points into.
enum DiagnosticPrinter {
    static func rendered(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.description
        if diagnostic.field == nil, let location = diagnostic.location, let line = location.line,
            let source = try? String(contentsOfFile: location.file, encoding: .utf8)
        {
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            if line >= 1, line <= lines.count {
                let sourceLine = String(lines[line - 1]).replacingOccurrences(of: "\r", with: "")
                text += "\n    " + sourceLine
                if let column = location.column, column >= 1 {
                    text += "\n    " + String(repeating: " ", count: column - 1) + "^"
                }
            }
        }
        if let related = diagnostic.related {
            text += "\n\(related): note: first defined here"
        }
        return text
    }
}
