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
        var list: [(field: String?, reason: DataRowReason)]
    }

    /// Decodes one array element.
    static func decode(_ bytes: [UInt8]) -> Result<PoliceEvent, Problems> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            return .failure(
                Problems(list: [(nil, .eventNotJSON)]))
        }
        guard let event = object as? [String: Any] else {
            return .failure(
                Problems(list: [(nil, .notAnEvent)]))
        }
        var problems: [(field: String?, reason: DataRowReason)] = []
        var id: String?
        switch event["id"] {
        case nil, is NSNull: id = nil
        case let text as String: id = text
        case let number as NSNumber: id = number.stringValue
        default: problems.append(("id", .eventIDKind))
        }
        var period: Period?
        if let datetime = event["datetime"] as? String {
            switch DataValues.eventMonth(datetime.trimmingSpaces()) {
            case .success(let month): period = month
            case .failure(let problem): problems.append(("datetime", problem.text ?? .eventDateNotText))
            }
        } else {
            problems.append(("datetime", event["datetime"] == nil ? .eventDateMissing : .eventDateNotText))
        }
        let type = (event["type"] as? String)?.trimmingSpaces() ?? ""
        if type.isEmpty { problems.append(("type", .eventTypeMissing)) }
        let location = ((event["location"] as? [String: Any])?["name"] as? String)?.trimmingSpaces() ?? ""
        if location.isEmpty { problems.append(("location.name", .eventLocationMissing)) }
        guard problems.isEmpty, let period else { return .failure(Problems(list: problems)) }
        let scope = PoliceEvent.scope(location: location, name: event["name"] as? String)
        return .success(PoliceEvent(id: id, scope: scope, category: type, period: period))
    }
}
