import Fokus
import Foundation

/// Writing to the terminal: results to standard output, problems to standard error.
enum Terminal {
    /// The language problems are printed in: `--lang`, then the rules' `lang:` once they are read,
    /// else Swedish. Set once at start and by the command that reads the rules; read when printing.
    nonisolated(unsafe) static var language: ReportLanguage = .sv

    /// The `--lang` value among `arguments`, if any.
    static func language(in arguments: [String]) -> ReportLanguage? {
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang=") { return ReportLanguage(rawValue: String(argument.dropFirst(7))) }
            if argument == "--lang", index + 1 < arguments.count { return ReportLanguage(rawValue: arguments[index + 1]) }
        }
        return nil
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Prints diagnostics, each with the offending source line and a caret when the file can be read.
    /// Closes with a count of the errors that counts exactly the problems listed (headings and
    /// hints are not counted; a "… and N more" line counts N), see ``Diagnostic/summary(of:)``.
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            printError(DiagnosticPrinter.rendered(diagnostic, in: language))
        }
        if let summary = Diagnostic.summary(of: diagnostics, in: language) { printError(summary) }
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Renders diagnostics with a snippet of the (small, text) file they point into.
enum DiagnosticPrinter {
    static func rendered(_ diagnostic: Diagnostic, in language: ReportLanguage) -> String {
        guard diagnostic.field == nil else { return diagnostic.rendered(in: language) }  // data rows: file:line: column: reason
        return diagnostic.rendered(in: language) { file in
            guard let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size < 1 << 20
            else { return nil }
            return try? String(contentsOfFile: file, encoding: .utf8)
        }
    }
}
