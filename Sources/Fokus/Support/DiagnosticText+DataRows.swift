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

    func message(in language: ReportLanguage) -> String {
        switch language {
        case .en: english
        case .sv: swedish
        }
    }

    private var english: String {
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
        }
    }

    private var swedish: String {
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
