/// Builds one ``YAMLNode`` tree from libyaml events: resolves aliases into copies within a bound,
/// rejects duplicate mapping keys and a second document.
///
/// Iterative (an explicit stack), so deep nesting cannot overflow the call stack; nesting is still
/// limited because whoever walks the tree afterwards recurses.
struct YAMLTreeBuilder {
    /// How many nodes aliases may add to a document in total before it is rejected as an alias bomb.
    static let maximumAliasExpansion = 100_000
    /// How deeply collections may nest.
    static let maximumDepth = 512

    private let file: String
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var expanded = 0
    private var problems: [Diagnostic] = []
    /// Mistakes the tree has been repaired for (a decimal comma in `{ }` or `[ ]`): the tree reads as meant,
    /// but the file must still be fixed.
    private(set) var repairs: [Diagnostic] = []
    private var stack: [Frame] = []
    private var root: YAMLNode?

    /// A collection being built. A class, so appending to the innermost one happens in place
    /// (a value-typed stack entry would copy its array on every append).
    private final class Frame {
        let isMapping: Bool
        /// Whether the collection is written in flow style (`{ }` or `[ ]`).
        var isFlow = false
        let mark: YAMLMark
        let anchor: String?
        var size = 1
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// In a flow mapping, digits read as a key right after a number and a comma (`0,40`): the decimals, if
        /// the value that follows is empty.
        var pendingDecimals: YAMLScalar?
        var seenKeys: [String: YAMLMark] = [:]

        init(isMapping: Bool, mark: YAMLMark, anchor: String?) {
            self.isMapping = isMapping
            self.mark = mark
            self.anchor = anchor
        }

        var node: YAMLNode { isMapping ? .mapping(pairs, mark) : .sequence(items, mark) }
    }

    /// A builder whose diagnostics name `file`.
    init(file: String) {
        self.file = file
    }

    /// Reads the whole stream and returns its one document's root (`nil` for an empty stream or document).
    mutating func build(from reader: LibYAMLEventReader) throws(FokusError) -> YAMLNode? {
        do {
            try readStream(reader)
        } catch {
            throw FokusError(problems + error.diagnostics)
        }
        if !problems.isEmpty { throw FokusError(problems) }
        if case .scalar(let scalar) = root, scalar.style == .plain, scalar.tag == nil, scalar.value.isEmpty {
            return nil
        }
        return root
    }

    private mutating func readStream(_ reader: LibYAMLEventReader) throws(FokusError) {
        var documents = 0
        while true {
            let event = try reader.next()
            switch event.kind {
            case .streamEnd:
                return
            case .documentStart:
                documents += 1
                if documents > 1 {
                    problems.append(
                        .error(DiagnosticText.yaml(.secondDocument), at: event.start.location(in: file)))
                    return
                }
            case .documentEnd, .streamStart:
                continue
            default:
                try add(event)
            }
        }
    }

    // MARK: - Events

    private mutating func add(_ event: YAMLEvent) throws(FokusError) {
        switch event.kind {
        case .scalar(let value, let style, let anchor, let tag):
            let scalar = YAMLScalar(value: value, style: style, tag: tag, mark: event.start, endMark: event.end)
            complete(.scalar(scalar), size: 1, anchor: anchor)
        case .alias(let name):
            guard let target = anchors[name] else {
                problems.append(
                    .error(DiagnosticText.yaml(.undefinedAlias(name: name)), at: event.start.location(in: file)))
                complete(.scalar(YAMLScalar(value: "", mark: event.start, endMark: event.end)), size: 1, anchor: nil)
                return
            }
            expanded += target.size
            if expanded > Self.maximumAliasExpansion {
                throw FokusError([
                    .error(
                        DiagnosticText.yaml(.tooManyAliases(name: name, limit: Self.maximumAliasExpansion)),
                        at: event.start.location(in: file))
                ])
            }
            complete(target.node, size: target.size, anchor: nil)
        case .sequenceStart(let anchor, _, let flow):
            try checkDepth(event)
            let frame = Frame(isMapping: false, mark: event.start, anchor: anchor)
            frame.isFlow = flow
            stack.append(frame)
        case .mappingStart(let anchor, _, let flow):
            try checkDepth(event)
            let frame = Frame(isMapping: true, mark: event.start, anchor: anchor)
            frame.isFlow = flow
            stack.append(frame)
        case .sequenceEnd, .mappingEnd:
            if let frame = stack.popLast() {
                complete(frame.node, size: frame.size, anchor: frame.anchor)
            }
        case .streamStart, .streamEnd, .documentStart, .documentEnd:
            break
        }
    }

    private func checkDepth(_ event: YAMLEvent) throws(FokusError) {
        if stack.count >= Self.maximumDepth {
            throw FokusError([
                .error(DiagnosticText.yaml(.nestedTooDeep(limit: Self.maximumDepth)), at: event.start.location(in: file))
            ])
        }
    }

    /// Attaches a finished node to the collection being built (or makes it the root).
    private mutating func complete(_ node: YAMLNode, size: Int, anchor: String?) {
        if let anchor { anchors[anchor] = (node, size) }
        guard let top = stack.last else {
            root = node
            return
        }
        top.size += size
        guard top.isMapping else {
            // In a list, `[2022,2023]` may mean two numbers; only `0,5` (a zero before the comma) surely is one.
            if top.isFlow, case .scalar(let whole) = top.items.last, whole.value.drop(while: { "+-".contains($0) }) == "0",
                let joined = decimalComma(whole, node)
            {
                top.items[top.items.count - 1] = joined
                return
            }
            top.items.append(node)
            return
        }
        if let decimals = top.pendingDecimals {
            top.pendingDecimals = nil
            if case .scalar(let empty) = node, empty.isEmptyPlain, let last = top.pairs.last,
                case .scalar(let whole) = last.value, let joined = decimalComma(whole, .scalar(decimals))
            {
                top.pairs[top.pairs.count - 1].value = joined
                return
            }
            top.pendingKey = .scalar(decimals)  // not a decimal comma after all: an ordinary key
        }
        if top.isFlow, top.pendingKey == nil, case .scalar(let digits) = node, let last = top.pairs.last,
            case .scalar(let whole) = last.value, whole.isDecimalCommaStart(before: digits)
        {
            top.pendingDecimals = digits
            return
        }
        if let key = top.pendingKey {
            top.pairs.append(YAMLPair(key: key, value: node))
            top.pendingKey = nil
            return
        }
        let identity = node.keyIdentity
        if let first = top.seenKeys[identity] {
            problems.append(
                .error(
                    DiagnosticText.yaml(.duplicateKey(key: node.keyText, isList: node.isSequence, line: first.line, column: first.column)),
                    at: node.mark.location(in: file), related: first.location(in: file)))
        } else {
            top.seenKeys[identity] = node.mark
        }
        top.pendingKey = node
    }
}

extension YAMLTreeBuilder {
    /// `whole` and `fraction` as one number when they were written `0,40` inside `{ }` or `[ ]` (YAML reads the
    /// comma as a separator); records the mistake.
    private mutating func decimalComma(_ whole: YAMLScalar, _ fraction: YAMLNode) -> YAMLNode? {
        guard case .scalar(let digits) = fraction, whole.isDecimalCommaStart(before: digits) else { return nil }
        let written = "\(whole.value),\(digits.value)"
        let meant = "\(whole.value).\(digits.value)"
        repairs.append(
            .error(
                DiagnosticText.yaml(.decimalCommaInFlow(written: written, meant: meant, whole: whole.value, digits: digits.value)),
                at: whole.mark.location(in: file)))
        return .scalar(YAMLScalar(value: meant, style: .plain, mark: whole.mark, endMark: digits.endMark))
    }
}

extension YAMLScalar {
    /// A plain scalar with no text (a key without a value).
    fileprivate var isEmptyPlain: Bool { style == .plain && tag == nil && value.isEmpty }

    /// Whether this plain whole number is followed directly by a comma and the plain digits `next`
    /// (`0,40`: the number ends one column before the digits start, on the same line).
    fileprivate func isDecimalCommaStart(before next: YAMLScalar) -> Bool {
        guard style == .plain, tag == nil, next.style == .plain, next.tag == nil else { return false }
        let sign = value.first == "-" || value.first == "+" ? 1 : 0
        let wholeDigits = value.dropFirst(sign)
        guard !wholeDigits.isEmpty, wholeDigits.allSatisfy(\.isASCIIDigit), !next.value.isEmpty,
            next.value.allSatisfy(\.isASCIIDigit)
        else { return false }
        return endMark.line == next.mark.line && next.mark.column == endMark.column + 1
    }
}

extension YAMLNode {
    /// What makes two mapping keys the same key: their content, not where they are written or how quoted.
    var keyIdentity: String {
        switch self {
        case .scalar(let scalar):
            return "s" + scalar.value
        case .sequence(let items, _):
            return "[" + items.map(\.keyIdentity).joined(separator: ",") + "]"
        case .mapping(let pairs, _):
            return "{" + pairs.map { $0.key.keyIdentity + ":" + $0.value.keyIdentity }.joined(separator: ",") + "}"
        }
    }

    /// The key's text, or `nil` for a complex key (a list or mapping).
    var keyText: String? {
        if case .scalar(let scalar) = self { return scalar.value }
        return nil
    }

    /// Whether the node is a list.
    var isSequence: Bool {
        if case .sequence = self { return true }
        return false
    }
}
