import Foundation
import PartnerDeskDomain
import PartnerDeskServices

struct InMemoryOutboxRepository: OutboxRepository {
    let box: StateBox

    func enqueue(_ messages: [OutboxMessage]) async throws {
        try box.write { $0.outbox += messages }
    }

    func claim(dueAt now: Date, lease: TimeInterval, limit: Int) async throws -> [OutboxMessage] {
        var claimed: [OutboxMessage] = []
        try box.write { state in
            claimed = Array(
                state.outbox.filter {
                    $0.status == .pending && $0.nextAttemptAt <= now && (state.claims[$0.id] ?? .distantPast) <= now
                }
                .sorted { $0.nextAttemptAt < $1.nextAttemptAt }.prefix(limit))
            for message in claimed { state.claims[message.id] = now.addingTimeInterval(lease) }
        }
        return claimed
    }

    func markDelivered(_ id: UUID, at instant: Date) async throws {
        try change(id) {
            $0.status = .delivered
            $0.deliveredAt = instant
            $0.attempts += 1
        }
    }

    func forgetContent(_ id: UUID, replacement: EmailContent) async throws {
        try change(id) { $0.content = replacement }
    }

    func markFailed(_ id: UUID, attempts: Int, retryAt: Date?, error: String) async throws {
        try change(id) {
            $0.attempts = attempts
            $0.lastError = error
            if let retryAt { $0.nextAttemptAt = retryAt } else { $0.status = .dead }
        }
    }

    func list(status: OutboxMessage.Status, limit: Int) async throws -> [OutboxMessage] {
        Array(box.read().outbox.filter { $0.status == status }.sorted { $0.createdAt > $1.createdAt }.prefix(limit))
    }

    func list(partnerID: Partner.ID, channel: OutboxMessage.Channel, limit: Int) async throws -> [OutboxMessage] {
        Array(
            box.read().outbox.filter { $0.partnerID == partnerID && $0.channel == channel }
                .sorted { $0.createdAt > $1.createdAt }.prefix(limit))
    }

    func find(id: UUID) async throws -> OutboxMessage? { box.read().outbox.first { $0.id == id } }

    func requeue(_ id: UUID, at instant: Date) async throws -> Bool {
        guard try await find(id: id)?.status == .dead else { return false }
        try change(id) {
            $0.status = .pending
            $0.attempts = 0
            $0.nextAttemptAt = instant
        }
        return true
    }

    func discard(_ id: UUID) async throws -> Bool {
        guard try await find(id: id)?.status == .dead else { return false }
        try box.write { $0.outbox.removeAll { $0.id == id } }
        return true
    }

    func counts() async throws -> [OutboxCount] {
        Dictionary(grouping: box.read().outbox) { "\($0.channel.rawValue)/\($0.status.rawValue)" }.values.map {
            OutboxCount(channel: $0[0].channel, status: $0[0].status, count: $0.count)
        }
    }

    func oldestPending() async throws -> Date? {
        box.read().outbox.filter { $0.status == .pending }.map(\.createdAt).min()
    }

    func recordEscalation(incidentID: Incident.ID, percent: Int, targetSeconds: Int, at instant: Date) async throws
        -> Bool
    {
        var inserted = false
        try box.write { inserted = $0.escalations.insert("\(incidentID)/\(percent)/\(targetSeconds)").inserted }
        return inserted
    }

    private func change(_ id: UUID, _ body: (inout OutboxMessage) -> Void) throws {
        try box.write { state in
            guard let index = state.outbox.firstIndex(where: { $0.id == id }) else { return }
            body(&state.outbox[index])
            state.claims[id] = nil
        }
    }
}
