import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Testing
import VaporTesting

/// Change and release over HTTP: idempotent creates, versions on every change, problem details naming what
/// stops a release, and partners seeing only what is addressed to them.
@Suite struct ReleaseAPITests {
    @Test func aSprintAndARelease_goThroughTheirSteps_withVersionsAndIdempotency() async throws {
        try await APIHarness.run { api in
            let plan = #"""
                {"number":42,"startsOn":"2026-11-30","features":[{"title":"New claims","description":"A claim for apps.",
                 "services":["Identity"],"impact":"major","affectedPartners":["WELLPATH"]}]}
                """#
            let key = [("Idempotency-Key", "sprint-42")]
            let sprint = try await api.send(.POST, "api/v1/sprints", as: "releases", json: plan, headers: key)
            #expect(sprint.status == .created && sprint.headers.first(name: .eTag) == "\"1\"")
            let sprintID = try #require(sprint.json["id"] as? String)
            #expect(sprint.headers.first(name: .location) == "/api/v1/sprints/\(sprintID)")
            let replay = try await api.send(.POST, "api/v1/sprints", as: "releases", json: plan, headers: key)
            #expect(replay.headers.first(name: "Idempotent-Replayed") == "true" && replay.body == sprint.body)
            let features = try #require(sprint.json["features"] as? [[String: Any]])
            #expect(features.first?["affectedPartners"] as? [String] == ["WELLPATH"])
            #expect((sprint.json["digest"] as? [String: Any])?["status"] as? String == "due")
            #expect(try await api.send(.POST, "api/v1/sprints", as: "wellpath", json: plan).status == .forbidden)

            let preview = try await api.send(.GET, "api/v1/sprints/\(sprintID)/digest", as: "releases")
            #expect(preview.json["subject"] as? String == "Sprint 42: features under consideration")
            #expect(
                try await api.send(.POST, "api/v1/sprints/\(sprintID)/digest", as: "releases").status
                    == .preconditionRequired)
            let sent = try await api.send(
                .POST, "api/v1/sprints/\(sprintID)/digest", as: "releases", headers: [("If-Match", "\"1\"")])
            #expect(sent.status == .ok && sent.headers.first(name: .eTag) == "\"2\"")
            #expect((sent.json["digest"] as? [String: Any])?["status"] as? String == "sent_in_time")

            let refused = try await api.send(
                .POST, "api/v1/releases", as: "releases",
                json: #"{"name":"-x","summary":"","plannedAt":"2020-01-01T00:00:00Z"}"#)
            #expect(refused.status == .unprocessableEntity)
            let fields = (refused.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
            #expect(fields == ["name", "summary", "plannedAt"])
            let featureID = try #require(features.first?["id"] as? String)
            let planned = try await api.send(
                .POST, "api/v1/releases", as: "releases",
                json:
                    #"{"name":"2026.12.1","summary":"New claims.","plannedAt":"2026-11-26T19:00:00Z","sprint":42,"features":["\#(featureID)"]}"#
            )
            #expect(planned.status == .created)
            #expect(planned.json["sprint"] as? Int == 42)
            let releaseID = try #require(planned.json["id"] as? String)
            let approvals = try #require(planned.json["approvals"] as? [[String: Any]])
            #expect(approvals.compactMap { $0["requirement"] as? String }.last?.hasPrefix("partner:") == true)

            let published = try await api.send(
                .POST, "api/v1/releases/\(releaseID)/notes", as: "releases", headers: [("If-Match", "\"1\"")])
            #expect(published.status == .ok && published.json["notesPublishedAt"] is String)
            let holdWithoutReason = try await api.send(
                .POST, "api/v1/releases/\(releaseID)/decisions", as: "safety",
                json: #"{"decision":"hold","level":"clinical_safety"}"#, headers: [("If-Match", "\"2\"")])
            #expect(holdWithoutReason.status == .unprocessableEntity)
            let held = try await api.send(
                .POST, "api/v1/releases/\(releaseID)/decisions", as: "safety",
                json: #"{"decision":"hold","level":"clinical_safety","reason":"Hazard log not updated"}"#,
                headers: [("If-Match", "\"2\"")])
            #expect(held.status == .ok && held.headers.first(name: .eTag) == "\"3\"")
            let states = (held.json["approvals"] as? [[String: Any]])?.compactMap { $0["state"] as? String }
            #expect(states?.contains("held") == true)

            let blocked = try await api.send(
                .POST, "api/v1/releases/\(releaseID)/release", as: "releases", headers: [("If-Match", "\"3\"")])
            #expect(blocked.status == .unprocessableEntity)
            let codes = (blocked.json["errors"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
            #expect(codes.first == "notes_too_recent" && codes.contains("held") && codes.contains("approval_missing"))

            // Wellpath is asked to approve; CareBridge is not, and sees nothing.
            let asked = try await api.send(.GET, "api/v1/change-approvals", as: "wellpathAdmin")
            #expect((asked.json(array: ()).first?["state"] as? String) == "pending")
            #expect(try await api.send(.GET, "api/v1/change-approvals", as: "carebridge").json(array: ()).isEmpty)
            let approved = try await api.send(
                .POST, "api/v1/change-approvals/\(releaseID)", as: "wellpathAdmin", json: #"{"decision":"approve"}"#,
                headers: [("If-Match", "\"3\"")])
            #expect(approved.status == .ok && approved.json["state"] as? String == "approved")
            #expect(approved.json["approvals"] == nil, "a partner never sees the platform's approvals")
            #expect(try await api.send(.GET, "api/v1/releases/\(releaseID)", as: "wellpathAdmin").status == .forbidden)
        }
    }

    @Test func anIntegrationNotice_isAnsweredByItsPartner_andInvisibleToOthers() async throws {
        try await APIHarness.run { api in
            let created = try await api.send(
                .POST, "api/v1/change-notices", as: "releases",
                json:
                    #"{"title":"New claims","description":"Ask for the claim.","availableFrom":"2026-11-30","partners":["WELLPATH"]}"#
            )
            #expect(created.status == .created && created.json["reference"] as? String == "INT-000001")
            let id = try #require(created.json["id"] as? String)
            #expect(try await api.send(.GET, "api/v1/change-notices/\(id)", as: "wellpath").status == .notFound)
            let sent = try await api.send(
                .POST, "api/v1/change-notices/\(id)/send", as: "releases", headers: [("If-Match", "\"1\"")])
            #expect(sent.status == .ok && sent.json["sentAt"] is String)
            let again = try await api.send(
                .POST, "api/v1/change-notices/\(id)/send", as: "releases", headers: [("If-Match", "\"2\"")])
            #expect(again.status == .conflict)
            #expect(try await api.send(.GET, "api/v1/change-notices/\(id)", as: "carebridge").status == .notFound)
            let answered = try await api.send(
                .POST, "api/v1/change-notices/\(id)/responses", as: "wellpath",
                json: #"{"signOff":true,"note":"Passed"}"#)
            #expect(answered.status == .ok)
            let answers = try #require(answered.json["answers"] as? [[String: Any]])
            #expect(
                answers.first?["partner"] as? String == "WELLPATH"
                    && answers.first?["signOffNote"] as? String == "Passed")
            #expect((answered.json["outstanding"] as? [String])?.isEmpty == true)
            let listed = try await api.send(.GET, "api/v1/change-notices", as: "wellpath")
            #expect(listed.json(array: ()).count == 1)
        }
    }

    @Test func aHeldDigest_answersWhoHoldsIt_andIsRefusedUntilApproved() async throws {
        try await APIHarness.run { api in
            let sprint = try await api.send(
                .POST, "api/v1/sprints", as: "releases", json: #"{"number":43,"startsOn":"2026-12-14"}"#)
            let sprintID = try #require(sprint.json["id"] as? String)
            #expect((sprint.json["digestDecisions"] as? [Any])?.isEmpty == true)
            let held = try await api.send(
                .POST, "api/v1/sprints/\(sprintID)/digest/decisions", as: "safety",
                json: #"{"decision":"hold","level":"clinical_safety","reason":"Wording overpromises"}"#,
                headers: [("If-Match", "\"1\"")])
            #expect(held.status == .ok && held.headers.first(name: .eTag) == "\"2\"")
            let holds = try #require(held.json["digestHolds"] as? [[String: Any]])
            #expect(
                holds.count == 1 && (holds[0]["message"] as? String)?.hasPrefix("Clinical safety is holding") == true)
            let decisions = try #require(held.json["digestDecisions"] as? [[String: Any]])
            #expect(decisions.first?["name"] as? String == "Clinical safety")
            #expect(decisions.first?["outcome"] as? String == "held")

            let refused = try await api.send(
                .POST, "api/v1/sprints/\(sprintID)/digest", as: "releases", headers: [("If-Match", "\"2\"")])
            #expect(refused.status == .unprocessableEntity)
            #expect((refused.json["errors"] as? [[String: Any]])?.first?["code"] as? String == "held")
            let approved = try await api.send(
                .POST, "api/v1/sprints/\(sprintID)/digest/decisions", as: "safety",
                json: #"{"decision":"approve","level":"clinical_safety"}"#, headers: [("If-Match", "\"2\"")])
            #expect((approved.json["digestHolds"] as? [Any])?.isEmpty == true)
            let sent = try await api.send(
                .POST, "api/v1/sprints/\(sprintID)/digest", as: "releases", headers: [("If-Match", "\"3\"")])
            #expect(sent.status == .ok)
        }
    }
}
