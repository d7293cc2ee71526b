import Foundation
import PartnerDeskDatabaseTestSupport
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Synchronization
import Testing

/// The same contract on SQLite and PostgreSQL: what is stored reads back exactly, uniqueness rules hold,
/// and a failed transaction leaves nothing behind.
@Suite struct RepositoryContractTests {
    let ids = SequentialIDGenerator()

    func partner(_ code: String, clientID: String) throws -> Partner {
        try PartnerDraft(
            code: code, name: "\(code) Health", status: "live",
            services: [
                .init(name: "Bookings", clientID: clientID), .init(name: "Records", clientID: clientID + "-records"),
            ],
            contacts: [
                .init(
                    role: "hssi_manager", name: "Hal", email: "hal@\(code.lowercased()).example", phone: "0113 496 0000"
                ),
                .init(role: "primary", name: "Pat", email: "pat@\(code.lowercased()).example"),
            ],
            hoursOfOperation: "07:30-19:00"
        ).validated(makeID: { ids.make() })
    }

    @Test(arguments: ContractStore.available)
    func partners_readBackExactlyAsStored(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let stored = try partner("ALPHA", clientID: "alpha-bookings")
            try await store.repositories.partners.create(stored)
            let byCode = try await store.repositories.partners.find(code: PartnerCode("alpha")!)
            let byID = try await store.repositories.partners.find(id: stored.id)
            #expect(byCode?.code == stored.code)
            #expect(byCode?.services == stored.services)
            #expect(byCode?.contacts.map(\.role) == [.primary, .hssiManager])
            #expect(byID?.contact(.hssiManager)?.phone == "0113 496 0000")
            #expect(byID?.hoursOfOperation == stored.hoursOfOperation)
            #expect(try await store.repositories.partners.find(code: PartnerCode("NOPE")!) == nil)
        }
    }

    @Test(arguments: ContractStore.available)
    func partners_listInCodeOrder_andRefuseDuplicates(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            try await store.repositories.partners.create(try partner("ZULU", clientID: "zulu"))
            try await store.repositories.partners.create(try partner("ALPHA", clientID: "alpha"))
            #expect(try await store.repositories.partners.list().map(\.code.value) == ["ALPHA", "ZULU"])
            await #expect(throws: RepositoryError.self) {
                try await store.repositories.partners.create(try partner("ALPHA", clientID: "other"))
            }
            await #expect(throws: RepositoryError.self) {
                try await store.repositories.partners.create(try partner("BRAVO", clientID: "zulu"))
            }
        }
    }

    @Test(arguments: ContractStore.available)
    func transaction_thatFails_leavesNothingBehind(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let first = try partner("ALPHA", clientID: "alpha")
            await #expect(throws: RepositoryError.self) {
                try await store.transaction { repositories in
                    try await repositories.partners.create(first)
                    try await repositories.partners.create(first)
                }
            }
            #expect(try await store.repositories.partners.list().isEmpty)
        }
    }

    @Test(arguments: ContractStore.available)
    func users_belongToTheirPartner_andEmailsAreUnique(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let alpha = try partner("ALPHA", clientID: "alpha")
            try await store.repositories.partners.create(alpha)
            let reporter = try User(
                id: .init(ids.make()), email: EmailAddress("rep@alpha.example")!, displayName: "Rep",
                role: .partnerReporter, partnerID: alpha.id
            )
            let agent = try User(
                id: .init(ids.make()), email: EmailAddress("agent@desk.example")!, displayName: "Agent",
                role: .firstLineAgent, partnerID: nil
            )
            try await store.repositories.users.create(StoredUser(user: reporter, passwordHash: "h1"))
            try await store.repositories.users.create(StoredUser(user: agent, passwordHash: "h2"))
            #expect(
                try await store.repositories.users.find(email: reporter.email)
                    == StoredUser(user: reporter, passwordHash: "h1"))
            #expect(try await store.repositories.users.list(partnerID: alpha.id) == [reporter])
            #expect(try await store.repositories.users.list(partnerID: nil) == [agent, reporter])
            await #expect(throws: RepositoryError.self) {
                try await store.repositories.users.create(StoredUser(user: reporter, passwordHash: "again"))
            }
        }
    }
}

/// Transactions that overlap (on SQLite they are written in groups) each stay all-or-nothing: one failing
/// never undoes or fails another, and every caller gets its own result or error.
@Suite struct ConcurrentTransactionTests {
    struct Refused: Error, Equatable { let index: Int }

    @Test(arguments: ContractStore.available)
    func overlappingTransactions_commitOrRollBackIndependently(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let outcomes = await withTaskGroup(of: (Int, Result<String, Refused>).self) { group in
                for index in 0..<40 {
                    group.addTask {
                        do {
                            let code = try await store.transaction { repositories in
                                let code = "P\(index)"
                                try await repositories.partners.create(
                                    Partner(
                                        id: .init(UUID()), code: PartnerCode(code)!, name: "Partner \(index)",
                                        status: .live, tierID: "silver", services: [], contacts: []
                                    )
                                )
                                // Every third transaction fails after writing: its partner must not remain.
                                if index % 3 == 0 { throw Refused(index: index) }
                                return code
                            }
                            return (index, .success(code))
                        } catch {
                            return (index, .failure(error as! Refused))
                        }
                    }
                }
                return await group.reduce(into: [Int: Result<String, Refused>]()) { $0[$1.0] = $1.1 }
            }
            for (index, outcome) in outcomes {
                #expect(outcome == (index % 3 == 0 ? .failure(Refused(index: index)) : .success("P\(index)")))
            }
            let stored = try await store.repositories.partners.list().map(\.code.value)
            #expect(Set(stored) == Set((0..<40).filter { $0 % 3 != 0 }.map { "P\($0)" }))
        }
    }
}

/// What the in-memory store adds to the contract for the use cases' sake.
@Suite struct InMemoryStoreTests {
    @Test func aTransaction_runsItsWorkTwice_keepingOnlyTheLastRunsWrites() async throws {
        let store = InMemoryStore()
        let runs = Mutex(0)
        let partner = try PartnerDraft(
            code: "ALPHA", name: "Alpha Health", status: "live", services: [.init(name: "Bookings", clientID: "alpha")]
        ).validated(makeID: { SequentialIDGenerator().make() })
        let seen = try await store.transaction { repositories in
            runs.withLock { $0 += 1 }
            // A second run that saw the first run's write would be refused as a duplicate.
            try await repositories.partners.create(partner)
            return runs.withLock { $0 }
        }
        #expect(seen == 2)
        #expect(try await store.repositories.partners.list().map(\.code.value) == ["ALPHA"])
    }
}
