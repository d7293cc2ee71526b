import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Synchronization

/// An in-memory store with the same contract as the SQL one, for fast use-case tests.
///
/// A transaction works on a copy of the data and publishes it only when the work succeeds, so a failed
/// transaction leaves nothing behind, exactly like a database rollback. Transactions run one at a time, and
/// each runs its work twice, throwing the first run's writes away, as SQLite's group commit may
/// (``UnitOfWork/transaction(_:)``): work that does anything besides reading and writing through its
/// repositories does it twice, and a test sees it.
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
        var sprints: [Sprint.ID: Sprint] = [:]
        var releases: [Release.ID: Release] = [:]
        var notices: [IntegrationNotice.ID: IntegrationNotice] = [:]
        var noticeSequence = 0
        var approvalLevels: [ApprovalLevel] = []
        var components: [ServiceComponent] = []
        var outages: [Outage.ID: Outage] = [:]
        var outageSequence = 0
        var maintenance: [MaintenanceWindow.ID: MaintenanceWindow] = [:]
        var maintenanceSequence = 0
        var serviceLevelAlerts: Set<String> = []
        var componentChoices: [Partner.ID: ComponentChoice] = [:]
        var reportEditions: [ServiceReportEdition] = []
        var issuedMonths: Set<ReportingMonth> = []
        var holidayImports: [StoredHolidayImport] = []
        var serviceRequests: [ServiceRequest.ID: ServiceRequest] = [:]
        var partnerJourneys: [Partner.ID: PartnerJourney] = [:]
        var serviceRequestSequence = 0
        var reportReviews: [(scope: ServiceReportReviewScope, month: ReportingMonth, requestedAt: Date)] = []
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
            func attempt() async throws -> (T, State) {
                let draft = Mutex(self.state.withLock { $0 })
                let box = StateBox(
                    read: { draft.withLock { $0 } }, write: { change in try draft.withLock { try change(&$0) } })
                let result = try await work(InMemoryRepositories(box: box))
                return (result, draft.withLock { $0 })
            }
            _ = try await attempt()
            let (result, final) = try await attempt()
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
    var releases: any ReleaseRepository { InMemoryReleaseRepository(box: box) }
    var serviceLevels: any ServiceLevelRepository { InMemoryServiceLevelRepository(box: box) }
    var reports: any ServiceReportRepository { InMemoryServiceReportRepository(box: box) }
    var bankHolidays: any BankHolidayRepository { InMemoryBankHolidayRepository(box: box) }
    var serviceRequests: any ServiceRequestRepository { InMemoryServiceRequestRepository(box: box) }
    var partnerJourneys: any PartnerJourneyRepository { InMemoryPartnerJourneyRepository(box: box) }
}
