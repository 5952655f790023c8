/// Mistakes in rule-test files (`fokus test`), and tests that cannot run, phrased in each language.
extension DiagnosticText {
    /// What is wrong with a rule test.
    public enum RuleTestProblem: Sendable, Hashable {
        case notUTF8
        case emptyFile
        case needsTests
        case testsNotAList
        case dataFolderMissing(path: String)
        case dataAndRecords
        case needsData(test: String)
        case periodChoice(written: String)
        case noExpect(test: String)
        case rankNotAMapping
        case scoreNotAMapping
        case scoreNeedsValue(area: String)
        case notAListOfAreas(name: String)
        case recordsNotAList(key: String)
        case rowNeeds(columns: [String])
        case notAPeriod(written: String)
        case notNegative(name: String)
        case shareRange
        case dataFileRejected(path: String)

        var english: String {
            switch self {
            case .notUTF8: return "the test file is not UTF-8 text; save it as UTF-8"
            case .emptyFile: return "the test file is empty; it needs a `tests:` list"
            case .needsTests: return "the test file needs a `tests:` list"
            case .testsNotAList: return "`tests` must be a list of tests, each starting with \"- name: …\""
            case .dataFolderMissing(let path): return "the data folder \"\(path)\" does not exist (paths are relative to the test file)"
            case .dataAndRecords: return "give either `data` or `records`, not both"
            case .needsData(let test): return "the test \"\(test)\" needs `data:` (a folder) or `records:`"
            case .periodChoice(let written):
                return "`period` must be latest, a year (2023), a quarter (2023-Q4) or a month (2023-11), not \"\(written)\""
            case .noExpect(let test): return "the test \"\(test)\" has no `expect:` block"
            case .rankNotAMapping: return "`rank` must map area ids to ranks, e.g. `rank: { trafik: 1 }`"
            case .scoreNotAMapping:
                return "`score` must map area ids to scores, e.g. `score: { trafik: { value: 0.71, tolerance: 0.005 } }`"
            case .scoreNeedsValue(let area): return "the score of \(area) needs a `value`"
            case .notAListOfAreas(let name): return "\(name) must be a list of area ids, e.g. [trafik, bedrageri]"
            case .recordsNotAList(let key): return "`\(key)` must be a list of rows such as {period: 2023, scope: Kungsör, …}"
            case .rowNeeds(let columns): return "the row needs " + columns.map { "`\($0)`" }.joined(separator: ", ")
            case .notAPeriod(let written): return "\"\(written)\" is not a period; write 2023, 2023-Q4 or 2023-11"
            case .notNegative(let name): return "`\(name)` must be 0 or more"
            case .shareRange: return "`share` must be between 0 and 1"
            case .dataFileRejected(let path): return "the test's data file \(path) was rejected"
            }
        }

        var swedish: String {
            switch self {
            case .notUTF8: return "testfilen är inte UTF-8-text; spara den som UTF-8"
            case .emptyFile: return "testfilen är tom; den behöver en lista `tests:`"
            case .needsTests: return "testfilen behöver en lista `tests:`"
            case .testsNotAList: return "`tests` ska vara en lista med test, som vart och ett börjar med ”- name: …”"
            case .dataFolderMissing(let path):
                return "datamappen ”\(path)” finns inte (sökvägar räknas från testfilens mapp)"
            case .dataAndRecords: return "ange antingen `data` eller `records`, inte båda"
            case .needsData(let test): return "testet ”\(test)” behöver `data:` (en mapp) eller `records:`"
            case .periodChoice(let written):
                return "`period` ska vara latest, ett år (2023), ett kvartal (2023-Q4) eller en månad (2023-11), inte ”\(written)”"
            case .noExpect(let test): return "testet ”\(test)” saknar ett block `expect:`"
            case .rankNotAMapping: return "`rank` ska ge områdes-id:n en plats, till exempel `rank: { trafik: 1 }`"
            case .scoreNotAMapping:
                return "`score` ska ge områdes-id:n en poäng, till exempel `score: { trafik: { value: 0.71, tolerance: 0.005 } }`"
            case .scoreNeedsValue(let area): return "poängen för \(area) behöver ett `value`"
            case .notAListOfAreas(let name): return "\(name) ska vara en lista med områdes-id:n, till exempel [trafik, bedrageri]"
            case .recordsNotAList(let key): return "`\(key)` ska vara en lista med rader som {period: 2023, scope: Kungsör, …}"
            case .rowNeeds(let columns): return "raden behöver " + columns.map { "`\($0)`" }.joined(separator: ", ")
            case .notAPeriod(let written): return "”\(written)” är ingen period; skriv 2023, 2023-Q4 eller 2023-11"
            case .notNegative(let name): return "`\(name)` ska vara 0 eller mer"
            case .shareRange: return "`share` ska vara mellan 0 och 1"
            case .dataFileRejected(let path): return "testets datafil \(path) avvisades"
            }
        }
    }
}
