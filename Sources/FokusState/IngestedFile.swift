public import Foundation

/// One version of one data file in the ledger: a (path, SHA-256) pair the daemon or CLI read.
public struct IngestedFile: Hashable, Sendable {
    /// The path as the reader saw it (not normalised).
    public let path: String
    /// The SHA-256 of the content, 64 lowercase hex digits.
    public let sha256: String
    /// The size in bytes.
    public let size: Int64
    /// What the file held, such as `crime`, `survey` or `resources`.
    public let kind: String
    /// When this content was first seen at this path.
    public let firstSeenAt: Date
    /// When this content was last seen at this path.
    public let lastSeenAt: Date

    /// Creates a ledger entry (the store creates them; this is for tests and fakes).
    public init(path: String, sha256: String, size: Int64, kind: String, firstSeenAt: Date, lastSeenAt: Date) {
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.kind = kind
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
    }
}
