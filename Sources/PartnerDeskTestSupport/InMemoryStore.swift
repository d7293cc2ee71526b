import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Synchronization

/// An in-memory store with the same contract as the SQL one, for fast use-case tests.
///
/// A transaction works on a copy of the data and publishes it only when the work succeeds, so a failed
/// transaction leaves nothing behind, exactly like a database rollback. Transactions run one at a time.
public final class InMemoryStore: UnitOfWork {
    struct State: Sendable {
        var partners: [Partner.ID: Partner] = [:]
        var users: [EmailAddress: StoredUser] = [:]
        var incidents: [Incident.ID: (incident: Incident, schedule: IncidentSchedule)] = [:]
        var incidentEvents: [IncidentEvent] = []
        var incidentSequence = 0
        var tokens: [APIToken.ID: (token: APIToken, hash: String)] = [:]
        var idempotency: [String: (fingerprint: String, response: StoredResponse)] = [:]
        var audit: [AuditEntry] = []
        var auditSequence = 0
        var attachments: [Attachment] = []
        var blobs: [String: Data] = [:]
        var sessions: [String: SignInSession] = [:]
        var failures: [(key: String, at: Date)] = []
        var invitations: [PendingInvitation] = []
        /// The last complete sign-in of each account from each address, under `account|address`.
        var knownAddresses: [String: Date] = [:]
        var links: [String: OneTimeLink] = [:]
        var outbox: [OutboxMessage] = []
        var claims: [UUID: Date] = [:]
        var escalations: Set<String> = []
        var webhooks: [WebhookEndpoint.ID: WebhookEndpoint] = [:]
        var optOuts: [User.ID: Set<NotificationEvent>] = [:]
        var problems: [Problem.ID: Problem] = [:]
        var problemSequence = 0
        var hssis: [HigherSeverityIncident.ID: (hssi: HigherSeverityIncident, nextDeadlineAt: Date?)] = [:]
        var hssiSequence = 0
        var hssiAlerts: Set<String> = []
        var hssiMessages: [HigherSeverityIncident.ID: [HSSIMessageLink]] = [:]
        var rota: [UUID: StoredRotaEntry] = [:]
        var rotaChecks: Set<String> = []
    }

    private let state = Mutex(State())
    private let gate = TransactionQueue()

    public init() {}

    public var repositories: any Repositories {
        InMemoryRepositories(
            box: StateBox(
                read: { self.state.withLock { $0 } }, write: { change in try self.state.withLock { try change(&$0) } }))
    }

    public func transaction<T: Sendable>(
        _ work: @escaping @Sendable (any Repositories) async throws -> T
    ) async throws -> T {
        try await gate.run {
            let draft = Mutex(self.state.withLock { $0 })
            let box = StateBox(
                read: { draft.withLock { $0 } }, write: { change in try draft.withLock { try change(&$0) } })
            let result = try await work(InMemoryRepositories(box: box))
            let final = draft.withLock { $0 }
            self.state.withLock { $0 = final }
            return result
        }
    }
}

/// Reads and writes one version of the in-memory state.
struct StateBox: Sendable {
    let read: @Sendable () -> InMemoryStore.State
    let write: @Sendable ((inout InMemoryStore.State) throws -> Void) throws -> Void
}

struct InMemoryRepositories: Repositories {
    let box: StateBox
    var partners: any PartnerRepository { InMemoryPartnerRepository(box: box) }
    var users: any UserRepository { InMemoryUserRepository(box: box) }
    var incidents: any IncidentRepository { InMemoryIncidentRepository(box: box) }
    var tokens: any TokenRepository { InMemoryTokenRepository(box: box) }
    var idempotency: any IdempotencyRepository { InMemoryIdempotencyRepository(box: box) }
    var audit: any AuditRepository { InMemoryAuditRepository(box: box) }
    var attachments: any AttachmentRepository { InMemoryAttachmentRepository(box: box) }
    var blobs: any BlobRepository { InMemoryBlobRepository(box: box) }
    var sessions: any SessionRepository { InMemorySessionRepository(box: box) }
    var outbox: any OutboxRepository { InMemoryOutboxRepository(box: box) }
    var webhooks: any WebhookEndpointRepository { InMemoryWebhookEndpointRepository(box: box) }
    var notificationPreferences: any NotificationPreferenceRepository {
        InMemoryNotificationPreferenceRepository(box: box)
    }
    var problems: any ProblemRepository { InMemoryProblemRepository(box: box) }
    var hssis: any HSSIRepository { InMemoryHSSIRepository(box: box) }
}

struct InMemoryPartnerRepository: PartnerRepository {
    let box: StateBox

    func create(_ partner: Partner) async throws {
        try box.write { state in
            let clientIDs = Set(state.partners.values.flatMap { $0.services.map(\.clientID) })
            if state.partners.values.contains(where: { $0.code == partner.code })
                || partner.services.contains(where: { clientIDs.contains($0.clientID) })
            {
                throw RepositoryError.conflict("A partner with this code or client id already exists.")
            }
            state.partners[partner.id] = partner
        }
    }

    func find(id: Partner.ID) async throws -> Partner? { box.read().partners[id] }

    func find(code: PartnerCode) async throws -> Partner? {
        box.read().partners.values.first { $0.code == code }
    }

    func list() async throws -> [Partner] { box.read().partners.values.sorted { $0.code < $1.code } }
}

struct InMemoryUserRepository: UserRepository {
    let box: StateBox

    func create(_ user: StoredUser) async throws {
        try box.write { state in
            if state.users[user.user.email] != nil {
                throw RepositoryError.conflict("A user with this e-mail address already exists.")
            }
            state.users[user.user.email] = user
        }
    }

    func find(email: EmailAddress) async throws -> StoredUser? { box.read().users[email] }

    func list(partnerID: Partner.ID?) async throws -> [User] {
        box.read().users.values.map(\.user).filter { partnerID == nil || $0.partnerID == partnerID }
            .sorted { $0.email.value < $1.email.value }
    }

    func find(id: User.ID) async throws -> StoredUser? { box.read().users.values.first { $0.user.id == id } }

    func update(_ user: StoredUser) async throws { try box.write { $0.users[user.user.email] = user } }

    func createInvitation(_ invitation: PendingInvitation) async throws {
        try box.write { $0.invitations.append(invitation) }
    }

    func unacceptedInvitations(partnerID: Partner.ID) async throws -> [PendingInvitation] {
        box.read().invitations.filter { $0.partnerID == partnerID && $0.acceptedAt == nil }.reversed()
    }

    func invitation(linkHash: String) async throws -> PendingInvitation? {
        box.read().invitations.first { $0.linkHash == linkHash }
    }

    func acceptInvitation(_ id: PendingInvitation.ID, userID: User.ID, at instant: Date) async throws {
        try box.write { state in
            for index in state.invitations.indices where state.invitations[index].id == id {
                state.invitations[index].userID = userID
                state.invitations[index].acceptedAt = instant
            }
        }
    }
}
