public import Foundation

/// A plain mail address (`name@example.se`), checked strictly so that no header can be smuggled in.
enum MailAddress {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, text.utf8.count <= 254 else { return false }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+-/=?^_`{|}~")
        let domainOK = parts[1].contains(".") || parts[1] == "localhost"
        return domainOK && text.allSatisfy { $0 == "@" || allowed.contains($0) }
    }
}

/// One report mail as MIME (RFC 5322, 2045–2047): `multipart/alternative` with a UTF-8 text part
/// and an HTML part, both base64; the subject encoded per RFC 2047.
///
/// No header value is taken raw from data or rules: the subject is always encoded (so a line
/// break in an area's name cannot start a header), addresses are checked by ``MailAddress``,
/// and the Message-ID is built from the job and a digest.
public struct MailMessage: Sendable {
    public var from: String
    public var to: [String]
    public var subject: String
    public var text: String
    public var html: String?
    /// Without angle brackets: `fokus.default.42@example.se`.
    public var messageID: String
    public var date: Date

    public init(from: String, to: [String], subject: String, text: String, html: String?, messageID: String, date: Date) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.messageID = messageID
        self.date = date
    }

    /// The whole message with CRLF line ends, ready for SMTP, sendmail or an `.eml` file.
    public func rendered() -> String {
        let boundary =
            "=_fokus_"
            + String(messageID.utf8.reduce(UInt64(1_469_598_103_934_665_603)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }, radix: 16)
        var lines: [String] = []
        lines.append("From: " + (MailAddress.isValid(from) ? from : "fokus@localhost"))
        lines.append("To: " + to.filter(MailAddress.isValid).joined(separator: ", "))
        lines.append("Subject: " + Self.encodedWords(subject))
        lines.append("Date: " + Self.rfc5322Date(date))
        lines.append("Message-ID: <" + messageID.filter { $0.isASCII && !$0.isWhitespace && $0 != "<" && $0 != ">" } + ">")
        lines.append("MIME-Version: 1.0")
        lines.append("Auto-Submitted: auto-generated")
        if let html {
            lines.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("This is a MIME message: a text part and an HTML part.")
            lines.append("--\(boundary)")
            lines += Self.part("text/plain", text)
            lines.append("--\(boundary)")
            lines += Self.part("text/html", html)
            lines.append("--\(boundary)--")
        } else {
            lines += Self.part("text/plain", text)
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func part(_ type: String, _ body: String) -> [String] {
        let normalised = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let base64 = Data(normalised.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        return ["Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64", ""] + [base64]
    }

    /// RFC 2047 encoded words (`=?utf-8?B?…?=`), each at most 75 characters, split on character
    /// boundaries, folded onto continuation lines. Control characters become spaces first.
    static func encodedWords(_ text: String) -> String {
        let clean = String(text.map { $0.isNewline || ($0.asciiValue.map { $0 < 32 || $0 == 127 } ?? false) ? " " : $0 })
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in clean {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?utf-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?utf-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
