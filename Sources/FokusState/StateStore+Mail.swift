public import Foundation

extension StateStore {
    /// Queues a mail for delivery, due at once (the store's clock).
    ///
    /// Idempotent on `messageID`: when a mail with that id is already in the queue (in any
    /// status), nothing changes and that mail is returned. A daemon that derives the id from the
    /// evaluation therefore never sends the same report twice, even across restarts.
    ///
    /// - Parameters:
    ///   - job: the daemon job producing the mail.
    ///   - evaluationID: the evaluation reported, if any; must exist.
    ///   - recipients: the addresses; at least one.
    ///   - subject: the subject, unencoded.
    ///   - bodyText: the plain-text part.
    ///   - bodyHTML: the HTML part, if any.
    ///   - messageID: the `Message-ID`.
    /// - Returns: the mail as queued.
    /// - Throws: ``StateError``; `.constraint` when there is no recipient or no such evaluation.
    @discardableResult
    public func enqueueMail(
        job: String,
        evaluationID: Int64?,
        recipients: [String],
        subject: String,
        bodyText: String,
        bodyHTML: String?,
        messageID: String
    ) throws -> QueuedMail {
        let now = Encoding.timestamp(clock())
        let arguments: [SQLValue] = [
            .text(Encoding.key(job)), .integer(evaluationID), .text(Encoding.json(recipients)), .text(subject),
            .text(bodyText), .text(bodyHTML), .text(messageID), .text(now), .text(now),
        ]
        return try write { database in
            try database.run(
                """
                INSERT INTO mail_queue (job, evaluation_id, recipients, subject, body_text, body_html, message_id,
                                        status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)
                ON CONFLICT (message_id) DO NOTHING
                """,
                arguments
            )
            guard
                let mail = try database.queryFirst(
                    "SELECT \(Self.mailColumns) FROM mail_queue WHERE message_id = ?",
                    [.text(messageID)],
                    Self.queuedMail
                )
            else {
                throw StateError(.error, "the mail just queued cannot be read back")
            }
            return mail
        }
    }

    /// The queued mails whose next attempt is due at `now` (the store's clock when `nil`),
    /// earliest first, at most `limit`.
    public func dueMail(now: Date? = nil, limit: Int = 100) throws -> [QueuedMail] {
        let now = Encoding.timestamp(now ?? clock())
        return try withDatabase { database in
            try database.query(
                """
                SELECT \(Self.mailColumns) FROM mail_queue
                WHERE status = 'queued' AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT ?
                """,
                [.text(now), .integer(Int64(limit))],
                Self.queuedMail
            )
        }
    }

    /// The mail with id `id`, or `nil`.
    public func mail(id: Int64) throws -> QueuedMail? {
        try withDatabase { database in
            try database.queryFirst(
                "SELECT \(Self.mailColumns) FROM mail_queue WHERE id = ?",
                [.integer(id)],
                Self.queuedMail
            )
        }
    }

    /// Marks a queued mail delivered, stamped with the store's clock, and counts the attempt.
    /// - Returns: `false` when there is no queued mail with that id (unknown, or already sent or failed).
    @discardableResult
    public func markMailSent(id: Int64) throws -> Bool {
        let now = Encoding.timestamp(clock())
        return try write { database in
            try database.run(
                """
                UPDATE mail_queue SET status = 'sent', sent_at = ?, attempts = attempts + 1, next_attempt_at = NULL
                WHERE id = ? AND status = 'queued'
                """,
                [.text(now), .integer(id)]
            ) > 0
        }
    }

    /// Records a failed delivery attempt of a queued mail.
    ///
    /// - Parameters:
    ///   - id: the mail.
    ///   - error: what went wrong, for the operator.
    ///   - nextAttempt: when to try again (the caller's back-off); `nil` gives up and marks the
    ///     mail ``QueuedMail/Status-swift.enum/failed``.
    /// - Returns: `false` when there is no queued mail with that id.
    @discardableResult
    public func markMailFailed(id: Int64, error: String, nextAttempt: Date?) throws -> Bool {
        try write { database in
            try database.run(
                """
                UPDATE mail_queue SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                    status = CASE WHEN ? IS NULL THEN 'failed' ELSE 'queued' END
                WHERE id = ? AND status = 'queued'
                """,
                [
                    .text(error), .text(nextAttempt.map(Encoding.timestamp)), .text(nextAttempt.map(Encoding.timestamp)),
                    .integer(id),
                ]
            ) > 0
        }
    }

    private static let mailColumns = """
        id, job, evaluation_id, recipients, subject, body_text, body_html, message_id, status, attempts,
        next_attempt_at, last_error, created_at, sent_at
        """

    private static func queuedMail(_ row: Statement) throws -> QueuedMail {
        guard let status = QueuedMail.Status(rawValue: row.text(8)) else {
            throw StateError(.mismatch, "column mail_queue.status holds an unknown status")
        }
        return QueuedMail(
            id: row.int64(0),
            job: row.text(1),
            evaluationID: row.isNull(2) ? nil : row.int64(2),
            recipients: try Encoding.strings(row.text(3), column: "mail_queue.recipients"),
            subject: row.text(4),
            bodyText: row.text(5),
            bodyHTML: row.optionalText(6),
            messageID: row.text(7),
            status: status,
            attempts: Int(row.int64(9)),
            nextAttemptAt: try Encoding.optionalDate(row.optionalText(10), column: "mail_queue.next_attempt_at"),
            lastError: row.optionalText(11),
            createdAt: try Encoding.date(row.text(12), column: "mail_queue.created_at"),
            sentAt: try Encoding.optionalDate(row.optionalText(13), column: "mail_queue.sent_at")
        )
    }
}

extension StateStore {
    /// How many mails wait for delivery (status `queued`) and when the oldest of them was queued.
    public func mailQueueSummary() throws -> (queued: Int, oldestCreatedAt: Date?) {
        try withDatabase { database in
            try database.queryFirst(
                "SELECT count(*), min(created_at) FROM mail_queue WHERE status = 'queued'",
                [],
                { row in
                    (Int(row.int64(0)), try Encoding.optionalDate(row.optionalText(1), column: "mail_queue.created_at"))
                }
            ) ?? (0, nil)
        }
    }
}
