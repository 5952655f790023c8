import Testing

@testable import Fokus

struct EventsJSONTests {
    private func event(_ id: Int, _ datetime: String, _ name: String, _ type: String, _ location: String) -> String {
        """
        {"id": \(id), "datetime": "\(datetime)", "name": "\(name)", "summary": "Text med \\"citat\\", [klamrar] och {måsvingar}.",
         "url": "/x", "type": "\(type)", "location": {"name": "\(location)", "gps": "59.1,16.0"}}
        """
    }

    @Test func countsEventsPerMonthUnderTheirTypeWithTheCountyRule() throws {
        let folder = try TempDataFolder()
        let events = [
            event(1, "2023-04-15 8:38:10 +02:00", "15 april 08:38, Rån, Kungsör", "Rån", "Kungsör"),
            event(2, "2023-04-30 23:59:59 +02:00", "22 augusti 17.59, Brand, Kävlinge", "Brand", "Skåne län"),
            event(
                3, "2023-05-01 00:00:01 +02:00", "15 april 08:38, Sammanfattning natt, Jämtlands län",
                "Sammanfattning natt", "Jämtlands län"),
            event(4, "2023-05-02 10:00:00 +02:00", "2 maj 10:00, Trafikolycka, ", "Trafikolycka", "Skåne län"),
        ]
        try folder.write("handelser.json", "[\n" + events.joined(separator: ",\n") + "\n]\n")
        let data = try folder.load()
        #expect(data.rejected.isEmpty)
        #expect(data.inputs.map(\.kind) == [.crimeEventsJSON])
        #expect(data.count("Kungsör", .month(2023, 4), "rån") == 1)
        #expect(data.count("Kävlinge", .month(2023, 4), "Brand") == 1)
        #expect(data.count("Jämtlands län", .month(2023, 5), "Sammanfattning natt") == 1)
        #expect(data.count("Skåne län", .month(2023, 5), "Trafikolycka") == 1)
        #expect(data.crime[NameKey("Skåne län")]?.presentPeriods == [.month(2023, 5)])
    }

    @Test func appliesTheCountyRule() {
        #expect(PoliceEvent.scope(location: "Skåne län", name: "22 augusti 17.59, Brand, Kävlinge") == "Kävlinge")
        #expect(
            PoliceEvent.scope(location: "Jämtlands län", name: "15 april 08:38, Sammanfattning natt, Jämtlands län")
                == "Jämtlands län")
        #expect(PoliceEvent.scope(location: "Västernorrlands län", name: "1 juni 10:00, Mord/dråp,  Ånge ") == "Ånge")
        #expect(PoliceEvent.scope(location: "Skåne län", name: "2 maj 10:00, Trafikolycka,") == "Skåne län")
        #expect(PoliceEvent.scope(location: "Skåne län", name: nil) == "Skåne län")
        #expect(PoliceEvent.scope(location: "Malmö", name: "1 juni, Rån, Lund") == "Malmö")
    }

    @Test func countsARepeatedIdOnceWithOneWarningPerFile() throws {
        let folder = try TempDataFolder()
        let a = event(10, "2024-01-05 10:00:00 +01:00", "x, Rån, Köping", "Rån", "Köping")
        let b = event(11, "2024-01-06 10:00:00 +01:00", "x, Rån, Köping", "Rån", "Köping")
        let c = event(12, "2024-02-06 10:00:00 +01:00", "x, Rån, Köping", "Rån", "Köping")
        try folder.write("1.json", "[\(a), \(b), \(a)]")
        try folder.write("2.json", "[\(b), \(c), \(a), \(c)]")
        let data = try folder.load()
        #expect(data.rejected.isEmpty)
        #expect(data.count("Köping", .month(2024, 1), "Rån") == 2)
        #expect(data.count("Köping", .month(2024, 2), "Rån") == 1)
        #expect(
            data.warnings.map(\.description) == [
                "data/1.json: warning: 1 event repeats an id already read; each counted once",
                "data/2.json: warning: 3 events repeat ids already read; each counted once",
            ])
    }

    @Test func rejectsAFileWithABadEventAndForgetsItsIds() throws {
        let folder = try TempDataFolder()
        let good = event(20, "2024-03-01 10:00:00 +01:00", "x, Rån, Köping", "Rån", "Köping")
        try folder.write(
            "1.json",
            """
            [
            \(good),
            {"id": 21, "datetime": "2024-13-01 10:00:00 +01:00", "name": "x", "type": "", "location": {"name": "Köping"}},
            {"id": 22, "datetime": 5, "type": "Rån"}
            ]
            """)
        try folder.write("2.json", "[\(good)]")
        let data = try folder.load()
        #expect(
            data.rejectionLines == [
                "data/1.json:4: datetime: \"2024-13-01 10:00:00 +01:00\" is not a date; write YYYY-MM-DD, optionally followed by a time",
                "data/1.json:4: type: missing or empty; every event needs a type",
                "data/1.json:5: datetime: is not a text such as \"2023-04-15 08:38:10 +02:00\"",
                "data/1.json:5: location.name: missing or empty; every event needs a location",
            ])
        // Event 20 of the rejected file does not make the accepted one a duplicate.
        #expect(data.count("Köping", .month(2024, 3), "Rån") == 1)
        #expect(data.warnings.isEmpty)
    }

    @Test func rejectsAFileThatIsNotAnArrayOrIsCutShort() throws {
        let folder = try TempDataFolder()
        try folder.write("a.json", "{\"events\": []}")
        try folder.write("b.json", "[\n{\"id\": 1,\n \"datetime\": \"2024-")
        let one = event(1, "2024-03-01 10:00:00 +01:00", "x, Rån, Köping", "Rån", "Köping")
        try folder.write("c.json", "[\(one)\n\(one)]")
        try folder.write("d.json", "[]")
        let data = try folder.load()
        #expect(
            data.rejectionLines == [
                "data/a.json:1: error: is not a JSON array of events; it should start with [",
                "data/b.json:2: error: ends inside the event that starts here",
                "data/c.json:3: error: expected , or ] after an event, found \"{\"",
            ])
        #expect(data.inputs.map(\.path) == ["data/d.json"])
    }
}
