import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// API tokens as every request checks them: read once and trusted for a few seconds, revoked at once on
/// the server that revokes them, within those seconds on any other, and never used past their expiry.
@Suite struct TokenAuthenticationTests {
    let clock = FixedClock(ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!)

    /// Two servers over one database.
    func servers() async throws -> (AppServices, AppServices) {
        let store = InMemoryStore()
        let first = AppServices.forTests(store: store, clock: clock)
        _ = try await first.partners.register(PartnerDraft(code: "WELLPATH", name: "Wellpath", status: "live"))
        return (first, AppServices.forTests(store: store, clock: clock))
    }

    @Test func revokedHere_isRefusedAtOnce() async throws {
        let (server, _) = try await servers()
        let issued = try await server.tokens.create(name: "w", partnerCode: PartnerCode("WELLPATH"), role: nil)
        #expect(try await server.tokens.authenticate(issued.secret) != nil)
        try await server.tokens.revoke(issued.token.id)
        #expect(try await server.tokens.authenticate(issued.secret) == nil)
    }

    @Test func revokedElsewhere_isRefusedOnceTheCachedCopyIsOlderThanItsLifetime() async throws {
        let (server, other) = try await servers()
        let issued = try await server.tokens.create(name: "w", partnerCode: PartnerCode("WELLPATH"), role: nil)
        #expect(try await server.tokens.authenticate(issued.secret) != nil)
        try await other.tokens.revoke(issued.token.id)
        clock.advance(by: TokenService.cacheLifetime - 1)
        #expect(try await server.tokens.authenticate(issued.secret) != nil)
        clock.advance(by: 1)
        #expect(try await server.tokens.authenticate(issued.secret) == nil)
    }

    @Test func anExpiredToken_isRefusedAtItsExpiry_evenWhenCached() async throws {
        let (server, _) = try await servers()
        let issued = try await server.tokens.create(
            name: "w", partnerCode: PartnerCode("WELLPATH"), role: nil, expiresAt: clock.now().addingTimeInterval(2))
        #expect(try await server.tokens.authenticate(issued.secret) != nil)
        clock.advance(by: 2)
        #expect(try await server.tokens.authenticate(issued.secret) == nil)
    }

    @Test func lastUse_isRecordedToTheMinute_whileTheTokenIsCached() async throws {
        let (server, _) = try await servers()
        let issued = try await server.tokens.create(name: "w", partnerCode: PartnerCode("WELLPATH"), role: nil)
        func lastUse() async throws -> Date? {
            try await server.tokens.list(partnerCode: PartnerCode("WELLPATH")).first?.lastUsedAt
        }
        let start = clock.now()
        _ = try await server.tokens.authenticate(issued.secret)
        #expect(try await lastUse() == start)
        for _ in 0..<59 {
            clock.advance(by: 1)
            _ = try await server.tokens.authenticate(issued.secret)
        }
        #expect(try await lastUse() == start)
        clock.advance(by: 1)
        _ = try await server.tokens.authenticate(issued.secret)
        #expect(try await lastUse() == start.addingTimeInterval(60))
    }
}
