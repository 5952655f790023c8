import Fokus
import FokusPipeline
import FokusReports
import FokusState
import Foundation
import Logging

/// One job's evaluations: keeps the last good rules, quarantines rejected files, keeps the
/// ledger, writes the outputs atomically, records the evaluation and queues the mail.
///
/// Used by one task at a time (the job's loop), hence not `Sendable`.
final class JobRunner {
    let job: DaemonConfig.Job
    let store: StateStore
    let status: DaemonStatus
    var logger: Logger
    let strings: DaemonStrings
    private(set) var rules: RuleSet?
    private(set) var rulesDigest = ""
    /// Where the last accepted version of each data file is kept, so that a bad replacement of a
    /// good file leaves the good version in force until it is corrected.
    let lastGoodFolder: URL
    /// Reads only the data files that changed since the last evaluation.
    private lazy var loader = IncrementalLoader(store: store)
    /// The (path, SHA-256) pairs this process has recorded in the ledger, so that each costs one write.
    private var recordedInLedger: Set<String> = []
    /// The evaluation whose mail this process has made sure is queued.
    private var mailEnsuredFor: Int64?
    /// The SHA-256 of each copy made by this process, by relative path.
    private var lastGoodCopies: [String: String] = [:]
    /// The last-good copies' signatures recorded in the state database, by absolute path (read once).
    private var lastGoodSignatures: [String: (signature: FileSignature, sha256: String)]?
    /// Copies made (or found) whose signatures are not yet recorded.
    private var copiesMade: [StateStore.StoredFile] = []

    /// What one evaluation came to.
    enum Outcome: Equatable {
        /// A new evaluation was recorded (with its id).
        case recorded(Int64)
        /// Nothing changed since the recorded evaluation.
        case unchanged(Int64)
        /// There is nothing to evaluate yet.
        case noData
        /// No rules that work.
        case noRules
        /// The evaluation failed (logged).
        case failed
    }

    init(job: DaemonConfig.Job, store: StateStore, status: DaemonStatus, logger: Logger, lastGoodFolder: URL) {
        self.job = job
        self.lastGoodFolder = lastGoodFolder
        self.store = store
        self.status = status
        var logger = logger
        logger[metadataKey: "job"] = "\(job.name)"
        self.logger = logger
        self.strings = DaemonStrings(job.language)
    }

    var pipeline: EvaluationPipeline {
        var pipeline = EvaluationPipeline(rules: job.rules, data: job.data, dataDisplayPath: ".", rejectedFiles: .quarantine)
        pipeline.scope = job.scope
        return pipeline
    }

    /// The rule files to watch: the rules' folder (or the file's folder).
    var rulesFolder: URL {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: job.rules.path, isDirectory: &isDirectory)
        return exists && isDirectory.boolValue ? job.rules : job.rules.deletingLastPathComponent()
    }

    // MARK: Rules

    /// (Re)loads the rules. A broken edit keeps the last good rules in force; the error is logged
    /// and mailed once per distinct error.
    /// - Returns: whether the rules in force changed.
    @discardableResult
    func reloadRules() -> Bool {
        do {
            let loaded = try pipeline.loadRules()
            let digest = Self.digest(of: loaded.files)
            status.update(job.name) { $0.lastReloadSucceeded = true; $0.lastReloadAt = Date() }
            let changed = digest != rulesDigest
            if changed, rules != nil { logger.info("rules reloaded", metadata: ["rules_digest": "\(digest.prefix(12))"]) }
            rules = loaded
            rulesDigest = digest
            return changed
        } catch {
            status.update(job.name) { $0.lastReloadSucceeded = false; $0.lastReloadAt = Date() }
            let text = error.diagnostics.map(\.description).joined(separator: "\n")
            logger.error(
                "rules have errors; \(rules == nil ? "nothing is evaluated until they are fixed" : "the last good rules stay in force")",
                metadata: ["errors": "\(text)"])
            queueRulesErrorMail(text)
            return false
        }
    }

    static func digest(of files: [String]) -> String {
        var bytes: [UInt8] = []
        for file in files {
            bytes += Array(file.utf8) + [0]
            bytes += FileManager.default.contents(atPath: file).map(Array.init) ?? []
            bytes.append(0)
        }
        return ContentDigest.sha256(of: bytes)
    }

    private func queueRulesErrorMail(_ text: String) {
        guard job.notify.on != .never, !job.notify.mail.to.isEmpty else { return }
        let id = "fokus.\(Self.safe(job.name)).rules.\(ContentDigest.sha256(of: text).prefix(16))@\(domain)"
        do {
            try store.enqueueMail(
                job: job.name, evaluationID: nil, recipients: job.notify.mail.to,
                subject: strings.rulesBrokenSubject(job: job.name),
                bodyText: strings.rulesBrokenBody(diagnostics: text, keptLastGood: rules != nil),
                bodyHTML: nil, messageID: id)
        } catch {
            logger.error("cannot queue the mail about the rules: \(error)")
        }
    }

    var domain: String {
        job.notify.mail.from.split(separator: "@").last.map(String.init) ?? "localhost"
    }

    static func safe(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "_" })
    }

    // MARK: Evaluation

    /// Reads the data folder (leaving out `inProgress` files), quarantines rejected files and
    /// evaluates. When the result differs from the last recorded evaluation (or `notify.on:
    /// always` asks for it), writes the outputs, records the evaluation and queues the mail.
    func evaluate(inProgress: Set<String> = [], firstInProcess: Bool = false) -> Outcome {
        if rules == nil { reloadRules() }
        guard let rules else { return .noRules }
        logger.info("evaluating", metadata: inProgress.isEmpty ? [:] : ["left_out_in_progress": "\(inProgress.sorted())"])
        let started = ContinuousClock.now
        let pipeline = self.pipeline
        guard FileManager.default.fileExists(atPath: job.data.path) else {
            logger.notice("no data yet: the data folder \(job.data.path) does not exist")
            return .noData
        }
        var dataset: Dataset
        let rejectedFiles: [RejectedFile]
        do {
            (dataset, rejectedFiles) = try loader.load(pipeline, folder: job.data, excluding: inProgress)
        } catch {
            logger.notice("no data yet: \(error.diagnostics.map(\.description).joined(separator: "; "))")
            return .noData
        }
        let now = Date()
        var quarantined: [String] = []
        for rejected in rejectedFiles {
            do {
                let ledgerPath = job.data.appendingPathComponent(rejected.path).standardizedFileURL.path
                let bytes = FileManager.default.contents(atPath: job.data.appendingPathComponent(rejected.path).path)
                let keptLastGood = FileManager.default.fileExists(atPath: lastGoodFolder.appendingPathComponent(rejected.path).path)
                let target = try Quarantine(dataFolder: job.data, strings: strings)
                    .quarantine(relativePath: rejected.path, diagnostics: rejected.diagnostics, now: now, keptLastGood: keptLastGood)
                if let bytes {
                    try store.recordIngestedFile(
                        path: ledgerPath, sha256: ContentDigest.sha256(of: bytes), size: Int64(bytes.count), kind: "rejected")
                }
                quarantined.append(rejected.path)
                logger.warning(
                    "data file rejected and moved to \(target.path)",
                    metadata: ["file": "\(rejected.path)", "problems": "\(rejected.diagnostics.count)"])
            } catch {
                logger.error("cannot quarantine a rejected file: \(error)", metadata: ["file": "\(rejected.path)"])
            }
        }
        status.update(job.name) { $0.filesRejectedTotal += quarantined.count }
        mergeLastGoodVersions(into: &dataset)
        // The copies at once: the sooner after the read, the smaller the chance that the file is replaced first.
        keepLastGoodCopies(of: dataset)
        // What only later evaluations need (the ledger, the cache rows) is written once the report is out,
        // so the report does not wait for it.
        defer { recordInputs(of: dataset) }
        let evaluation: Evaluation
        do {
            let adoptions = try EvaluationPipeline.adoptions(in: store)
            evaluation = try pipeline.evaluate(rules, dataset, adoptions: adoptions)
        } catch where error.codes.contains(.noDataYet) {
            logger.notice("no data yet: \(error.diagnostics.map(\.description).joined(separator: "; "))")
            return .noData
        } catch {
            logger.error("evaluation failed: \(error)")
            return .failed
        }
        let baseJSON = evaluation.rendered(as: .json, language: job.language)
        let previous: StoredEvaluation?
        do {
            previous = try store.latestEvaluation(scope: evaluation.scope)
        } catch {
            logger.error("cannot read the previous evaluation: \(error)")
            return .failed
        }
        let changed = previous.map { $0.reportJSON != baseJSON || $0.rulesDigest != rulesDigest } ?? true
        let duration = ContinuousClock.now - started
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        status.update(job.name) {
            $0.lastEvaluation = Date()
            $0.lastDurationSeconds = seconds
            $0.evaluations += 1
            $0.filesIngested = dataset.inputs.count
        }
        let outputsMissing = !FileManager.default.fileExists(atPath: job.output.appendingPathComponent("report.json").path)
        let mailAgain = job.notify.on == .always && !firstInProcess
        if let previous, !changed, !mailAgain {
            if outputsMissing { writeOutputs(evaluation, changes: nil, archive: false) }
            // A mail queued for this evaluation before a crash is queued now; a delivered one stays delivered.
            if job.notify.on != .never, mailEnsuredFor != previous.id {
                queueReportMail(evaluation, changes: nil, evaluationID: previous.id, changed: false, quarantined: [])
                mailEnsuredFor = previous.id
            }
            logger.info(
                "evaluated: nothing changed",
                metadata: ["evaluation": "\(previous.id)", "seconds": "\(seconds)", "files_read": "\(loader.lastReads)"])
            return .unchanged(previous.id)
        }
        let changes = previous.flatMap { stored in
            (try? EvaluationSnapshot(reportJSON: Data(stored.reportJSON.utf8), path: store.path)).map {
                ChangeSummary(from: $0, to: EvaluationSnapshot(evaluation))
            }
        }
        writeOutputs(evaluation, changes: changes, archive: true)
        let evaluationID: Int64
        do {
            evaluationID = try store.recordEvaluation(
                scope: evaluation.scope, period: evaluation.period.description, rulesDigest: rulesDigest,
                reportJSON: baseJSON, selectedIDs: evaluation.selected.map(\.id))
        } catch {
            logger.error("cannot record the evaluation: \(error)")
            return .failed
        }
        if job.notify.on != .never {
            queueReportMail(
                evaluation, changes: changes, evaluationID: evaluationID, changed: changed, quarantined: quarantined,
                first: previous == nil, rulesChanged: previous.map { $0.rulesDigest != rulesDigest } ?? false)
        }
        logger.info(
            "evaluated: \(evaluation.scope) \(evaluation.period), selected \(evaluation.selected.map(\.id).joined(separator: ", "))",
            metadata: [
                "evaluation": "\(evaluationID)", "seconds": "\(seconds)", "files": "\(dataset.inputs.count)",
                "files_read": "\(loader.lastReads)",
            ])
        return .recorded(evaluationID)
    }

    /// Records the accepted files in the ledger and stores the files read (and the signatures of the
    /// last-good copies made) in the state database, in two transactions.
    private func recordInputs(of dataset: Dataset) {
        let unrecorded = dataset.inputs.filter { !recordedInLedger.contains($0.path + "\u{0}" + $0.sha256) }
        let files = unrecorded.map { input in
            let url = job.data.appendingPathComponent(input.path)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            return (path: url.standardizedFileURL.path, sha256: input.sha256, size: Int64(size), kind: input.kind.rawValue)
        }
        do {
            let isNew = try store.recordIngestedFiles(files)
            for (input, new) in zip(unrecorded, isNew) {
                if new { logger.info("data file ingested", metadata: ["file": "\(input.path)", "sha256": "\(input.sha256.prefix(12))"]) }
                recordedInLedger.insert(input.path + "\u{0}" + input.sha256)
            }
        } catch {
            logger.error("cannot record the files in the ledger: \(error)", metadata: ["files": "\(unrecorded.map(\.path))"])
        }
        loader.storePending(with: copiesMade)
        copiesMade = []
    }

    // MARK: Last good versions

    /// Adds the last good version of every file that is quarantined now (absent from the data
    /// folder, present in `rejected/`).
    private func mergeLastGoodVersions(into dataset: inout Dataset) {
        let fm = FileManager.default
        for path in DataFolder.files(in: lastGoodFolder) {
            guard !fm.fileExists(atPath: job.data.appendingPathComponent(path).path),
                fm.fileExists(atPath: job.data.appendingPathComponent(DataFolder.rejectedFolderName).appendingPathComponent(path).path)
            else { continue }
            guard let copy = try? DatasetLoader.load(from: lastGoodFolder.appendingPathComponent(path), displayPath: path),
                copy.rejected.isEmpty
            else { continue }
            dataset.merge(copy)
            lastGoodCopies[path] = copy.inputs.first?.sha256
            logger.notice("the last good version stays in force until the file is corrected", metadata: ["file": "\(path)"])
        }
    }

    /// Copies each accepted file whose content is new into the last-good folder (atomically).
    private func keepLastGoodCopies(of dataset: Dataset) {
        let folder = lastGoodFolder.standardizedFileURL.path
        for input in dataset.inputs where lastGoodCopies[input.path] != input.sha256 {
            let target = lastGoodFolder.appendingPathComponent(input.path)
            let absolute = folder + "/" + input.path
            if lastGoodCopies[input.path] == nil {
                // Kept by an earlier run: known by its signature (not read again), or else by its content.
                if lastGoodSignatures == nil { lastGoodSignatures = (try? store.fileSignatures(under: folder)) ?? [:] }
                if let known = lastGoodSignatures?[absolute], known.sha256 == input.sha256,
                    IncrementalLoader.signature(of: absolute) == known.signature
                {
                    lastGoodCopies[input.path] = input.sha256
                    continue
                }
                if let existing = FileManager.default.contents(atPath: target.path),
                    ContentDigest.sha256(of: existing) == input.sha256
                {
                    lastGoodCopies[input.path] = input.sha256
                    rememberCopy(at: absolute, name: input.path, sha256: input.sha256)
                    continue
                }
            }
            guard let bytes = FileManager.default.contents(atPath: job.data.appendingPathComponent(input.path).path),
                ContentDigest.sha256(of: bytes) == input.sha256
            else { continue }  // changed since it was read: the next evaluation copies it
            do {
                try AtomicFile.write(bytes, to: target)
                lastGoodCopies[input.path] = input.sha256
                rememberCopy(at: absolute, name: input.path, sha256: input.sha256)
            } catch {
                logger.warning("cannot keep a copy of the last good version: \(error)", metadata: ["file": "\(input.path)"])
            }
        }
    }

    /// Notes a last-good copy's signature, recorded with the next ``recordInputs(of:)``.
    private func rememberCopy(at path: String, name: String, sha256: String) {
        guard let signature = IncrementalLoader.signature(of: path) else { return }
        copiesMade.append(
            StateStore.StoredFile(
                path: path, signature: signature, sha256: sha256, name: name, formatVersion: Dataset.archiveFormatVersion,
                aggregates: nil))
        lastGoodSignatures?[path] = (signature, sha256)
    }

    // MARK: Outputs

    private func writeOutputs(_ evaluation: Evaluation, changes: ChangeSummary?, archive: Bool) {
        let language = job.language
        // Each rendered just before it is written, report.json first: what scripts wait for is out soonest.
        let files: [(String, () -> String)] = [
            ("report.json", { evaluation.rendered(as: .json, changes: changes, language: language) }),
            ("report.md", { evaluation.rendered(as: .md, changes: changes, language: language) }),
            ("priorities.csv", { evaluation.rendered(as: .csv, changes: changes, language: language) }),
            // The page to publish, as `fokus evaluate --format html` writes it.
            ("report.html", { evaluation.htmlPage(changes: changes, language: language) }),
        ]
        let archiveFolder = job.output.appendingPathComponent("archive")
            .appendingPathComponent("\(Quarantine.stamp(Date()))-\(Self.safe(evaluation.scope))-\(evaluation.period)")
        do {
            try FileManager.default.createDirectory(at: job.output, withIntermediateDirectories: true)
            AtomicFile.removeLeftovers(in: job.output)
            var written: [(String, String)] = []
            for (name, render) in files {
                let text = render()
                try AtomicFile.write(text, to: job.output.appendingPathComponent(name))
                written.append((name, text))
            }
            if archive {
                for (name, text) in written { try AtomicFile.write(text, to: archiveFolder.appendingPathComponent(name)) }
            }
        } catch {
            logger.error("cannot write the outputs: \(error)")
        }
    }

    // MARK: Mail

    private func queueReportMail(
        _ evaluation: Evaluation, changes: ChangeSummary?, evaluationID: Int64, changed: Bool, quarantined: [String],
        first: Bool = false, rulesChanged: Bool = false
    ) {
        let mail = job.notify.mail
        let recipients = mail.to.isEmpty ? ["fokus@localhost"] : mail.to
        let scope = evaluation.scope
        let period = evaluation.period.description
        let subject = strings.reportSubject(
            scope: scope, period: period, selected: evaluation.selected.map(\.name), changed: changed)
        var intro = strings.reportIntro(
            scope: scope, period: period, changed: changed, firstEvaluation: first, rulesChanged: rulesChanged)
        if !quarantined.isEmpty { intro += "\n" + strings.rejectedFilesNote(quarantined) }
        // The report's own mail body: the text report, and the page without its charts (mail programs drop
        // SVG), the introduction put first in both.
        let body = evaluation.mailBody(changes: changes, language: job.language)
        let text = intro + "\n\n" + body.text
        let introHTML = "<p>" + HTML.escape(intro).replacingOccurrences(of: "\n", with: "<br>") + "</p>"
        let html: String
        if let bodyTag = body.html.range(of: "<body"), let end = body.html[bodyTag.upperBound...].firstIndex(of: ">") {
            let afterTag = body.html.index(after: end)
            html = String(body.html[..<afterTag]) + introHTML + String(body.html[afterTag...])
        } else {
            html = introHTML + body.html
        }
        do {
            try store.enqueueMail(
                job: job.name, evaluationID: evaluationID, recipients: recipients, subject: subject, bodyText: text,
                bodyHTML: html, messageID: "fokus.\(Self.safe(job.name)).\(evaluationID)@\(domain)")
        } catch {
            logger.error("cannot queue the report mail: \(error)", metadata: ["evaluation": "\(evaluationID)"])
        }
    }
}

/// Escaping for text placed in HTML.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
