/// Why a data cell cannot be read, as an id with its figures (see ``DiagnosticText``): the end of
/// `file:line: column: reason`, in each language.
public enum DataRowReason: Sendable, Hashable {
    case emptyWhole(noun: String)
    case notANumberWhole(text: String, noun: String)
    case negativeWhole(text: String, noun: String)
    case notWhole(text: String, noun: String)
    case tooLargeWhole(text: String, noun: String)
    case tooLargeAmount(text: String)
    case emptyAmount
    case notAnAmount(text: String)
    case negativeAmount(text: String)
    case emptyShare
    case notAShare(text: String)
    case emptyPeriod
    case notAPeriod(text: String)
    case emptyName(what: String)
    case emptyDate
    case notADate(text: String)
    case emptyYear
    case notAYear(text: String)
    case notAnExportPeriod(text: String)
    /// A quoted cell whose closing quote is missing.
    case unclosedQuote
    /// A row with another number of cells than the header; `separator` is `nil` for a tab.
    case fieldCount(values: Int, columns: Int, separator: String?)
    /// A share outside 0–1 (or 0–100 when the file's shares are percentages).
    case shareOutside(text: String, percentages: Bool)
    /// A row longer than 1 MiB.
    case rowTooLong
    /// An event that is not valid JSON.
    case eventNotJSON
    /// An array element that is not an object.
    case notAnEvent
    /// An event `id` that is neither a number nor a text.
    case eventIDKind
    /// An event without `datetime`.
    case eventDateMissing
    /// An event `datetime` that is not a text.
    case eventDateNotText
    /// An event without `type`.
    case eventTypeMissing
    /// An event without `location.name`.
    case eventLocationMissing
    /// A JSON events file whose shape is wrong (see ``DiagnosticText/EventsShape``).
    case eventsShape(DiagnosticText.EventsShape)

    var english: String {
        switch self {
        case .emptyWhole(let noun): "empty; \(noun) are whole numbers ≥ 0"
        case .notANumberWhole(let text, let noun): "\"\(text)\" is not a number; \(noun) are whole numbers ≥ 0"
        case .negativeWhole(let text, let noun): "\"\(text)\" is negative; \(noun) are whole numbers ≥ 0"
        case .notWhole(let text, let noun): "\"\(text)\" is not a whole number; \(noun) are whole numbers ≥ 0"
        case .tooLargeWhole(let text, let noun): "\"\(text)\" is too large; \(noun) are whole numbers from 0 to 1 000 000 000"
        case .tooLargeAmount(let text): "\"\(text)\" is too large; write a number up to 1 000 000 000 000"
        case .emptyAmount: "empty; write a number ≥ 0"
        case .notAnAmount(let text): "\"\(text)\" is not a number; write a number ≥ 0"
        case .negativeAmount(let text): "\"\(text)\" is negative; write a number ≥ 0"
        case .emptyShare: "empty; write a share such as 0.35, 35 or 35%"
        case .notAShare(let text): "\"\(text)\" is not a number; write a share such as 0.35, 35 or 35%"
        case .emptyPeriod: "empty; write 2023, 2023-Q4 or 2023-11"
        case .notAPeriod(let text): "\"\(text)\" is not a period; write 2023, 2023-Q4 or 2023-11"
        case .emptyName(let what): "empty; every row needs \(what)"
        case .emptyDate: "empty; write the date as YYYY-MM-DD"
        case .notADate(let text): "\"\(text)\" is not a date; write YYYY-MM-DD, optionally followed by a time"
        case .emptyYear: "empty; write the year, such as 2023"
        case .notAYear(let text): "\"\(text)\" is not a year; write a year such as 2023"
        case .notAnExportPeriod(let text):
            "\"\(text)\" is not a period; leave it empty or write Helår, a month (januari) or a quarter (Kvartal 1)"
        case .unclosedQuote: "a quoted value is never closed; add the closing \""
        case .fieldCount(let values, let columns, let separator):
            "\(values) \(values == 1 ? "value" : "values") where the header has \(columns) columns; check for a missing or extra "
                + (separator.map { "\"\($0)\"" } ?? "tab")
        case .shareOutside(let text, let percentages):
            "\"\(text)\" is outside " + (percentages ? "0–100 (this file's shares are percentages)" : "0–1")
        case .rowTooLong:
            "this row is longer than 1 MiB (a quote that is never closed, perhaps, or not a CSV file); Fokus reads rows of up to 1 MiB"
        case .eventNotJSON: "not valid JSON; check the quotes, commas and brackets of this event"
        case .notAnEvent: "is not an event; expected an object such as {\"id\": …, \"datetime\": …, \"type\": …}"
        case .eventIDKind: "is neither a number nor a text"
        case .eventDateMissing: "missing; every event needs its date and time"
        case .eventDateNotText: "is not a text such as \"2023-04-15 08:38:10 +02:00\""
        case .eventTypeMissing: "missing or empty; every event needs a type"
        case .eventLocationMissing: "missing or empty; every event needs a location"
        case .eventsShape(let shape): shape.english
        }
    }

    var swedish: String {
        switch self {
        case .emptyWhole(let noun): "tomt; \(Self.swedishNoun(noun)) är heltal ≥ 0"
        case .notANumberWhole(let text, let noun): "”\(text)” är inget tal; \(Self.swedishNoun(noun)) är heltal ≥ 0"
        case .negativeWhole(let text, let noun): "”\(text)” är negativt; \(Self.swedishNoun(noun)) är heltal ≥ 0"
        case .notWhole(let text, let noun): "”\(text)” är inget heltal; \(Self.swedishNoun(noun)) är heltal ≥ 0"
        case .emptyAmount: "tomt; skriv ett tal ≥ 0"
        case .notAnAmount(let text): "”\(text)” är inget tal; skriv ett tal ≥ 0"
        case .tooLargeWhole(let text, let noun): "”\(text)” är för stort; \(Self.swedishNoun(noun)) är heltal från 0 till 1 000 000 000"
        case .tooLargeAmount(let text): "”\(text)” är för stort; skriv ett tal upp till 1 000 000 000 000"
        case .negativeAmount(let text): "”\(text)” är negativt; skriv ett tal ≥ 0"
        case .emptyShare: "tomt; skriv en andel som 0,35, 35 eller 35 %"
        case .notAShare(let text): "”\(text)” är inget tal; skriv en andel som 0,35, 35 eller 35 %"
        case .emptyPeriod: "tomt; skriv 2023, 2023-Q4 eller 2023-11"
        case .notAPeriod(let text): "”\(text)” är ingen period; skriv 2023, 2023-Q4 eller 2023-11"
        case .emptyName(let what): "tomt; varje rad behöver \(Self.swedishWhat(what))"
        case .emptyDate: "tomt; skriv datumet som ÅÅÅÅ-MM-DD"
        case .notADate(let text): "”\(text)” är inget datum; skriv ÅÅÅÅ-MM-DD, gärna följt av en tid"
        case .emptyYear: "tomt; skriv året, till exempel 2023"
        case .notAYear(let text): "”\(text)” är inget år; skriv ett år som 2023"
        case .notAnExportPeriod(let text):
            "”\(text)” är ingen period; lämna tomt eller skriv Helår, en månad (januari) eller ett kvartal (Kvartal 1)"
        case .unclosedQuote: "ett värde inom citattecken stängs aldrig; lägg till det avslutande \""
        case .fieldCount(let values, let columns, let separator):
            "\(values) \(values == 1 ? "värde" : "värden") där rubrikraden har \(columns) kolumner; kontrollera om ett "
                + (separator.map { "”\($0)”" } ?? "tabbtecken") + " saknas eller är för mycket"
        case .shareOutside(let text, let percentages):
            "”\(text)” ligger utanför " + (percentages ? "0–100 (filens andelar är procent)" : "0–1")
        case .rowTooLong:
            "raden är längre än 1 MiB (ett citattecken som aldrig stängs, kanske, eller ingen CSV-fil); Fokus läser rader på upp till 1 MiB"
        case .eventNotJSON: "ogiltig JSON; kontrollera citattecken, kommatecken och klamrar i händelsen"
        case .notAnEvent: "är ingen händelse; här väntades ett objekt som {\"id\": …, \"datetime\": …, \"type\": …}"
        case .eventIDKind: "är varken ett tal eller en text"
        case .eventDateMissing: "saknas; varje händelse behöver datum och tid"
        case .eventDateNotText: "är ingen text som ”2023-04-15 08:38:10 +02:00”"
        case .eventTypeMissing: "saknas eller är tom; varje händelse behöver en typ"
        case .eventLocationMissing: "saknas eller är tom; varje händelse behöver en plats"
        case .eventsShape(let shape): shape.swedish
        }
    }

    private static func swedishNoun(_ noun: String) -> String {
        ["counts": "antal", "populations": "befolkningstal", "respondents": "antal svarande"][noun] ?? noun
    }

    private static func swedishWhat(_ what: String) -> String {
        [
            "a crime category": "en brottskategori", "a region": "en region", "a resource name": "ett resursnamn",
            "a scope (municipality or police area)": "en kommun eller ett polisområde", "a survey item": "en enkätfråga",
        ][what] ?? what
    }
}
