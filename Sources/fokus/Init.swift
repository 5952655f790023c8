import ArgumentParser
import Fokus
import Foundation

/// `fokus init DIR`: a working, commented starter rule set with a test, and a data folder.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a starter rule set (with a rule test) and a data folder for a new municipality.",
        discussion:
            "Writes DIR/rules/fokus.yaml, DIR/rules/tests/exempel.yaml and DIR/data/ with example files. Existing files are never overwritten."
    )

    @Argument(help: ArgumentHelp("The folder to create.", valueName: "dir"))
    var directory: String

    @Option(name: .long, help: ArgumentHelp("The municipality's name, as the data files spell it.", valueName: "name"))
    var scope: String = "Exempelkommun"

    @OptionGroup var language: LanguageOption

    func validate() throws {
        let strings = CommandStrings(language: Terminal.language)
        if scope.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(strings.scopeNeedsName)
        }
        if scope.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw ValidationError(strings.scopeControlCharacters)
        }
    }

    func run() throws {
        let strings = CommandStrings(language: language.language)
        let files = StarterFiles(scope: scope).files
        let manager = FileManager.default
        for (path, _) in files {
            let full = directory + "/" + path
            if manager.fileExists(atPath: full) {
                throw FokusError(strings.alreadyExists(full), at: SourceLocation(file: full))
            }
        }
        for (path, text) in files {
            let url = URL(fileURLWithPath: directory + "/" + path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        }
        Terminal.write(strings.created(directory))
    }
}

/// The files `fokus init` writes. Their numbers are made up; the test beside them passes on them.
struct StarterFiles {
    let scope: String

    /// `text` as one CSV field with `;` as the delimiter: quoted (quotes doubled) when it needs to be.
    static func csvField(_ text: String) -> String {
        let needsQuotes =
            text.contains { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "," || $0 == "\t" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The scope as a CSV field.
    private var csvScope: String { Self.csvField(scope) }

    /// The scope inside a comment line: on one line.
    private var commentText: String {
        String(scope.map { $0.isNewline ? " " : $0 })
    }

    var files: [(String, String)] {
        [
            ("rules/fokus.yaml", rules), ("rules/tests/exempel.yaml", test), ("data/brottsstatistik.csv", crime),
            ("data/trygghetsundersokning.csv", survey), ("data/resurser.yaml", resources),
        ]
    }

    var rules: String {
        """
        # Regler för lägesbilden i \(commentText). Ändra vikter, områden och åtgärder efter er egen situation.
        # Kör `fokus check` efter varje ändring och `fokus test` för att se att testerna fortfarande går igenom.
        # Decimaltal skrivs med punkt: 0.40, inte 0,40.
        fokus: 1
        name: \(Escaping.yamlDoubleQuoted("Medborgarlöfte " + scope))
        scope: \(Escaping.yamlDoubleQuoted(scope))  # stavas som i kolumnen "kommun" i datafilerna
        period: latest                # senaste året med brottsstatistik, eller t.ex. "2023"

        # Hur mycket varje underlag väger. Summan bör vara 1.
        weights:
          crime_trend: 0.40           # utvecklingen av anmälda brott
          citizen_concern: 0.35       # hur många invånare som oroar sig
          resources: 0.25             # om det finns resurser för en åtgärd nu
          # medarbetare: 0.20         # ta bort # här och nedan för att väga in medarbetarnas bild

        # Signaler: fler underlag än statistik och trygghetsundersökning, till exempel vad medarbetare
        # (kommunpoliser, socialtjänst, skola, fältarbetare) ser eller vad invånarna tar upp i en
        # medborgardialog. Raderna läses från en enkätfil med en kolumn "källa":
        #   år;kommun;källa;fråga;andel;svarande
        #   2023;\(scope);Medarbetarenkät;Skadegörelse på skolor;0,40;35
        # Varje område listar sedan sina frågor för signalen, till exempel under området skadegorelse:
        #   signals: { medarbetare: [Skadegörelse på skolor] }
        # I regler heter värdena medarbetare.raw och n.medarbetare.
        # signals:
        #   - id: medarbetare
        #     name: Medarbetarnas bild
        #     source: Medarbetarenkät

        select:
          top: 2                      # hur många fokusområden som föreslås

        # Tänkbara fokusområden. `categories` är brottskategorier i statistiken (eller händelsetyper från
        # polisens händelser), `survey_items` frågor i trygghetsundersökningen.
        areas:
          - id: bedrageri
            name: Bedrägerier
            categories: [Bedrägeri]
            survey_items: [Oro för bedrägerier]
            owners: [polis, kommun]
          - id: skadegorelse
            name: Skadegörelse
            categories: [Skadegörelse]
            survey_items: [Skadegörelse]
            owners: [kommun]
          - id: trafik
            name: Trafiksäkerhet
            categories: [Trafikbrott]
            survey_items: [Bilar som körs på ett störande sätt]
            owners: [polis, kommun]

        # Åtgärder: vad de kostar i varje resurs, förväntad effekt (0–1) och hur väl effekten är belagd.
        measures:
          - id: seniorinfo
            name: Informationsträffar om bedrägerier för äldre
            addresses: [bedrageri]
            cost: { polis_timmar: 20, kommun_timmar: 40 }
            effect: 0.3
            evidence: moderate
          - id: hastighet
            name: Hastighetsövervakning
            addresses: [trafik]
            cost: { polis_timmar: 80 }
            effect: 0.35
            evidence: strong
          - id: klotterborttagning
            name: Snabb klotterborttagning
            addresses: [skadegorelse]
            cost: { kommun_timmar: 100 }
            effect: 0.3
            evidence: moderate

        # Regler justerar poängen. Villkor som bygger på saknade underlag är aldrig uppfyllda.
        rules:
          - id: kraftig-okning
            when: trend.z >= 2 and concern.raw >= 0.3
            then: { boost: 0.05 }
            reason: Tydlig ökning som också oroar invånarna

        """
    }

    var test: String {
        """
        # Regeltester: kör dem med `fokus test`. Sökvägar är relativa till den här filen.
        tests:
          - name: bedrägerier och trafik överst
            data: ../../data
            expect:
              top: [bedrageri, trafik]
              selected: [bedrageri, trafik]
              not_selected: [skadegorelse]
              measures_include: [seniorinfo, hastighet]

        """
    }

    var crime: String {
        var rows = ["år;kommun;brottskategori;antal"]
        let counts: [(String, [Int])] = [
            ("Bedrägeri", [20, 22, 21, 40]), ("Skadegörelse", [50, 48, 52, 45]), ("Trafikbrott", [30, 31, 29, 33]),
        ]
        for (category, values) in counts {
            for (i, value) in values.enumerated() { rows.append("\(2020 + i);\(csvScope);\(category);\(value)") }
        }
        return rows.joined(separator: "\n") + "\n"
    }

    var survey: String {
        """
        år;kommun;fråga;andel
        2023;\(csvScope);Oro för bedrägerier;0,45
        2023;\(csvScope);Skadegörelse;0,20
        2023;\(csvScope);Bilar som körs på ett störande sätt;0,55

        """
    }

    var resources: String {
        """
        # Resurser för året: timmar och kronor som polis och kommun avsätter.
        - period: 2023
          scope: \(Escaping.yamlDoubleQuoted(scope))
          available: { polis_timmar: 100, kommun_timmar: 200 }

        """
    }
}
