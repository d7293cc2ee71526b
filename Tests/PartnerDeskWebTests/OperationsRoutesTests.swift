import Foundation
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWeb
import Testing
import VaporTesting

@Suite struct OperationsRoutesTests {
    func withWeb(
        readiness: Readiness = .ready, metricsAccess: MetricsAccess = .open, _ body: (Application) async throws -> Void
    ) async throws {
        try await withApp(
            configure: { app in
                app.logger.logLevel = .warning
                let services = AppServices.inMemory(
                    readiness: readiness, clock: FixedClock(Date(timeIntervalSince1970: 0)))
                try PartnerDeskWeb.configure(
                    app, context: .init(services: services, metrics: { "# metrics\n" }, metricsAccess: metricsAccess))
            }, body)
    }

    @Test func healthz_answersOk_withARequestID() async throws {
        try await withWeb { app in
            try await app.testing().test(.GET, "healthz", headers: ["X-Request-Id": "abc-123"]) { response in
                #expect(response.status == .ok)
                #expect(response.body.string == #"{"status":"ok"}"#)
                #expect(response.headers.first(name: "X-Request-Id") == "abc-123")
            }
        }
    }

    @Test func readyz_whenReady_answers200() async throws {
        try await withWeb { app in
            try await app.testing().test(.GET, "readyz") { response in
                #expect(response.status == .ok)
                #expect(response.body.string == #"{"status":"ready"}"#)
                #expect(response.headers.first(name: .cacheControl) == "no-store")
            }
        }
    }

    @Test func readyz_whenNotReady_answers503WithTheReason() async throws {
        try await withWeb(readiness: .notReady(reason: "2 migration(s) not applied")) { app in
            try await app.testing().test(.GET, "readyz") { response in
                #expect(response.status == .serviceUnavailable)
                let report = try JSONDecoder().decode(
                    [String: String].self, from: Data(response.body.readableBytesView))
                #expect(report == ["status": "not_ready", "reason": "2 migration(s) not applied"])
            }
        }
    }

    @Test func metrics_areServedAsPrometheusText() async throws {
        try await withWeb { app in
            try await app.testing().test(.GET, "metrics") { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.subType == "plain")
                #expect(response.body.string == "# metrics\n")
            }
        }
    }

    @Test func metrics_withAToken_answerOnlyTheToken() async throws {
        let token = String(repeating: "7", count: 40)
        try await withWeb(metricsAccess: .token(token)) { app in
            for (sent, status) in [
                (nil, HTTPResponseStatus.unauthorized), ("wrong", .unauthorized), (token + "7", .unauthorized),
                (token, .ok),
            ] {
                var headers = HTTPHeaders()
                if let sent { headers.bearerAuthorization = BearerAuthorization(token: sent) }
                try await app.testing().test(.GET, "metrics", headers: headers) { response in
                    #expect(response.status == status, "\(sent ?? "no token")")
                    if status == .unauthorized {
                        #expect(response.headers.first(name: "WWW-Authenticate")?.hasPrefix("Bearer") == true)
                        #expect(!response.body.string.contains("# metrics"))
                    }
                }
            }
        }
    }

    @Test func metrics_reachableFromElsewhere_withoutAToken_areShut_andSaySo() async throws {
        try await withWeb(metricsAccess: .closed) { app in
            try await app.testing().test(.GET, "metrics") { response in
                #expect(response.status == .forbidden)
                #expect(response.body.string.contains("PARTNERDESK_METRICS_TOKEN"))
            }
        }
    }

    @Test func unknownRoute_answersProblemDetails() async throws {
        try await withWeb { app in
            try await app.testing().test(.GET, "no/such/page") { response in
                #expect(response.status == .notFound)
                #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                let problem = try JSONDecoder().decode(ProblemBody.self, from: Data(response.body.readableBytesView))
                #expect(problem.status == 404)
                #expect(problem.code == "not_found")
                #expect(problem.instance == "/no/such/page")
                #expect(problem.requestId == response.headers.first(name: "X-Request-Id"))
            }
        }
    }
}

/// The fields of a problem details body the tests look at.
struct ProblemBody: Decodable {
    var type: String
    var title: String
    var status: Int
    var code: String
    var detail: String?
    var instance: String?
    var requestId: String?
    var errors: [Field]?

    struct Field: Decodable, Equatable {
        var field: String
        var code: String
        var message: String
    }
}

@Suite struct SecurityHeadersTests {
    @Test func overTLS_responsesCarryHSTS_evenErrors() async throws {
        let configure: (Application) async throws -> Void = { app in
            app.logger.logLevel = .critical
            let services = AppServices.inMemory(clock: FixedClock(Date(timeIntervalSince1970: 0)))
            try PartnerDeskWeb.configure(
                app, context: .init(services: services, metrics: { "" }, publicURL: "https://desk.example.org"))
        }
        try await withApp(configure: configure) { app in
            for path in ["healthz", "no/such/page", "api/v1/incidents"] {
                try await app.testing().test(.GET, path) { response in
                    #expect(response.headers.first(name: "Strict-Transport-Security")?.hasPrefix("max-age=") == true)
                    #expect(response.headers.first(name: "Referrer-Policy") == "no-referrer")
                    #expect(
                        response.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
                }
            }
        }
    }

    @Test func withoutTLS_thereIsNoHSTS() async throws {
        try await OperationsRoutesTests().withWeb { app in
            try await app.testing().test(.GET, "healthz") { response in
                #expect(response.headers.first(name: "Strict-Transport-Security") == nil)
            }
        }
    }
}
