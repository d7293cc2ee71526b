import PartnerDeskDomain
import Testing

@Suite struct TrustedProxiesTests {
    let proxies = try! TrustedProxies(parsing: "127.0.0.1, 10.0.0.0/8, ::1")
    let forwardedProxies = try! TrustedProxies(parsing: "127.0.0.1, 10.0.0.0/8, ::1", header: .forwarded)

    func client(_ peer: String, forwarded: String? = nil, xff: String? = nil) -> String {
        let reading = forwarded == nil ? proxies : forwardedProxies
        return reading.client(peer: IPAddress(peer)!, forwarded: forwarded, forwardedFor: xff).description
    }

    @Test func headersFromAnUntrustedPeer_areIgnored() {
        #expect(client("203.0.113.9", xff: "198.51.100.7") == "203.0.113.9")
        #expect(client("203.0.113.9", forwarded: "for=198.51.100.7") == "203.0.113.9")
        #expect(
            TrustedProxies().client(peer: IPAddress("127.0.0.1")!, forwarded: nil, forwardedFor: "1.2.3.4")
                == IPAddress("127.0.0.1")!)
    }

    @Test func aTrustedProxy_vouchesForTheAddressToItsLeft_andTheWalkStopsAtTheFirstStranger() {
        #expect(client("127.0.0.1", xff: "198.51.100.7") == "198.51.100.7")
        // The client wrote a false first entry; the proxy appended the real peer it saw.
        #expect(client("127.0.0.1", xff: "6.6.6.6, 198.51.100.7") == "198.51.100.7")
        // Two proxies in a row.
        #expect(client("127.0.0.1", xff: "198.51.100.7, 10.1.2.3") == "198.51.100.7")
        #expect(client("::ffff:127.0.0.1", xff: "198.51.100.7") == "198.51.100.7")
        #expect(client("127.0.0.1") == "127.0.0.1")
    }

    @Test func onlyTheConfiguredHeaderIsRead_soAClientsOwnHeaderPassedOnIsIgnored() {
        let peer = IPAddress("127.0.0.1")!
        #expect(
            proxies.client(peer: peer, forwarded: "for=6.6.6.6", forwardedFor: "198.51.100.7").description
                == "198.51.100.7")
        #expect(proxies.client(peer: peer, forwarded: "for=6.6.6.6", forwardedFor: nil) == peer)
        #expect(forwardedProxies.client(peer: peer, forwarded: nil, forwardedFor: "6.6.6.6") == peer)
    }

    @Test func forwarded_isReadWithQuotesBracketsAndPorts() {
        #expect(client("127.0.0.1", forwarded: #"for="[2001:db8:cafe::17]:4711";proto=https"#) == "2001:db8:cafe::17")
        #expect(client("127.0.0.1", forwarded: "for=192.0.2.60:8080;by=10.0.0.1, for=10.0.0.2") == "192.0.2.60")
        #expect(client("127.0.0.1", forwarded: "For=192.0.2.60", xff: "198.51.100.7") == "192.0.2.60")
        #expect(client("127.0.0.1", forwarded: "for=_hidden") == "127.0.0.1")
    }

    @Test func anEntryThatIsNotAnAddress_endsTheWalkAtTheLastTrustedProxy() {
        #expect(client("127.0.0.1", xff: "198.51.100.7, garbage") == "127.0.0.1")
        #expect(client("127.0.0.1", xff: "unknown, 10.0.0.5") == "10.0.0.5")
    }

    @Test func parsing_reportsEveryEntryThatIsNotAnAddressOrBlock() {
        #expect(throws: TrustedProxies.InvalidEntries(entries: ["proxy.local", "10.0.0.1/8"])) {
            try TrustedProxies(parsing: "127.0.0.1, proxy.local, 10.0.0.1/8")
        }
        #expect((try? TrustedProxies(parsing: ""))?.ranges.isEmpty == true)
    }

    @Test func aForwardedElementWithoutFor_endsTheWalk_insteadOfShiftingTheHops() {
        #expect(client("127.0.0.1", forwarded: "for=6.6.6.6, proto=https, for=10.0.0.1") == "10.0.0.1")
        #expect(client("127.0.0.1", forwarded: "for=198.51.100.7, for=10.0.0.1") == "198.51.100.7")
    }

    @Test func staffAreShownByRole_evenWhenThePartnerWroteTheirAddressIntoItsRota() {
        let shown = RecipientDisplay.forPartner(
            "bea@bridge.example", ownAddresses: ["bea@bridge.example"], staffRole: .serviceBridgeOperator)
        #expect(shown == "Service Bridge operator (platform staff)")
        #expect(
            RecipientDisplay.forPartner(
                "dana@wellpath.example", ownAddresses: ["dana@wellpath.example"], staffRole: nil)
                == "dana@wellpath.example")
        #expect(
            RecipientDisplay.forPartner("x@elsewhere.example", ownAddresses: [], staffRole: nil) == "Platform staff")
    }
}
