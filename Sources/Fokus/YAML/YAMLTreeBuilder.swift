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
    private var stack: [Frame] = []
    private var root: YAMLNode?

    /// A collection being built. A class, so appending to the innermost one happens in place
    /// (a value-typed stack entry would copy its array on every append).
    private final class Frame {
        let isMapping: Bool
        let mark: YAMLMark
        let anchor: String?
        var size = 1
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
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
                        .error(
                            "a second YAML document starts here; a rule file holds one document, so remove this "
                                + "\"---\" line or move what follows into a file of its own",
                            at: event.start.location(in: file)))
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
                    .error(
                        "alias *\(name) refers to no anchor; define &\(name) on a value above this line",
                        at: event.start.location(in: file)))
                complete(.scalar(YAMLScalar(value: "", mark: event.start, endMark: event.end)), size: 1, anchor: nil)
                return
            }
            expanded += target.size
            if expanded > Self.maximumAliasExpansion {
                throw FokusError(
                    "too many aliases: expanding *\(name) here makes more than \(Self.maximumAliasExpansion) "
                        + "values (a YAML 'billion laughs' document?); write the values out instead",
                    at: event.start.location(in: file))
            }
            complete(target.node, size: target.size, anchor: nil)
        case .sequenceStart(let anchor, _, _):
            try checkDepth(event)
            stack.append(Frame(isMapping: false, mark: event.start, anchor: anchor))
        case .mappingStart(let anchor, _, _):
            try checkDepth(event)
            stack.append(Frame(isMapping: true, mark: event.start, anchor: anchor))
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
            throw FokusError(
                "lists and mappings are nested more than \(Self.maximumDepth) levels deep here; flatten the document",
                at: event.start.location(in: file))
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
            top.items.append(node)
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
                    "duplicate key \(node.keyDisplay): it is already given at line \(first.line), "
                        + "column \(first.column) of this mapping; keep only one of them",
                    at: node.mark.location(in: file), related: first.location(in: file)))
        } else {
            top.seenKeys[identity] = node.mark
        }
        top.pendingKey = node
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

    /// The key as a user recognises it in a message: `"weights"`, or a kind for a complex key.
    var keyDisplay: String {
        switch self {
        case .scalar(let scalar): "\"\(scalar.value)\""
        case .sequence: "(a list)"
        case .mapping: "(a mapping)"
        }
    }
}
