import PartnerDeskDomain
import Testing

@Suite struct WebhookAllowListTests {
    @Test func parsing_readsBlocksAddressesAndNames() throws {
        let list = try WebhookAllowList(parsing: " 127.0.0.0/8, fd12:3456::/48 ,10.9.8.7,, Relay.Partner.Example. ,")
        #expect(
            list.ranges == [
                IPAddressRange("127.0.0.0/8")!, IPAddressRange("fd12:3456::/48")!, IPAddressRange("10.9.8.7/32")!,
            ])
        #expect(list.hostNames == ["relay.partner.example"])
        #expect(list.allows(hostName: "RELAY.partner.example"))
        #expect(!list.allows(hostName: "sub.relay.partner.example"))
        #expect(list.allows(IPAddress("127.200.0.1")!))
        #expect(list.allows(IPAddress("::ffff:127.0.0.1")!))
        #expect(!list.allows(IPAddress("10.9.8.6")!))
    }

    @Test func parsing_anEmptyText_allowsNothing() throws {
        #expect(try WebhookAllowList(parsing: "").isEmpty)
        #expect(try WebhookAllowList(parsing: " , ").isEmpty)
    }

    @Test func parsing_namesEveryInvalidEntry() {
        #expect(
            throws: WebhookAllowList.ParseError(invalidEntries: [
                "10.1.2.3/8", "*.partner.example", "fe80::/129", "127.1", "bad host", "0x7f000001",
            ])
        ) {
            try WebhookAllowList(
                parsing:
                    "10.0.0.0/8, 10.1.2.3/8, *.partner.example, fe80::/129, 127.1, ok.example, bad host, 0x7f000001")
        }
    }

    @Test func parseError_describesTheSetting() {
        let error = WebhookAllowList.ParseError(invalidEntries: ["10.1.2.3/8", "*.x"])
        #expect(
            error.description == #"PARTNERDESK_WEBHOOK_ALLOW: not an address block or host name: "10.1.2.3/8", "*.x""#)
    }
}
