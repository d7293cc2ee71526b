import Foundation
import PartnerDeskDomain
import Testing
import Vapor
import VaporTesting

@testable import PartnerDeskWeb

/// HTTP as RFC 9110 says: strong If-Match, ETags on what a create answers, 304 for If-None-Match, 405 with
/// Allow for a method a path does not offer, 415 for a body in a type the API does not read.
@Suite struct HTTPSemanticsTests {
    @Test func ifMatch_comparesStrongly_soAWeakValidatorNeverMatches() async throws {
        try await APIHarness.run { api in
            let (id, etag) = try await api.raiseIncident()
            for header in ["W/\(etag)", "*", "\(etag), \"99\"", "1", ""] {
                let response = try await api.send(
                    .PATCH, "api/v1/incidents/\(id)", as: "wellpath", json: #"{"errorType": "Changed"}"#,
                    headers: [("If-Match", header)])
                #expect(response.status == .preconditionFailed, "\(header)")
                #expect(response.headers.contentType == .init(type: "application", subType: "problem+json"))
            }
            let read = try await api.send(.GET, "api/v1/incidents/\(id)", as: "wellpath")
            #expect(read.json["errorType"] as? String == "Sign-in loop" && read.json["version"] as? Int == 1)
            let strong = try await api.send(
                .PATCH, "api/v1/incidents/\(id)", as: "wellpath", json: #"{"errorType": "Changed"}"#,
                headers: [("If-Match", etag)])
            #expect(strong.status == .ok && strong.headers.first(name: .eTag) == "\"2\"")
        }
    }

    @Test func created_carriesItsETag_alsoWhenReplayed() async throws {
        try await APIHarness.run { api in
            for _ in 0..<2 {
                let response = try await api.send(
                    .POST, "api/v1/incidents", as: "wellpath", json: APIHarness.incidentJSON(),
                    headers: [("Idempotency-Key", "semantics-1")])
                #expect(response.status == .created)
                #expect(response.headers.first(name: .eTag) == "\"1\"")
            }
        }
    }

    @Test func ifNoneMatch_answers304_untilTheRecordChanges() async throws {
        try await APIHarness.run { api in
            let (id, etag) = try await api.raiseIncident()
            let unchanged = try await api.send(
                .GET, "api/v1/incidents/\(id)", as: "wellpath", headers: [("If-None-Match", "W/\(etag)")])
            #expect(unchanged.status == .notModified && unchanged.body.readableBytes == 0)
            #expect(unchanged.headers.first(name: .eTag) == etag)
            let other = try await api.send(
                .GET, "api/v1/incidents/\(id)", as: "wellpath", headers: [("If-None-Match", "\"7\", \"8\"")])
            #expect(other.status == .ok)
        }
    }

    @Test func aMethodThePathDoesNotOffer_answers405WithAllow_asProblemDetails() async throws {
        try await APIHarness.run { api in
            let (id, _) = try await api.raiseIncident()
            let response = try await api.send(.PUT, "api/v1/incidents/\(id)", as: "wellpath", json: "{}")
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers.first(name: "Allow") == "GET, HEAD, PATCH")
            #expect(response.json["code"] as? String == "method_not_allowed")
            let missing = try await api.send(.PUT, "api/v1/no-such-thing", as: "wellpath", json: "{}")
            #expect(missing.status == .notFound)
        }
    }

    @Test func aBodyInAnotherMediaType_answers415() async throws {
        try await APIHarness.run { api in
            for type in ["text/plain", "application/xml", "application/x-www-form-urlencoded"] {
                let response = try await api.send(
                    .POST, "api/v1/incidents", as: "wellpath", headers: [("Content-Type", type)])
                #expect(response.status == .unsupportedMediaType, "\(type)")
                #expect(response.json["code"] as? String == "unsupported_media_type", "\(type)")
            }
        }
    }

    @Test func requestIDs_areAcceptedOnlyWhenShortAndPlain() async throws {
        try await APIHarness.run { api in
            let plain = try await api.send(.GET, "healthz", as: nil, headers: [("X-Request-Id", "partner-42.retry:1")])
            #expect(plain.status == .ok && plain.headers.first(name: .xRequestId) == "partner-42.retry:1")
            for bad in [String(repeating: "a", count: 129), "<script>", "id with spaces", "é"] {
                let refused = try await api.send(.GET, "healthz", as: nil, headers: [("X-Request-Id", bad)])
                #expect(refused.status == .badRequest, "\(bad)")
                #expect(refused.headers.first(name: .xRequestId) == nil && !refused.body.string.contains(bad))
            }
        }
    }

    @Test func downloads_nameNonASCIIFilesWithFilenameStar() {
        #expect(ContentDisposition.attachment(fileName: "screen.png") == #"attachment; filename="screen.png""#)
        #expect(
            ContentDisposition.attachment(fileName: "Écran d’accueil \"1\".png")
                == #"attachment; filename="_cran d_accueil _1_.png"; filename*=UTF-8''%C3%89cran%20d%E2%80%99accueil%20%221%22.png"#
        )
    }

    @Test func unknownAndServerOwnedFields_answer422NamingThem_andNothingChanges() async throws {
        try await APIHarness.run { api in
            let extra = APIHarness.incidentJSON().replacingOccurrences(
                of: #""errorType":"#, with: #""partnerId": "x", "status": "closed", "colour": "red", "errorType":"#)
            let response = try await api.send(.POST, "api/v1/incidents", as: "wellpath", json: extra)
            #expect(response.status == .unprocessableEntity)
            let issues = (response.json["errors"] as? [[String: Any]]) ?? []
            #expect(issues.compactMap { $0["field"] as? String } == ["colour", "partnerId", "status"])
            #expect(
                issues.compactMap { $0["code"] as? String } == ["unknown_field", "read_only_field", "read_only_field"])
            let (id, etag) = try await api.raiseIncident()
            let patched = try await api.send(
                .PATCH, "api/v1/incidents/\(id)", as: "wellpath", json: #"{"errorType": "x", "version": 9}"#,
                headers: [("If-Match", etag)])
            #expect(patched.status == .unprocessableEntity)
            let comment = try await api.send(
                .POST, "api/v1/incidents/\(id)/comments", as: "wellpath", json: #"{"text": "hi", "visibility": "x"}"#)
            #expect(comment.status == .unprocessableEntity)
            let list = try await api.send(.GET, "api/v1/incidents", as: "wellpath")
            #expect((list.json["items"] as? [Any])?.count == 1)
            let read = try await api.send(.GET, "api/v1/incidents/\(id)", as: "wellpath")
            #expect(read.json["errorType"] as? String == "Sign-in loop")
        }
    }

    @Test func duplicateKeysAndRepeatedQueryParameters_answer400() async throws {
        try await APIHarness.run { api in
            let twice = APIHarness.incidentJSON().replacingOccurrences(
                of: #""errorType":"#, with: #""description": "one more", "errorType":"#)
            let response = try await api.send(.POST, "api/v1/incidents", as: "wellpath", json: twice)
            #expect(response.status == .badRequest)
            #expect((response.json["detail"] as? String)?.contains("description") == true)
            let nested = #"{"text": "a", "x": {"text": 1, "text": 2}}"#
            #expect(try await api.send(.POST, "api/v1/incidents", as: "wellpath", json: nested).status == .badRequest)
            let fine = #"{"a": [{"k": 1}, {"k": 2}], "b": {"k": 3}}"#
            #expect(JSONDuplicateKeys.first(in: Data(fine.utf8)) == nil)
            #expect(JSONDuplicateKeys.first(in: Data(#"{"k\u0061": 1, "ka": 2}"#.utf8)) == "ka")
            let repeated = try await api.send(.GET, "api/v1/incidents?limit=5&limit=50", as: "wellpath")
            #expect(repeated.status == .badRequest)
            #expect(try await api.send(.GET, "api/v1/incidents?status=raised,closed", as: "wellpath").status == .ok)
        }
    }

    @Test func partnerWrites_areLimitedPerOrganisation_with429AndRateLimitHeaders() async throws {
        try await APIHarness.run(partnerWriteLimit: WriteRateLimit(limit: 3, window: 60)) { api in
            for remaining in [2, 1, 0] {
                let raised = try await api.send(
                    .POST, "api/v1/incidents", as: "wellpath", json: APIHarness.incidentJSON())
                #expect(raised.status == .created)
                #expect(raised.headers.first(name: "RateLimit-Policy") == "\"writes\";q=3;w=60")
                #expect(raised.headers.first(name: "RateLimit")?.hasPrefix("\"writes\";r=\(remaining);") == true)
            }
            let refused = try await api.send(.POST, "api/v1/incidents", as: "wellpath", json: APIHarness.incidentJSON())
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers.first(name: .retryAfter) == "20")
            #expect(refused.json["code"] as? String == "too_many_requests")
            // Reads are not limited; another organisation and staff have their own allowance.
            #expect(try await api.send(.GET, "api/v1/incidents", as: "wellpath").status == .ok)
            let other = try await api.send(.POST, "api/v1/incidents", as: "carebridge", json: APIHarness.incidentJSON())
            #expect(other.status != .tooManyRequests)
            api.clock.advance(by: 20)
            let again = try await api.send(.POST, "api/v1/incidents", as: "wellpath", json: APIHarness.incidentJSON())
            #expect(again.status == .created)
        }
    }
}
