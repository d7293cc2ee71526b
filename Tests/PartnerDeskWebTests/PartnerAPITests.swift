import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Testing
import VaporTesting

/// Partners over the API: details and contacts edited under If-Match, onboarding evidence given and reviewed,
/// the status moved only with the evidence accepted (or a reason), early-live check-ins, and every refusal
/// named in problem details.
@Suite struct PartnerAPITests {
    @Test func aPartnerGivesEvidence_serviceManagementAcceptsIt_andMovesItToLive() async throws {
        try await APIHarness.run { api in
            let start = try await api.send(.GET, "api/v1/partners/WELLPATH/journey", as: "wellpathAdmin")
            #expect(start.status == .ok && start.headers.first(name: .eTag) == "\"1\"")
            #expect((start.json["missingEvidence"] as? [String])?.count == 4)
            #expect(try await api.send(.GET, "api/v1/partners/WELLPATH/journey", as: "carebridge").status == .notFound)
            // The harness's partners are live: going back to onboarding needs a reason.
            let back = #"{"status":"onboarding","reason":"Assured again after the merger"}"#
            let noReason = try await api.send(
                .POST, "api/v1/partners/WELLPATH/journey/moves", as: "serviceManager",
                json: #"{"status":"onboarding"}"#,
                headers: [("If-Match", "\"1\"")])
            #expect(noReason.status == .unprocessableEntity)
            let onboarding = try await api.send(
                .POST, "api/v1/partners/WELLPATH/journey/moves", as: "serviceManager", json: back,
                headers: [("If-Match", "\"1\"")])
            #expect(onboarding.json["status"] as? String == "onboarding")

            let noVersion = try await api.send(
                .POST, "api/v1/partners/WELLPATH/journey/evidence", as: "wellpathAdmin",
                json: #"{"requirement":"incident_process","description":"Runbook"}"#)
            #expect(noVersion.status == .preconditionRequired)
            let refused = try await api.send(
                .POST, "api/v1/partners/WELLPATH/journey/evidence", as: "wellpathAdmin",
                json: #"{"requirement":"incident_process","description":"","links":["ftp://docs.example"]}"#,
                headers: [("If-Match", "\"2\"")])
            #expect(refused.status == .unprocessableEntity)
            let fields = (refused.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
            #expect(fields == ["description", "links[0]"])

            var version = 2
            for requirement in ["incident_process", "problem_records", "hssi_manager", "registration_contacts"] {
                let given = try await api.send(
                    .POST, "api/v1/partners/WELLPATH/journey/evidence", as: "wellpathAdmin",
                    json:
                        #"{"requirement":"\#(requirement)","description":"Ours","links":["https://docs.wellpath.example/\#(requirement)"]}"#,
                    headers: [("If-Match", "\"\(version)\"")])
                #expect(given.status == .ok)
                version += 1
            }
            let early = try await api.send(
                .POST, "api/v1/partners/WELLPATH/journey/moves", as: "serviceManager",
                json: #"{"status":"early_live","plan":{"first":"daily","firstWeeks":2,"then":"weekly"}}"#,
                headers: [("If-Match", "\"\(version)\"")])
            #expect(early.status == .unprocessableEntity, "evidence given is not evidence accepted")
            #expect((early.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "reason")

            for requirement in ["incident_process", "problem_records", "hssi_manager", "registration_contacts"] {
                let reviewed = try await api.send(
                    .POST, "api/v1/partners/WELLPATH/journey/reviews", as: "serviceManager",
                    json: #"{"requirement":"\#(requirement)","decision":"accept"}"#,
                    headers: [("If-Match", "\"\(version)\"")])
                #expect(reviewed.status == .ok)
                version += 1
            }
            let moved = try await api.send(
                .POST, "api/v1/partners/WELLPATH/journey/moves", as: "serviceManager",
                json: #"{"status":"early_live","plan":{"first":"daily","firstWeeks":2,"then":"weekly"}}"#,
                headers: [("If-Match", "\"\(version)\"")])
            #expect(moved.status == .ok && moved.json["status"] as? String == "early_live")
            let period = try #require((moved.json["earlyLivePeriods"] as? [[String: Any]])?.last)
            #expect(
                (period["plan"] as? [String: Any])?["summary"] as? String
                    == "Every working day for 2 weeks, then weekly")
            #expect(period["nextCheckIn"] as? String != nil)
            version += 1

            let checkIn = try await api.send(
                .POST, "api/v1/partners/WELLPATH/journey/check-ins", as: "serviceManager",
                json:
                    #"{"heldOn":"\#(period["startedOn"] as! String)","notes":"Steady.","actions":[{"text":"Send the rota","owner":"Wellpath","dueOn":"2030-01-01"}]}"#,
                headers: [("If-Match", "\"\(version)\"")])
            #expect(checkIn.status == .ok)
            version += 1
            let action = try #require(
                (((checkIn.json["earlyLivePeriods"] as? [[String: Any]])?.last?["checkIns"] as? [[String: Any]])?
                    .first?["actions"] as? [[String: Any]])?.first?["id"] as? String)
            let done = try await api.send(
                .POST, "api/v1/partners/WELLPATH/journey/actions/\(action)/done", as: "wellpathAdmin", json: "{}",
                headers: [("If-Match", "\"\(version)\"")])
            #expect(done.status == .ok)
            version += 1

            let live = try await api.send(
                .POST, "api/v1/partners/WELLPATH/journey/moves", as: "serviceManager", json: #"{"status":"live"}"#,
                headers: [("If-Match", "\"\(version)\"")])
            #expect(live.json["status"] as? String == "live")
            let list = try await api.send(.GET, "api/v1/partners", as: "wellpathAdmin").jsonArray
            #expect(list.map { $0["code"] as? String } == ["WELLPATH"])
            #expect(list.first?["status"] as? String == "live")
            let history = try await api.send(.GET, "api/v1/partners/WELLPATH/history", as: "wellpathAdmin").jsonArray
            #expect(history.first?["action"] as? String == "partner.status")
        }
    }

    @Test func details_areStaffs_contacts_alsoThePartnersAdministrators_eachAtTheirVersion() async throws {
        try await APIHarness.run { api in
            let read = try await api.send(.GET, "api/v1/partners/WELLPATH", as: "wellpathAdmin")
            let etag = try #require(read.headers.first(name: .eTag))
            let contacts =
                #"{"contacts":[{"role":"primary","name":"Pat Jones","email":"pat@wellpath.example","phone":"0113 496 0000"}]}"#
            let changed = try await api.send(
                .PUT, "api/v1/partners/WELLPATH/contacts", as: "wellpathAdmin", json: contacts,
                headers: [("If-Match", etag)])
            #expect(changed.status == .ok)
            #expect((changed.json["contacts"] as? [[String: Any]])?.first?["name"] as? String == "Pat Jones")
            let stale = try await api.send(
                .PUT, "api/v1/partners/WELLPATH/contacts", as: "wellpathAdmin", json: contacts,
                headers: [("If-Match", etag)])
            #expect(stale.status == .preconditionFailed)
            let newTag = try #require(changed.headers.first(name: .eTag))
            let details = try await api.send(
                .PUT, "api/v1/partners/WELLPATH", as: "wellpathAdmin",
                json: #"{"name":"Renamed","tierID":"silver","services":[],"contacts":[]}"#,
                headers: [("If-Match", newTag)])
            #expect(details.status == .forbidden)
            let badTier = try await api.send(
                .PUT, "api/v1/partners/WELLPATH", as: "serviceManager",
                json:
                    #"{"name":"Wellpath Health","tierID":"platinum","services":[],"contacts":[],"hoursOfOperation":"9-5"}"#,
                headers: [("If-Match", newTag)])
            #expect(badTier.status == .unprocessableEntity)
            let fields = (badTier.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
            #expect(fields == ["hoursOfOperation"])
            let renamed = try await api.send(
                .PUT, "api/v1/partners/WELLPATH", as: "serviceManager",
                json:
                    #"{"name":"Wellpath Health","tierID":"silver","services":[{"name":"GP","clientID":"wellpath-gp"}],"contacts":[],"hoursOfOperation":"08:00-20:00"}"#,
                headers: [("If-Match", newTag)])
            #expect(renamed.status == .ok && renamed.json["name"] as? String == "Wellpath Health")
            #expect(renamed.json["hoursOfOperation"] as? String == "08:00-20:00")
            let history = try await api.send(.GET, "api/v1/partners/WELLPATH/history", as: "serviceManager").jsonArray
            #expect(history.prefix(2).map { $0["action"] as? String } == ["partner.edit", "partner.contacts"])
        }
    }

    @Test func aServiceReview_isScheduled_andItsInvitationIsACalendarFile() async throws {
        try await APIHarness.run { api in
            let cadence = try await api.send(
                .PUT, "api/v1/partners/WELLPATH/journey/review-cadence", as: "serviceManager",
                json: #"{"cadence":"quarterly"}"#, headers: [("If-Match", "\"1\"")])
            #expect(cadence.status == .ok && cadence.json["reviewCadence"] as? String == "quarterly")
            let refused = try await api.send(
                .POST, "api/v1/partners/WELLPATH/service-reviews", as: "serviceManager",
                json:
                    #"{"startsAt":"2020-01-01T10:00:00Z","endsAt":"2020-01-01T09:00:00Z","location":"","agenda":[],"attendees":[]}"#,
                headers: [("If-Match", "\"2\"")])
            #expect(refused.status == .unprocessableEntity)
            let fields = (refused.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
            #expect(fields == ["startsAt", "endsAt", "location", "agenda", "attendees"])
            let scheduled = try await api.send(
                .POST, "api/v1/partners/WELLPATH/service-reviews", as: "serviceManager",
                json:
                    #"{"startsAt":"2031-01-14T10:00:00Z","endsAt":"2031-01-14T11:00:00Z","location":"Video call; the link follows","agenda":["Figures","Problems"],"attendees":[{"name":"Pat Jones","organisation":"Wellpath","email":"pat@wellpath.example"}]}"#,
                headers: [("If-Match", "\"2\"")])
            #expect(scheduled.status == .ok)
            let review = try #require((scheduled.json["reviews"] as? [[String: Any]])?.first)
            let id = try #require(review["id"] as? String)
            #expect(review["lastMonth"] as? String == "2030-12")
            let read = try await api.send(.GET, "api/v1/partners/WELLPATH/service-reviews/\(id)", as: "wellpath")
            #expect(read.status == .ok && (read.json["pack"] as? [String: Any])?["reports"] != nil)
            let invitation = try await api.send(
                .GET, "api/v1/partners/WELLPATH/service-reviews/\(id)/invitation.ics", as: "wellpath")
            #expect(invitation.headers.contentType?.description.hasPrefix("text/calendar") == true)
            // Long lines fold at 75 octets; unfolded, each property is one line.
            let text = invitation.body.string.replacingOccurrences(of: "\r\n ", with: "")
            #expect(invitation.body.string.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.contains("METHOD:REQUEST\r\n"))
            #expect(text.contains("DTSTART:20310114T100000Z\r\n") && text.contains("SEQUENCE:0\r\n"))
            #expect(text.contains("LOCATION:Video call\\; the link follows\r\n"))
            #expect(
                text.contains(
                    "ATTENDEE;CN=\"Pat Jones\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:pat@wellpath.example"))
            let cancelled = try await api.send(
                .POST, "api/v1/partners/WELLPATH/service-reviews/\(id)/cancellation", as: "serviceManager", json: "{}",
                headers: [("If-Match", "\"3\"")])
            #expect(cancelled.status == .ok)
            let withdrawn = try await api.send(
                .GET, "api/v1/partners/WELLPATH/service-reviews/\(id)/invitation.ics", as: "wellpath")
            #expect(
                withdrawn.body.string.contains("METHOD:CANCEL\r\n") && withdrawn.body.string.contains("SEQUENCE:1\r\n"))
            #expect(
                try await api.send(.GET, "api/v1/partners/WELLPATH/service-reviews/\(id)", as: "carebridge").status
                    == .notFound)
        }
    }
}
