import Foundation

/// A crime label as the statistics database writes it, made comparable with the rules' names.
///
/// The national export writes some labels with a four-digit crime code before them
/// (`0950 - Befogenhetsbedrägeri`) and some with `&nbsp;` for a space (SPEC 3.2). Both the data's
/// labels and the areas' `categories:` go through ``normalised(_:)``, so a label matches with or
/// without its code.
enum CrimeLabel {
    /// `0950 - Befogenhetsbedrägeri` → `Befogenhetsbedrägeri`, `Stöld&nbsp;ur&nbsp;bil` →
    /// `Stöld ur bil`; anything else unchanged (after trimming).
    static func normalised(_ text: String) -> String {
        // Fast path: most labels start with a letter and have no `&`.
        let utf8 = text.utf8
        guard let first = utf8.first, (first >= 0x30 && first <= 0x39) || utf8.contains(UInt8(ascii: "&"))
        else { return text }
        return withoutCode(spaced(text))
    }

    /// The label without `&nbsp;` (`&#160;`, `&#xa0;`): each becomes a space, runs of spaces one.
    static func spaced(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = text
        for entity in ["&nbsp;", "&#160;", "&#xa0;"] {
            out = out.replacingOccurrences(of: entity, with: " ", options: .caseInsensitive)
        }
        if out == text { return text }
        var collapsed = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in out.unicodeScalars {
            let isSpace = scalar == " " || scalar == "\u{00A0}"
            if isSpace && lastWasSpace { continue }
            collapsed.append(isSpace ? " " : scalar)
            lastWasSpace = isSpace
        }
        return String(collapsed).trimmingSpaces()
    }

    /// Whether `text` ends in an entity cut at its `;` (`Skadegörelse&nbsp`), as a `;`-separated
    /// file splits `&nbsp;`.
    static func endsInSplitEntity(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasSuffix("&nbsp") || lower.hasSuffix("&#160") || lower.hasSuffix("&#xa0")
    }

    /// The label without a leading four-digit crime code and the dash after it
    /// (`0950 - Befogenhetsbedrägeri`, `0950 – …`, `0950-…`, `0950 …`).
    static func withoutCode(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 5, scalars[0..<4].allSatisfy({ ("0"..."9").contains($0) }) else { return text }
        var i = 4
        var sawSeparator = false
        while i < scalars.count, [" ", "\u{00A0}", "\t", "-", "\u{2013}", "\u{2014}"].contains(scalars[i]) {
            sawSeparator = true
            i += 1
        }
        guard sawSeparator, i < scalars.count, !("0"..."9").contains(scalars[i]) else { return text }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: scalars[i...])
        return String(rest)
    }
}
