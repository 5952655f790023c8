/// YAML syntax and structure mistakes (libyaml's errors and Fokus's own checks), phrased in each language.
extension DiagnosticText {
    /// Plain-words advice after a libyaml syntax error.
    public enum YAMLHint: Sendable, Hashable {
        case spacesNotTabs
        case quoteText(startingWith: String)
        case quoteTheText
        case quoteValueWithColon
        case indentLikeAbove
        case keyColonValue
        case closeTheQuote
        case closeList
        case closeMapping

        var english: String {
            switch self {
            case .spacesNotTabs: "indent with spaces, not tabs"
            case .quoteText(let character): "text starting with \"\(character)\" must be put in quotes"
            case .quoteTheText: "put the text in quotes"
            case .quoteValueWithColon: "if a value contains \": \", put the whole value in quotes, or check the indentation"
            case .indentLikeAbove: "check that this line is indented like the lines above it"
            case .keyColonValue: "write a key as `key: value`, with a colon and a space"
            case .closeTheQuote: "close the quote"
            case .closeList: "separate list items with commas and close the list with ]"
            case .closeMapping: "separate entries with commas and close the mapping with }"
            }
        }

        var swedish: String {
            switch self {
            case .spacesNotTabs: "dra in med mellanslag, inte med tabb"
            case .quoteText(let character): "text som börjar med ”\(character)” måste stå inom citattecken"
            case .quoteTheText: "sätt texten inom citattecken"
            case .quoteValueWithColon: "om ett värde innehåller ”: ”, sätt hela värdet inom citattecken, eller kontrollera indraget"
            case .indentLikeAbove: "kontrollera att raden är indragen som raderna ovanför"
            case .keyColonValue: "skriv en nyckel som `nyckel: värde`, med kolon och mellanslag"
            case .closeTheQuote: "stäng citatet"
            case .closeList: "skilj delarna åt med kommatecken och stäng listan med ]"
            case .closeMapping: "skilj posterna åt med kommatecken och stäng mappningen med }"
            }
        }
    }

    /// What is wrong with a YAML document.
    public enum YAMLProblem: Sendable, Hashable {
        /// libyaml's error: its problem and context as it words them (phrased in Swedish by a table of libyaml's
        /// messages), the character it met, where the context starts when elsewhere, and advice.
        case syntax(problem: String, character: String?, context: String?, contextStart: SourceLocation?, hint: YAMLHint?)
        /// A key indented further than the `key: value` line above it.
        case overIndentedKey(key: String, parent: String, spaces: Int)
        /// libyaml could not be started.
        case parserNotStarted
        case secondDocument
        case undefinedAlias(name: String)
        case tooManyAliases(name: String, limit: Int)
        case nestedTooDeep(limit: Int)
        /// A key given twice; `key` is `nil` for a list or mapping used as a key (`isList` says which).
        case duplicateKey(key: String?, isList: Bool, line: Int, column: Int)
        case decimalCommaInFlow(written: String, meant: String, whole: String, digits: String)

        var english: String {
            switch self {
            case .syntax(let problem, let character, let context, let start, let hint):
                var message = problem
                if let character { message += " (character \(character))" }
                if let context { message += " \(context)" }
                if let start, let line = start.line {
                    message += " that starts at line \(line), column \(start.column ?? 1)"
                }
                return message + (hint.map { "; \($0.english)" } ?? "")
            case .overIndentedKey(let key, let parent, let spaces):
                let amount = spaces == 1 ? "1 space" : "\(spaces) spaces"
                return "`\(key)` is indented \(amount) more than `\(parent)` on the line above: its indentation "
                    + "makes it part of that line's value; move it \(amount) left, in line with `\(parent):`"
            case .parserNotStarted: return "could not start the YAML parser (out of memory?)"
            case .secondDocument:
                return "a second YAML document starts here; a rule file holds one document, so remove this "
                    + "\"---\" line or move what follows into a file of its own"
            case .undefinedAlias(let name): return "alias *\(name) refers to no anchor; define &\(name) on a value above this line"
            case .tooManyAliases(let name, let limit):
                return "too many aliases: expanding *\(name) here makes more than \(limit) "
                    + "values (a YAML 'billion laughs' document?); write the values out instead"
            case .nestedTooDeep(let limit):
                return "lists and mappings are nested more than \(limit) levels deep here; flatten the document"
            case .duplicateKey(let key, let isList, let line, let column):
                let shown = key.map { "\"\($0)\"" } ?? (isList ? "(a list)" : "(a mapping)")
                return "duplicate key \(shown): it is already given at line \(line), column \(column) of this mapping; "
                    + "keep only one of them"
            case .decimalCommaInFlow(let written, let meant, let whole, let digits):
                return "`\(written)`: write \(meant) with a point; inside { } and [ ] a comma separates entries, so YAML "
                    + "reads \(written) as \(whole) and \(digits)"
            }
        }

        var swedish: String {
            switch self {
            case .syntax(let problem, let character, let context, let start, let hint):
                var message = Self.swedishProblems[problem] ?? "YAML-fel (\(problem))"
                if let character { message += " (tecknet \(character))" }
                if let context {
                    let phrase = Self.swedishContexts[context] ?? "(\(context))"
                    if !phrase.isEmpty { message += " " + phrase }
                }
                if let start, let line = start.line {
                    message += " som börjar på rad \(line), kolumn \(start.column ?? 1)"
                }
                return message + (hint.map { "; \($0.swedish)" } ?? "")
            case .overIndentedKey(let key, let parent, let spaces):
                let amount = spaces == 1 ? "1 steg" : "\(spaces) steg"
                return "`\(key)` är indragen \(amount) mer än `\(parent)` på raden ovanför, så indraget gör den till en del "
                    + "av den radens värde; flytta den \(amount) åt vänster, i linje med `\(parent):`"
            case .parserNotStarted: return "YAML-läsaren kunde inte startas (slut på minne?)"
            case .secondDocument:
                return "ett andra YAML-dokument börjar här; en regelfil rymmer ett dokument, så ta bort raden "
                    + "”---” eller flytta det som följer till en egen fil"
            case .undefinedAlias(let name):
                return "aliaset *\(name) pekar inte på något ankare; definiera &\(name) på ett värde ovanför den här raden"
            case .tooManyAliases(let name, let limit):
                return "för många alias: *\(name) ger här fler än \(limit) värden (ett YAML-dokument av typen "
                    + "”billion laughs”?); skriv ut värdena i stället"
            case .nestedTooDeep(let limit):
                return "listor och mappningar är nästlade i mer än \(limit) nivåer här; gör dokumentet plattare"
            case .duplicateKey(let key, let isList, let line, let column):
                let shown = key.map { "”\($0)”" } ?? (isList ? "(en lista)" : "(en mappning)")
                return "dubblerad nyckel \(shown): den finns redan på rad \(line), kolumn \(column) i samma mappning; "
                    + "behåll bara en av dem"
            case .decimalCommaInFlow(let written, let meant, let whole, let digits):
                return "`\(written)`: skriv \(meant) med decimalpunkt; inom { } och [ ] skiljer kommatecken posterna åt, "
                    + "så YAML läser \(written) som \(whole) och \(digits)"
            }
        }

        /// libyaml's problems (scanner, parser and reader, libyaml 0.2.5), in Swedish.
        static let swedishProblems: [String: String] = [
            "found character that cannot start any token": "tecknet kan inte inleda något här",
            "mapping values are not allowed in this context": "ett värde med kolon (”nyckel: värde”) får inte stå här",
            "did not find expected key": "här väntades en nyckel",
            "did not find expected '-' indicator": "här väntades ett ”-” som inleder en listrad",
            "could not find expected ':'": "kolon (”:”) saknas",
            "found unexpected end of stream": "filen tar slut för tidigt",
            "did not find expected ',' or ']'": "här väntades ”,” eller ”]”",
            "did not find expected ',' or '}'": "här väntades ”,” eller ”}”",
            "found a tab character that violates indentation": "en tabb bryter mot indraget",
            "found a tab character that violate indentation": "en tabb bryter mot indraget",
            "found a tab character where an indentation space is expected": "en tabb står där ett mellanslag för indrag väntades",
            "did not find expected node content": "här väntades ett värde",
            "did not find expected <document start>": "här väntades början på ett dokument (”---”)",
            "block sequence entries are not allowed in this context": "en listrad (”- ”) får inte stå här",
            "found unknown escape character": "okänd escape-sekvens efter ”\\”",
            "did not find expected alphabetic or numeric character": "här väntades en bokstav eller siffra",
            "did not find expected comment or line break": "här väntades en kommentar eller en radbrytning",
            "found undefined tag handle": "okänd tagg",
            "did not find URI escaped octet": "en %-kodad byte saknas",
            "found unexpected document indicator": "oväntad dokumentmarkering (”---” eller ”...”)",
            "found unexpected ':'": "oväntat kolon",
            "found incompatible YAML document": "YAML-versionen stöds inte",
            "found duplicate %YAML directive": "dubblerat %YAML-direktiv",
            "found duplicate %TAG directive": "dubblerat %TAG-direktiv",
            "found an incorrect leading UTF-8 octet": "ogiltig UTF-8",
            "invalid leading UTF-8 octet": "ogiltig UTF-8",
            "invalid trailing UTF-8 octet": "ogiltig UTF-8",
            "incomplete UTF-8 octet sequence": "ofullständig UTF-8",
            "invalid length of a UTF-8 sequence": "ogiltig UTF-8",
            "invalid Unicode character": "ogiltigt Unicode-tecken",
            "control characters are not allowed": "styrtecken är inte tillåtna",
            "input is too long": "filen är för lång",
            "the YAML could not be read": "YAML-texten kunde inte läsas",
        ]

        /// libyaml's contexts, in Swedish.
        static let swedishContexts: [String: String] = [
            "while scanning for the next token": "",
            "while scanning a quoted scalar": "i ett citerat värde",
            "while scanning a simple key": "i en nyckel",
            "while scanning a plain scalar": "i ett värde",
            "while scanning a block scalar": "i ett blockvärde",
            "while scanning an anchor": "i ett ankare",
            "while scanning an alias": "i ett alias",
            "while scanning a tag": "i en tagg",
            "while scanning a directive": "i ett direktiv",
            "while scanning a %YAML directive": "i ett %YAML-direktiv",
            "while scanning a %TAG directive": "i ett %TAG-direktiv",
            "while parsing a block mapping": "i en mappning",
            "while parsing a block collection": "i en lista",
            "while parsing a flow sequence": "i en lista inom [ ]",
            "while parsing a flow mapping": "i en mappning inom { }",
            "while parsing a node": "i ett värde",
            "while parsing a block node": "i ett värde",
            "while parsing a flow node": "i ett värde",
            "while parsing a tag": "i en tagg",
        ]
    }
}
