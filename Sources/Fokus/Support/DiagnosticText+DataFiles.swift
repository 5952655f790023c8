/// Data files that cannot be read, events files of the wrong shape, resources YAML mistakes and the data folder's
/// skipped entries, phrased in each language. A message about a file as a whole reads after its path
/// (`brott.csv: error: is compressed with gzip; …`).
extension DiagnosticText {
    /// A byte a JSON message names: a printable character, or a byte in hex.
    public enum JSONByte: Sendable, Hashable {
        case character(String)
        case byte(String)

        var english: String {
            switch self {
            case .character(let c): "\"\(c)\""
            case .byte(let hex): "byte 0x\(hex)"
            }
        }

        var swedish: String {
            switch self {
            case .character(let c): "”\(c)”"
            case .byte(let hex): "byten 0x\(hex)"
            }
        }
    }

    /// What is wrong with the shape of a JSON events file.
    public enum EventsShape: Sendable, Hashable {
        case empty
        case notAnArray
        case endsInsideArray
        case expectedCommaOrEnd(found: JSONByte)
        case expectedEvent(found: JSONByte)
        case endsInsideEvent
        case eventTooLarge
        case nestedTooDeep(levels: Int, eventLine: Int)
        case afterArray(found: JSONByte)

        var english: String {
            switch self {
            case .empty: "is empty; expected a JSON array of events"
            case .notAnArray: "is not a JSON array of events; it should start with ["
            case .endsInsideArray: "ends inside the array; it needs a closing ]"
            case .expectedCommaOrEnd(let found): "expected , or ] after an event, found \(found.english)"
            case .expectedEvent(let found): "expected an event, found \(found.english)"
            case .endsInsideEvent: "ends inside the event that starts here"
            case .eventTooLarge:
                "has an event of more than 1 MiB starting here; an event of the police's API is a few hundred bytes, "
                    + "so this is not an events file"
            case .nestedTooDeep(let levels, let line):
                "nests objects and arrays more than \(levels) levels deep in the event that starts on line \(line); "
                    + "an event of the police's API nests two"
            case .afterArray(let found): "has \(found.english) after the array's closing ]"
            }
        }

        var swedish: String {
            switch self {
            case .empty: "är tom; här väntades en JSON-lista (array) med händelser"
            case .notAnArray: "är ingen JSON-lista (array) med händelser; den ska börja med ["
            case .endsInsideArray: "tar slut inne i listan; den behöver ett avslutande ]"
            case .expectedCommaOrEnd(let found): "här väntades , eller ] efter en händelse, men det står \(found.swedish)"
            case .expectedEvent(let found): "här väntades en händelse, men det står \(found.swedish)"
            case .endsInsideEvent: "tar slut inne i händelsen som börjar här"
            case .eventTooLarge:
                "har en händelse på mer än 1 MiB som börjar här; en händelse från polisens API är några hundra byte, "
                    + "så det här är ingen händelsefil"
            case .nestedTooDeep(let levels, let line):
                "nästlar objekt och listor i mer än \(levels) nivåer i händelsen som börjar på rad \(line); "
                    + "en händelse från polisens API nästlar två"
            case .afterArray(let found): "har \(found.swedish) efter listans avslutande ]"
            }
        }
    }

    /// A YAML value a message shows: its text, or what it is.
    public enum ShownValue: Sendable, Hashable {
        case text(String)
        case mapping
        case list

        var english: String {
            switch self {
            case .text(let text): "\"\(text)\""
            case .mapping: "a mapping"
            case .list: "a list"
            }
        }

        var swedish: String {
            switch self {
            case .text(let text): "”\(text)”"
            case .mapping: "en mappning"
            case .list: "en lista"
            }
        }
    }

    /// Why an entry of the data folder is skipped.
    public enum SkipReason: Sendable, Hashable {
        case entry(EntryWord)
        case linkAlreadyRead(target: String)
        case linkOutside
        case linkToFolder
    }

    /// Why a small file a person names (a rule test, a previous report) cannot be read.
    public enum SmallFileReason: Sendable, Hashable {
        case missing
        case kind(EntryWord)
        case tooLarge
        case unreadable
    }

    /// What is wrong with a data file, the data folder, or a resources YAML file.
    public enum DataFileProblem: Sendable, Hashable {
        case notText(NotTextWord)
        case cannotBeRead(reason: String)
        case jsonNotUTF8
        case resourcesTooLarge
        /// Several header columns for one role; `role` as English names it (`the count`), `columns` as shown.
        case duplicateColumns(role: String, names: [String], numbers: [Int])
        /// Rows dated after `lastYear`; `more` rows after the first.
        case futureRows(period: String, lastYear: Int, more: Int)
        case doesNotExist(path: String)
        case cannotList(path: String, reason: String)
        case notFileOrFolder(path: String, kind: EntryWord)
        case skipped(SkipReason)
        case resourcesNotAnEntry
        case resourcesEntryNotAMapping
        case resourcesUnknownKey(ShownValue)
        case resourcesBadPeriod(ShownValue)
        case resourcesScopeName
        case resourcesAvailable
        case resourcesNoName
        case resourcesBadAmount(ShownValue, resource: String)
        case resourcesMissing(key: String)
        /// The heading before a rejected file's errors.
        case rejectedFileHeading
        /// The hint after the rejected files' errors.
        case fixRowsOrKeepGoing
        /// The state database cannot be opened or read (`adoptions`: while reading the adopted areas).
        case stateUnreadable(adoptions: Bool, reason: String)
        /// A small file (`what` as English names it: `the test file`) that cannot be read.
        case cannotReadFile(what: String, reason: SmallFileReason)

        var english: String {
            switch self {
            case .notText(let kind): return kind.english(forRules: false)
            case .cannotBeRead(let reason): return "cannot be read: \(reason)"
            case .jsonNotUTF8: return "is not UTF-8 text; JSON files must be saved as UTF-8"
            case .resourcesTooLarge: return "is larger than 16 MiB; a resources file lists a few amounts a period"
            case .duplicateColumns(let role, let names, let numbers):
                let shown = zip(names, numbers).map { "\"\($0)\" (column \($1))" }
                return "the header has \(names.count) columns for \(role): "
                    + shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
                    + "; keep one of them (rename or remove the others), since Fokus cannot tell which is meant"
            case .futureRows(let period, let lastYear, let more):
                let others = more > 0 ? " (and \(more) more \(more == 1 ? "row" : "rows") after it)" : ""
                return "this row is dated \(period), after \(lastYear)\(others); check the date: with "
                    + "`period: latest` the latest period in the data is the one evaluated"
            case .doesNotExist(let path): return "\(path) does not exist; give the data folder (or a data file)"
            case .cannotList(let path, let reason): return "\(path) cannot be listed: \(reason)"
            case .notFileOrFolder(let path, let kind): return "\(path) is \(kind.english); give the data folder or a data file"
            case .skipped(let reason):
                switch reason {
                case .entry(let kind): return "skipped: \(kind.english)"
                case .linkAlreadyRead(let target): return "skipped: a link to \(target), which is read already"
                case .linkOutside: return "skipped: a link to a file outside the data folder; Fokus reads only files inside it"
                case .linkToFolder:
                    return "skipped: a link to a folder; Fokus does not follow folder links (they can loop or lead out "
                        + "of the data folder); copy or move the files into the folder instead"
                }
            case .resourcesNotAnEntry:
                return "expected a mapping such as {period: 2024, scope: Kungsör, available: {polis_timmar: 400}} or a list of them"
            case .resourcesEntryNotAMapping: return "expected a mapping with period, scope and available"
            case .resourcesUnknownKey(let key): return "unknown key \(key.english); an entry has period, scope and available"
            case .resourcesBadPeriod(let value): return "\(value.english) is not a period; write 2023, 2023-Q4 or 2023-11"
            case .resourcesScopeName: return "scope must be a name such as Kungsör"
            case .resourcesAvailable: return "available must map each resource to an amount, such as {polis_timmar: 400}"
            case .resourcesNoName: return "a resource needs a name"
            case .resourcesBadAmount(let value, let resource):
                return "\(value.english) is not an amount; write a number ≥ 0 for \(resource)"
            case .resourcesMissing(let key): return "this entry has no \(key); an entry has period, scope and available"
            case .rejectedFileHeading: return "rejected data file (nothing from it was used):"
            case .fixRowsOrKeepGoing: return "fix the rows above, or run with --keep-going to evaluate without these files"
            case .stateUnreadable(let adoptions, let reason):
                return (adoptions ? "cannot read adopted areas: " : "cannot open the state database: ") + reason
            case .cannotReadFile(let what, let reason):
                switch reason {
                case .missing: return "cannot read \(what): it does not exist or cannot be reached"
                case .kind(let kind): return "cannot read \(what): it is \(kind.english)"
                case .tooLarge: return "cannot read \(what): it is larger than 64 MiB"
                case .unreadable: return "cannot read \(what)"
                }
            }
        }

        var swedish: String {
            switch self {
            case .notText(let kind): return kind.swedish(forRules: false)
            case .cannotBeRead(let reason): return "kan inte läsas: \(reason)"
            case .jsonNotUTF8: return "är inte UTF-8-text; JSON-filer måste sparas som UTF-8"
            case .resourcesTooLarge: return "är större än 16 MiB; en resursfil listar några mängder per period"
            case .duplicateColumns(let role, let names, let numbers):
                let shown = zip(names, numbers).map { "”\($0)” (kolumn \($1))" }
                return "rubrikraden har \(names.count) kolumner för \(Self.swedishRole(role)): "
                    + shown.dropLast().joined(separator: ", ") + " och " + (shown.last ?? "")
                    + "; behåll en av dem (byt namn på eller ta bort de andra), eftersom Fokus inte kan avgöra vilken som avses"
            case .futureRows(let period, let lastYear, let more):
                let others = more > 0 ? " (och \(more) \(more == 1 ? "rad" : "rader") till efter den)" : ""
                return "raden är daterad \(period), efter \(lastYear)\(others); kontrollera datumet: med "
                    + "`period: latest` är det den senaste perioden i data som utvärderas"
            case .doesNotExist(let path): return "\(path) finns inte; ange datamappen (eller en datafil)"
            case .cannotList(let path, let reason): return "\(path) kan inte listas: \(reason)"
            case .notFileOrFolder(let path, let kind): return "\(path) är \(kind.swedish); ange datamappen eller en datafil"
            case .skipped(let reason):
                switch reason {
                case .entry(let kind): return "hoppades över: \(kind.swedish)"
                case .linkAlreadyRead(let target): return "hoppades över: en länk till \(target), som redan läses"
                case .linkOutside: return "hoppades över: en länk till en fil utanför datamappen; Fokus läser bara filer i den"
                case .linkToFolder:
                    return "hoppades över: en länk till en mapp; Fokus följer inte mapplänkar (de kan gå i ring eller leda ut "
                        + "ur datamappen); kopiera eller flytta filerna till mappen i stället"
                }
            case .resourcesNotAnEntry:
                return
                    "här väntades en mappning som {period: 2024, scope: Kungsör, available: {polis_timmar: 400}} eller en lista av sådana"
            case .resourcesEntryNotAMapping: return "här väntades en mappning med period, scope och available"
            case .resourcesUnknownKey(let key): return "okänd nyckel \(key.swedish); en post har period, scope och available"
            case .resourcesBadPeriod(let value): return "\(value.swedish) är ingen period; skriv 2023, 2023-Q4 eller 2023-11"
            case .resourcesScopeName: return "scope ska vara ett namn, till exempel Kungsör"
            case .resourcesAvailable: return "available ska ge varje resurs en mängd, till exempel {polis_timmar: 400}"
            case .resourcesNoName: return "en resurs behöver ett namn"
            case .resourcesBadAmount(let value, let resource):
                return "\(value.swedish) är ingen mängd; skriv ett tal ≥ 0 för \(resource)"
            case .resourcesMissing(let key): return "posten saknar \(key); en post har period, scope och available"
            case .rejectedFileHeading: return "avvisad datafil (inget från den användes):"
            case .fixRowsOrKeepGoing:
                return "rätta raderna ovan, eller kör med --keep-going för att utvärdera utan de här filerna"
            case .stateUnreadable(let adoptions, let reason):
                return (adoptions ? "de antagna områdena kan inte läsas: " : "tillståndsdatabasen kan inte öppnas: ") + reason
            case .cannotReadFile(let what, let reason):
                let name = DiagnosticText.swedishPlace(what)
                switch reason {
                case .missing: return "\(name) kan inte läsas: den finns inte eller går inte att nå"
                case .kind(let kind): return "\(name) kan inte läsas: den är \(kind.swedish)"
                case .tooLarge: return "\(name) kan inte läsas: den är större än 64 MiB"
                case .unreadable: return "\(name) kan inte läsas"
                }
            }
        }

        /// A column's role (`the count`) in Swedish.
        static func swedishRole(_ role: String) -> String {
            [
                "the period": "perioden", "the scope": "kommunen eller polisområdet", "the crime category": "brottskategorin",
                "the count": "antalet", "the date": "datumet", "the survey item": "enkätfrågan", "the share": "andelen",
                "the respondents": "antalet svarande", "the source": "källan", "the resource": "resursen",
                "the amount available": "tillgänglig mängd", "the population": "befolkningen", "the region": "regionen", "the year": "året",
                "the rate per 100 000 inhabitants": "antalet per 100 000 invånare",
            ][role] ?? role
        }
    }
}
