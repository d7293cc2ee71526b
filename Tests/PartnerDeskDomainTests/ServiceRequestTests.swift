import Foundation
import PartnerDeskDomain
import Testing

/// Service requests without a server: the catalogue kept as data, what a partner's request must say, the
/// months it may take, and who moves it on.
@Suite struct ServiceRequestTests {
    static func at(_ text: String) -> Date { ISO8601Instant.date(from: text)! }
    static let calendar = try! BusinessCalendar(spec: ServiceLevelTier.silver.businessCalendar)
    static let partner = ActedBy(name: "Priya", role: .partnerReporter)
    static let desk = ActedBy(name: "Fiona", role: .firstLineAgent)

    static func request(_ type: String = "redirect_change") -> ServiceRequest {
        let kind = ServiceRequestCatalogue.standard.type(type)!
        return ServiceRequest(
            id: .init(UUID()), reference: ServiceRequestReference(number: 12)!, partnerID: .init(UUID()),
            type: ServiceRequestTypeSummary(kind), title: "Add the new app's address", answers: [],
            submittedAt: at("2026-12-07T10:00:00Z"), submittedBy: partner)
    }

    @Test func theBuiltInCatalogue_offersEachKindOnce_withinTheSilverMaximum() {
        let types = ServiceRequestCatalogue.standard.types
        #expect(
            types.map(\.id) == [
                "new_client", "redirect_change", "test_accounts", "scope_change", "key_rotation", "offboarding",
            ])
        #expect(types.allSatisfy { $0.targetMonths <= ServiceLevelTier.silver.serviceRequestMaximumAgeMonths })
    }

    @Test func aCatalogueFile_isRead_orRefusedWithEveryProblemAtOnce() throws {
        let good = Data(
            #"{"types": [{"id": "dns_change", "name": "DNS change", "summary": "Point a name at us.", "targetMonths": 1, "fields": [{"name": "host", "label": "Host", "kind": "text", "required": true}]}]}"#
                .utf8)
        #expect(try ServiceRequestCatalogue(json: good).type("dns_change")?.fields.map(\.name) == ["host"])
        let bad = Data(
            #"{"types": [{"id": "Bad Id", "name": "", "summary": "x", "targetMonths": 13, "fields": [{"name": "a", "label": "A", "kind": "choice", "required": true}, {"name": "a", "label": "A", "kind": "text", "required": true, "choices": ["x"]}]}, {"id": "Bad Id", "name": "n", "summary": "s", "targetMonths": 1, "fields": []}]}"#
                .utf8)
        let error = #expect(throws: ServiceRequestCatalogueError.self) { try ServiceRequestCatalogue(json: bad) }
        #expect(
            error?.problems == [
                "kind 'Bad Id': an id is lower-case letters, digits and underscores, starting with a letter",
                "kind 'Bad Id' has no name",
                "kind 'Bad Id': the target must be 1 to 12 months, not 13",
                "kind 'Bad Id', field 'a': a choice needs its answers listed once each",
                "kind 'Bad Id', field 'a' is listed twice",
                "kind 'Bad Id', field 'a': only a choice lists answers",
                "kind 'Bad Id': an id is lower-case letters, digits and underscores, starting with a letter",
                "kind 'Bad Id' is listed twice",
            ])
        #expect(throws: ServiceRequestCatalogueError.self) { try ServiceRequestCatalogue(json: Data("[]".utf8)) }
        #expect(throws: ServiceRequestCatalogueError.self) { try ServiceRequestCatalogue([]) }
    }

    @Test func aDraft_isCheckedAgainstItsKind_everyProblemAtOnce() throws {
        let catalogue = ServiceRequestCatalogue.standard
        let refused = #expect(throws: ValidationFailure.self) {
            try ServiceRequestDraft(
                type: "new_client", title: "",
                answers: [
                    "environment": "staging", "serviceName": "Wellpath GP", "publicKeys": "http://keys.example",
                    "colour": "blue",
                ]
            ).validated(in: catalogue)
        }
        #expect(
            refused?.issues.map { "\($0.field) \($0.code)" } == [
                "title required", "answers.colour unknown_field", "answers.environment invalid_choice",
                "answers.redirectURIs required", "answers.scopes required", "answers.publicKeys invalid_format",
            ])
        let count = #expect(throws: ValidationFailure.self) {
            try ServiceRequestDraft(
                type: "test_accounts", title: "Accounts",
                answers: ["count": "0", "proofingLevel": "P9", "purpose": "For NHS number 401 023 2137"]
            ).validated(in: catalogue)
        }
        #expect(count?.issues.map(\.field) == ["answers.count", "answers.purpose"])
        #expect(count?.issues.first?.message == "The number of accounts must be a whole number from 1 to 100000.")
        #expect(
            (try? ServiceRequestDraft(type: "dns", title: "x").validated(in: catalogue)) == nil,
            "an unknown kind")
        let dates = #expect(throws: ValidationFailure.self) {
            try ServiceRequestDraft(
                type: "offboarding", title: "Retire", answers: ["clients": "wp-gp", "lastDay": "2027-02-30"]
            ).validated(in: catalogue)
        }
        #expect(dates?.issues.map(\.code) == ["invalid_format"])

        let checked = try ServiceRequestDraft(
            type: "redirect_change", title: "  Add the new app's address ",
            answers: [
                "environment": "production", "clientID": "wp-gp", "add": "https://app.wellpath.example/cb",
                "remove": "  ",
            ]
        ).validated(in: catalogue)
        #expect(checked.title == "Add the new app's address")
        #expect(checked.answers.map(\.field) == ["environment", "clientID", "add"], "in field order, blanks left out")
        #expect(checked.answers.first?.label == "Environment")
    }

    @Test(arguments: [
        // Three months from the last day of November ends on the last day of February.
        ("2026-11-30T15:00:00Z", 3, "2027-02-28", "2027-03-01T00:00:00Z"),
        ("2026-12-07T10:00:00Z", 3, "2027-03-07", "2027-03-08T00:00:00Z"),
        // Counted in London: 23:30 UTC on 14 April is 15 April there; the day ends at 23:00 UTC in summer.
        ("2026-04-14T23:30:00Z", 1, "2026-05-15", "2026-05-15T23:00:00Z"),
        ("2027-01-31T09:00:00Z", 1, "2027-02-28", "2027-03-01T00:00:00Z"),
    ])
    func theTarget_countsCalendarMonthsFromAcceptance_toTheEndOfTheDueDay(
        accepted: String, months: Int, dueDate: String, dueAt: String
    ) {
        let target = ServiceRequestTarget(acceptedAt: Self.at(accepted), months: months, calendar: Self.calendar)
        #expect(target.dueDate.description == dueDate)
        #expect(target.dueAt == Self.at(dueAt))
    }

    @Test func accepting_setsTheTarget_cappedAtTheTiersMaximum_andWarningsComeInTurn() throws {
        var request = Self.request("new_client")
        try request.take(
            .accept, note: nil, by: Self.desk, at: Self.at("2026-12-07T11:00:00Z"), maximumMonths: 2,
            calendar: Self.calendar)
        let target = try #require(request.target)
        #expect(target.months == 2 && target.dueDate.description == "2027-02-07")
        #expect(target.nextWarning(sent: [])?.warning == .dueSoon)
        #expect(target.nextWarning(sent: [])?.at == Self.at("2027-01-25T00:00:00Z"))
        #expect(target.nextWarning(sent: [.dueSoon])?.at == Self.at("2027-02-08T00:00:00Z"))
        #expect(target.nextWarning(sent: [.dueSoon, .overdue]) == nil)
        #expect(!request.isOverdue(at: Self.at("2027-02-07T23:59:00Z")))
        #expect(request.isOverdue(at: Self.at("2027-02-08T00:00:01Z")))
    }

    @Test func eachSide_takesOnlyItsOwnActions_andTheNotesTheyNeed() throws {
        var request = Self.request()
        let now = Self.at("2026-12-07T12:00:00Z")
        func take(_ action: ServiceRequestAction, _ note: String?, by actor: ActedBy) throws {
            try request.take(action, note: note, by: actor, at: now, maximumMonths: 3, calendar: Self.calendar)
        }
        let notYours = #expect(throws: ValidationFailure.self) { try take(.accept, nil, by: Self.partner) }
        #expect(notYours?.issues.first?.code == "not_yours")
        let early = #expect(throws: ValidationFailure.self) { try take(.fulfil, "Done", by: Self.desk) }
        #expect(early?.issues.first?.code == "invalid_transition")
        try take(.accept, nil, by: Self.desk)
        let silent = #expect(throws: ValidationFailure.self) { try take(.askPartner, "  ", by: Self.desk) }
        #expect(silent?.issues.map(\.code) == ["required"])
        let patient = #expect(throws: ValidationFailure.self) {
            try take(.askPartner, "Which user? NHS number 401 023 2137?", by: Self.desk)
        }
        #expect(patient?.issues.first?.field == "note" && patient?.issues.first?.code != "required")
        try take(.askPartner, "Which client should the address go on?", by: Self.desk)
        #expect(request.status == .waitingForPartner)
        try take(.resume, "The GP client, wp-gp.", by: Self.partner)
        try request.comment("Checked with the partner's lead.", by: Self.desk, isInternal: true, at: now)
        try request.comment("Thanks.", by: Self.partner, isInternal: true, at: now)
        #expect(request.steps.filter(\.isInternal).count == 1, "a partner's note is never internal")
        #expect(request.partnerSteps.count == request.steps.count - 1)
        let withdrawByDesk = #expect(throws: ValidationFailure.self) { try take(.withdraw, nil, by: Self.desk) }
        #expect(withdrawByDesk?.issues.first?.code == "not_yours")
        try take(.fulfil, "Added https://app.wellpath.example/cb to production.", by: Self.desk)
        #expect(request.status == .fulfilled && request.finishedAt == now)
        #expect(
            request.steps.map(\.to) == [
                .submitted, .accepted, .waitingForPartner, .inProgress, .inProgress,
                .inProgress, .fulfilled,
            ])
        let finished = #expect(throws: ValidationFailure.self) { try take(.withdraw, nil, by: Self.partner) }
        #expect(finished?.issues.first?.message == "A request that is fulfilled does not change.")
        #expect(throws: ValidationFailure.self) {
            try request.comment("One more thing", by: Self.partner, isInternal: false, at: now)
        }
    }

    @Test func aDeclinedOrWithdrawnRequest_isNeverOverdue() throws {
        var request = Self.request()
        let accepted = Self.at("2026-12-07T12:00:00Z")
        try request.take(
            .accept, note: nil, by: Self.desk, at: accepted, maximumMonths: 3, calendar: Self.calendar)
        try request.take(
            .withdraw, note: nil, by: Self.partner, at: Self.at("2027-06-01T12:00:00Z"), maximumMonths: 3,
            calendar: Self.calendar)
        #expect(!request.isOverdue(at: Self.at("2027-06-02T12:00:00Z")))
    }

    @Test func references_readAndWriteAsPrefixAndSixDigits() throws {
        #expect(ServiceRequestReference(number: 12)?.description == "SRQ-000012")
        #expect(ServiceRequestReference("srq-000012")?.number == 12)
        #expect(ServiceRequestReference("SRQ-12") == nil && ServiceRequestReference(number: 0) == nil)
        #expect(ServiceRequestReference("INC-000012") == nil)
        let encoded = try JSONEncoder().encode([IncidentReference(number: 7)!])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["INC-000007"]"#)
        #expect(try JSONDecoder().decode([HSSIReference].self, from: Data(#"["HSSI-000003"]"#.utf8)).first?.number == 3)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ProblemReference].self, from: Data(#"["PRB-3"]"#.utf8))
        }
    }
}
