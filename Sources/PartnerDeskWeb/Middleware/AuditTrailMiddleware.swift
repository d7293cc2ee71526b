import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// Writes to the audit log when a request is refused for carrying patient-identifiable data or denied for
/// lack of permission. The entry names the fields, never their content; the error then continues to the
/// problem-details renderer unchanged.
struct AuditTrailMiddleware: AsyncMiddleware {
    let audit: AuditService

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            await audit.recordRefusal(error, of: request)
            throw error
        }
    }
}

extension AuditService {
    /// Writes a refused or denied request to the audit log, as the person or token that made it (from
    /// ``PrincipalKey``). Errors of any other kind write nothing.
    func recordRefusal(_ error: any Error, of request: Request) async {
        let outcome: AuditEntry.Outcome
        let detail: String
        switch operationError(error) {
        case let failure as ValidationFailure
        where failure.issues.contains(where: { $0.code == PatientDataGuard.refusalCode }):
            let fields = failure.issues.filter { $0.code == PatientDataGuard.refusalCode }.map(\.field)
            outcome = .refused
            detail = "patient-identifiable data in: \(Array(Set(fields)).sorted().joined(separator: ", "))"
        case ServiceError.forbidden:
            outcome = .denied
            detail = "the role or token scope does not allow this"
        default:
            return
        }
        let action: String =
            if case .action(let declared)? = request.route?.access { declared.rawValue } else {
                "\(request.method) \(request.url.path)"
            }
        do {
            try await record(
                AuditRecord(
                    principal: request.storage[PrincipalKey.self], action: action, outcome: outcome,
                    target: request.url.path,
                    detail: detail, requestID: request.id
                )
            )
        } catch {
            request.logger.error(
                "Could not write to the audit log", metadata: ["error": "\(String(reflecting: error))"])
        }
    }
}
