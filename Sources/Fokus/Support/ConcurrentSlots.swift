import Foundation

/// One slot per index, filled from several threads (`DispatchQueue.concurrentPerform`), read once
/// they are done.
package final class ConcurrentSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]
    private var filled = 0

    package init(count: Int) { values = Array(repeating: nil, count: count) }

    /// Stores a value; returns how many slots are filled.
    @discardableResult
    package func set(_ index: Int, _ value: Value) -> Int {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
        filled += 1
        return filled
    }

    /// Every slot, `nil` where nothing was set.
    package var all: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
