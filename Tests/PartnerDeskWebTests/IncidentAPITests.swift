import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Testing
import VaporTesting

@Suite struct IncidentAPITests {
    @Test func partnerRaises_deskReceives_andTheDueTimeFollowsBusinessHours() async throws {
        try await APIHarness.run { api in
            let (id, etag) = try await api.raiseIncident()
            let raised = try await api.send(.GET, "api/v1/incidents/\(id)", as: "wellpath")
            #expect(raised.json["reference"] as? String == "INC-000001")
            #expect(raised.json["status"] as? String == "raised")
            #expect(raised.json["sla"] == nil)
            #expect(raised.headers.first(name: .eTag) == etag)

            let received = try await api.send(
                .POST, "api/v1/incidents/\(id)/transitions", as: "firstLine",
                json: #"{"action":"receive","severity":3}"#,
                headers: [("If-Match", etag)]
            )
            #expect(received.status == .ok)
            let sla = received.json["sla"] as? [String: Any]
            #expect(sla?["dueAt"] as? String == "2026-11-25T09:00:00Z")
            #expect(sla?["targetSeconds"] as? Int == 72_000)
            #expect(sla?["state"] as? String == "running")
            #expect(received.headers.first(name: .eTag) == "\"2\"")
        }
    }

    @Test func anotherPartnersIncident_answersExactlyLikeAMissingOne() async throws {
        try await APIHarness.run { api in
            let (id, _) = try await api.raiseIncident()
            let other = try await api.send(.GET, "api/v1/incidents/\(id)", as: "carebridge")
            let missing = try await api.send(.GET, "api/v1/incidents/\(UUID().uuidString)", as: "carebridge")
            #expect(other.status == .notFound)
            #expect(other.json["code"] as? String == missing.json["code"] as? String)
            #expect(other.json["detail"] as? String == missing.json["detail"] as? String)
            let list = try await api.send(.GET, "api/v1/incidents", as: "carebridge")
            #expect((list.json["items"] as? [Any])?.isEmpty == true)
            let history = try await api.send(.GET, "api/v1/incidents/\(id)/history", as: "carebridge")
            #expect(history.status == .notFound)
        }
    }

    @Test func missingOrUnknownToken_answers401WithAChallenge() async throws {
        try await APIHarness.run { api in
            let anonymous = try await api.send(.GET, "api/v1/incidents", as: nil)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers.first(name: "WWW-Authenticate")?.hasPrefix("Bearer") == true)
            let forged = try await api.send(
                .GET, "api/v1/incidents", as: nil, headers: [("Authorization", "Bearer pdt_nope")])
            #expect(forged.status == .unauthorized)
        }
    }

    @Test func requiredDataSet_reportsEveryMissingFieldByName() async throws {
        try await APIHarness.run { api in
            let response = try await api.send(.POST, "api/v1/incidents", as: "wellpath", json: "{}")
            #expect(response.status == .unprocessableEntity)
            let fields = (response.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
            #expect(
                Set(fields) == [
                    "type", "occurredAt", "userEmail", "errorType", "description", "deviceType", "operatingSystem",
                    "operatingSystemVersion",
                ]
            )
            let list = try await api.send(.GET, "api/v1/incidents", as: "wellpath")
            #expect((list.json["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func patientData_isRefusedInline_andNothingIsStored() async throws {
        try await APIHarness.run { api in
            let response = try await api.send(
                .POST, "api/v1/incidents", as: "wellpath",
                json: APIHarness.incidentJSON(description: "User 401 023 2137 is stuck")
            )
            #expect(response.status == .unprocessableEntity)
            let errors = response.json["errors"] as? [[String: Any]]
            #expect(errors?.first?["field"] as? String == "description")
            #expect(errors?.first?["code"] as? String == "patient_identifiable_data")
            #expect(!response.body.string.contains("2137"))
            let list = try await api.send(.GET, "api/v1/incidents", as: "wellpath")
            #expect((list.json["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func secretsAndOthersPersonalData_areMasked_andTheAnswerSaysWhat() async throws {
        try await APIHarness.run { api in
            let response = try await api.send(
                .POST, "api/v1/incidents", as: "wellpath",
                json: APIHarness.incidentJSON(
                    description: "Key AKIAIOSFODNN7EXAMPLE leaked; ask carer jo@example.net, not someone@example.org"))
            #expect(response.status == .created)
            #expect(
                response.json["description"] as? String
                    == "Key [access key removed] leaked; ask carer [e-mail address removed], not someone@example.org")
            let masked = response.json["masked"] as? [[String: Any]]
            #expect(masked?.compactMap { $0["kind"] as? String } == ["access_key", "email_address"])
            #expect((masked?.first?["message"] as? String)?.contains("from the description field") == true)
            let id = try #require(response.json["id"] as? String)
            let read = try await api.send(.GET, "api/v1/incidents/\(id)", as: "wellpath")
            #expect(read.json["masked"] == nil)
            #expect(!read.body.string.contains("AKIA") && !read.body.string.contains("jo@example.net"))

            let comment = try await api.send(
                .POST, "api/v1/incidents/\(id)/comments", as: "wellpath",
                json: #"{"text": "password: hunter2hunter2 for the test account"}"#)
            #expect(comment.status == .created)
            #expect(comment.json["note"] as? String == "password: [secret removed] for the test account")
            #expect((comment.json["masked"] as? [[String: Any]])?.first?["field"] as? String == "text")
        }
    }

    @Test func theUsersAddress_isShownAsGiven() async throws {
        try await APIHarness.run { api in
            let json = APIHarness.incidentJSON().replacingOccurrences(
                of: "someone@example.org", with: "Some.One@Example.ORG")
            let raised = try await api.send(.POST, "api/v1/incidents", as: "wellpath", json: json)
            #expect(raised.status == .created && raised.json["userEmail"] as? String == "Some.One@Example.ORG")
            let id = try #require(raised.json["id"] as? String)
            let read = try await api.send(.GET, "api/v1/incidents/\(id)", as: "wellpath")
            #expect(read.json["userEmail"] as? String == "Some.One@Example.ORG")
        }
    }

    @Test func controlCharactersAndLineBreaks_areRefused_neverCutShort() async throws {
        try await APIHarness.run { api in
            let nul = try await api.send(
                .POST, "api/v1/incidents", as: "wellpath",
                json: APIHarness.incidentJSON(description: #"Loops\u0000 back"#))
            #expect(nul.status == .unprocessableEntity)
            let errors = nul.json["errors"] as? [[String: Any]]
            #expect(errors?.first?["field"] as? String == "description")
            #expect(errors?.first?["code"] as? String == "control_character")
            let broken = APIHarness.incidentJSON().replacingOccurrences(
                of: #""errorType": "Sign-in loop""#, with: #""errorType": "Sign-in\nloop""#)
            let lineBreak = try await api.send(.POST, "api/v1/incidents", as: "wellpath", json: broken)
            #expect(lineBreak.status == .unprocessableEntity)
            #expect((lineBreak.json["errors"] as? [[String: Any]])?.first?["code"] as? String == "line_break")
            let list = try await api.send(.GET, "api/v1/incidents", as: "wellpath")
            #expect((list.json["items"] as? [Any])?.isEmpty == true)
            let multiLine = try await api.send(
                .POST, "api/v1/incidents", as: "wellpath",
                json: APIHarness.incidentJSON(description: #"First line\nsecond line, Cafe\u0301"#))
            #expect(multiLine.status == .created)
            #expect(multiLine.json["description"] as? String == "First line\nsecond line, Caf\u{E9}")
        }
    }

    @Test func malformedBodies_answer400_neverA500() async throws {
        try await APIHarness.run { api in
            for body in ["{", "[]", #"{"description": 12}"#, #"{"errorCodes": "P1"}"#] {
                let response = try await api.send(.POST, "api/v1/incidents", as: "wellpath", json: body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(response.json["code"] as? String == "malformed_body")
            }
            let bad = try await api.send(.POST, "api/v1/incidents", as: "wellpath", json: #"{"deviceType": "watch"}"#)
            #expect(bad.status == .unprocessableEntity)
            // Body limits apply while the server streams a request in, so this one goes over a real socket.
            var headers = HTTPHeaders([("Content-Type", "application/json")])
            headers.bearerAuthorization = BearerAuthorization(token: api.tokens["wellpath"]!)
            let body = ByteBuffer(string: APIHarness.incidentJSON(description: String(repeating: "a", count: 70_000)))
            try await api.app.testing(method: .running(port: 0)).test(
                .POST, "api/v1/incidents", headers: headers, body: body
            ) {
                response in
                #expect(response.status == .payloadTooLarge)
                #expect(response.headers.contentType?.subType == "problem+json")
            }
        }
    }

    @Test func idempotencyKey_replaysTheFirstAnswer_andRefusesADifferentBody() async throws {
        try await APIHarness.run { api in
            let headers = [("Idempotency-Key", "raise-1")]
            let first = try await api.send(
                .POST, "api/v1/incidents", as: "wellpath", json: APIHarness.incidentJSON(), headers: headers)
            let again = try await api.send(
                .POST, "api/v1/incidents", as: "wellpath", json: APIHarness.incidentJSON(), headers: headers)
            #expect(first.status == .created)
            #expect(again.status == .created)
            #expect(again.body.string == first.body.string)
            #expect(again.headers.first(name: "Idempotent-Replayed") == "true")
            let different = try await api.send(
                .POST, "api/v1/incidents", as: "wellpath", json: APIHarness.incidentJSON(description: "Something else"),
                headers: headers
            )
            #expect(different.status == .unprocessableEntity)
            #expect(different.json["code"] as? String == "idempotency_key_reused")
            let otherCaller = try await api.send(
                .POST, "api/v1/incidents", as: "carebridge",
                json: APIHarness.incidentJSON().replacingOccurrences(of: "wellpath-gp", with: "carebridge-records"),
                headers: headers
            )
            #expect(otherCaller.status == .created)
            #expect(otherCaller.json["id"] as? String != first.json["id"] as? String)
        }
    }

    @Test func idempotencyKeys_belongToThePartner_soARetryAfterRotatingTheTokenReplays() async throws {
        try await APIHarness.run { api in
            let headers = [("Idempotency-Key", "rotate-1")]
            let first = try await api.send(
                .POST, "api/v1/incidents", as: "wellpath", json: APIHarness.incidentJSON(), headers: headers)
            #expect(first.status == .created)
            let rotated = try await api.services.tokens.create(
                name: "Wellpath system (rotated)", partnerCode: PartnerCode("WELLPATH"), role: nil
            ).secret
            try await api.services.tokens.revoke(
                try #require(
                    try await api.services.tokens.list(partnerCode: PartnerCode("WELLPATH")).first {
                        $0.name == "Wellpath system"
                    }
                ).id)
            var retried: TestingHTTPResponse?
            var all = HTTPHeaders(headers)
            all.bearerAuthorization = BearerAuthorization(token: rotated)
            all.contentType = .json
            try await api.app.testing().test(
                .POST, "api/v1/incidents", headers: all, body: ByteBuffer(string: APIHarness.incidentJSON())
            ) { retried = $0 }
            #expect(retried?.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(retried?.body.string == first.body.string)
            let list = try await api.send(.GET, "api/v1/incidents", as: "firstLine")
            #expect((list.json["items"] as? [Any])?.count == 1)
        }
    }

    @Test func concurrentDuplicates_createExactlyOneIncident() async throws {
        try await APIHarness.run { api in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let response = try await api.send(
                            .POST, "api/v1/incidents", as: "wellpath", json: APIHarness.incidentJSON(),
                            headers: [("Idempotency-Key", "same")]
                        )
                        return Int(response.status.code)
                    }
                }
                for try await status in group { #expect(status == 201) }
            }
            let list = try await api.send(.GET, "api/v1/incidents", as: "wellpath")
            #expect((list.json["items"] as? [Any])?.count == 1)
        }
    }

    @Test func changes_needIfMatch_andAStaleOneAnswers412() async throws {
        try await APIHarness.run { api in
            let (id, etag) = try await api.raiseIncident()
            let path = "api/v1/incidents/\(id)"
            let missing = try await api.send(.PATCH, path, as: "wellpath", json: #"{"errorType":"Loop"}"#)
            #expect(missing.status == .preconditionRequired)
            let updated = try await api.send(
                .PATCH, path, as: "wellpath", json: #"{"errorType":"Loop"}"#, headers: [("If-Match", etag)])
            #expect(updated.status == .ok)
            #expect(updated.json["errorType"] as? String == "Loop")
            let stale = try await api.send(
                .PATCH, path, as: "wellpath", json: #"{"errorType":"Again"}"#, headers: [("If-Match", etag)])
            #expect(stale.status == .preconditionFailed)
            let history = try await api.send(.GET, "\(path)/history", as: "wellpath")
            let kinds =
                (try JSONSerialization.jsonObject(with: Data(history.body.readableBytesView)) as? [[String: Any]])?
                .compactMap { $0["kind"] as? String }
            #expect(kinds == ["raised", "updated"])
        }
    }

    @Test func invalidTransition_answers409WithWhatIsPossible() async throws {
        try await APIHarness.run { api in
            let (id, etag) = try await api.raiseIncident()
            let response = try await api.send(
                .POST, "api/v1/incidents/\(id)/transitions", as: "firstLine", json: #"{"action":"close"}"#,
                headers: [("If-Match", etag)]
            )
            #expect(response.status == .conflict)
            #expect((response.json["detail"] as? String)?.contains("Responded to partner") == true)
        }
    }

    @Test func partnersCannotTriage_readOnlyTokensCannotWrite_andInternalNotesStayInternal() async throws {
        try await APIHarness.run { api in
            let (id, etag) = try await api.raiseIncident()
            let triage = try await api.send(
                .POST, "api/v1/incidents/\(id)/transitions", as: "wellpath",
                json: #"{"action":"receive","severity":1}"#,
                headers: [("If-Match", etag)]
            )
            #expect(triage.status == .forbidden)
            let readOnly = try await api.send(
                .POST, "api/v1/incidents", as: "wellpathRead", json: APIHarness.incidentJSON())
            #expect(readOnly.status == .forbidden)
            let note = try await api.send(
                .POST, "api/v1/incidents/\(id)/comments", as: "firstLine",
                json: #"{"text":"Looks like PRB-000045","internal":true}"#
            )
            #expect(note.status == .created)
            let comment = try await api.send(
                .POST, "api/v1/incidents/\(id)/comments", as: "firstLine", json: #"{"text":"We are on it"}"#)
            #expect(comment.status == .created)
            let partnerView = try await api.send(.GET, "api/v1/incidents/\(id)/history", as: "wellpath")
            #expect(!partnerView.body.string.contains("PRB-000045"))
            #expect(partnerView.body.string.contains("We are on it"))
            let staffView = try await api.send(.GET, "api/v1/incidents/\(id)/history", as: "serviceManager")
            #expect(staffView.body.string.contains("PRB-000045"))
        }
    }

    @Test func list_filtersSortsAndPages() async throws {
        try await APIHarness.run { api in
            var ids: [String] = []
            for _ in 0..<5 { ids.append(try await api.raiseIncident().id) }
            for (offset, id) in ids.prefix(3).enumerated() {
                _ = try await api.send(
                    .POST, "api/v1/incidents/\(id)/transitions", as: "firstLine",
                    json: #"{"action":"receive","severity":\#(3 - offset)}"#, headers: [("If-Match", "\"1\"")]
                )
            }
            let first = try await api.send(.GET, "api/v1/incidents?limit=2", as: "firstLine")
            let firstItems = first.json["items"] as? [[String: Any]] ?? []
            #expect(firstItems.map { $0["severity"] as? Int } == [1, 2])
            let cursor = try #require(first.json["nextCursor"] as? String)
            let second = try await api.send(.GET, "api/v1/incidents?limit=2&cursor=\(cursor)", as: "firstLine")
            let secondItems = second.json["items"] as? [[String: Any]] ?? []
            #expect(secondItems.first?["severity"] as? Int == 3)
            #expect(secondItems.last?["status"] as? String == "raised")
            let raisedOnly = try await api.send(.GET, "api/v1/incidents?status=raised", as: "firstLine")
            #expect((raisedOnly.json["items"] as? [Any])?.count == 2)
            api.clock.advance(by: 7 * 24 * 3600)
            let breached = try await api.send(.GET, "api/v1/incidents?breached=true", as: "firstLine")
            #expect((breached.json["items"] as? [Any])?.count == 3)
            let bad = try await api.send(.GET, "api/v1/incidents?severity=9&sort=oldest", as: "firstLine")
            #expect(bad.status == .unprocessableEntity)
            #expect((bad.json["errors"] as? [Any])?.count == 2)
        }
    }

    @Test func list_byPartner_forStaff_andNeverAnotherPartnersForPartners() async throws {
        try await APIHarness.run { api in
            _ = try await api.raiseIncident()
            let carebridge = try await api.send(
                .POST, "api/v1/incidents", as: "carebridge",
                json: APIHarness.incidentJSON().replacingOccurrences(
                    of: "wellpath-gp", with: "carebridge-records"))
            #expect(carebridge.status == .created)
            func count(_ query: String, as caller: String) async throws -> Int? {
                (try await api.send(.GET, "api/v1/incidents?\(query)", as: caller).json["items"] as? [Any])?.count
            }
            #expect(try await count("", as: "firstLine") == 2)
            #expect(try await count("partner=CAREBRIDGE", as: "firstLine") == 1)
            #expect(try await count("partner=WELLPATH", as: "wellpath") == 1)
            // Another partner's code and an unknown code read the same for a partner: nothing.
            #expect(try await count("partner=CAREBRIDGE", as: "wellpath") == 0)
            #expect(try await count("partner=NOSUCH", as: "wellpath") == 0)
            let unknown = try await api.send(.GET, "api/v1/incidents?partner=NOSUCH", as: "firstLine")
            #expect(unknown.status == .unprocessableEntity)
            #expect((unknown.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "partner")
        }
    }

    @Test func theClock_saysWhyItStandsWhereItDoes_toTheDeskAndThePartner() async throws {
        try await APIHarness.run { api in
            let (id, etag) = try await api.raiseIncident()
            let before = try await api.send(.GET, "api/v1/incidents/\(id)/clock", as: "wellpath")
            #expect(before.status == .ok && before.json["sla"] == nil)
            #expect((before.json["lines"] as? [Any])?.isEmpty == true)
            _ = try await api.send(
                .POST, "api/v1/incidents/\(id)/transitions", as: "firstLine",
                json: #"{"action":"receive","severity":3}"#, headers: [("If-Match", etag)])
            api.clock.advance(by: 2 * 3600)
            let waiting = try await api.send(
                .POST, "api/v1/incidents/\(id)/transitions", as: "firstLine",
                json: #"{"action":"await_partner","note":"Which browser?"}"#, headers: [("If-Match", "\"2\"")])
            #expect(waiting.status == .ok)
            api.clock.advance(by: 3600)
            let answer = try await api.send(.GET, "api/v1/incidents/\(id)/clock", as: "wellpath")
            #expect(answer.status == .ok)
            let lines = try #require(answer.json["lines"] as? [[String: Any]])
            #expect(
                lines.map { ($0["event"] ?? $0["treatment"]) as? String } == ["started", "counted", "paused", "paused"])
            #expect(lines[0]["targetSeconds"] as? Int == 72_000)
            #expect(lines[1]["countedSeconds"] as? Int == 7200 && lines[1]["totalSeconds"] as? Int == 7200)
            #expect(lines[2]["reason"] as? String == "awaiting information from partner")
            #expect(
                lines[3]["at"] as? String == "2026-11-23T11:00:00Z"
                    && lines[3]["end"] as? String == "2026-11-23T12:00:00Z")
            #expect((answer.json["sla"] as? [String: Any])?["paused"] as? Bool == true)
            let theirs = try await api.send(.GET, "api/v1/incidents/\(id)/clock", as: "carebridge")
            #expect(theirs.status == .notFound)
        }
    }
}

@Suite struct AuditTrailTests {
    @Test func patientDataRefusalAndDenial_areAudited_withoutTheIdentifier() async throws {
        try await APIHarness.run { api in
            _ = try await api.send(
                .POST, "api/v1/incidents", as: "wellpath",
                json: APIHarness.incidentJSON(description: "User 401 023 2137 stuck")
            )
            _ = try await api.send(.POST, "api/v1/incidents", as: "wellpathRead", json: APIHarness.incidentJSON())
            var query = AuditQuery()
            query.action = "incident.raise"
            let entries = try await api.services.audit.list(query)
            #expect(entries.map(\.outcome) == [.denied, .refused])
            #expect(entries.allSatisfy { $0.action == "incident.raise" && $0.actor.hasPrefix("token:") })
            #expect(entries.last?.detail == "patient-identifiable data in: description")
            #expect(!entries.contains { ($0.detail ?? "").contains("2137") })
            #expect(try await api.services.audit.verify().firstBreak == nil)
        }
    }
}

@Suite struct TokenAPITests {
    @Test func partnerAdministrators_manageOnlyTheirOwnOrganisationsTokens() async throws {
        try await APIHarness.run { api in
            let admin = try await api.services.tokens.create(
                name: "Wellpath admin", partnerCode: PartnerCode("WELLPATH"), role: .partnerAdministrator)
            let other = try await api.services.tokens.create(
                name: "CareBridge admin", partnerCode: PartnerCode("CAREBRIDGE"), role: .partnerAdministrator)
            let headers = [("Authorization", "Bearer \(admin.secret)")]
            let created = try await api.send(
                .POST, "api/v1/tokens", as: nil, json: #"{"name":"Booking system","scope":"read"}"#, headers: headers)
            #expect(created.status == .created)
            let secret = try #require(created.json["secret"] as? String)
            #expect(created.json["role"] as? String == "partner_reporter")
            let listed = try await api.send(.GET, "api/v1/tokens", as: nil, headers: headers)
            #expect(!listed.body.string.contains("CareBridge"))
            #expect(!listed.body.string.contains(secret))
            let id = try #require(created.json["id"] as? String)
            let stranger = try await api.send(
                .DELETE, "api/v1/tokens/\(id)", as: nil, headers: [("Authorization", "Bearer \(other.secret)")])
            #expect(stranger.status == .notFound)
            let revoked = try await api.send(.DELETE, "api/v1/tokens/\(id)", as: nil, headers: headers)
            #expect(revoked.status == .noContent)
            #expect(try await api.services.tokens.authenticate(secret) == nil)
        }
    }
}

@Suite struct UserAPITests {
    @Test func partnerAdministrators_inviteAndManageOnlyTheirOwnPeople() async throws {
        try await APIHarness.run { api in
            let admin = try await api.services.tokens.create(
                name: "Wellpath admin", partnerCode: PartnerCode("WELLPATH"), role: .partnerAdministrator)
            let other = try await api.services.tokens.create(
                name: "CareBridge admin", partnerCode: PartnerCode("CAREBRIDGE"), role: .partnerAdministrator)
            let headers = [("Authorization", "Bearer \(admin.secret)")]
            let staff = try await api.send(
                .POST, "api/v1/users", as: nil,
                json: #"{"email":"boss@wellpath.example","name":"Boss","role":"administrator"}"#,
                headers: headers
            )
            #expect(staff.status == .unprocessableEntity)
            // Inviting answers alike whether the address is new, a staff member's, or another partner's person's.
            _ = try await api.services.accounts.add(
                email: "fiona@platform.example", name: "Fiona", role: .firstLineAgent, partnerCode: nil)
            _ = try await api.services.accounts.add(
                email: "carl@carebridge.example", name: "Carl", role: .partnerReporter,
                partnerCode: PartnerCode("CAREBRIDGE"))
            var answers: [[String]] = []
            for address in ["new@wellpath.example", "fiona@platform.example", "carl@carebridge.example"] {
                let invited = try await api.send(
                    .POST, "api/v1/users", as: nil,
                    json: #"{"email":"\#(address)","name":"New Person","role":"partner_reporter"}"#, headers: headers)
                #expect(invited.status == .accepted, "\(address)")
                #expect(invited.json["invitationLink"] == nil && invited.json["active"] == nil)
                answers.append(invited.json.keys.sorted() + [invited.json["role"] as? String ?? ""])
            }
            #expect(Set(answers.map { $0.joined(separator: ",") }).count == 1, "\(answers)")
            let waiting = try await api.send(.GET, "api/v1/users/invitations", as: nil, headers: headers)
            #expect((waiting.json(array: ()).count) == 3)
            let listed = try await api.send(.GET, "api/v1/users", as: nil, headers: headers)
            #expect(!listed.body.string.contains("new@wellpath.example"), "not a person until they choose a password")
            _ = try await api.services.jobs.tick(now: api.clock.now())
            let mails = api.transports.mails
            let welcome = try #require(mails.first { $0.to.map(\.value) == ["new@wellpath.example"] })
            #expect(welcome.mentions("/account/password?token="))
            for existing in ["fiona@platform.example", "carl@carebridge.example"] {
                let notice = try #require(mails.first { $0.to.map(\.value) == [existing] })
                #expect(notice.mentions("already has one") && !notice.mentions("token="))
            }
            let link = try #require(welcome.content.strings.first { $0.contains("token=") })
            let token = String(link.split(separator: "token=").last ?? "")
            try await api.services.accounts.setPassword(linkSecret: token, password: "long enough passphrase here")
            let people = try await api.send(.GET, "api/v1/users", as: nil, headers: headers)
            let id = try #require(
                (people.json(array: ()).first { $0["email"] as? String == "new@wellpath.example" })?["id"] as? String)
            #expect(
                try await api.send(.GET, "api/v1/users/invitations", as: nil, headers: headers).json(array: ()).count
                    == 2)
            let foreign = try await api.send(
                .PATCH, "api/v1/users/\(id)", as: nil, json: #"{"role":"partner_administrator"}"#,
                headers: [("Authorization", "Bearer \(other.secret)")]
            )
            #expect(foreign.status == .notFound)
            let promoted = try await api.send(
                .PATCH, "api/v1/users/\(id)", as: nil, json: #"{"role":"partner_hssi_manager"}"#, headers: headers)
            #expect(promoted.json["role"] as? String == "partner_hssi_manager")
            let toStaff = try await api.send(
                .PATCH, "api/v1/users/\(id)", as: nil, json: #"{"role":"administrator"}"#, headers: headers)
            #expect(toStaff.status == .unprocessableEntity)
            #expect(try await api.send(.DELETE, "api/v1/users/\(id)", as: nil, headers: headers).status == .noContent)
            var query = AuditQuery()
            query.action = "user.role_change"
            #expect(try await api.services.audit.list(query).first?.detail == "partner_reporter → partner_hssi_manager")
        }
    }
}

extension TestingHTTPResponse {
    /// The body as a JSON array of objects.
    func json(array _: Void) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [[String: Any]] ?? []
    }
}
