import Fokus
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writing to the terminal: results to standard output, problems to standard error.
///
/// Everything written passes through ``TerminalText/sanitized(_:)``, so that escape sequences hidden in data,
/// rules or notes cannot drive the terminal. Writes go straight to the file descriptors with `write(2)`: a
/// full disk (`> /dev/full`) or a closed descriptor (`>&-`) ends the command with exit code 1 and, when
/// standard error still works, a message; it never traps.
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
        var line = text.hasSuffix("\n") ? text : text + "\n"
        if line.utf8.count > maximumErrorLineBytes { line = abbreviated(line) }
        // Nothing more can be said when standard error itself fails; the exit code still tells.
        if !writeAll(TerminalText.sanitized(line), to: 2) { failedStandardError = true }
    }

    /// The longest line of a problem written whole; longer ones (a huge key or value echoed with its source line)
    /// are cut, so that one bad input cannot flood the terminal or a log.
    static let maximumErrorLineBytes = 2000

    /// `text` with every line longer than ``maximumErrorLineBytes`` cut to its start and its length.
    static func abbreviated(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.utf8.count > maximumErrorLineBytes else { return String(line) }
            return String(line.prefix(200)) + "… (\(line.count) characters)"
        }.joined(separator: "\n")
    }

    /// Whether a write to standard error has failed (the exit code is then 1 at least).
    nonisolated(unsafe) private(set) static var failedStandardError = false

    /// Prints diagnostics, each with the offending source line and a caret when the file can be read.
    /// Closes with a count of the errors that counts exactly the problems listed (headings and
    /// hints are not counted; a "… and N more" line counts N), see ``Diagnostic/summary(of:)``.
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            printError(DiagnosticPrinter.rendered(diagnostic, in: language))
        }
        if let summary = Diagnostic.summary(of: diagnostics, in: language) { printError(summary) }
    }

    /// Writes a result to standard output, or ends the command with exit code 1 when it cannot be written.
    static func write(_ text: String) {
        guard writeAll(TerminalText.sanitized(text), to: 1) else {
            let reason = String(cString: strerror(errno))
            printError(CommandStrings(language: language).outputNotWritten(reason))
            exit(1)
        }
    }

    /// Writes every byte of `text` to `descriptor`, retrying after interruptions; `false` on an error.
    static func writeAll(_ text: String, to descriptor: Int32) -> Bool {
        var text = text
        if text.isEmpty { return true }
        return text.withUTF8 { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if written == 0 { return false }
                offset += written
            }
            return true
        }
    }
}

/// Renders diagnostics with a snippet of the (small, text) file they point into.
enum DiagnosticPrinter {
    static func rendered(_ diagnostic: Diagnostic, in language: ReportLanguage) -> String {
        guard diagnostic.field == nil else { return diagnostic.rendered(in: language) }  // data rows: file:line: column: reason
        return diagnostic.rendered(in: language) { file in
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let size = attributes[.size] as? Int, size < 1 << 20
            else { return nil }
            return try? String(contentsOfFile: file, encoding: .utf8)
        }
    }
}
