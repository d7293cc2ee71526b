import PartnerDeskDomain

/// What loading the demo data did, with the sign-in details a newcomer needs.
public struct DemoReport: Sendable, Equatable {
    /// A person to sign in as.
    public struct Account: Sendable, Equatable {
        public var email: String
        public var password: String
        public var role: Role
        public var partnerCode: String?
    }

    /// Partners created by this run (empty when they already existed).
    public var partnersCreated: [String]
    /// Users created by this run (empty when they already existed).
    public var usersCreated: [String]
    /// Every demo account, whether created now or earlier.
    public var accounts: [Account]
}

/// Loads a small, realistic desk so a newcomer meets a living system: partners in every status, their
/// services and contacts, and a user for every role.
///
/// Loading is idempotent: records are matched by partner code and e-mail address, and what already exists
/// is left exactly as it is, so a second run changes nothing.
public struct DemoDataService: Sendable {
    private let store: any UnitOfWork
    private let ids: any IDGenerator
    private let hasher: any PasswordHasher

    public init(store: any UnitOfWork, ids: any IDGenerator, hasher: any PasswordHasher) {
        self.store = store
        self.ids = ids
        self.hasher = hasher
    }

    /// Loads whatever part of the demo data is missing, in one transaction.
    public func load() async throws -> DemoReport {
        let ids = self.ids
        var drafts: [Partner] = []
        for draft in DemoData.partners {
            drafts.append(try draft.validated(makeID: { ids.make() }))
        }
        let partners = drafts
        let hasher = self.hasher
        return try await store.transaction { repositories in
            var partnersCreated: [String] = []
            var partnerIDs: [String: Partner.ID] = [:]
            for partner in partners {
                if let existing = try await repositories.partners.find(code: partner.code) {
                    partnerIDs[partner.code.value] = existing.id
                } else {
                    try await repositories.partners.create(partner)
                    partnerIDs[partner.code.value] = partner.id
                    partnersCreated.append(partner.code.value)
                }
            }
            var usersCreated: [String] = []
            var accounts: [DemoReport.Account] = []
            for account in DemoData.accounts {
                guard let email = EmailAddress(account.email) else { continue }
                accounts.append(
                    .init(
                        email: email.value, password: DemoData.password, role: account.role,
                        partnerCode: account.partner)
                )
                if try await repositories.users.find(email: email) != nil { continue }
                let user = try User(
                    id: .init(ids.make()), email: email, displayName: account.name, role: account.role,
                    partnerID: account.partner.flatMap { partnerIDs[$0] }
                )
                try await repositories.users.create(
                    StoredUser(user: user, passwordHash: try hasher.hash(DemoData.password))
                )
                usersCreated.append(email.value)
            }
            return DemoReport(partnersCreated: partnersCreated, usersCreated: usersCreated, accounts: accounts)
        }
    }
}
