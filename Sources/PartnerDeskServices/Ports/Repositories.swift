import Foundation
import PartnerDeskDomain

/// Stores partner organisations with their services and contacts.
public protocol PartnerRepository: Sendable {
    /// Stores a new partner; fails with ``RepositoryError/conflict(_:)`` when its code or a client id is taken.
    func create(_ partner: Partner) async throws
    /// The partner with this id, if any.
    func find(id: Partner.ID) async throws -> Partner?
    /// The partner with this code, if any.
    func find(code: PartnerCode) async throws -> Partner?
    /// Every partner, ordered by code.
    func list() async throws -> [Partner]
    /// Replaces a partner's details, services and contacts when its stored version is still `expectedVersion`
    /// (otherwise ``RepositoryError/staleVersion``); a client id another partner uses is a
    /// ``RepositoryError/conflict(_:)``.
    func update(_ partner: Partner, expectedVersion: Int) async throws
}

/// Stores each partner's way to live (see ``PartnerJourney``), one per partner.
public protocol PartnerJourneyRepository: Sendable {
    /// The partner's journey; nil before anything was recorded.
    func find(partnerID: Partner.ID) async throws -> PartnerJourney?
    /// Every journey recorded.
    func list() async throws -> [PartnerJourney]
    /// Stores a journey: a new one when `expectedVersion` is nil (a ``RepositoryError/conflict(_:)`` when one
    /// exists), otherwise only while the stored version is still `expectedVersion`.
    func save(_ journey: PartnerJourney, expectedVersion: Int?) async throws
}

/// A user together with the hash of their password (never the password itself).
public struct StoredUser: Sendable, Hashable {
    public var user: User
    public var passwordHash: String
    /// The shared secret of the user's authenticator app (base 32), when they use a second factor.
    public var totpSecret: String?
    /// The last time step whose code was accepted, so no code is accepted twice.
    public var totpLastCounter: Int64?

    public init(user: User, passwordHash: String, totpSecret: String? = nil, totpLastCounter: Int64? = nil) {
        self.user = user
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
        self.totpLastCounter = totpLastCounter
    }
}

/// Stores people who sign in.
public protocol UserRepository: Sendable {
    /// Stores a new user; fails with ``RepositoryError/conflict(_:)`` when the e-mail address is taken.
    func create(_ user: StoredUser) async throws
    /// The user with this e-mail address, if any.
    func find(email: EmailAddress) async throws -> StoredUser?
    /// Every user, ordered by e-mail address; only one partner's when `partnerID` is given.
    func list(partnerID: Partner.ID?) async throws -> [User]
    func find(id: User.ID) async throws -> StoredUser?
    /// Replaces a user's details and password hash.
    func update(_ user: StoredUser) async throws
    /// Stores an invitation a partner administrator sent.
    func createInvitation(_ invitation: PendingInvitation) async throws
    /// A partner's invitations that were never accepted, newest first.
    func unacceptedInvitations(partnerID: Partner.ID) async throws -> [PendingInvitation]
    /// The invitation whose link has this secret hash, if any.
    func invitation(linkHash: String) async throws -> PendingInvitation?
    /// Marks an invitation accepted by the account made for it.
    func acceptInvitation(_ id: PendingInvitation.ID, userID: User.ID, at instant: Date) async throws
}

/// The repositories, all bound to the same database session (inside or outside a transaction).
public protocol Repositories: Sendable {
    var partners: any PartnerRepository { get }
    var users: any UserRepository { get }
    var incidents: any IncidentRepository { get }
    var tokens: any TokenRepository { get }
    var idempotency: any IdempotencyRepository { get }
    var audit: any AuditRepository { get }
    var attachments: any AttachmentRepository { get }
    var blobs: any BlobRepository { get }
    var sessions: any SessionRepository { get }
    var outbox: any OutboxRepository { get }
    var webhooks: any WebhookEndpointRepository { get }
    var notificationPreferences: any NotificationPreferenceRepository { get }
    var problems: any ProblemRepository { get }
    var hssis: any HSSIRepository { get }
    var releases: any ReleaseRepository { get }
    var serviceLevels: any ServiceLevelRepository { get }
    var reports: any ServiceReportRepository { get }
    var bankHolidays: any BankHolidayRepository { get }
    var serviceRequests: any ServiceRequestRepository { get }
    var partnerJourneys: any PartnerJourneyRepository { get }
}

/// Runs work against the store, either directly or inside one all-or-nothing transaction.
public protocol UnitOfWork: Sendable {
    /// Repositories for reads and single writes outside a transaction.
    var repositories: any Repositories { get }
    /// Runs `work` in one transaction: every write lands, or none does.
    ///
    /// `work` may run more than once: on SQLite, transactions are committed in groups, and when one member of
    /// a group fails the group is rolled back and every other member runs again on its own. So `work` must do
    /// nothing but read and write through the repositories it is given (no e-mail, no clock-dependent
    /// counters, no writes elsewhere); its result is the last run's. The in-memory store runs every
    /// transaction twice to hold use cases to this.
    func transaction<T: Sendable>(_ work: @escaping @Sendable (any Repositories) async throws -> T) async throws -> T
}

/// Failures a repository reports in terms the use cases understand.
public enum RepositoryError: Error, Equatable, Sendable {
    /// A uniqueness rule was broken (the text says which).
    case conflict(String)
    /// The record changed since the caller read it (optimistic concurrency).
    case staleVersion
}

extension StoredUser: OwnedRecord {
    /// A stored account is its person's.
    public var owner: RecordOwner { user.owner }
}
