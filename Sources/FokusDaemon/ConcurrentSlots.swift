import Foundation

/// One slot per index, filled from several threads (`DispatchQueue.concurrentPerform`), read once
/// they are done.
final class ConcurrentSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    /// Every slot, `nil` where nothing was set.
    var all: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
