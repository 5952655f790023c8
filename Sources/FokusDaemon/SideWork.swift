import Foundation

/// Work started on a thread of its own and waited for later (not on the processors' pool, whose width is
/// the number of processors): for work that mostly waits for the disk, such as an `fsync`, done side by
/// side with work that needs the processors or with other such waits.
final class SideWork: @unchecked Sendable {
    // @unchecked: `work` may touch what its starter owns; the starter touches none of it until `wait()`
    // has returned, and the semaphore orders the two.
    private let work: () -> Void
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` at once.
    init(_ work: @escaping () -> Void) {
        self.work = work
        Thread { [self] in
            self.work()
            self.done.signal()
        }.start()
    }

    /// Returns once the work is done.
    func wait() { done.wait() }

    /// Runs `work` for every index in `0..<count` at once, each but the last on a thread of its own (the
    /// last on this one), and returns when all are done.
    static func each(_ count: Int, _ work: @escaping (Int) -> Void) {
        guard count > 0 else { return }
        let started = (0..<(count - 1)).map { index in SideWork { work(index) } }
        work(count - 1)
        for side in started { side.wait() }
    }
}
