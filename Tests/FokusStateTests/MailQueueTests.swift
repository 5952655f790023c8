import Foundation
import Testing

@testable import FokusState

struct MailQueueTests {
    let folder: TemporaryDirectory
    let clock = TestClock()
    let store: StateStore

    init() throws {
        folder = try TemporaryDirectory()
        store = try StateStore(path: folder.path("fokus.sqlite"), now: clock.function)
    }

    func enqueueReport(messageID: String = "<1.kungsor@fokus>") throws -> QueuedMail {
        let evaluation = try store.recordEvaluation(
            scope: "Kungsör", period: "2024", rulesDigest: "a", reportJSON: "{}", selectedIDs: ["trafik"])
        return try store.enqueueMail(
            job: "kungsör", evaluationID: evaluation,
            recipients: ["samordnare@example.se", "kommunpolis@example.se"],
            subject: "Lägesbild Kungsör 2024: två nya fokusområden", bodyText: "Hej!\nRapporten är klar.",
            bodyHTML: "<p>Hej!</p>", messageID: messageID)
    }

    @Test func aQueuedMailIsDueAtOnceAndSentOnlyOnce() throws {
        let mail = try enqueueReport()
        #expect(mail.status == .queued)
        #expect(mail.attempts == 0)
        #expect(mail.createdAt == clock.now)
        #expect(mail.recipients == ["samordnare@example.se", "kommunpolis@example.se"])
        #expect(mail.subject == "Lägesbild Kungsör 2024: två nya fokusområden")
        #expect(try store.dueMail(now: clock.now.addingTimeInterval(-1)).isEmpty)
        #expect(try store.dueMail().map(\.id) == [mail.id])

        // Queueing the same report again (say after a restart) changes nothing.
        let again = try store.enqueueMail(
            job: "kungsör", evaluationID: nil, recipients: ["annan@example.se"], subject: "x", bodyText: "y",
            bodyHTML: nil, messageID: mail.messageID)
        #expect(again == mail)

        clock.advance(by: 5)
        #expect(try store.markMailSent(id: mail.id))
        #expect(try store.dueMail().isEmpty)
        let sent = try #require(try store.mail(id: mail.id))
        #expect(sent.status == .sent)
        #expect(sent.sentAt == clock.now)
        #expect(sent.attempts == 1)
        #expect(try !store.markMailSent(id: mail.id))
        #expect(
            try store.enqueueMail(
                job: "kungsör", evaluationID: nil, recipients: ["a@example.se"], subject: "x", bodyText: "y",
                bodyHTML: nil, messageID: mail.messageID
            ).status == .sent)
    }

    @Test func aFailedAttemptIsRetriedAfterItsBackOff() throws {
        let mail = try enqueueReport()
        let retry = clock.now.addingTimeInterval(5)
        #expect(try store.markMailFailed(id: mail.id, error: "421 try again later", nextAttempt: retry))
        let waiting = try #require(try store.mail(id: mail.id))
        #expect(waiting.status == .queued)
        #expect(waiting.attempts == 1)
        #expect(waiting.lastError == "421 try again later")
        #expect(waiting.nextAttemptAt == retry)
        #expect(try store.dueMail().isEmpty)
        #expect(try store.dueMail(now: retry).map(\.id) == [mail.id])

        #expect(try store.markMailFailed(id: mail.id, error: "550 no such user", nextAttempt: nil))
        let failed = try #require(try store.mail(id: mail.id))
        #expect(failed.status == .failed)
        #expect(failed.attempts == 2)
        #expect(failed.nextAttemptAt == nil)
        #expect(try store.dueMail(now: .distantFuture).isEmpty)
        #expect(try !store.markMailFailed(id: mail.id, error: "again", nextAttempt: retry))
    }

    @Test func queuedMailSurvivesARestart() throws {
        let mail = try enqueueReport()
        let reopened = try StateStore(path: store.path, now: clock.function)
        #expect(try reopened.dueMail().map(\.messageID) == [mail.messageID])
    }

    @Test func dueMailComesEarliestFirst() throws {
        let first = try enqueueReport(messageID: "<1@fokus>")
        clock.advance(by: 1)
        let second = try enqueueReport(messageID: "<2@fokus>")
        try store.markMailFailed(id: first.id, error: "timeout", nextAttempt: clock.now.addingTimeInterval(60))
        clock.advance(by: 120)
        #expect(try store.dueMail().map(\.id) == [second.id, first.id])
        #expect(try store.dueMail(limit: 1).map(\.id) == [second.id])
    }

    @Test func aMailMustNameAnExistingEvaluationAndARecipient() throws {
        #expect {
            try store.enqueueMail(
                job: "kungsör", evaluationID: 999, recipients: ["a@example.se"], subject: "s", bodyText: "b",
                bodyHTML: nil, messageID: "<x@fokus>")
        } throws: { error in
            StateError.Code.constraint ~= error
        }
        #expect {
            try store.enqueueMail(
                job: "kungsör", evaluationID: nil, recipients: [], subject: "s", bodyText: "b",
                bodyHTML: nil, messageID: "<y@fokus>")
        } throws: { error in
            StateError.Code.constraint ~= error
        }
    }
}
