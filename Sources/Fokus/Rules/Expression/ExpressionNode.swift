/// One node of a parsed `when:` expression, with the source range it was read from.
struct ExpressionNode: Sendable {
    /// What the node computes.
    indirect enum Kind: Sendable {
        /// A number literal.
        case number(Double)
        /// A string literal.
        case string(String)
        /// `true` or `false`.
        case boolean(Bool)
        /// A list literal; its elements are literals.
        case list([ExpressionNode])
        /// A fact about the area (`trend.z`, `area.owners`).
        case variable(Variable)
        /// Unary minus.
        case negate(ExpressionNode)
        /// `not`.
        case not(ExpressionNode)
        /// `+ - * /`; the operator sits at `at`.
        case arithmetic(ArithmeticOperator, at: Int, ExpressionNode, ExpressionNode)
        /// `== != < <= > >=`; the operator sits at `at`.
        case comparison(ComparisonOperator, at: Int, ExpressionNode, ExpressionNode)
        /// `in` (`negated: false`) or `not in`; the operator sits at `at`.
        case membership(negated: Bool, at: Int, ExpressionNode, ExpressionNode)
        /// `and` / `or`; the operator sits at `at`.
        case logical(LogicalOperator, at: Int, ExpressionNode, ExpressionNode)
        /// `min(…)`, `max(…)`, `abs(…)`.
        case call(Function, [ExpressionNode])
    }

    /// What the node computes.
    var kind: Kind
    /// The characters the node was read from (parentheses around it included).
    var range: Range<Int>
    /// The height of the tree under this node (1 for a leaf); bounded by ``Expression/maximumDepth``, so that
    /// the recursive type check and evaluation stay within a small, fixed stack.
    let depth: Int

    init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
        let children: [ExpressionNode]
        switch kind {
        case .number, .string, .boolean, .variable: children = []
        case .list(let elements): children = elements
        case .negate(let operand), .not(let operand): children = [operand]
        case .arithmetic(_, _, let left, let right), .comparison(_, _, let left, let right),
            .membership(_, _, let left, let right), .logical(_, _, let left, let right):
            children = [left, right]
        case .call(_, let arguments): children = arguments
        }
        self.depth = 1 + (children.map(\.depth).max() ?? 0)
    }

    /// Where the node starts.
    var offset: Int { range.lowerBound }

    /// The node as written, for messages.
    func text(in source: [Character]) -> String {
        String(source[range])
    }
}

/// `+ - * /`.
enum ArithmeticOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
}

/// `== != < <= > >=`.
enum ComparisonOperator: String, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// Whether the operator orders its operands (numbers only) rather than testing equality.
    var isOrdering: Bool {
        switch self {
        case .equal, .notEqual: false
        case .less, .lessOrEqual, .greater, .greaterOrEqual: true
        }
    }
}

/// `and` / `or`.
enum LogicalOperator: String, Sendable {
    case and, or
}

/// The functions `when:` can call.
enum Function: String, Sendable, CaseIterable {
    case min, max, abs

    /// The allowed argument counts.
    var arity: ClosedRange<Int> {
        switch self {
        case .min, .max: 2...Int.max
        case .abs: 1...1
        }
    }
}

/// The facts a `when:` expression can name (SPEC 4 "Identifiers available in `when:`", and 4.3's
/// `ID.raw` and `n.ID` for each declared signal).
enum Variable: Sendable, Hashable {
    case trendZ
    case trendRatio
    case trendLatest
    case trendBaseline
    case concernRaw
    case resourcesRaw
    case nTrend
    case nConcern
    case nResources
    case score
    case areaID
    case areaOwners
    /// `ID.raw` of a declared signal.
    case signalRaw(String)
    /// `n.ID` of a declared signal.
    case signalN(String)

    /// The built-in names, in the order the documentation lists them.
    static let builtIn: [Variable] = [
        .trendZ, .trendRatio, .trendLatest, .trendBaseline, .concernRaw, .resourcesRaw, .nTrend, .nConcern,
        .nResources, .score, .areaID, .areaOwners,
    ]

    /// Every name an expression may use with these signals declared.
    static func names(signals: [String]) -> [String] {
        builtIn.map(\.name) + signals.flatMap { ["\($0).raw", "n.\($0)"] }
    }

    /// The name as written (`trend.z`, `medarbetare.raw`, `n.medarbetare`).
    var name: String {
        switch self {
        case .trendZ: "trend.z"
        case .trendRatio: "trend.ratio"
        case .trendLatest: "trend.latest"
        case .trendBaseline: "trend.baseline"
        case .concernRaw: "concern.raw"
        case .resourcesRaw: "resources.raw"
        case .nTrend: "n.trend"
        case .nConcern: "n.concern"
        case .nResources: "n.resources"
        case .score: "score"
        case .areaID: "area.id"
        case .areaOwners: "area.owners"
        case .signalRaw(let id): "\(id).raw"
        case .signalN(let id): "n.\(id)"
        }
    }

    /// The fact `name` stands for, given the declared signals; `nil` for an unknown name.
    init?(name: String, signals: [String] = []) {
        if let builtIn = Self.builtIn.first(where: { $0.name == name }) {
            self = builtIn
            return
        }
        for id in signals {
            if name == "\(id).raw" {
                self = .signalRaw(id)
                return
            }
            if name == "n.\(id)" {
                self = .signalN(id)
                return
            }
        }
        return nil
    }

    /// The type of the value the name stands for.
    var type: ValueType {
        switch self {
        case .areaID: .string
        case .areaOwners: .list(of: .string)
        default: .number
        }
    }
}

/// The static type of an expression, checked when the expression is parsed.
indirect enum ValueType: Sendable, Equatable {
    case number
    case string
    case boolean
    /// A list; `nil` for the empty list literal, whose elements could be anything.
    case list(of: ValueType?)

    /// How messages name the type (`a number`, `a list of strings`, …, in each language).
    var word: DiagnosticText.ExpressionType {
        switch self {
        case .number: .number
        case .string: .string
        case .boolean: .condition
        case .list(of: nil): .emptyList
        case .list(of: .some(.number)): .listOfNumbers
        case .list(of: .some(.string)): .listOfStrings
        case .list(of: .some(.boolean)): .listOfConditions
        case .list(of: .some(.list)): .listOfLists
        }
    }
}
