import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWeb
import Testing
import VaporTesting

/// An application over an in-memory store with two partners and a token for each caller the tests need.
struct APIHarness {
    let app: Application
    let services: AppServices
    let clock: FixedClock
    /// Where notifications go.
    let transports: RecordingTransports
    /// Bearer tokens by name: `wellpath`, `carebridge`, `wellpathRead`, `firstLine`, `serviceManager`,
    /// `bridge`.
    let tokens: [String: String]

    static let monday9 = ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!

    /// Runs `body` against a fresh application; `partnerWriteLimit` turns the write limit on (off by default,
    /// since the tests write far faster than any partner).
    static func run(partnerWriteLimit: WriteRateLimit? = nil, _ body: (APIHarness) async throws -> Void)
        async throws
    {
        let clock = FixedClock(monday9)
        let transports = RecordingTransports()
        let services = AppServices.inMemory(clock: clock, transports: transports)
        for (code, client) in [("WELLPATH", "wellpath-gp"), ("CAREBRIDGE", "carebridge-records")] {
            _ = try await services.partners.register(
                PartnerDraft(
                    code: code, name: code.capitalized, status: "live", services: [.init(name: "App", clientID: client)]
                )
            )
        }
        var tokens: [String: String] = [:]
        tokens["wellpath"] = try await services.tokens.create(
            name: "Wellpath system", partnerCode: PartnerCode("WELLPATH"), role: nil
        ).secret
        tokens["carebridge"] = try await services.tokens.create(
            name: "CareBridge system", partnerCode: PartnerCode("CAREBRIDGE"), role: nil
        ).secret
        tokens["wellpathRead"] = try await services.tokens.create(
            name: "Wellpath dashboard", partnerCode: PartnerCode("WELLPATH"), role: nil, scope: .read
        ).secret
        tokens["firstLine"] = try await services.tokens.create(
            name: "Fiona (First Line)", partnerCode: nil, role: .firstLineAgent
        ).secret
        tokens["serviceManager"] = try await services.tokens.create(
            name: "Sam (service)", partnerCode: nil, role: .serviceManager
        ).secret
        tokens["bridge"] = try await services.tokens.create(
            name: "Bea (Service Bridge)", partnerCode: nil, role: .serviceBridgeOperator
        ).secret
        tokens["releases"] = try await services.tokens.create(
            name: "Rita (releases)", partnerCode: nil, role: .releaseManager
        ).secret
        tokens["safety"] = try await services.tokens.create(
            name: "Cal (clinical safety)", partnerCode: nil, role: .assuranceApprover
        ).secret
        tokens["wellpathAdmin"] = try await services.tokens.create(
            name: "Wellpath administration", partnerCode: PartnerCode("WELLPATH"), role: .partnerAdministrator
        ).secret
        let app = try await Application.make(.testing)
        do {
            app.logger.logLevel = .critical
            try PartnerDeskWeb.configure(
                app, context: .init(services: services, metrics: { "" }, partnerWriteLimit: partnerWriteLimit))
            try await body(
                APIHarness(app: app, services: services, clock: clock, transports: transports, tokens: tokens))
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Sends a request as one of the named callers (or anonymously) and returns the response.
    @discardableResult
    func send(
        _ method: HTTPMethod, _ path: String, as caller: String?, json: String? = nil, headers: [(String, String)] = []
    ) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        var all = HTTPHeaders(headers)
        if let caller { all.bearerAuthorization = BearerAuthorization(token: tokens[caller]!) }
        if json != nil { all.contentType = .json }
        try await app.testing().test(method, path, headers: all, body: json.map { ByteBuffer(string: $0) }) {
            response in
            result = response
        }
        return result!
    }

    /// A complete, valid incident body.
    static func incidentJSON(description: String = "The sign-in page loops back to the start") -> String {
        """
        {"service": "wellpath-gp", "type": "accessing_service", "occurredAt": "2026-11-23T08:15:00Z",
         "userEmail": "someone@example.org", "errorType": "Sign-in loop", "description": "\(description)",
         "deviceType": "mobile", "operatingSystem": "iOS", "operatingSystemVersion": "17.4.1",
         "errorCodes": ["P0042"], "checkedKnownProblems": true, "suggestedSeverity": 3}
        """
    }

    /// Raises an incident as Wellpath and returns its id and ETag.
    func raiseIncident() async throws -> (id: String, etag: String) {
        let response = try await send(.POST, "api/v1/incidents", as: "wellpath", json: Self.incidentJSON())
        #expect(response.status == .created)
        let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
        return (body["id"] as! String, "\"\(body["version"] as! Int)\"")
    }
}

extension TestingHTTPResponse {
    /// The body as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    /// The body as a JSON array of objects.
    var jsonArray: [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [[String: Any]] ?? []
    }
}
