import Foundation
import PartnerDeskDatabaseTestSupport
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Components, outages, maintenance windows and sent warnings read back exactly on every store, in the order
/// the port promises, with an alert opening one outage only and versions guarding changes.
@Suite struct ServiceLevelStoreTests {
    static func at(_ text: String) -> Date { ISO8601Instant.date(from: text)! }

    static func outage(_ number: Int, _ start: String, _ end: String?, alert: String? = nil) -> Outage {
        var outage = Outage(
            id: .init(UUID()), number: number, component: "sign-in", startedAt: at(start), impact: .down,
            affectedPartners: [Partner.ID(UUID())], publicSummary: "Sign-in fails.", createdAt: at(start))
        outage.endedAt = end.map(at)
        outage.alertKey = alert
        outage.incidents = [Incident.ID(UUID())]
        outage.internalNotes = "Database failover"
        return outage
    }

    @Test(arguments: ContractStore.available)
    func outages_readBackExactly_overlappingAPeriod_oneAlertOneOutage(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let levels = store.repositories.serviceLevels
            #expect(try await levels.nextOutageNumber() == 1)
            #expect(try await levels.nextOutageNumber() == 2)
            let before = Self.outage(1, "2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z")
            let across = Self.outage(
                2, "2026-11-30T23:00:00Z", "2026-12-01T01:00:00Z", alert: "abc@2026-11-30T23:00:00Z")
            let open = Self.outage(3, "2026-12-03T09:00:00Z", nil)
            let later = Self.outage(4, "2027-01-02T09:00:00Z", "2027-01-02T10:00:00Z")
            try await store.transaction { repositories in
                for outage in [later, open, across, before] { try await repositories.serviceLevels.create(outage) }
            }
            #expect(try await levels.find(outageID: across.id) == across)
            #expect(try await levels.find(outageNumber: 3) == open)
            #expect(try await levels.find(alertKey: "abc@2026-11-30T23:00:00Z") == across)
            #expect(try await levels.find(alertKey: "nope") == nil)
            let december = DateInterval(start: Self.at("2026-12-01T00:00:00Z"), end: Self.at("2027-01-01T00:00:00Z"))
            #expect(try await levels.outages(overlapping: december).map(\.number) == [2, 3])
            await #expect(throws: RepositoryError.conflict("That alert has opened an outage already.")) {
                try await store.transaction {
                    try await $0.serviceLevels.create(
                        Self.outage(5, "2026-11-30T23:00:00Z", nil, alert: across.alertKey))
                }
            }
            let closed = {
                var closed = open
                closed.endedAt = Self.at("2026-12-03T09:30:00Z")
                closed.version = 2
                return closed
            }()
            try await store.transaction { try await $0.serviceLevels.update(closed, expectedVersion: 1) }
            #expect(try await levels.find(outageID: open.id) == closed)
            await #expect(throws: RepositoryError.staleVersion) {
                try await store.transaction { try await $0.serviceLevels.update(closed, expectedVersion: 1) }
            }
        }
    }

    @Test(arguments: ContractStore.available)
    func maintenance_components_andWarnings_readBack(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let levels = store.repositories.serviceLevels
            #expect(try await levels.components().isEmpty)
            let components = [
                ServiceComponent(code: "user-info", name: "User information", description: "Claims."),
                ServiceComponent(
                    code: "sign-in", name: "Sign-in", description: "Signing in.", alertLabels: ["job": "auth"]),
            ]
            try await store.transaction { try await $0.serviceLevels.replaceComponents(components) }
            #expect(try await levels.components() == components)

            #expect(try await levels.nextMaintenanceNumber() == 1)
            var window = MaintenanceWindow(
                id: .init(UUID()), number: 1, components: ["sign-in"], startsAt: Self.at("2026-12-09T19:00:00Z"),
                endsAt: Self.at("2026-12-09T20:00:00Z"), affectedPartners: [Partner.ID(UUID())],
                summary: "Sign-in may pause.", createdAt: Self.at("2026-12-01T09:00:00Z"))
            try await store.transaction { [window] in try await $0.serviceLevels.create(window) }
            #expect(try await levels.find(maintenanceID: window.id) == window)
            #expect(try await levels.find(maintenanceNumber: 1) == window)
            let week = DateInterval(start: Self.at("2026-12-07T00:00:00Z"), end: Self.at("2026-12-14T00:00:00Z"))
            #expect(try await levels.maintenance(overlapping: week) == [window])
            let after = DateInterval(start: Self.at("2026-12-09T20:00:00Z"), end: Self.at("2026-12-10T00:00:00Z"))
            #expect(try await levels.maintenance(overlapping: after).isEmpty, "a window ending as the period starts")
            window.announcedAt = Self.at("2026-12-02T09:00:00Z")
            window.version = 2
            try await store.transaction { [window] in try await $0.serviceLevels.update(window, expectedVersion: 1) }
            #expect(try await levels.find(maintenanceID: window.id)?.announcedAt == window.announcedAt)

            let first = try await store.transaction {
                try await $0.serviceLevels.recordAlert(key: "2026-12 used-50", at: Self.at("2026-12-03T09:00:00Z"))
            }
            let again = try await store.transaction {
                try await $0.serviceLevels.recordAlert(key: "2026-12 used-50", at: Self.at("2026-12-03T09:05:00Z"))
            }
            #expect(first && !again)
        }
    }

    @Test(arguments: ContractStore.available)
    func componentChoices_readBack_andChoosingEveryComponentForgetsOne(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let partners = ["WELLPATH", "CAREBRIDGE"].map {
                Partner(
                    id: .init(UUID()), code: PartnerCode($0)!, name: $0, status: .live, tierID: "silver", services: [],
                    contacts: [])
            }
            try await store.transaction { repositories in
                for partner in partners { try await repositories.partners.create(partner) }
            }
            let levels = store.repositories.serviceLevels
            #expect(try await levels.componentChoices().isEmpty)
            let signIn = ComponentChoice(codes: ["sign-in", "user-info"])
            try await store.transaction { [partners] repositories in
                try await repositories.serviceLevels.setComponentChoice(signIn, for: partners[0].id)
                try await repositories.serviceLevels.setComponentChoice(
                    ComponentChoice(codes: ["account-settings"]), for: partners[1].id)
            }
            #expect(
                try await levels.componentChoices()
                    == [partners[0].id: signIn, partners[1].id: ComponentChoice(codes: ["account-settings"])])
            try await store.transaction { [partners] in
                try await $0.serviceLevels.setComponentChoice(.every, for: partners[1].id)
            }
            #expect(try await levels.componentChoices() == [partners[0].id: signIn])
        }
    }
}
