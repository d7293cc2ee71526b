/// Failures of a use case that the web layer turns into answers (404, 403, 412, 409, 422).
public enum ServiceError: Error, Equatable, Sendable {
    /// No such record, or one the caller may not know exists (another partner's answers the same way).
    case notFound
    /// The caller's role or token scope does not allow the action.
    case forbidden
    /// The record changed since the caller read it; `currentVersion` is what it is now.
    case versionMismatch(currentVersion: Int)
    /// An idempotency key was reused with a different request.
    case idempotencyKeyReused
    /// The step is not possible in the record's current state (the text says why and what is possible).
    case invalidTransition(String)
    /// The caller's partner organisation is offboarded: none of its people or systems may use PartnerDesk.
    case partnerOffboarded
}
