import Foundation
import PartnerDeskDomain
import Testing
import Vapor
import VaporTesting

/// Webhook endpoints are checked when they are registered with the rules deliveries follow, so a partner
/// hears at once that an address will never be called.
@Suite struct WebhookAPITests {
    @Test func forgedAddresses_areRefusedAtRegistration_withTheRuleNamed() async throws {
        try await APIHarness.run { api in
            let admin = try await api.services.tokens.create(
                name: "Wellpath admin", partnerCode: PartnerCode("WELLPATH"), role: .partnerAdministrator
            ).secret
            func register(_ url: String) async throws -> (HTTPResponseStatus, [String: Any]) {
                var headers = HTTPHeaders([("Content-Type", "application/json")])
                headers.bearerAuthorization = BearerAuthorization(token: admin)
                var result: (HTTPResponseStatus, [String: Any]) = (.ok, [:])
                let body = #"{"url": "\#(url)", "events": ["incident.received"]}"#
                try await api.app.testing().test(.POST, "api/v1/webhooks", headers: headers, body: .init(string: body))
                {
                    response in
                    let json = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any]
                    result = (response.status, json ?? [:])
                }
                return result
            }
            for url in [
                "https://0x7f000001/", "https://[::ffff:10.0.0.1]/", "https://localhost./", "http://x.example/",
            ] {
                let (status, json) = try await register(url)
                #expect(status == .unprocessableEntity, "\(url)")
                let issue = (json["errors"] as? [[String: Any]])?.first
                #expect(issue?["code"] as? String == "refused_address", "\(url)")
                #expect((issue?["message"] as? String)?.contains("will not call this address") == true)
            }
            let (accepted, _) = try await register("https://hooks.wellpath.example/in")
            #expect(accepted == .created)
        }
    }
}
