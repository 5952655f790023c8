public import Fokus

/// The body of a report mail: a plain-text part and an HTML part with the same content.
public struct MailBody: Sendable, Hashable {
    /// The `text/plain` part: the text report (lines of at most 100 characters).
    public var text: String
    /// The `text/html` part: the page without its SVG charts (mail programs drop them; the tables stay).
    public var html: String

    /// The mail body of `document`.
    public init(document: ReportDocument) {
        text = document.plainText()
        html = HTMLReport(document: document, forMail: true).rendered()
    }
}

extension Evaluation {
    /// The body of the mail that sends this evaluation's report, in `language`, led by what changed
    /// when `changes` is given.
    public func mailBody(changes: ChangeSummary? = nil, language: ReportLanguage = .sv) -> MailBody {
        MailBody(document: reportDocument(changes: changes, language: language))
    }

    /// The report as a self-contained HTML page.
    public func htmlPage(changes: ChangeSummary? = nil, language: ReportLanguage = .sv) -> String {
        HTMLReport(document: reportDocument(changes: changes, language: language)).rendered()
    }
}
