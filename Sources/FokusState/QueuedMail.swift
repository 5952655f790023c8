public import Foundation

/// A report mail in the daemon's queue.
public struct QueuedMail: Hashable, Sendable, Identifiable {
    /// Where a mail is in its life.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Waiting for its first or next attempt at ``QueuedMail/nextAttemptAt``.
        case queued
        /// Delivered (handed to the transport) at ``QueuedMail/sentAt``.
        case sent
        /// Given up after a permanent error; kept for the operator to inspect.
        case failed
    }

    /// The row id.
    public let id: Int64
    /// The daemon job that produced the mail.
    public let job: String
    /// The evaluation reported, if any (and if that row still exists).
    public let evaluationID: Int64?
    /// The recipients' addresses.
    public let recipients: [String]
    /// The subject, unencoded (the mailer applies RFC 2047).
    public let subject: String
    /// The plain-text part.
    public let bodyText: String
    /// The HTML part, if any.
    public let bodyHTML: String?
    /// The `Message-ID`, unique in the queue.
    public let messageID: String
    /// Where the mail is in its life.
    public let status: Status
    /// How many delivery attempts were made.
    public let attempts: Int
    /// When the next attempt is due; `nil` once sent or failed.
    public let nextAttemptAt: Date?
    /// The error of the last failed attempt.
    public let lastError: String?
    /// When the mail was queued.
    public let createdAt: Date
    /// When the mail was delivered.
    public let sentAt: Date?
}
