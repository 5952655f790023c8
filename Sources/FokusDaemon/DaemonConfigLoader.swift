public import Fokus
public import Foundation

/// Reads the daemon's YAML configuration with the same rigour as rule files: every problem at
/// once, as `file:line:column`, unknown keys with a "did you mean" suggestion.
///
/// The problems are phrased in the language given to ``load(from:language:)``; show them with
/// ``Diagnostic/rendered(in:)`` in the same language. `fokus daemon` takes `--lang`, else the
/// configuration's own top-level `lang:` (``declaredLanguage(at:)``), else Swedish.
public enum DaemonConfigLoader {
    static let jobKeys = ["name", "rules", "data", "output", "scope", "lang", "watch", "notify"]
    static let topKeys = ["rules", "data", "output", "scope", "lang", "watch", "notify", "state", "metrics", "name", "jobs"]

    /// Loads the configuration file at `url`. Relative paths in it are relative to its folder.
    /// - Parameter language: the language of the problems' messages.
    /// - Throws: ``FokusError`` coded ``Diagnostic/Code/configInvalid``.
    public static func load(from url: URL, language: ReportLanguage = .sv) throws(FokusError) -> DaemonConfig {
        let path = url.relativePath
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FokusError(DaemonStrings(language).cannotReadConfiguration, at: SourceLocation(file: path)).coded(.configInvalid)
        }
        return try load(
            yaml: String(decoding: data, as: UTF8.self), file: path, base: url.deletingLastPathComponent(), language: language)
    }

    /// The top-level `lang:` of the configuration at `url`, when the file can be read as YAML and
    /// `lang:` is `sv` or `en`, whatever else is wrong in it: the language to tell its problems in
    /// when `--lang` is not given.
    public static func declaredLanguage(at url: URL) -> ReportLanguage? {
        guard let data = FileManager.default.contents(atPath: url.path),
            case .mapping(let pairs, _)? = try? YAMLParser.parse(String(decoding: data, as: UTF8.self), file: url.relativePath)
        else { return nil }
        for pair in pairs {
            if case .scalar(let key) = pair.key, key.value == "lang", case .scalar(let value) = pair.value {
                return ReportLanguage(rawValue: value.value)
            }
        }
        return nil
    }

    /// Loads a configuration from text; relative paths resolve against `base`.
    /// - Parameter language: the language of the problems' messages.
    public static func load(yaml: String, file: String, base: URL, language: ReportLanguage = .sv) throws(FokusError) -> DaemonConfig {
        let strings = DaemonStrings(language)
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(yaml, file: file)
        } catch {
            throw error.coded(.configInvalid)
        }
        var reader = YAMLFieldReader(file: file)
        guard let root else {
            reader.error(strings.configurationEmpty)
            throw FokusError(reader.diagnostics).coded(.configInvalid)
        }
        var config = DaemonConfig(
            file: URL(fileURLWithPath: file), state: base.appendingPathComponent("var/fokus.sqlite"), metrics: nil, jobs: [])
        guard let top = reader.mapping(root, named: "the configuration", allowed: topKeys) else {
            throw FokusError(reader.diagnostics).coded(.configInvalid)
        }
        let fields = Dictionary(top, uniquingKeysWith: { first, _ in first })
        if let node = fields["state"], let text = reader.text(node, named: "`state`") {
            config.state = resolve(text, base)
        }
        if let node = fields["metrics"], let text = reader.text(node, named: "`metrics`") {
            config.metrics = resolve(text, base)
        }
        // Top-level settings are the defaults of every job.
        var defaults = JobDraft()
        readJobFields(fields, into: &defaults, reader: &reader, base: base, strings: strings)
        if let jobsNode = fields["jobs"] {
            for key in ["rules", "data", "output", "name", "scope"] {
                if let node = fields[key] { reader.error(strings.belongsInsideEachJob(key), at: node) }
            }
            if case .sequence(let items, _) = jobsNode, !items.isEmpty {
                var names: Set<String> = []
                for (index, item) in items.enumerated() {
                    let place = strings.jobPlace(index + 1)
                    guard let entries = reader.mapping(item, named: place, allowed: jobKeys) else { continue }
                    let jobFields = Dictionary(entries, uniquingKeysWith: { first, _ in first })
                    var draft = defaults
                    draft.name = nil
                    readJobFields(jobFields, into: &draft, reader: &reader, base: base, strings: strings)
                    if let job = draft.job(named: place, at: item, reader: &reader, base: base, strings: strings) {
                        if !names.insert(job.name).inserted {
                            reader.error(strings.jobNamedTwice(job.name), at: item)
                        }
                        config.jobs.append(job)
                    }
                }
            } else {
                reader.error(strings.jobsNotAList, at: jobsNode)
            }
        } else if let job = defaults.job(named: strings.configurationPlace, at: root, reader: &reader, base: base, strings: strings) {
            config.jobs.append(job)
        }
        if reader.hasErrors { throw FokusError(reader.diagnostics).coded(.configInvalid) }
        return config
    }

    /// A job as read so far (from the top level, then overridden by the job's own block).
    struct JobDraft {
        var name: String?
        var rules: URL?
        var data: URL?
        var output: URL?
        var scope: String?
        var language = ReportLanguage.sv
        var watch = DaemonConfig.Watch()
        var notify = DaemonConfig.Notify()

        func job(
            named label: String, at node: YAMLNode, reader: inout YAMLFieldReader, base: URL, strings: DaemonStrings
        ) -> DaemonConfig.Job? {
            var missing: [String] = []
            if rules == nil { missing.append("rules") }
            if data == nil { missing.append("data") }
            if output == nil { missing.append("output") }
            guard missing.isEmpty, let rules, let data, let output else {
                reader.error(strings.needs(label, missing), at: node)
                return nil
            }
            var notify = notify
            if notify.mail.outbox == nil { notify.mail.outbox = output.appendingPathComponent("outbox") }
            if notify.mail.transport != .outbox, notify.mail.to.isEmpty, notify.on != .never {
                reader.error(strings.recipientsNeeded(label, transport: notify.mail.transport.rawValue), at: node)
            }
            return DaemonConfig.Job(
                name: name ?? "default", rules: rules, data: data, output: output, scope: scope, language: language,
                watch: watch, notify: notify)
        }
    }

    static func resolve(_ path: String, _ base: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
    }

    static func readJobFields(
        _ fields: [String: YAMLNode], into draft: inout JobDraft, reader: inout YAMLFieldReader, base: URL, strings: DaemonStrings
    ) {
        if let node = fields["name"], let text = reader.text(node, named: "`name`") { draft.name = text }
        if let node = fields["rules"], let text = reader.text(node, named: "`rules`") { draft.rules = resolve(text, base) }
        if let node = fields["data"], let text = reader.text(node, named: "`data`") { draft.data = resolve(text, base) }
        if let node = fields["output"], let text = reader.text(node, named: "`output`") { draft.output = resolve(text, base) }
        if let node = fields["scope"], let text = reader.text(node, named: "`scope`") { draft.scope = text }
        if let node = fields["lang"],
            let text = reader.choice(node, named: "`lang`", among: ReportLanguage.allCases.map(\.rawValue))
        {
            draft.language = ReportLanguage(rawValue: text) ?? .sv
        }
        if let node = fields["watch"], let entries = reader.mapping(node, named: "`watch`", allowed: ["quiet_ms", "poll_seconds"]) {
            for (key, value) in entries {
                switch key {
                case "quiet_ms":
                    if let ms = reader.wholeNumber(value, named: "`watch.quiet_ms`") {
                        if ms < 0 { reader.error(strings.quietNegative, at: value) } else { draft.watch.quietMilliseconds = ms }
                    }
                default:
                    if let seconds = reader.number(value, named: "`watch.poll_seconds`") {
                        if seconds < 0 { reader.error(strings.pollNegative, at: value) } else { draft.watch.pollSeconds = seconds }
                    }
                }
            }
        }
        if let node = fields["notify"], let entries = reader.mapping(node, named: "`notify`", allowed: ["on", "mail"]) {
            for (key, value) in entries {
                if key == "on" {
                    if let text = reader.choice(value, named: "`notify.on`", among: DaemonConfig.Notify.When.allCases.map(\.rawValue)) {
                        draft.notify.on = DaemonConfig.Notify.When(rawValue: text) ?? .change
                    }
                } else {
                    readMail(value, into: &draft.notify.mail, reader: &reader, base: base, strings: strings)
                }
            }
        }
    }

    static let mailKeys = ["transport", "from", "to", "outbox", "sendmail", "smtp", "retry"]
    static let smtpKeys = ["host", "port", "tls", "username", "password_file", "password_env", "ca_file", "timeout_s"]

    static func readMail(
        _ node: YAMLNode, into mail: inout DaemonConfig.Mail, reader: inout YAMLFieldReader, base: URL, strings: DaemonStrings
    ) {
        guard let entries = reader.mapping(node, named: "`notify.mail`", allowed: mailKeys) else { return }
        for (key, value) in entries {
            switch key {
            case "transport":
                if let text = reader.choice(value, named: "`mail.transport`", among: DaemonConfig.Mail.Transport.allCases.map(\.rawValue)) {
                    mail.transport = DaemonConfig.Mail.Transport(rawValue: text) ?? .outbox
                }
            case "from":
                if let text = reader.text(value, named: "`mail.from`") {
                    if MailAddress.isValid(text) {
                        mail.from = text
                    } else {
                        reader.error(strings.fromNotAnAddress(text), at: value)
                    }
                }
            case "to":
                let list: [String]?
                if case .scalar = value {
                    list = reader.text(value, named: "`mail.to`").map { [$0] }
                } else {
                    list = reader.textList(value, named: "`mail.to`")
                }
                for address in list ?? [] where !MailAddress.isValid(address) {
                    reader.error(strings.toNotAnAddress(address), at: value)
                }
                mail.to = (list ?? []).filter(MailAddress.isValid)
            case "outbox":
                if let text = reader.text(value, named: "`mail.outbox`") { mail.outbox = resolve(text, base) }
            case "sendmail":
                if let inner = reader.mapping(value, named: "`mail.sendmail`", allowed: ["command"]) {
                    for (_, command) in inner {
                        if let text = reader.text(command, named: "`mail.sendmail.command`") { mail.sendmailCommand = text }
                    }
                }
            case "smtp":
                readSMTP(value, into: &mail.smtp, reader: &reader, base: base, strings: strings)
            default:
                if let inner = reader.mapping(value, named: "`mail.retry`", allowed: ["first_s", "max_s"]) {
                    for (k, v) in inner {
                        guard let seconds = reader.number(v, named: "`mail.retry.\(k)`") else { continue }
                        guard seconds > 0 else {
                            reader.error(strings.retryNotPositive(k), at: v)
                            continue
                        }
                        if k == "first_s" { mail.retryFirstSeconds = seconds } else { mail.retryMaxSeconds = seconds }
                    }
                }
            }
        }
    }

    static func readSMTP(
        _ node: YAMLNode, into smtp: inout DaemonConfig.SMTP, reader: inout YAMLFieldReader, base: URL, strings: DaemonStrings
    ) {
        guard let entries = reader.mapping(node, named: "`mail.smtp`", allowed: smtpKeys) else { return }
        var portGiven = false
        for (key, value) in entries {
            switch key {
            case "host": if let text = reader.text(value, named: "`smtp.host`") { smtp.host = text }
            case "port":
                if let port = reader.wholeNumber(value, named: "`smtp.port`") {
                    if (1...65535).contains(port) {
                        smtp.port = port; portGiven = true
                    } else {
                        reader.error(strings.portOutOfRange(port), at: value)
                    }
                }
            case "tls":
                if let text = reader.choice(value, named: "`smtp.tls`", among: DaemonConfig.SMTP.TLS.allCases.map(\.rawValue)) {
                    smtp.tls = DaemonConfig.SMTP.TLS(rawValue: text) ?? .starttls
                }
            case "username": smtp.username = reader.text(value, named: "`smtp.username`")
            case "password_file": smtp.passwordFile = reader.text(value, named: "`smtp.password_file`").map { resolve($0, base) }
            case "password_env": smtp.passwordEnv = reader.text(value, named: "`smtp.password_env`")
            case "ca_file": smtp.caFile = reader.text(value, named: "`smtp.ca_file`").map { resolve($0, base) }
            default:
                if let seconds = reader.wholeNumber(value, named: "`smtp.timeout_s`") { smtp.timeoutSeconds = max(1, seconds) }
            }
        }
        if !portGiven {
            smtp.port = smtp.tls == .tls ? 465 : 587
        }
    }
}
