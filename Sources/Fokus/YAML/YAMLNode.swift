/// A YAML value with the place it was written: what libyaml's events become.
///
/// Aliases are resolved into copies (within limits, see ``YAMLParser``), so a tree is plain data.
package indirect enum YAMLNode: Sendable, Hashable {
    /// A scalar: its text, whether it was quoted or a block scalar (plain scalars may be numbers,
    /// booleans or null; quoted ones are always text), and its tag, if any.
    case scalar(YAMLScalar)
    /// A mapping, its pairs in the order written.
    case mapping([YAMLPair], YAMLMark)
    /// A sequence.
    case sequence([YAMLNode], YAMLMark)

    /// Where the node starts.
    package var mark: YAMLMark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(_, let mark), .sequence(_, let mark): mark
        }
    }
}

/// A scalar node.
package struct YAMLScalar: Sendable, Hashable {
    /// How the scalar was written.
    package enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The scalar's text after YAML's own unescaping and folding.
    package var value: String
    /// How it was written.
    package var style: Style
    /// An explicit tag (`!!str`), if any.
    package var tag: String?
    /// Where it starts.
    package var mark: YAMLMark
    /// Where it ends (just after its last character).
    package var endMark: YAMLMark

    /// Creates a scalar.
    package init(value: String, style: Style = .plain, tag: String? = nil, mark: YAMLMark, endMark: YAMLMark? = nil) {
        self.value = value
        self.style = style
        self.tag = tag
        self.mark = mark
        self.endMark = endMark ?? mark
    }
}

/// A key and its value in a mapping.
package struct YAMLPair: Sendable, Hashable {
    /// The key node (usually a plain scalar).
    package var key: YAMLNode
    /// The value node.
    package var value: YAMLNode

    /// Creates a pair.
    package init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A 1-based line and column in a YAML source.
package struct YAMLMark: Sendable, Hashable, Comparable {
    /// 1-based line.
    package var line: Int
    /// 1-based column, in characters.
    package var column: Int

    /// Creates a mark.
    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    package static func < (lhs: YAMLMark, rhs: YAMLMark) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// The same place as a ``SourceLocation`` in `file`.
    package func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}
