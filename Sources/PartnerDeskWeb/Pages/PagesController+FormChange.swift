import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

extension PagesController {
    /// Runs a change a signed-in form asked for: on success, a redirect to where `change` says; when it is
    /// refused (bad input, a stale version, a step not possible now), the page again from `showAgain` with the
    /// reasons in its error summary.
    func formChange(
        _ request: Request, record: String,
        _ change: @Sendable (Principal, [String: String]) async throws -> String,
        showAgain: @Sendable (Principal, SignInSession, [String: String], [PageError]) async throws -> Response
    ) async throws -> Response {
        guard let (principal, session) = try await currentSession(request) else {
            return request.redirect(to: .signIn)
        }
        let values = try signedInForm(request, session: session)
        let errors: [PageError]
        do {
            return request.redirect(to: try await change(principal, values))
        } catch let failure as ValidationFailure {
            errors = await pageErrors(failure, of: request)
        } catch ServiceError.versionMismatch {
            errors = [
                PageError(
                    field: "main",
                    message: "Someone else changed this \(record) while you were looking at it. Check it and try again."
                )
            ]
        } catch ServiceError.invalidTransition(let message) {
            errors = [PageError(field: "main", message: message)]
        }
        return try await showAgain(principal, session, values, errors)
    }
}

extension ValidationFailure {
    /// Runs `body`, and when it is refused names each field as the form names it (`rename`), so the page's
    /// error summary links to the field that was filled in.
    static func naming(_ rename: (String) -> String, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as ValidationFailure {
            throw ValidationFailure(
                failure.issues.map { issue in
                    var issue = issue
                    issue.field = rename(issue.field)
                    return issue
                })
        }
    }
}
