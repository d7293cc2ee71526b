import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// HSSIs, rotas, alerts and message links in memory.
struct InMemoryHSSIRepository: HSSIRepository {
    let box: StateBox

    func nextReference() async throws -> HSSIReference {
        var number = 0
        try box.write {
            $0.hssiSequence += 1
            number = $0.hssiSequence
        }
        return HSSIReference(number: number)!
    }

    func create(_ hssi: HigherSeverityIncident, nextDeadlineAt: Date?) async throws {
        try box.write { state in
            guard !state.hssis.values.contains(where: { $0.hssi.reference == hssi.reference }) else {
                throw RepositoryError.conflict("An HSSI with this reference already exists.")
            }
            state.hssis[hssi.id] = (hssi, nextDeadlineAt)
        }
    }

    func update(_ hssi: HigherSeverityIncident, expectedVersion: Int, nextDeadlineAt: Date?) async throws {
        try box.write { state in
            guard state.hssis[hssi.id]?.hssi.version == expectedVersion else { throw RepositoryError.staleVersion }
            state.hssis[hssi.id] = (hssi, nextDeadlineAt)
        }
    }

    func find(id: HigherSeverityIncident.ID) async throws -> HigherSeverityIncident? { box.read().hssis[id]?.hssi }

    func find(reference: HSSIReference) async throws -> HigherSeverityIncident? {
        box.read().hssis.values.first { $0.hssi.reference == reference }?.hssi
    }

    func list() async throws -> [HigherSeverityIncident] {
        box.read().hssis.values.map(\.hssi).sorted { $0.reference.number > $1.reference.number }
    }

    func due(at instant: Date, limit: Int) async throws -> [HigherSeverityIncident] {
        box.read().hssis.values.compactMap { entry in
            entry.nextDeadlineAt.flatMap { $0 <= instant ? (entry.hssi, $0) : nil }
        }
        .sorted { $0.1 < $1.1 }.prefix(limit).map(\.0)
    }

    func setNextDeadline(_ id: HigherSeverityIncident.ID, at instant: Date?) async throws {
        try box.write { $0.hssis[id]?.nextDeadlineAt = instant }
    }

    func recordAlert(_ id: HigherSeverityIncident.ID, key: String, at instant: Date) async throws -> Bool {
        var inserted = false
        try box.write { inserted = $0.hssiAlerts.insert("\(id) \(key)").inserted }
        return inserted
    }

    func linkMessages(_ id: HigherSeverityIncident.ID, _ links: [HSSIMessageLink]) async throws {
        try box.write { $0.hssiMessages[id, default: []] += links }
    }

    func messages(of id: HigherSeverityIncident.ID) async throws -> [HSSIMessageLink] {
        box.read().hssiMessages[id] ?? []
    }

    func rotaEntries(partnerID: Partner.ID?) async throws -> [StoredRotaEntry] {
        box.read().rota.values.filter { partnerID == nil || $0.partnerID == partnerID }
            .sorted { ($0.entry.startsAt, $0.id.uuidString) < ($1.entry.startsAt, $1.id.uuidString) }
    }

    func addRotaEntry(_ entry: StoredRotaEntry) async throws {
        try box.write { $0.rota[entry.id] = entry }
    }

    func removeRotaEntry(_ id: UUID, partnerID: Partner.ID) async throws -> Bool {
        var removed = false
        try box.write { state in
            guard state.rota[id]?.partnerID == partnerID else { return }
            state.rota[id] = nil
            removed = true
        }
        return removed
    }

    func recordRotaCheck(partnerID: Partner.ID, day: String, at instant: Date) async throws -> Bool {
        var inserted = false
        try box.write { inserted = $0.rotaChecks.insert("\(partnerID) \(day)").inserted }
        return inserted
    }
}
