public import Foundation

/// Loads and validates a rule set from YAML: one file, or a folder of them.
///
/// Validation collects *every* problem of every file before throwing, each with its
/// `file:line:column` and a message that says how to fix it (unknown keys get a "did you mean"
/// suggestion). Non-fatal findings, such as weights that do not sum to 1, end up in
/// ``RuleSet/warnings``.
///
/// A folder's `*.yaml` and `*.yml` files (the extension in any case, `.YAML` too) are read in name order (by
/// Unicode code point; hidden files, subfolders such as `tests/`, and anything but regular files are not read) and their `areas`, `measures` and `rules` lists are
/// concatenated in that order. Each top-level setting (`name`, `scope`, `period`, `trend`, `weights`,
/// `missing`, `select`, `concern`, `sensitivity`) may be given by one file only; `fokus` and
/// `description` describe a file and may appear in each.
public enum RuleSetLoader: Sendable {
    /// Loads the rule file or folder at `url`.
    ///
    /// Paths in diagnostics and in ``RuleSet/files`` are written as the URL gives them: a URL made from a
    /// relative path (`URL(fileURLWithPath: "rules")`) gives `rules/fokus.yaml`.
    /// - Parameter url: a `.yaml`/`.yml` file or a folder of them.
    /// - Returns: the validated rule set.
    /// - Throws: ``FokusError`` with every error found (a missing path, unreadable files, YAML syntax,
    ///   unknown keys, wrong types, duplicate ids, …).
    public static func load(from url: URL) throws(FokusError) -> RuleSet {
        let path = url.relativePath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw FokusError([.error(DiagnosticText.ruleFile(.noRuleFileAt(path: path)), at: SourceLocation(file: path))])
        }
        guard isFolder.boolValue else {
            return try load(sources: [try readFile(url, path: path)], root: path)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw FokusError([
                .error(
                    DiagnosticText.ruleFile(.cannotListFolder(path: path, reason: error.localizedDescription)),
                    at: SourceLocation(file: path))
            ])
        }
        let ruleFiles = names.filter { name in
            let lower = name.lowercased()
            guard !name.hasPrefix("."), lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") else { return false }
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue
        }
        .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        guard !ruleFiles.isEmpty else {
            throw FokusError([.error(DiagnosticText.ruleFile(.noRuleFilesIn(path: path)), at: SourceLocation(file: path))])
        }
        var sources: [(file: String, text: String)] = []
        var unreadable: [Diagnostic] = []
        for name in ruleFiles {
            let childPath = path.hasSuffix("/") ? path + name : path + "/" + name
            do {
                sources.append(try readFile(url.appendingPathComponent(name), path: childPath))
            } catch {
                unreadable += error.diagnostics
            }
        }
        return try load(sources: sources, root: path, unreadable: unreadable)
    }

    /// Loads a rule set from one YAML text.
    /// - Parameters:
    ///   - yaml: the rule file's text.
    ///   - file: the path diagnostics name.
    /// - Returns: the validated rule set.
    /// - Throws: ``FokusError`` with every error found.
    public static func load(yaml: String, file: String) throws(FokusError) -> RuleSet {
        try load(sources: [(file, yaml)], root: file)
    }

    /// Loads a rule set from several YAML texts, in order, as if they were the files of one folder.
    /// - Parameter unreadable: problems with files that could not be read; they are reported first.
    static func load(
        sources: [(file: String, text: String)], root: String, unreadable: [Diagnostic] = []
    ) throws(FokusError) -> RuleSet {
        var diagnostics: [Diagnostic] = []
        var contents: [RuleFileContent] = []
        // Parse every file first: signals declared in one file may be named in another (SPEC 4.3).
        var parsed: [Result<(root: YAMLNode?, repairs: [Diagnostic]), FokusError>] = []
        for source in sources {
            do throws(FokusError) {
                var repairs: [Diagnostic] = []
                let root = try YAMLParser.parse(source.text, file: source.file, repairs: &repairs)
                parsed.append(.success((root, repairs)))
            } catch {
                parsed.append(.failure(error))
            }
        }
        let signalIDs = parsed.flatMap { result -> [String] in
            guard case .success(let file) = result else { return [] }
            return SignalReader.declaredIDs(in: file.root)
        }
        var unparsed = false
        for (source, result) in zip(sources, parsed) {
            var context = LoadContext(file: source.file)
            context.signalIDs = signalIDs
            switch result {
            case .success(let file):
                context.diagnostics += file.repairs
                contents.append(RuleFileReader.read(file.root, context: &context))
            case .failure(let error):
                unparsed = true
                context.diagnostics += error.diagnostics
                var content = RuleFileContent(file: source.file)
                content.listsAreas = true  // unknown: do not also claim the rule set has no areas
                contents.append(content)
            }
            diagnostics += context.diagnostics
        }
        if !unreadable.isEmpty {
            var placeholder = RuleFileContent(file: root)
            placeholder.listsAreas = true  // unknown: do not also claim the rule set has no areas
            contents.append(placeholder)
        }
        // A file that could not be read or parsed contributes nothing, so checks across files (a measure
        // addressing an area defined there) would only report what follows from that one error.
        var ruleSet = RuleSetAssembly.assemble(
            contents, root: root, checkAcrossFiles: unreadable.isEmpty && !unparsed, diagnostics: &diagnostics)
        ruleSet.files = sources.map(\.file)
        let order = Dictionary(
            sources.enumerated().map { ($0.element.file, $0.offset) }, uniquingKeysWith: { first, _ in first })
        diagnostics = sorted(diagnostics, fileOrder: order)
        let errors = unreadable + diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw FokusError(errors) }
        ruleSet.warnings = diagnostics.filter { $0.severity == .warning }
        return ruleSet
    }

    /// The largest rule file read (16 MiB): a rule set is a few kilobytes.
    package static let maximumFileBytes = 16 << 20

    /// Reads a file as UTF-8 text.
    private static func readFile(_ url: URL, path: String) throws(FokusError) -> (file: String, text: String) {
        let kind = DataFolderWalk.entryKind(atPath: url.path)
        guard kind == .regularFile || kind == .linkToFile else {
            throw FokusError([.error(DiagnosticText.ruleFile(.notAFile(kind.word)), at: SourceLocation(file: path))])
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int ?? 0
        guard size <= maximumFileBytes else {
            throw FokusError([.error(DiagnosticText.ruleFile(.largerThan16MiB), at: SourceLocation(file: path))])
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FokusError([
                .error(DiagnosticText.ruleFile(.cannotRead(reason: error.localizedDescription)), at: SourceLocation(file: path))
            ])
        }
        if let notText = FileFingerprint.recognise(Array(data.prefix(4096))) {
            throw FokusError([.error(DiagnosticText.ruleFile(.notText(notText.word)), at: SourceLocation(file: path))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            guard let invalid = RuleFileEncoding.firstInvalidByte(in: [UInt8](data)) else {
                throw FokusError([.error(DiagnosticText.ruleFile(.notUTF8), at: SourceLocation(file: path))])
            }
            throw FokusError([
                .error(
                    DiagnosticText.ruleFile(RuleFileEncoding.notUTF8Problem(byte: invalid.byte)),
                    at: SourceLocation(file: path, line: invalid.line, column: invalid.column))
            ])
        }
        return (path, text)
    }

    /// By file in reading order, then by line and column; stable otherwise.
    private static func sorted(_ diagnostics: [Diagnostic], fileOrder: [String: Int]) -> [Diagnostic] {
        func key(_ diagnostic: Diagnostic) -> (Int, Int, Int) {
            guard let location = diagnostic.location else { return (Int.max, 0, 0) }
            return (fileOrder[location.file] ?? Int.max, location.line ?? 0, location.column ?? 0)
        }
        return diagnostics.enumerated().sorted { lhs, rhs in
            let (a, b) = (key(lhs.element), key(rhs.element))
            return a != b ? a < b : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
