import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWeb
import Testing
import VaporTesting

/// Every kind of error a handler can throw reaches the client as problem details with the right status,
/// and an unexpected error never leaks its internals.
@Suite struct ProblemDetailsMappingTests {
    struct Secret: Error {}

    static let cases: [(String, any Error, Int, String)] = [
        (
            "validation",
            ValidationFailure([ValidationIssue(field: "name", code: "required", message: "Enter the name.")]), 422,
            "validation_failed"
        ),
        ("conflict", RepositoryError.conflict("Taken."), 409, "conflict"),
        ("abort", Abort(.forbidden), 403, "forbidden"),
        ("unexpected", Secret(), 500, "internal_error"),
    ]

    @Test(arguments: 0..<4)
    func errors_becomeProblemDetails(_ index: Int) async throws {
        let (name, error, status, code) = Self.cases[index]
        let configure: (Application) async throws -> Void = { app in
            app.logger.logLevel = .critical
            let services = AppServices.inMemory(clock: FixedClock(Date(timeIntervalSince1970: 0)))
            try PartnerDeskWeb.configure(app, context: .init(services: services, metrics: { "" }))
            app.get("boom", .constant(name)) { _ -> String in throw error }
        }
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "boom/\(name)") { response in
                #expect(Int(response.status.code) == status)
                let problem = try JSONDecoder().decode(ProblemBody.self, from: Data(response.body.readableBytesView))
                #expect(problem.code == code)
                #expect(problem.type == "urn:partnerdesk:problem:\(code)")
                #expect(!response.body.string.contains("Secret"))
                if code == "validation_failed" {
                    #expect(problem.errors == [.init(field: "name", code: "required", message: "Enter the name.")])
                }
            }
        }
    }
}
