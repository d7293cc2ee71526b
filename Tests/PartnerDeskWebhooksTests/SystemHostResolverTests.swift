import PartnerDeskDomain
import PartnerDeskWebhooks
import Testing

/// Only numeric names, which `getaddrinfo` answers without asking any server.
@Suite struct SystemHostResolverTests {
    @Test func addresses_ofANumericName_areThatAddress() async throws {
        let resolver = SystemHostResolver()
        #expect(try await resolver.addresses(of: "127.0.0.1") == [IPAddress("127.0.0.1")!])
        #expect(try await resolver.addresses(of: "::1") == [IPAddress("::1")!])
    }

    @Test func addresses_ofALooseNumericSpelling_showWhyThePolicyRefusesThem() async throws {
        // The C resolver reads these as 127.0.0.1, which is why the policy never passes them on.
        let resolver = SystemHostResolver()
        for spelling in ["2130706433", "0x7f.1", "017700000001", "127.1"] {
            #expect(try await resolver.addresses(of: spelling) == [IPAddress("127.0.0.1")!])
        }
    }
}
