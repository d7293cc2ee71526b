import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Testing
import VaporTesting

/// `/api/v1/hssis` and `/api/v1/hssi-rota` over HTTP: idempotent declaration, versions, roles, the
/// intervention roll-call and the timeline export.
@Suite struct HSSIAPITests {
    static let declaration =
        #"{"title":"Wrong record shown","description":"Users saw other users' appointments","occurredAt":"2026-11-23T08:50:00Z","severity":1,"category":"wrong_information_shown"}"#

    @Test func partnersDeclareIdempotently_andChangesNeedTheirVersion() async throws {
        try await APIHarness.run { api in
            let first = try await api.send(
                .POST, "api/v1/hssis", as: "wellpath", json: Self.declaration, headers: [("Idempotency-Key", "h-1")])
            #expect(first.status == .created && first.json["reference"] as? String == "HSSI-000001")
            #expect(first.json["stage"] as? String == "prioritised")
            let id = try #require(first.json["id"] as? String)
            #expect(first.headers.first(name: .location) == "/api/v1/hssis/\(id)")
            let again = try await api.send(
                .POST, "api/v1/hssis", as: "wellpath", json: Self.declaration, headers: [("Idempotency-Key", "h-1")])
            #expect(again.status == .created && again.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(again.json["id"] as? String == id)
            let reused = try await api.send(
                .POST, "api/v1/hssis", as: "wellpath",
                json: Self.declaration.replacingOccurrences(of: "1,", with: "2,"),
                headers: [("Idempotency-Key", "h-1")])
            #expect(reused.status == .unprocessableEntity)
            let refused = try await api.send(
                .POST, "api/v1/hssis", as: "wellpath",
                json: #"{"title":"","description":"x","occurredAt":"yesterday","severity":4,"category":"x"}"#)
            #expect(refused.status == .unprocessableEntity)
            let fields = Set((refused.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["title", "occurredAt", "severity", "category"])
            #expect((try await api.services.hssis.list(as: api.services.testStaff)).count == 1)

            #expect(try await api.send(.GET, "api/v1/hssis/\(id)", as: "carebridge").status == .notFound)
            let read = try await api.send(.GET, "api/v1/hssis/\(id)", as: "bridge")
            let etag = try #require(read.headers.first(name: .eTag))
            #expect(
                (read.json["notification"] as? [String: Any])?["timeliness"] as? [String: String] == [
                    "state": "in_time"
                ])
            let noVersion = try await api.send(
                .POST, "api/v1/hssis/\(id)/steps", as: "bridge", json: #"{"step":"notify_bridge"}"#)
            #expect(noVersion.status == .preconditionRequired)
            let stale = try await api.send(
                .POST, "api/v1/hssis/\(id)/steps", as: "bridge", json: #"{"step":"notify_bridge"}"#,
                headers: [("If-Match", "\"1\"")])
            #expect(stale.status == .preconditionFailed)
            let byPartner = try await api.send(
                .POST, "api/v1/hssis/\(id)/steps", as: "wellpath", json: #"{"step":"notify_bridge"}"#,
                headers: [("If-Match", etag)])
            #expect(byPartner.status == .forbidden)
            let skipped = try await api.send(
                .POST, "api/v1/hssis/\(id)/steps", as: "bridge", json: #"{"step":"resolve"}"#,
                headers: [("If-Match", etag)])
            #expect(skipped.status == .unprocessableEntity)
            let moved = try await api.send(
                .POST, "api/v1/hssis/\(id)/steps", as: "bridge", json: #"{"step":"notify_bridge"}"#,
                headers: [("If-Match", etag)])
            #expect(moved.status == .ok && moved.json["stage"] as? String == "bridge_notified")
        }
    }

    @Test func theRollCall_andTheTimelineExport() async throws {
        try await APIHarness.run { api in
            let rota = try await api.send(
                .POST, "api/v1/hssi-rota", as: "wellpath",
                json:
                    #"{"managerName":"Nina","email":"nina@wellpath.example","startsAt":"2026-11-23T00:00:00Z","endsAt":"2026-11-24T00:00:00Z"}"#
            )
            // A partner system's token has no HSSI manager role: only managers and administrators keep the rota.
            #expect(rota.status == .forbidden)
            // A title that a spreadsheet would run as a formula.
            let declared = try await api.send(
                .POST, "api/v1/hssis", as: "wellpath",
                json: Self.declaration.replacingOccurrences(of: "Wrong record shown", with: "=SUM(A1) wrong record"))
            let id = try #require(declared.json["id"] as? String)
            let convened = try await api.send(
                .POST, "api/v1/hssis/\(id)/intervention", as: "bridge",
                json: #"{"joiningDetails":"Call 0300 555 0100, PIN 4321"}"#,
                headers: [("If-Match", "\"\(declared.json["version"] as! Int)\"")])
            #expect(convened.status == .ok)
            let invitation = try #require(
                ((convened.json["intervention"] as? [String: Any])?["invitations"] as? [[String: Any]])?.first)
            #expect(invitation["joinDeadline"] as? String == "2026-11-23T09:30:00Z")
            api.clock.advance(by: 600)
            let joined = try await api.send(.POST, "api/v1/hssis/\(id)/intervention/joins", as: "wellpath")
            #expect(joined.status == .ok)
            let roll = try #require(
                ((joined.json["intervention"] as? [String: Any])?["invitations"] as? [[String: Any]])?.first)
            #expect((roll["joining"] as? [String: Any])?["state"] as? String == "in_time")
            #expect(
                try await api.send(.POST, "api/v1/hssis/\(id)/intervention/joins", as: "wellpath").status
                    == .unprocessableEntity)

            let json = try await api.send(.GET, "api/v1/hssis/\(id)/timeline", as: "wellpath")
            let entries = try JSONSerialization.jsonObject(with: Data(json.body.readableBytesView)) as? [[String: Any]]
            #expect(entries?.map { $0["kind"] as? String }.contains("join") == true)
            #expect(entries?.first.map { Set($0.keys) } == ["at", "kind", "actor", "text"])
            #expect((entries?.first?["at"] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
            #expect(entries?.contains { ($0["partnerID"] as? String)?.count == 36 } == true)
            let csv = try await api.send(.GET, "api/v1/hssis/\(id)/timeline.csv", as: "wellpath")
            #expect(csv.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            #expect(csv.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            #expect(csv.body.string.contains(",'=SUM(A1) wrong record (declared by partner)\r\n"))
            #expect(try await api.send(.GET, "api/v1/hssis/\(id)/timeline.csv", as: "carebridge").status == .notFound)
        }
    }
}

extension AppServices {
    /// A service manager, for reading what the API stored.
    fileprivate var testStaff: Principal {
        Principal(
            credential: .user(.init(UUID())), displayName: "Sam", role: .serviceManager, partnerID: nil, scope: .read)
    }
}
