import PartnerDeskDomain
import Testing

@Suite struct IPAddressTests {
    @Test(arguments: [
        ("0.0.0.0", IPAddress.v4(0)),
        ("127.0.0.1", .v4(0x7F00_0001)),
        ("255.255.255.255", .v4(0xFFFF_FFFF)),
        ("::", .v6(high: 0, low: 0)),
        ("::1", .v6(high: 0, low: 1)),
        ("1::", .v6(high: 0x0001_0000_0000_0000, low: 0)),
        ("2001:DB8::8:800:200C:417A", .v6(high: 0x2001_0DB8_0000_0000, low: 0x0008_0800_200C_417A)),
        ("fe80:0:0:0:0:0:0:1", .v6(high: 0xFE80_0000_0000_0000, low: 1)),
        ("::ffff:127.0.0.1", .v6(high: 0, low: 0xFFFF_7F00_0001)),
        ("::ffff:7f00:1", .v6(high: 0, low: 0xFFFF_7F00_0001)),
        ("64:ff9b::10.0.0.1", .v6(high: 0x0064_FF9B_0000_0000, low: 0x0A00_0001)),
    ])
    func parse_readsCanonicalSpellings(text: String, expected: IPAddress) {
        #expect(IPAddress(text) == expected)
    }

    @Test(arguments: [
        "", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.04", "0x7f.0.0.1", "127.1", "2130706433",
        "1.2.3.4 ", " 1.2.3.4", "1.2.3.-4", "１.2.3.4", ":::", "1::2::3", "12345::", "::ffff:1.2.3", "g::",
        "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1", "1:", "fe80::1%eth0", "[::1]", "1.2.3.4::", "::1.2.3.4:5",
    ])
    func parse_refusesEverythingElse(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test(arguments: [
        ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        ("2001:0db8:0000:0000:0000:0000:0002:0001", "2001:db8::2:1"),
        ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
        ("0:0:0:0:0:0:0:0", "::"),
        ("0:0:0:0:0:0:0:1", "::1"),
        ("FE80::A", "fe80::a"),
        ("0:0:0:0:0:ffff:7f00:1", "::ffff:127.0.0.1"),
        ("10.0.0.1", "10.0.0.1"),
    ])
    func description_isCanonical(text: String, expected: String) throws {
        #expect(try #require(IPAddress(text)).description == expected)
    }

    @Test func bytes_roundTrip() throws {
        for text in ["192.0.2.33", "2001:db8::ff00:42:8329", "::ffff:10.1.2.3"] {
            let address = try #require(IPAddress(text))
            #expect(IPAddress(bytes: address.bytes) == address)
        }
        #expect(IPAddress("192.0.2.33")?.bytes == [192, 0, 2, 33])
        #expect(IPAddress(bytes: [1, 2, 3]) == nil)
    }

    @Test func ranges_containOnlyTheirOwnFamilyAndPrefix() throws {
        let block = try #require(IPAddressRange("172.16.0.0/12"))
        #expect(block.contains(IPAddress("172.16.0.0")!))
        #expect(block.contains(IPAddress("172.31.255.255")!))
        #expect(!block.contains(IPAddress("172.32.0.0")!))
        #expect(!block.contains(IPAddress("::ffff:172.16.0.1")!))
        let everything = try #require(IPAddressRange("::/0"))
        #expect(everything.contains(IPAddress("2001:db8::1")!))
        #expect(!everything.contains(IPAddress("10.0.0.1")!))
        #expect(IPAddressRange("fc00::/7")?.contains(IPAddress("fdff::1")!) == true)
        #expect(IPAddressRange("10.1.2.3")?.description == "10.1.2.3/32")
        #expect(IPAddressRange("fe80::1")?.description == "fe80::1/128")
    }

    @Test(arguments: [
        "10.1.2.3/8", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/08", "10.0.0.0/-1", "/8", "fe80::1/10",
    ])
    func ranges_refuseMalformedBlocks(text: String) {
        #expect(IPAddressRange(text) == nil)
    }
}
