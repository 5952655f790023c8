import Fokus
import FokusPipeline
import FokusReports
import FokusState
import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#endif

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
    /// Outputs rendered but not written (a full disk, a read-only folder): written at the next
    /// evaluation even when nothing changed, the last good ones staying in place until then.
    private var owedOutputs: [(url: URL, text: String)]?
    /// The evaluation (rules digest and report) whose outputs are written but which the state could
    /// not record yet, so that evaluating it again does not write and archive them twice.
    private var writtenUnrecorded: String?
    /// The mail of a recorded evaluation that could not be queued yet.
    private var owedMail: (() -> Bool)?
    /// Evaluations in a row that met a fault which may pass (a full disk, a read-only output folder,
    /// a locked state database, a file that could not be moved); the job's loop evaluates again after
    /// ``retryDelay``.
    private(set) var faultsInARow = 0
    private var faultNow = false

    /// How long to wait before evaluating again after a fault (1, 2, 4 … 30 s), or `nil` when the
    /// last evaluation met none.
    var retryDelay: Double? { faultsInARow == 0 ? nil : min(30, pow(2, Double(faultsInARow - 1))) }

    /// Notes a fault of this evaluation that may pass: the loop retries.
    private func fault() { faultNow = true }
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
            status.update(job.name) {
                $0.lastReloadSucceeded = true; $0.lastReloadAt = Date()
            }
            let changed = digest != rulesDigest
            if changed, rules != nil { logger.info("rules reloaded", metadata: ["rules_digest": "\(digest.prefix(12))"]) }
            rules = loaded
            rulesDigest = digest
            return changed
        } catch {
            status.update(job.name) {
                $0.lastReloadSucceeded = false; $0.lastReloadAt = Date()
            }
            let text = error.diagnostics.map(\.description).joined(separator: "\n")
            logger.error(
                "rules have errors; \(rules == nil ? "nothing is evaluated until they are fixed" : "the last good rules stay in force")",
                metadata: ["errors": "\(text)"])
            // The log stays English; the mail is in the job's language.
            queueRulesErrorMail(error.diagnostics.map { $0.rendered(in: job.language) }.joined(separator: "\n"))
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
        faultNow = false
        let outcome = evaluateOnce(inProgress: inProgress, firstInProcess: firstInProcess)
        if faultNow {
            faultsInARow += 1
        } else if faultsInARow > 0 {
            faultsInARow = 0
            logger.notice("recovered: the evaluation met no fault this time")
        }
        status.update(job.name) {
            $0.faultsInARow = self.faultsInARow; $0.outputsBehind = self.owedOutputs != nil
        }
        return outcome
    }

    private func evaluateOnce(inProgress: Set<String>, firstInProcess: Bool) -> Outcome {
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
            // A file removed between the listing and the read is not there to move: it is simply left out.
            var info = stat()
            if lstat(job.data.appendingPathComponent(rejected.path).path, &info) != 0 && errno == ENOENT {
                logger.notice("a data file disappeared before it could be read; left out", metadata: ["file": "\(rejected.path)"])
                continue
            }
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
                fault()
            }
        }
        status.update(job.name) { $0.filesRejectedTotal += quarantined.count }
        mergeLastGoodVersions(into: &dataset)
        // The copies at once (the sooner after the read, the smaller the chance that the file is replaced
        // first), on a thread of their own: their `fsync`s wait for the disk while the evaluation below
        // needs the processors. They are done before anything is written or recorded; until then this
        // thread leaves what they touch alone (the signatures are read from the state database first).
        if lastGoodSignatures == nil, dataset.inputs.contains(where: { lastGoodCopies[$0.path] == nil }) {
            lastGoodSignatures = (try? store.fileSignatures(under: lastGoodFolder.standardizedFileURL.path)) ?? [:]
        }
        var copiesKept = false
        let copying = SideWork { [dataset] in copiesKept = self.keepLastGoodCopies(of: dataset) }
        var copiesWaitedFor = false
        func waitForCopies() {
            guard !copiesWaitedFor else { return }
            copying.wait()
            copiesWaitedFor = true
            if !copiesKept { fault() }
        }
        // What only later evaluations need (the ledger, the cache rows) is written once the report is out,
        // so the report does not wait for it.
        defer { recordInputs(of: dataset) }
        defer { waitForCopies() }

        let adoptions: [Adoption]
        do {
            adoptions = try EvaluationPipeline.adoptions(in: store)
        } catch {
            logger.error("cannot read the adopted areas from the state database: \(error)")
            fault()
            return .failed
        }
        let evaluation: Evaluation
        do {
            evaluation = try pipeline.evaluate(rules, dataset, adoptions: adoptions)
        } catch  where error.codes.contains(.noDataYet) {
            logger.notice("no data yet: \(error.diagnostics.map(\.description).joined(separator: "; "))")
            return .noData
        } catch {
            logger.error("evaluation failed: \(error)")
            return .failed
        }
        waitForCopies()
        let baseJSON = evaluation.rendered(as: .json, language: job.language)
        let previous: StoredEvaluation?
        do {
            previous = try store.latestEvaluation(scope: evaluation.scope)
        } catch {
            logger.error("cannot read the previous evaluation: \(error)")
            fault()
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
        let reportOnDisk = FileManager.default.contents(atPath: job.output.appendingPathComponent("report.json").path)
        let outputsMissing = reportOnDisk == nil
        let mailAgain = job.notify.on == .always && !firstInProcess
        if let previous, !changed, !mailAgain {
            if let owed = owedOutputs {
                if write(owed) { logger.notice("outputs written after an earlier failure", metadata: ["evaluation": "\(previous.id)"]) }
            } else if outputsMissing || (firstInProcess && !Self.sameReport(onDisk: reportOnDisk, as: baseJSON)) {
                // Missing, or stale: an earlier process could not write them (a full disk) before it stopped.
                if !outputsMissing { logger.notice("the outputs are older than the evaluation in force; written again") }
                write(render(evaluation, changes: nil, archive: false))
            }
            if let owed = owedMail {
                if owed() { owedMail = nil; mailEnsuredFor = previous.id } else { fault() }
            }
            // A mail queued for this evaluation before a crash is queued now; a delivered one stays delivered.
            if job.notify.on != .never, mailEnsuredFor != previous.id {
                if queueReportMail(evaluation, changes: nil, evaluationID: previous.id, changed: false, quarantined: []) {
                    mailEnsuredFor = previous.id
                } else {
                    fault()
                }
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
        // Written before the evaluation is recorded, so that a crash in between writes them again after
        // the restart; written once when the recording has to be retried.
        let identity = rulesDigest + "\u{0}" + baseJSON
        if writtenUnrecorded != identity {
            owedOutputs = nil
            if write(render(evaluation, changes: changes, archive: true)) { writtenUnrecorded = identity }
        }
        let evaluationID: Int64
        do {
            evaluationID = try store.recordEvaluation(
                scope: evaluation.scope, period: evaluation.period.description, rulesDigest: rulesDigest,
                reportJSON: baseJSON, selectedIDs: evaluation.selected.map(\.id))
        } catch {
            logger.error("cannot record the evaluation (the outputs are written; recorded at the next evaluation): \(error)")
            fault()
            return .failed
        }
        writtenUnrecorded = nil
        owedMail = nil
        if job.notify.on != .never {
            let first = previous == nil
            let rulesChanged = previous.map { $0.rulesDigest != rulesDigest } ?? false
            let queue = { [unowned self] in
                self.queueReportMail(
                    evaluation, changes: changes, evaluationID: evaluationID, changed: changed, quarantined: quarantined,
                    first: first, rulesChanged: rulesChanged)
            }
            if queue() { mailEnsuredFor = evaluationID } else { owedMail = queue; fault() }
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
            fault()
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
    /// - Returns: whether every copy could be made (`false` is a fault that may pass).
    private func keepLastGoodCopies(of dataset: Dataset) -> Bool {
        var kept = true
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
                try AtomicFile.write(bytes, to: target, access: .owner)
                lastGoodCopies[input.path] = input.sha256
                rememberCopy(at: absolute, name: input.path, sha256: input.sha256)
            } catch {
                logger.warning("cannot keep a copy of the last good version: \(error)", metadata: ["file": "\(input.path)"])
                kept = false
            }
        }
        return kept
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

    /// The outputs of `evaluation`: the report in every format, and with `archive` a copy of each
    /// in `archive/DATE-SCOPE-PERIOD/`.
    private func render(_ evaluation: Evaluation, changes: ChangeSummary?, archive: Bool) -> [(url: URL, text: String)] {
        let language = job.language
        let renderers: [(name: String, render: @Sendable () -> String)] = [
            ("report.json", { evaluation.rendered(as: .json, changes: changes, language: language) }),
            ("report.md", { evaluation.rendered(as: .md, changes: changes, language: language) }),
            ("priorities.csv", { evaluation.rendered(as: .csv, changes: changes, language: language) }),
            // The page to publish, as `fokus evaluate --format html` writes it.
            ("report.html", { evaluation.htmlPage(changes: changes, language: language) }),
        ]
        // Rendered side by side (the page takes longest): the report is out sooner.
        let texts = ConcurrentSlots<String>(count: renderers.count)
        DispatchQueue.concurrentPerform(iterations: renderers.count) { texts.set($0, renderers[$0].render()) }
        let files = zip(renderers.map(\.name), texts.all.map { $0 ?? "" })
        let archiveFolder = job.output.appendingPathComponent("archive")
            .appendingPathComponent("\(Quarantine.stamp(Date()))-\(Self.safe(evaluation.scope))-\(evaluation.period)")
        // The outputs first, then their copies in the archive: the set is staged whole before anything is
        // renamed, and the report in force is renamed into place first.
        return files.map { (job.output.appendingPathComponent($0.0), $0.1) }
            + (archive ? files.map { (archiveFolder.appendingPathComponent($0.0), $0.1) } : [])
    }

    /// Whether `report.json` as written holds the evaluation `baseJSON` renders (what changed since the
    /// one before aside).
    static func sameReport(onDisk: Data?, as baseJSON: String) -> Bool {
        func withoutChanges(_ data: Data) -> NSDictionary? {
            guard var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
            object["changes"] = nil
            return object as NSDictionary
        }
        guard let onDisk, let written = withoutChanges(onDisk), let current = withoutChanges(Data(baseJSON.utf8)) else { return false }
        return written.isEqual(current)
    }

    /// Writes the outputs all at once (``AtomicFile/writeAll(_:access:)``): on a full disk or a
    /// read-only folder the last good outputs stay as they were, and these are owed to the next
    /// evaluation.
    @discardableResult
    private func write(_ outputs: [(url: URL, text: String)]) -> Bool {
        do {
            try FileManager.default.createDirectory(at: job.output, withIntermediateDirectories: true)
            AtomicFile.removeLeftovers(in: job.output)
            try AtomicFile.writeAll(outputs.map { ($0.url, Data($0.text.utf8)) })
            owedOutputs = nil
            return true
        } catch {
            owedOutputs = outputs
            fault()
            logger.error(
                "cannot write the outputs; the last good outputs stay in place and these are written again at the next evaluation: \(error)"
            )
            return false
        }
    }

    // MARK: Mail

    /// Queues the report mail of a recorded evaluation; returns whether it is queued.
    private func queueReportMail(
        _ evaluation: Evaluation, changes: ChangeSummary?, evaluationID: Int64, changed: Bool, quarantined: [String],
        first: Bool = false, rulesChanged: Bool = false
    ) -> Bool {
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
        let introHTML = "<p>" + Escaping.htmlText(intro).replacingOccurrences(of: "\n", with: "<br>") + "</p>"
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
            return true
        } catch {
            logger.error(
                "cannot queue the report mail (queued at the next evaluation): \(error)", metadata: ["evaluation": "\(evaluationID)"])
            return false
        }
    }
}
