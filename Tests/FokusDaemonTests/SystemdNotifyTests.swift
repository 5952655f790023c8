import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `Type=notify`: the daemon tells systemd when it is ready, pings the watchdog, and says it stops.
@Suite(.timeLimit(.minutes(4)))
struct SystemdNotifyTests {
    /// A datagram socket standing in for systemd's `$NOTIFY_SOCKET`.
    final class NotifySocket {
        let path: String
        let fd: Int32

        init(path: String) throws {
            self.path = path
            fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (i, byte) in path.utf8.enumerated() { raw[i] = byte }
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            guard fd >= 0, bound == 0 else { throw HarnessError("cannot bind \(path)") }
            var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit {
            close(fd)
            unlink(path)
        }

        /// The datagrams received within `seconds`.
        func receive(for seconds: Double) -> [String] {
            var messages: [String] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count > 0 { messages.append(String(decoding: buffer[0..<count], as: UTF8.self)) }
            }
            return messages
        }
    }

    @Test func readyAfterTheFirstEvaluationWatchdogPingsAndStopping() throws {
        let daemon = try DaemonHarness()
        try daemon.writeConfig()
        let socket = try NotifySocket(path: daemon.root.appendingPathComponent("notify.sock").path)
        try daemon.start(environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "300000"])
        let messages = socket.receive(for: 2.5)
        let ready = messages.firstIndex { $0.hasPrefix("READY=1") }
        #expect(ready != nil, "\(messages)")
        #expect(messages.filter { $0 == "WATCHDOG=1" }.count >= 3, "\(messages)")
        // READY=1 only once the first report is written.
        #expect(try daemon.report() != nil)
        let process = try #require(daemon.process)
        kill(process.processIdentifier, SIGTERM)
        let last = socket.receive(for: 1.5)
        #expect(last.contains("STOPPING=1"), "\(last)")
        #expect(try daemon.stop() == 0)
    }
}
