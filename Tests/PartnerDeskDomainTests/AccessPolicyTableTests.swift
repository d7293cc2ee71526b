import Foundation
import PartnerDeskDomain
import Testing

/// The grants written out by hand, role by role, and compared with what ``AccessPolicy`` decides. Changing a
/// grant in the policy without changing this table fails the test, and so does the reverse.
@Suite struct AccessPolicyTableTests {
    /// `x` grants the action to the role. Columns: partner reporter, partner HSSI manager, partner
    /// administrator | First Line agent, DevOps engineer, Service Bridge operator, problem manager, release
    /// manager, assurance approver, service manager, administrator.
    static let grants = """
        action                       rep  hssi padm | fl   dev  bri  pm   rel  apr  svc  adm
        partner.read                 x    x    x    | x    x    x    x    x    x    x    x
        incident.read                x    x    x    | x    x    x    x    x    x    x    x
        incident.raise               x    x    x    | .    .    .    .    .    .    .    .
        incident.update              x    x    x    | x    x    .    .    .    .    .    x
        incident.comment             x    x    x    | x    x    .    .    .    .    .    x
        incident.provide_information x    x    x    | .    .    .    .    .    .    .    .
        incident.internal_notes      .    .    .    | x    x    x    x    x    x    x    x
        incident.triage              .    .    .    | x    x    .    .    .    .    .    x
        incident.attach              x    x    x    | x    x    .    .    .    .    .    x
        audit.read                   .    .    .    | .    .    .    .    .    .    .    x
        token.manage                 .    .    x    | .    .    .    .    .    .    .    x
        user.manage                  .    .    x    | .    .    .    .    .    .    .    x
        webhook.manage               .    .    x    | .    .    .    .    .    .    .    x
        notification.preferences     x    x    x    | x    x    x    x    x    x    x    x
        outbox.manage                .    .    .    | .    .    .    .    .    .    .    x
        problem.read                 .    .    .    | x    x    x    x    x    x    x    x
        problem.manage               .    .    .    | x    x    .    x    .    .    .    x
        problem.publish              .    .    .    | .    .    .    x    .    .    .    x
        hssi.read                    x    x    x    | x    x    x    x    x    x    x    x
        hssi.declare                 x    x    x    | x    .    x    .    .    .    .    x
        hssi.respond                 x    x    x    | .    .    x    .    .    .    .    x
        hssi.run                     .    .    .    | .    .    x    .    .    .    .    x
        hssi.rota                    .    x    x    | .    .    .    .    .    .    .    x
        release.read                 .    .    .    | x    x    x    x    x    x    x    x
        release.manage               .    .    .    | .    .    .    .    x    .    .    x
        release.approve              .    .    .    | .    .    .    .    .    x    .    .
        release.levels               .    .    .    | .    .    .    .    .    .    .    x
        change.read                  x    x    x    | x    x    x    x    x    x    x    x
        change.respond               x    x    x    | .    .    .    .    .    .    .    .
        change.approve               .    .    x    | .    .    .    .    .    .    .    .
        service_level.read           x    x    x    | x    x    x    x    x    x    x    x
        outage.manage                .    .    .    | x    x    x    .    .    .    x    x
        service_level.components     .    .    .    | .    .    .    .    .    .    .    x
        component.choose             .    .    x    | .    .    .    .    .    .    .    x
        calendar.holidays            .    .    .    | .    .    .    .    .    .    .    x
        service_request.read         x    x    x    | x    x    x    x    x    x    x    x
        service_request.raise        x    x    x    | .    .    .    .    .    .    .    .
        service_request.work         .    .    .    | x    .    .    .    .    .    x    x
        service_request.update       x    x    x    | x    .    .    .    .    .    x    x
        partner.manage               .    .    .    | .    .    .    .    .    .    x    x
        partner.contacts             .    .    x    | .    .    .    .    .    .    x    x
        partner.evidence             .    .    x    | .    .    .    .    .    .    .    .
        partner.actions              .    .    x    | .    .    .    .    .    .    x    x
        """

    static let columns: [Role] = [
        .partnerReporter, .partnerHSSIManager, .partnerAdministrator, .firstLineAgent, .devOpsEngineer,
        .serviceBridgeOperator, .problemManager, .releaseManager, .assuranceApprover, .serviceManager, .administrator,
    ]

    /// The table as (action, role) pairs that are granted.
    static func parsed() throws -> Set<String> {
        var granted: Set<String> = []
        for line in grants.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: " ").filter { $0 != "|" }
            let action = try #require(AccessAction(rawValue: String(cells[0])), "unknown action in \(line)")
            try #require(cells.count == columns.count + 1, "wrong number of cells in \(line)")
            for (role, cell) in zip(columns, cells.dropFirst()) where cell == "x" {
                granted.insert("\(action.rawValue) \(role.rawValue)")
            }
        }
        return granted
    }

    @Test func everyRoleAndAction_isGrantedExactlyAsTheTableSays() throws {
        #expect(Set(Self.columns) == Set(Role.allCases))
        let rows = Self.grants.split(separator: "\n").dropFirst().map { String($0.split(separator: " ")[0]) }
        #expect(Set(rows) == Set(AccessAction.allCases.map(\.rawValue)), "the table lists every action once")
        #expect(rows.count == AccessAction.allCases.count)
        let table = try Self.parsed()
        var decided: Set<String> = []
        for role in Role.allCases {
            let person = Principal(
                credential: .user(.init(UUID())), displayName: "P", role: role,
                partnerID: role.isPartnerRole ? Partner.ID(UUID()) : nil, scope: .write)
            for action in AccessAction.allCases where AccessPolicy.decide(person, action) == .allow {
                decided.insert("\(action.rawValue) \(role.rawValue)")
            }
        }
        #expect(decided.subtracting(table).sorted() == [], "granted by the policy but not in the table")
        #expect(table.subtracting(decided).sorted() == [], "in the table but not granted by the policy")
    }

    /// Only these actions are reads, which read-only tokens may perform.
    static let reads: Set<AccessAction> = [
        .readPartner, .readIncident, .readAuditLog, .readProblems, .readHSSI, .readReleases, .readChangeNotices,
        .readServiceLevels, .readServiceRequests,
    ]

    @Test func readOnlyTokens_performOnlyTheReadsTheirRoleGrants() throws {
        let table = try Self.parsed()
        for role in Role.allCases {
            let token = Principal(
                credential: .token(.init(UUID())), displayName: "T", role: role,
                partnerID: role.isPartnerRole ? Partner.ID(UUID()) : nil, scope: .read)
            for action in AccessAction.allCases {
                let expected = Self.reads.contains(action) && table.contains("\(action.rawValue) \(role.rawValue)")
                #expect((AccessPolicy.decide(token, action) == .allow) == expected, "\(role) \(action) read-only")
            }
        }
    }

    @Test func tokens_neverHaveNotificationPreferences() {
        for role in Role.allCases {
            let token = Principal(
                credential: .token(.init(UUID())), displayName: "T", role: role,
                partnerID: role.isPartnerRole ? Partner.ID(UUID()) : nil, scope: .write)
            #expect(AccessPolicy.decide(token, .manageOwnNotifications) == .denyForbidden)
        }
    }

    /// Ownership: a partner's caller knows only records its organisation owns; the rest reads as missing,
    /// but only once the role grants the action (so a refusal never depends on whether a record exists).
    @Test func partnerCallers_seeOnlyTheirOwnRecords_andEverythingElseAsMissing() {
        let own = Partner.ID(UUID())
        let other = Partner.ID(UUID())
        let administrator = Principal(
            credential: .user(.init(UUID())), displayName: "A", role: .partnerAdministrator, partnerID: own,
            scope: .write)
        let owners: [(RecordOwner, AccessPolicy.Decision)] = [
            (.partner(own), .allow), (.partner(other), .denyAsMissing), (.platform, .denyAsMissing),
            (.partners([other, own]), .allow), (.partners([other]), .denyAsMissing), (.partners([]), .denyAsMissing),
        ]
        for (owner, expected) in owners {
            #expect(AccessPolicy.decide(administrator, .manageUsers, on: owner) == expected, "\(owner)")
            #expect(AccessPolicy.decide(administrator, .triageIncident, on: owner) == .denyForbidden, "\(owner)")
        }
        var readOnly = administrator
        readOnly.credential = .token(.init(UUID()))
        readOnly.scope = .read
        for (owner, _) in owners {
            #expect(AccessPolicy.decide(readOnly, .manageTokens, on: owner) == .denyForbidden, "\(owner)")
        }
        let staff = Principal(
            credential: .user(.init(UUID())), displayName: "S", role: .administrator, partnerID: nil, scope: .write)
        for (owner, _) in owners {
            #expect(AccessPolicy.decide(staff, .manageUsers, on: owner) == .allow, "\(owner)")
        }
    }
}
