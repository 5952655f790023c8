import Foundation

/// One event in the police's public events API shape, as Fokus counts it (SPEC 3.2).
struct PoliceEvent: Sendable, Hashable {
    /// The event's id as text (`nil` when it has none: such an event cannot be recognised again).
    var id: String?
    /// Where it is counted: ``scope(location:name:)``.
    var scope: String
    /// Its type, counted as the crime category.
    var category: String
    /// The calendar month of its date.
    var period: Period

    /// The scope of an event: `location.name`, except for a county (it ends in ` län`), where it
    /// is the last comma-separated part of `name`, trimmed, or the county when that part is empty.
    static func scope(location: String, name: String?) -> String {
        let location = location.trimmingSpaces()
        guard NameKey.fold(location).hasSuffix(" län") else { return location }
        guard let name, let last = name.split(separator: ",", omittingEmptySubsequences: false).last else {
            return location
        }
        let place = String(last).trimmingSpaces()
        return place.isEmpty ? location : place
    }

    /// Problems with one event: (field, reason) pairs.
    struct Problems: Error, Sendable {
        var list: [(field: String?, reason: String)]
    }

    /// Decodes one array element.
    static func decode(_ bytes: [UInt8]) -> Result<PoliceEvent, Problems> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            return .failure(
                Problems(list: [(nil, "not valid JSON; check the quotes, commas and brackets of this event")]))
        }
        guard let event = object as? [String: Any] else {
            return .failure(
                Problems(list: [
                    (nil, "is not an event; expected an object such as {\"id\": …, \"datetime\": …, \"type\": …}")
                ]))
        }
        var problems: [(field: String?, reason: String)] = []
        var id: String?
        switch event["id"] {
        case nil, is NSNull: id = nil
        case let text as String: id = text
        case let number as NSNumber: id = number.stringValue
        default: problems.append(("id", "is neither a number nor a text"))
        }
        var period: Period?
        if let datetime = event["datetime"] as? String {
            switch DataValues.eventMonth(datetime.trimmingSpaces()) {
            case .success(let month): period = month
            case .failure(let problem): problems.append(("datetime", problem.reason))
            }
        } else {
            problems.append(
                (
                    "datetime",
                    event["datetime"] == nil
                        ? "missing; every event needs its date and time"
                        : "is not a text such as \"2023-04-15 08:38:10 +02:00\""
                ))
        }
        let type = (event["type"] as? String)?.trimmingSpaces() ?? ""
        if type.isEmpty { problems.append(("type", "missing or empty; every event needs a type")) }
        let location = ((event["location"] as? [String: Any])?["name"] as? String)?.trimmingSpaces() ?? ""
        if location.isEmpty { problems.append(("location.name", "missing or empty; every event needs a location")) }
        guard problems.isEmpty, let period else { return .failure(Problems(list: problems)) }
        let scope = PoliceEvent.scope(location: location, name: event["name"] as? String)
        return .success(PoliceEvent(id: id, scope: scope, category: type, period: period))
    }
}
