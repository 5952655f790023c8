/// Mistakes in rule files beyond a value's kind (ranges, missing parts, structure, reading the file), phrased in
/// each language. `name` and `item` are how the English message names a value or item (`` `scale` ``,
/// `rule "sharp-rise"`, `this area`); the Swedish one translates them (``DiagnosticText/swedishPlace(_:)``).
extension DiagnosticText {
    /// What a file-system entry is, as messages name it.
    public enum EntryWord: Sendable, Hashable {
        case file, folder, linkToFile, linkToFolder, linkToOther, brokenLink, fifo, socket, device, unknown

        var english: String {
            switch self {
            case .file: "a file"
            case .folder: "a folder"
            case .linkToFile: "a link to a file"
            case .linkToFolder: "a link to a folder"
            case .linkToOther: "a link to something that is not a file (a pipe or a device)"
            case .brokenLink: "a link that leads nowhere (its target is missing, or links loop)"
            case .fifo: "a named pipe, not a file"
            case .socket: "a socket, not a file"
            case .device: "a device, not a file"
            case .unknown: "not a regular file"
            }
        }

        var swedish: String {
            switch self {
            case .file: "en fil"
            case .folder: "en mapp"
            case .linkToFile: "en länk till en fil"
            case .linkToFolder: "en länk till en mapp"
            case .linkToOther: "en länk till något som inte är en fil (ett rör eller en enhet)"
            case .brokenLink: "en länk som inte leder någonstans (målet saknas, eller länkarna går i ring)"
            case .fifo: "ett namngivet rör, inte en fil"
            case .socket: "en socket, inte en fil"
            case .device: "en enhet, inte en fil"
            case .unknown: "inte en vanlig fil"
            }
        }
    }

    /// Content that is not UTF-8 text, recognised from its first bytes.
    public enum NotTextWord: Sendable, Hashable {
        case utf16, gzip, zip, binary

        /// The reason after "the file …", for a data file (`forRules`: for a rule file, whose fix differs).
        func english(forRules: Bool) -> String {
            switch self {
            case .utf16: "is saved as UTF-16 text; save it as UTF-8 (in Excel: \"CSV UTF-8\") and put it back"
            case .gzip: "is compressed with gzip; unpack it (gunzip) and put the unpacked file in the folder"
            case .zip: "is a ZIP archive (an Excel .xlsx workbook, perhaps); export the sheet as CSV UTF-8"
            case .binary:
                forRules
                    ? "is binary data, not text (it holds NUL bytes); save the rules as UTF-8 text"
                    : "is binary data, not text (it holds NUL bytes); export the data as CSV UTF-8"
            }
        }

        func swedish(forRules: Bool) -> String {
            switch self {
            case .utf16: "är sparad som UTF-16-text; spara den som UTF-8 (i Excel: ”CSV UTF-8”) och lägg tillbaka den"
            case .gzip: "är packad med gzip; packa upp den (gunzip) och lägg den uppackade filen i mappen"
            case .zip: "är ett ZIP-arkiv (kanske en Excel-arbetsbok, .xlsx); exportera bladet som CSV UTF-8"
            case .binary:
                forRules
                    ? "är binärdata, inte text (den innehåller NUL-byte); spara reglerna som UTF-8-text"
                    : "är binärdata, inte text (den innehåller NUL-byte); exportera data som CSV UTF-8"
            }
        }
    }

    /// What follows a range in "`scale` must be from 0.01 to 1000 …".
    public enum RangeNote: Sendable, Hashable {
        case baselinePeriods
        case defaultIs(String)
        case offAllowed
    }

    /// What is wrong in a rule file.
    public enum RuleFileProblem: Sendable, Hashable {
        case outOfRange(name: String, low: String, high: String, note: RangeNote?, written: String)
        case tooLarge(name: String, written: String)
        case periodChoice(written: String)
        case allWeightsZero(factors: [String])
        case topTooSmall(top: Int)
        case selectNeedsLimit
        case seedNegative(seed: Int)
        case noThen(item: String)
        case actionOnlyTrue(action: String)
        case emptyThen
        case emptyFile
        case notAMapping(found: ValueKind)
        case formatVersion(version: Int)
        case notAListOfItems(name: String, example: String, found: ValueKind)
        case noAreas
        case settingTwice(key: String, first: SourceLocation)
        case signalKeyNotAnID(found: ValueKind)
        case resourcesNeedsScore
        case between0And1(name: String, written: String, percentFix: String?)
        case noID(kind: String, example: String)
        case badID(kind: String, id: String, suggestion: String)
        case overIndented(key: String, spaces: Int, name: String, parent: String, line: Int)
        case notAMappingOfKeys(name: String, example: String, found: ValueKind)
        case keyNotAWord(name: String, found: ValueKind)
        case noRuleFileAt(path: String)
        case cannotListFolder(path: String, reason: String)
        case noRuleFilesIn(path: String)
        case notAFile(EntryWord)
        case largerThan16MiB
        case cannotRead(reason: String)
        case notText(NotTextWord)
        case notUTF8
        case notUTF8Byte(hex: String, character: String)
        case addressesEmpty(item: String)
        case noAddresses(item: String)
        case noEffect(item: String)
        case costNotAMapping(found: ValueKind)
        case typographicQuotes(written: String, area: String, parts: Int, meant: String)
        case categoryTwice(category: String, area: String, first: String)
        case categoryInOtherArea(category: String, other: String)
        case samplesOutOfRange(samples: Int, maximum: Int)
        case concentrationOutOfRange(written: String)
        /// A value that is not one of `choices`.
        case cannotBe(name: String, value: String, suggestion: String?, choices: [String])

        var english: String {
            switch self {
            case .outOfRange(let name, let low, let high, let note, let written):
                let extra: String
                switch note {
                case .baselinePeriods?: extra = " (how many earlier periods the latest is compared with)"
                case .defaultIs(let value)?: extra = " (the default is \(value))"
                case .offAllowed?: extra = " (0 is off)"
                case nil: extra = ""
                }
                return "\(name) must be from \(low) to \(high)\(extra), not \(written)"
            case .tooLarge(let name, let written): return "\(name) is too large: \(written)"
            case .periodChoice(let written):
                return "`period` must be latest or a period such as 2023, 2023-Q4 or 2023-11, not \"\(written)\""
            case .allWeightsZero(let factors):
                return "the weights are all 0; give at least one of " + factors.dropLast().joined(separator: ", ")
                    + " and \(factors.last ?? "") a weight above 0"
            case .topTooSmall(let top): return "`top` must be 1 or more (how many areas to select), not \(top)"
            case .selectNeedsLimit: return "`select` needs `top`, `min_score` or both, such as `select: {top: 3}`"
            case .seedNegative(let seed): return "`seed` must be 0 or more, not \(seed)"
            case .noThen(let item): return "\(item) has no `then`; say what it does, such as `then: {boost: 0.05}`"
            case .actionOnlyTrue(let action): return "`\(action)` can only be true; to not \(action), leave the action out"
            case .emptyThen: return "`then` is empty; give at least one action: boost, scale, include, exclude or note"
            case .emptyFile: return "the file is empty; a rule file is a mapping of keys such as `name:`, `areas:` and `rules:`"
            case .notAMapping(let found):
                return "a rule file must be a mapping of keys such as `name:`, `areas:` and `rules:` on lines of their own, "
                    + "not \(found.rawValue)"
            case .formatVersion(let version):
                return "`fokus` is the rule-file format version and must be 1, not \(version); this Fokus reads version 1"
            case .notAListOfItems(let name, let example, let found):
                return "\(name) must be a list with one item per entry, each starting with \"\(example)\", not \(found.rawValue)"
            case .noAreas:
                return "the rule set has no areas; add at least one area to an `areas:` list, such as "
                    + "`- id: trafik` with its `categories` and `survey_items`"
            case .settingTwice(let key, let first):
                return "`\(key)` is already set in \(first); set it in one file only, or remove one of them"
            case .signalKeyNotAnID(let found): return "keys in `signals` must be signal ids, not \(found.rawValue)"
            case .resourcesNeedsScore: return "`resources` needs a score between 0 and 1, such as `resources: {score: 0.6}`"
            case .between0And1(let name, let written, let percentFix):
                return "\(name) must be between 0 and 1, not \(written)"
                    + (percentFix.map { "; for \(written) %, write \($0)" } ?? "")
            case .noID(let kind, let example): return "this \(kind) has no `id`; add one such as `id: \(example)`"
            case .badID(let kind, let id, let suggestion):
                return "the \(kind) id \"\(id)\" may hold only letters, digits, \"-\" and \"_\" and must start with a "
                    + "letter or digit; try \"\(suggestion)\""
            case .overIndented(let key, let spaces, let name, let parent, let line):
                let amount = spaces == 1 ? "1 space" : "\(spaces) spaces"
                return "`\(key)` is indented \(amount) more than the other keys of \(name): its indentation "
                    + "makes it part of `\(parent):` above it (line \(line)); move it \(amount) left, in line with `\(parent):`"
            case .notAMappingOfKeys(let name, let example, let found):
                return "\(name) must be a mapping of keys (such as `\(example): …` on lines of their own), not \(found.rawValue)"
            case .keyNotAWord(let name, let found): return "keys in \(name) must be plain words, not \(found.rawValue)"
            case .noRuleFileAt(let path): return "there is no rule file or folder at \"\(path)\"; check the path"
            case .cannotListFolder(let path, let reason): return "cannot list the folder \"\(path)\": \(reason)"
            case .noRuleFilesIn(let path): return "the folder \"\(path)\" holds no .yaml or .yml rule files"
            case .notAFile(let kind): return "cannot read the rule file: it is \(kind.english); give a .yaml file"
            case .largerThan16MiB: return "the rule file is larger than 16 MiB; a rule set is a few kilobytes, so this is not one"
            case .cannotRead(let reason): return "cannot read the rule file: \(reason)"
            case .notText(let kind): return "the rule file " + kind.english(forRules: true)
            case .notUTF8: return "the rule file is not UTF-8 text; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)"
            case .notUTF8Byte(let hex, let character):
                return "the rule file is not UTF-8 text: the byte 0x\(hex) here is \"\(character)\" in Latin-1 "
                    + "(Windows-1252), the encoding it was probably saved in; save the file as UTF-8 (in most editors: "
                    + "Save As, Encoding: UTF-8)"
            case .addressesEmpty(let item):
                return "`addresses` is empty; list the ids of the areas \(item) helps, such as [trafik]"
            case .noAddresses(let item):
                return "\(item) has no `addresses`; list the ids of the areas it helps, such as `addresses: [trafik]`"
            case .noEffect(let item):
                return "\(item) has no `effect`; add its expected effect between 0 and 1, such as `effect: 0.3`"
            case .costNotAMapping(let found):
                return "`cost` must be a mapping of resource and amount, such as `cost: {kommun_timmar: 40}`, not \(found.rawValue)"
            case .typographicQuotes(let written, let area, let parts, let meant):
                return "the category \(written) in area \"\(area)\" is written with typographic quotes, which "
                    + "become part of the name, so it matches no data"
                    + (parts > 1 ? " (and inside [ ] its comma splits it into \(parts) categories)" : "")
                    + "; write straight quotes: \"\(meant)\""
            case .categoryTwice(let category, let area, let first):
                return "the category \"\(category)\" is listed twice in area \"\(area)\" (first as \"\(first)\"); "
                    + "it counts once, so remove one of them"
            case .categoryInOtherArea(let category, let other):
                return "the category \"\(category)\" is in area \"\(other)\" too: its crimes count twice, once "
                    + "for each area; if one area is meant, remove it from the other"
            case .samplesOutOfRange(let samples, let maximum): return "samples must be from 0 (off) to \(maximum), not \(samples)"
            case .concentrationOutOfRange(let written): return "the concentration must be from 0.01 to 1000000, not \(written)"
            case .cannotBe(let name, let value, let suggestion, let choices):
                return "\(name) cannot be \"\(value)\""
                    + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "; write one of " + choices.joined(separator: ", "))
            }
        }

        var swedish: String {
            let place = DiagnosticText.swedishPlace
            switch self {
            case .outOfRange(let name, let low, let high, let note, let written):
                let extra: String
                switch note {
                case .baselinePeriods?: extra = " (hur många tidigare perioder den senaste jämförs med)"
                case .defaultIs(let value)?: extra = " (standard är \(value))"
                case .offAllowed?: extra = " (0 stänger av)"
                case nil: extra = ""
                }
                return "\(place(name)) ska vara från \(low) till \(high)\(extra), inte \(written)"
            case .tooLarge(let name, let written): return "\(place(name)) är för stort: \(written)"
            case .periodChoice(let written):
                return "`period` ska vara latest eller en period som 2023, 2023-Q4 eller 2023-11, inte ”\(written)”"
            case .allWeightsZero(let factors):
                return "alla vikter är 0; ge minst en av " + factors.dropLast().joined(separator: ", ")
                    + " och \(factors.last ?? "") en vikt över 0"
            case .topTooSmall(let top): return "`top` ska vara 1 eller mer (hur många områden som väljs), inte \(top)"
            case .selectNeedsLimit: return "`select` behöver `top`, `min_score` eller båda, till exempel `select: {top: 3}`"
            case .seedNegative(let seed): return "`seed` ska vara 0 eller mer, inte \(seed)"
            case .noThen(let item): return "\(place(item)) saknar `then`; skriv vad regeln gör, till exempel `then: {boost: 0.05}`"
            case .actionOnlyTrue(let action):
                return "`\(action)` kan bara vara true; ta bort åtgärden om den inte ska gälla"
            case .emptyThen: return "`then` är tom; ange minst en åtgärd: boost, scale, include, exclude eller note"
            case .emptyFile:
                return "filen är tom; en regelfil är en mappning med nycklar som `name:`, `areas:` och `rules:`"
            case .notAMapping(let found):
                return "en regelfil ska vara en mappning med nycklar som `name:`, `areas:` och `rules:` på egna rader, "
                    + "inte \(found.swedish)"
            case .formatVersion(let version):
                return "`fokus` är regelfilens formatversion och ska vara 1, inte \(version); den här versionen av Fokus läser version 1"
            case .notAListOfItems(let name, let example, let found):
                return "\(place(name)) ska vara en lista med en post per del, som var och en börjar med ”\(example)”, inte \(found.swedish)"
            case .noAreas:
                return "regeluppsättningen har inga områden; lägg till minst ett område i en lista `areas:`, till exempel "
                    + "`- id: trafik` med dess `categories` och `survey_items`"
            case .settingTwice(let key, let first):
                return "`\(key)` är redan satt i \(first); sätt den i en enda fil, eller ta bort en av dem"
            case .signalKeyNotAnID(let found): return "nycklarna i `signals` ska vara signal-id:n, inte \(found.swedish)"
            case .resourcesNeedsScore:
                return "`resources` behöver ett värde mellan 0 och 1, till exempel `resources: {score: 0.6}`"
            case .between0And1(let name, let written, let percentFix):
                return "\(place(name)) ska vara mellan 0 och 1, inte \(written)"
                    + (percentFix.map { "; för \(written) %, skriv \($0)" } ?? "")
            case .noID(let kind, let example):
                return "\(place("this " + kind)) saknar `id`; lägg till ett, till exempel `id: \(example)`"
            case .badID(_, let id, let suggestion):
                return "id:t ”\(id)” får bara innehålla bokstäver, siffror, ”-” och ”_” och måste "
                    + "börja med en bokstav eller siffra; pröva ”\(suggestion)”"
            case .overIndented(let key, let spaces, let name, let parent, let line):
                let amount = spaces == 1 ? "1 steg" : "\(spaces) steg"
                return "`\(key)` är indragen \(amount) mer än de andra nycklarna i \(place(name)), så indraget gör den till en "
                    + "del av `\(parent):` ovanför (rad \(line)); flytta den \(amount) åt vänster, i linje med `\(parent):`"
            case .notAMappingOfKeys(let name, let example, let found):
                return "\(place(name)) ska vara en mappning med nycklar (till exempel `\(example): …` på egna rader), inte \(found.swedish)"
            case .keyNotAWord(let name, let found): return "nycklarna i \(place(name)) ska vara vanliga ord, inte \(found.swedish)"
            case .noRuleFileAt(let path): return "det finns ingen regelfil eller regelmapp på ”\(path)”; kontrollera sökvägen"
            case .cannotListFolder(let path, let reason): return "mappen ”\(path)” kan inte listas: \(reason)"
            case .noRuleFilesIn(let path): return "mappen ”\(path)” innehåller inga regelfiler (.yaml eller .yml)"
            case .notAFile(let kind): return "regelfilen kan inte läsas: den är \(kind.swedish); ange en .yaml-fil"
            case .largerThan16MiB:
                return "regelfilen är större än 16 MiB; en regeluppsättning är några kilobyte, så det här är ingen"
            case .cannotRead(let reason): return "regelfilen kan inte läsas: \(reason)"
            case .notText(let kind): return "regelfilen " + kind.swedish(forRules: true)
            case .notUTF8:
                return "regelfilen är inte UTF-8-text; spara den som UTF-8 (i de flesta redigerare: Spara som, kodning: UTF-8)"
            case .notUTF8Byte(let hex, let character):
                return "regelfilen är inte UTF-8-text: byten 0x\(hex) här är ”\(character)” i Latin-1 (Windows-1252), "
                    + "den kodning filen troligen sparades i; spara filen som UTF-8 (i de flesta redigerare: Spara som, "
                    + "kodning: UTF-8)"
            case .addressesEmpty(let item):
                return "`addresses` är tom; lista id:na för de områden som \(place(item)) hjälper, till exempel [trafik]"
            case .noAddresses(let item):
                return "\(place(item)) saknar `addresses`; lista id:na för de områden den hjälper, till exempel `addresses: [trafik]`"
            case .noEffect(let item):
                return "\(place(item)) saknar `effect`; ange den väntade effekten mellan 0 och 1, till exempel `effect: 0.3`"
            case .costNotAMapping(let found):
                return "`cost` ska vara en mappning från resurs till mängd, till exempel `cost: {kommun_timmar: 40}`, inte \(found.swedish)"
            case .typographicQuotes(let written, let area, let parts, let meant):
                return "kategorin \(written) i området ”\(area)” är skriven med typografiska citattecken, som "
                    + "blir en del av namnet, så den matchar inga data"
                    + (parts > 1 ? " (och inom [ ] delar kommat den i \(parts) kategorier)" : "")
                    + "; skriv raka citattecken: \"\(meant)\""
            case .categoryTwice(let category, let area, let first):
                return "kategorin ”\(category)” står två gånger i området ”\(area)” (första gången som ”\(first)”); "
                    + "den räknas en gång, så ta bort en av dem"
            case .categoryInOtherArea(let category, let other):
                return "kategorin ”\(category)” finns också i området ”\(other)”: dess brott räknas två gånger, en gång "
                    + "för varje område; om bara ett område avses, ta bort den från det andra"
            case .samplesOutOfRange(let samples, let maximum):
                return "antalet dragningar (samples) ska vara från 0 (av) till \(maximum), inte \(samples)"
            case .concentrationOutOfRange(let written): return "koncentrationen ska vara från 0,01 till 1000000, inte \(written)"
            case .cannotBe(let name, let value, let suggestion, let choices):
                return "\(place(name)) kan inte vara ”\(value)”"
                    + (suggestion.map { "; menade du ”\($0)”?" } ?? "; skriv något av " + choices.joined(separator: ", "))
            }
        }
    }
}
