import Foundation
import PartnerDeskDomain

/// Which service requests a list reads.
public struct ServiceRequestQuery: Hashable, Sendable {
    /// One partner's only.
    public var partnerID: Partner.ID?
    /// Only requests in these states (every state when empty).
    public var statuses: Set<ServiceRequestStatus>
    /// At most this many, newest first.
    public var limit: Int

    public init(partnerID: Partner.ID? = nil, statuses: Set<ServiceRequestStatus> = [], limit: Int = 500) {
        self.partnerID = partnerID
        self.statuses = statuses
        self.limit = limit
    }
}

/// Stores service requests, each read and written whole under its version.
public protocol ServiceRequestRepository: Sendable {
    /// The next reference number, never handed out twice.
    func nextReference() async throws -> ServiceRequestReference
    func create(_ request: ServiceRequest) async throws
    /// Replaces a stored request when its stored version is still `expectedVersion`; otherwise throws
    /// ``RepositoryError/staleVersion``.
    func update(_ request: ServiceRequest, expectedVersion: Int) async throws
    func find(id: ServiceRequest.ID) async throws -> ServiceRequest?
    /// The requests a query selects, newest first.
    func list(_ query: ServiceRequestQuery) async throws -> [ServiceRequest]
    /// Open requests whose next warning (``ServiceRequest/nextWarning``) has come, earliest first.
    func dueForWarning(at instant: Date, limit: Int) async throws -> [ServiceRequest]
}
