import Foundation
import PartnerDeskDatabaseTestSupport
import PartnerDeskDomain
import PartnerDeskPersistence
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Users, invitations, sign-in with throttling and sessions over the SQL store, on both engines.
@Suite struct AccountStoreTests {
    func withAccounts(_ backend: ContractStore, _ body: @escaping (AppServices, FixedClock) async throws -> Void)
        async throws
    {
        try await withStore(backend) { store in
            let clock = FixedClock(ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!)
            let services = AppServices.forTests(store: store, clock: clock)
            _ = try await services.partners.register(PartnerDraft(code: "WELLPATH", name: "Wellpath", status: "live"))
            try await body(services, clock)
        }
    }

    @Test(arguments: ContractStore.available)
    func invitation_setPassword_signIn_andSessionLifetime(_ backend: ContractStore) async throws {
        try await withAccounts(backend) { services, clock in
            let accounts = services.accounts
            let invitation = try await accounts.add(
                email: "Rosa@Wellpath.example", name: "Rosa", role: .partnerReporter,
                partnerCode: PartnerCode("WELLPATH")
            )
            #expect(
                try await accounts.signIn(
                    email: "rosa@wellpath.example", password: "", clientAddress: "10.0.0.1", requestID: nil) == .refused
            )
            await #expect {
                try await accounts.setPassword(linkSecret: invitation.linkSecret, password: "password123")
            } throws: { error in
                Set((error as? ValidationFailure)?.issues.map(\.code) ?? []) == ["too_short", "too_common"]
            }
            try await accounts.setPassword(linkSecret: invitation.linkSecret, password: "four calm rivers singing")
            await #expect(throws: ValidationFailure.self) {
                try await accounts.setPassword(linkSecret: invitation.linkSecret, password: "another long passphrase")
            }
            guard
                case .signedIn(let secret, let csrf, let user) = try await accounts.signIn(
                    email: "rosa@wellpath.example", password: "four calm rivers singing", clientAddress: "10.0.0.1",
                    requestID: "r1"
                )
            else {
                Issue.record("sign-in refused")
                return
            }
            #expect(user.role == .partnerReporter && !csrf.isEmpty)
            #expect(try await accounts.session(secret: secret)?.principal.partnerID == user.partnerID)
            clock.advance(by: 29 * 60)
            #expect(try await accounts.session(secret: secret) != nil)
            clock.advance(by: 29 * 60)
            #expect(try await accounts.session(secret: secret) != nil, "use keeps an idle session alive")
            clock.advance(by: 31 * 60)
            #expect(try await accounts.session(secret: secret) == nil, "idle for more than 30 minutes")
            let entries = try await services.audit.list(AuditQuery())
            #expect(
                entries.contains { $0.action == "session.sign_in" && $0.outcome == .succeeded && $0.requestID == "r1" })
        }
    }

    @Test(arguments: ContractStore.available)
    func failedSignIns_areThrottled_perAccountAndAddress_withoutRevealingAccounts(_ backend: ContractStore) async throws
    {
        try await withAccounts(backend) { services, clock in
            let accounts = services.accounts
            let invitation = try await accounts.add(
                email: "desk@partnerdesk.example", name: "Desk", role: .firstLineAgent, partnerCode: nil)
            try await accounts.setPassword(linkSecret: invitation.linkSecret, password: "quiet orange harbour lamp")
            for attempt in 0..<5 {
                let known = try await accounts.signIn(
                    email: "desk@partnerdesk.example", password: "wrong \(attempt)", clientAddress: "10.0.0.1",
                    requestID: nil)
                let unknown = try await accounts.signIn(
                    email: "nobody@partnerdesk.example", password: "wrong", clientAddress: "10.0.0.1", requestID: nil)
                #expect(known == .refused && unknown == .refused)
                clock.advance(by: 30)
            }
            let locked = try await accounts.signIn(
                email: "desk@partnerdesk.example", password: "quiet orange harbour lamp", clientAddress: "10.0.0.1",
                requestID: nil)
            let lockedUnknown = try await accounts.signIn(
                email: "nobody@partnerdesk.example", password: "x", clientAddress: "10.0.0.1", requestID: nil)
            guard case .throttled(let wait) = locked, case .throttled = lockedUnknown else {
                Issue.record("expected throttling, got \(locked) and \(lockedUnknown)")
                return
            }
            #expect(wait > 0 && wait <= 15 * 60)
            // Only that account from that address waits: the same person elsewhere is not held up.
            guard
                case .signedIn = try await accounts.signIn(
                    email: "desk@partnerdesk.example", password: "quiet orange harbour lamp", clientAddress: "10.0.0.2",
                    requestID: nil)
            else {
                Issue.record("another address should not be throttled by one address's mistakes")
                return
            }
            clock.advance(by: Double(wait))
            guard
                case .signedIn = try await accounts.signIn(
                    email: "desk@partnerdesk.example", password: "quiet orange harbour lamp", clientAddress: "10.0.0.1",
                    requestID: nil)
            else {
                Issue.record("the account should unlock once the window passes")
                return
            }
        }
    }

    /// What a sign-in from an address answers, in a word, for expectations.
    func attempt(_ accounts: AccountService, _ email: String, _ password: String, from address: String)
        async throws -> String
    {
        switch try await accounts.signIn(email: email, password: password, clientAddress: address, requestID: nil) {
        case .signedIn: "signed in"
        case .throttled: "throttled"
        case .refused: "refused"
        default: "other"
        }
    }

    /// Adds people who have chosen their password.
    func people(_ accounts: AccountService, _ emails: [String], password: String) async throws {
        for email in emails {
            let invitation = try await accounts.add(email: email, name: email, role: .devOpsEngineer, partnerCode: nil)
            try await accounts.setPassword(linkSecret: invitation.linkSecret, password: password)
        }
    }

    /// An attacker spreading guesses over many addresses reaches the account's ceiling, which then stops
    /// every address the account has never signed in from, but never its owner's usual address.
    @Test(arguments: ContractStore.available)
    func guessingFromManyAddresses_cannotLockTheOwnerOut(_ backend: ContractStore) async throws {
        try await withAccounts(backend) { services, clock in
            let (accounts, owner, right) = (services.accounts, "admin@partnerdesk.example", "quiet orange harbour lamp")
            try await people(accounts, [owner], password: right)
            #expect(try await attempt(accounts, owner, right, from: "192.0.2.10") == "signed in")
            for guess in 0..<accounts.throttle.account.failures {
                _ = try await attempt(accounts, owner, "guess \(guess)", from: "203.0.113.\(guess % 250)")
                clock.advance(by: 1)
            }
            #expect(
                try await attempt(accounts, owner, right, from: "198.51.100.7") == "throttled",
                "an unknown address waits once the account's ceiling is reached")
            #expect(
                try await attempt(accounts, owner, right, from: "192.0.2.10") == "signed in",
                "the owner's usual address still signs in")
        }
    }

    /// Many people behind one address (a GP surgery's connection): one address failing for many accounts
    /// stops new accounts from it, never the people who already sign in from there.
    @Test(arguments: ContractStore.available)
    func oneBusyAddress_failingOften_doesNotShutOutThePeopleBehindIt(_ backend: ContractStore) async throws {
        try await withAccounts(backend) { services, clock in
            let (accounts, right) = (services.accounts, "quiet orange harbour lamp")
            try await people(accounts, ["ana@partnerdesk.example", "ben@partnerdesk.example"], password: right)
            #expect(try await attempt(accounts, "ana@partnerdesk.example", right, from: "10.1.1.1") == "signed in")
            for guess in 0..<accounts.throttle.address.failures {
                _ = try await attempt(accounts, "user\(guess)@partnerdesk.example", "guess", from: "10.1.1.1")
            }
            clock.advance(by: 1)
            #expect(
                try await attempt(accounts, "ben@partnerdesk.example", right, from: "10.1.1.1") == "throttled",
                "an account new to the address waits at the address's ceiling")
            #expect(
                try await attempt(accounts, "ana@partnerdesk.example", right, from: "10.1.1.1") == "signed in",
                "someone who signs in from the address still gets in")
        }
    }

    @Test(arguments: ContractStore.available)
    func disabling_endsSessions_andStopsSignIn(_ backend: ContractStore) async throws {
        try await withAccounts(backend) { services, _ in
            let accounts = services.accounts
            let invitation = try await accounts.add(
                email: "dev@partnerdesk.example", name: "Dev", role: .devOpsEngineer, partnerCode: nil)
            try await accounts.setPassword(linkSecret: invitation.linkSecret, password: "seven purple kettles dancing")
            guard
                case .signedIn(let secret, _, _) = try await accounts.signIn(
                    email: "dev@partnerdesk.example", password: "seven purple kettles dancing", clientAddress: "1",
                    requestID: nil)
            else {
                Issue.record("sign-in refused")
                return
            }
            try await accounts.disable(email: "dev@partnerdesk.example")
            #expect(try await accounts.session(secret: secret) == nil)
            #expect(
                try await accounts.signIn(
                    email: "dev@partnerdesk.example", password: "seven purple kettles dancing", clientAddress: "1",
                    requestID: nil) == .refused)
            #expect(try await accounts.list().first { $0.email.value == "dev@partnerdesk.example" }?.isActive == false)
        }
    }
}

@Suite struct SecondFactorStoreTests {
    @Test(arguments: ContractStore.available)
    func enrolledStaff_needTheirCode_andACodeWorksOnce(_ backend: ContractStore) async throws {
        try await withStore(backend) { store in
            let clock = FixedClock(ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!)
            let services = AppServices.forTests(store: store, clock: clock, requireStaffSecondFactor: true)
            let accounts = services.accounts
            let invitation = try await accounts.add(
                email: "fiona@partnerdesk.example", name: "Fiona", role: .firstLineAgent, partnerCode: nil)
            try await accounts.setPassword(
                linkSecret: invitation.linkSecret, password: "amber lanterns over quiet hills")
            let withoutApp = try await accounts.signIn(
                email: "fiona@partnerdesk.example", password: "amber lanterns over quiet hills", clientAddress: "1",
                requestID: nil
            )
            #expect(withoutApp == .secondFactorRequired)

            let enrolment = try await accounts.enrollSecondFactor(email: "fiona@partnerdesk.example")
            guard
                case .needsCode(let secret, _) = try await accounts.signIn(
                    email: "fiona@partnerdesk.example", password: "amber lanterns over quiet hills", clientAddress: "1",
                    requestID: nil
                )
            else {
                Issue.record("expected the code step")
                return
            }
            #expect(try await accounts.session(secret: secret) == nil, "a session waiting for its code is not usable")
            #expect(
                try await accounts.confirmCode(
                    sessionSecret: secret, code: "000000", clientAddress: "1", requestID: nil) == .refused)
            let key = try #require(Base32.decode(enrolment.secret))
            let code = TOTP.code(secret: key, counter: TOTP.counter(at: clock.now())) {
                TestDigester().hmacSHA1(key: $0, message: $1)
            }
            guard
                case .signedIn = try await accounts.confirmCode(
                    sessionSecret: secret, code: code, clientAddress: "1", requestID: nil)
            else {
                Issue.record("the right code should sign in")
                return
            }
            #expect(try await accounts.session(secret: secret)?.principal.role == .firstLineAgent)

            guard
                case .needsCode(let second, _) = try await accounts.signIn(
                    email: "fiona@partnerdesk.example", password: "amber lanterns over quiet hills", clientAddress: "1",
                    requestID: nil
                )
            else {
                Issue.record("expected the code step")
                return
            }
            #expect(
                try await accounts.confirmCode(sessionSecret: second, code: code, clientAddress: "1", requestID: nil)
                    == .refused)
        }
    }
}
