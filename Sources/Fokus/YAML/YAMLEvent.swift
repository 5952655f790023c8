/// One libyaml parsing event, copied out of C memory into Swift values.
struct YAMLEvent: Sendable {
    /// What happened.
    enum Kind: Sendable {
        case streamStart
        case streamEnd
        /// `implicit` is false when the document starts with an explicit `---`.
        case documentStart(implicit: Bool)
        /// `implicit` is false when the document ends with an explicit `...`.
        case documentEnd(implicit: Bool)
        case alias(anchor: String)
        case scalar(value: String, style: YAMLScalar.Style, anchor: String?, tag: String?)
        case sequenceStart(anchor: String?, tag: String?, flow: Bool)
        case sequenceEnd
        case mappingStart(anchor: String?, tag: String?, flow: Bool)
        case mappingEnd
    }

    /// What happened.
    var kind: Kind
    /// Where the event's text starts (1-based).
    var start: YAMLMark
    /// Where the event's text ends (1-based, just past its last character).
    var end: YAMLMark
}
