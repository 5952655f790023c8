internal import CCurl
import Foundation

/// Why a delivery failed.
public struct DeliveryError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Delivers one rendered message. Synchronous: called from the mail loop, one mail at a time.
public protocol MailTransport: Sendable {
    func deliver(_ message: MailMessage) throws(DeliveryError)
}

/// The default: each message becomes an `.eml` file in a folder, written atomically. Works with
/// nothing configured; a mail client or a script can pick the files up. The files are the daemon
/// user's alone (0600, a new folder 0700): they hold the report before anyone has chosen to publish it.
struct OutboxTransport: MailTransport {
    let folder: URL

    func deliver(_ message: MailMessage) throws(DeliveryError) {
        let name = String(message.messageID.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" }) + ".eml"
        do {
            try AtomicFile.write(Data(message.rendered().utf8), to: folder.appendingPathComponent(name), access: .owner)
        } catch {
            throw DeliveryError("cannot write to the outbox \(folder.path): \(error)")
        }
    }
}

/// Hands the message to a sendmail-compatible command, `COMMAND -t -oi`, on its standard input.
struct SendmailTransport: MailTransport {
    let command: String

    func deliver(_ message: MailMessage) throws(DeliveryError) {
        let words = command.split(separator: " ").map(String.init)
        guard let program = words.first else { throw DeliveryError("`sendmail.command` is empty") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(words.dropFirst()) + ["-t", "-oi"]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw DeliveryError("cannot start \(program): \(error.localizedDescription)")
        }
        // A command that exits without reading everything must not take the daemon with it
        // (SIGPIPE is ignored at start-up, so the write fails instead).
        try? input.fileHandleForWriting.write(contentsOf: Data(message.rendered().replacingOccurrences(of: "\r\n", with: "\n").utf8))
        try? input.fileHandleForWriting.close()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: stderr.prefix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw DeliveryError("\(program) exited with \(process.terminationStatus)\(detail.isEmpty ? "" : ": \(detail)")")
        }
    }
}

/// SMTP through libcurl: `tls: none` (plain), `starttls` (required) or `tls` (implicit, `smtps://`),
/// AUTH with a username and a password from a file or an environment variable.
struct SMTPTransport: MailTransport {
    let settings: DaemonConfig.SMTP

    /// The password in force, read at each delivery so that a rotated file is picked up.
    func password() throws(DeliveryError) -> String? {
        if let name = settings.passwordEnv {
            guard let value = ProcessInfo.processInfo.environment[name] else {
                throw DeliveryError("the environment variable \(name) (smtp.password_env) is not set")
            }
            return value
        }
        if let file = settings.passwordFile {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw DeliveryError("cannot read the password file \(file.path) (smtp.password_file)")
            }
            return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        }
        return nil
    }

    func deliver(_ message: MailMessage) throws(DeliveryError) {
        let password = try password()
        guard let handle = curl_easy_init() else { throw DeliveryError("libcurl could not start") }
        defer { curl_easy_cleanup(handle) }
        let scheme = settings.tls == .tls ? "smtps" : "smtp"
        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        let url = "\(scheme)://\(host):\(settings.port)/localhost"
        let body = Array(message.rendered().utf8)
        let reader = BodyReader(bytes: body)
        let context = Unmanaged.passRetained(reader)
        defer { context.release() }

        var recipients: UnsafeMutablePointer<curl_slist>?
        for address in message.to { recipients = curl_slist_append(recipients, "<\(address)>") }
        defer { curl_slist_free_all(recipients) }

        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            _ = fokus_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
            _ = fokus_curl_setopt_string(handle, CURLOPT_URL, url)
            _ = fokus_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(message.from)>")
            _ = fokus_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients)
            _ = fokus_curl_setopt_long(handle, CURLOPT_UPLOAD, 1)
            _ = fokus_curl_setopt_long(handle, CURLOPT_INFILESIZE, Int(body.count))
            _ = fokus_curl_setopt_read_function(handle) { buffer, size, count, userdata in
                guard let buffer, let userdata else { return 0 }
                let reader = Unmanaged<BodyReader>.fromOpaque(userdata).takeUnretainedValue()
                return reader.read(into: buffer, max: size * count)
            }
            _ = fokus_curl_setopt_pointer(handle, CURLOPT_READDATA, context.toOpaque())
            _ = fokus_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, settings.timeoutSeconds)
            _ = fokus_curl_setopt_long(handle, CURLOPT_TIMEOUT, settings.timeoutSeconds * 4)
            _ = fokus_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
            if settings.tls == .starttls { _ = fokus_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)) }
            if let caFile = settings.caFile { _ = fokus_curl_setopt_string(handle, CURLOPT_CAINFO, caFile.path) }
            if let username = settings.username { _ = fokus_curl_setopt_string(handle, CURLOPT_USERNAME, username) }
            if let password { _ = fokus_curl_setopt_string(handle, CURLOPT_PASSWORD, password) }
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            var reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            // libcurl says only "Weird server reply" when the server refuses the message itself: name its code.
            let reply = fokus_curl_response_code(handle)
            if (400..<600).contains(reply) {
                reason =
                    "the server refused the mail with \(reply) ("
                    + (reply < 500 ? "a temporary refusal" : "a permanent refusal: see the server's log") + "; \(reason))"
            }
            throw DeliveryError("SMTP \(settings.host):\(settings.port): \(reason)")
        }
    }

    /// Feeds the message to libcurl's read callback.
    private final class BodyReader: @unchecked Sendable {
        // @unchecked: used only by the one curl_easy_perform call on this thread.
        let bytes: [UInt8]
        var offset = 0
        init(bytes: [UInt8]) { self.bytes = bytes }

        func read(into buffer: UnsafeMutablePointer<CChar>, max: Int) -> Int {
            let count = Swift.min(max, bytes.count - offset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { source in
                UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
            }
            offset += count
            return count
        }
    }
}

extension DaemonConfig.Mail {
    /// The transport these settings name.
    func makeTransport() -> any MailTransport {
        switch transport {
        case .outbox: OutboxTransport(folder: outbox ?? URL(fileURLWithPath: "outbox"))
        case .sendmail: SendmailTransport(command: sendmailCommand)
        case .smtp: SMTPTransport(settings: smtp)
        }
    }
}
