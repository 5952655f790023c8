public import Fokus
public import Logging

/// A log handler that passes every message and metadata value through
/// ``Fokus/TerminalText/sanitized(_:)`` before the handler it wraps writes it: file names, scopes and
/// diagnostics come from data and rules, and an escape sequence in one must not reach the terminal
/// or the journal viewer of the person reading the log.
public struct SanitizedLogHandler: LogHandler {
    private var inner: any LogHandler

    public init(wrapping inner: any LogHandler) {
        self.inner = inner
    }

    public var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue.mapValues(Self.sanitized) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue.map(Self.sanitized) }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = Logger.Message(stringLiteral: TerminalText.sanitized(event.message.description))
        event.metadata = event.metadata?.mapValues(Self.sanitized)
        inner.log(event: event)
    }

    static func sanitized(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(TerminalText.sanitized(text))
        case .stringConvertible(let convertible): .string(TerminalText.sanitized(convertible.description))
        case .array(let values): .array(values.map(sanitized))
        case .dictionary(let values): .dictionary(values.mapValues(sanitized))
        }
    }
}
