/// Sweden's municipalities and counties with their official codes: what lets a county be evaluated
/// as the sum of its municipalities, and a code such as `1960` stand for `Kungsör`.
///
/// The table is bundled data (``sweden``), never fetched. A municipality's four-digit code begins
/// with its county's two-digit code.
package struct MunicipalityTable: Sendable {
    /// A municipality (*kommun*).
    package struct Municipality: Sendable, Hashable {
        /// The official four-digit code, `1960`.
        package let code: String
        /// The name, `Kungsör`.
        package let name: String
        /// The county's two-digit code, `19`.
        package let countyCode: String
    }

    /// A county (*län*).
    package struct County: Sendable, Hashable {
        /// The official two-digit code, `19`.
        package let code: String
        /// The name, `Västmanlands län`.
        package let name: String
        /// Its municipalities, in code order.
        package let municipalities: [Municipality]
    }

    /// What a scope name or code refers to.
    package enum Place: Sendable, Hashable {
        /// A municipality of the table.
        case municipality(Municipality)
        /// A county of the table.
        case county(County)
    }

    /// Every county, in code order.
    package let counties: [County]
    /// Every municipality, in code order.
    package var municipalities: [Municipality] { counties.flatMap(\.municipalities) }

    private let byKey: [NameKey: Place]
    private let byCode: [String: Place]

    /// Sweden's 21 counties and 290 municipalities.
    package static let sweden = MunicipalityTable(parsing: officialCodes)

    /// Reads the table's text form: one line a county, `CC Name: CCMM Name, CCMM Name, …`.
    init(parsing text: String) {
        var counties: [County] = []
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let head = line[..<colon].split(separator: " ", maxSplits: 1)
            let countyCode = String(head[0])
            let members = line[line.index(after: colon)...].split(separator: ",").map { member in
                let parts = String(member).trimmingSpaces().split(separator: " ", maxSplits: 1)
                return Municipality(code: String(parts[0]), name: String(parts[1]), countyCode: countyCode)
            }
            counties.append(County(code: countyCode, name: String(head[1]), municipalities: members))
        }
        var byKey: [NameKey: Place] = [:]
        var byCode: [String: Place] = [:]
        for county in counties {
            byKey[NameKey(county.name)] = .county(county)
            byCode[county.code] = .county(county)
            for m in county.municipalities {
                byKey[NameKey(m.name)] = .municipality(m)
                byCode[m.code] = .municipality(m)
            }
        }
        self.counties = counties
        self.byKey = byKey
        self.byCode = byCode
    }

    /// The place a scope names: a municipality or county by name (matched as names are, SPEC 4.1), or by
    /// its official code (`1960`, `19`); `nil` for anything else (a police area, a made-up scope).
    package func place(_ scope: String) -> Place? {
        let trimmed = scope.trimmingSpaces()
        if trimmed.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let place = byCode[trimmed]
        {
            return place
        }
        return byKey[NameKey(trimmed)]
    }

    /// The county a scope names, if it names one.
    package func county(_ scope: String) -> County? {
        if case .county(let county) = place(scope) { return county }
        return nil
    }

    /// The municipality with an official code.
    package func municipality(code: String) -> Municipality? {
        if case .municipality(let m) = byCode[code] { return m }
        return nil
    }
}
