/// What `stat` says of a data file: when all of it is unchanged, the file is taken to hold the
/// content last hashed for it, so it is neither read nor hashed again.
public struct FileSignature: Hashable, Sendable {
    /// The size in bytes.
    public var size: Int64
    /// The inode number (a file replaced by a rename gets a new one).
    public var inode: UInt64
    /// The modification time, in nanoseconds since 1970.
    public var modifiedNanoseconds: Int64
    /// The status change time, in nanoseconds since 1970 (changes on every write and rename).
    public var changedNanoseconds: Int64

    /// Creates a signature.
    public init(size: Int64, inode: UInt64, modifiedNanoseconds: Int64, changedNanoseconds: Int64) {
        self.size = size
        self.inode = inode
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedNanoseconds = changedNanoseconds
    }
}
