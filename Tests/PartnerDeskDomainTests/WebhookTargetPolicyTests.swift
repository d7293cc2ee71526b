import Foundation
import PartnerDeskDomain
import Testing

@Suite struct WebhookTargetPolicyTests {
    private let policy = WebhookTargetPolicy()

    private func refusalOf(_ url: String, policy: WebhookTargetPolicy = WebhookTargetPolicy()) -> WebhookTargetRefusal?
    {
        do {
            _ = try policy.target(for: URL(string: url)!)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        // Loopback.
        ("https://127.0.0.1/", "loopback"), ("https://127.255.255.254/", "loopback"), ("https://[::1]/", "loopback"),
        // Unspecified.
        ("https://0.0.0.0/", "unspecified"), ("https://0.1.2.3/", "unspecified"), ("https://[::]/", "unspecified"),
        // Private networks.
        ("https://10.0.0.1/", "private-network"), ("https://10.255.255.255/", "private-network"),
        ("https://172.16.0.1/", "private-network"), ("https://172.31.255.255/", "private-network"),
        ("https://192.168.0.1/", "private-network"), ("https://192.168.255.255/", "private-network"),
        ("https://[fc00::1]/", "private-network"), ("https://[fdff:ffff::1]/", "private-network"),
        ("https://[fec0::1]/", "private-network"),
        // Link-local, including the cloud metadata address.
        ("https://169.254.169.254/latest/meta-data/", "link-local"), ("https://169.254.0.1/", "link-local"),
        ("https://[fe80::1]/", "link-local"), ("https://[febf::1]/", "link-local"),
        // Carrier-grade NAT.
        ("https://100.64.0.1/", "shared-address-space"), ("https://100.127.255.255/", "shared-address-space"),
        // Multicast.
        ("https://224.0.0.1/", "multicast"), ("https://239.255.255.250/", "multicast"),
        ("https://[ff02::1]/", "multicast"),
        // Reserved and broadcast.
        ("https://240.0.0.1/", "reserved"), ("https://255.255.255.255/", "reserved"),
        ("https://[4000::1]/", "reserved"),
        // Other special-purpose blocks.
        ("https://192.0.0.8/", "special-purpose"), ("https://192.0.2.1/", "special-purpose"),
        ("https://198.18.0.1/", "special-purpose"), ("https://198.51.100.7/", "special-purpose"),
        ("https://203.0.113.5/", "special-purpose"), ("https://[2001:db8::1]/", "special-purpose"),
        ("https://[2001:0:4136:e378::1]/", "special-purpose"), ("https://[::8.8.8.8]/", "special-purpose"),
        // IPv6 spellings of refused IPv4 addresses.
        ("https://[::ffff:127.0.0.1]/", "loopback"), ("https://[::ffff:7f00:1]/", "loopback"),
        ("https://[0:0:0:0:0:ffff:127.0.0.1]/", "loopback"), ("https://[::ffff:10.0.0.1]/", "private-network"),
        ("https://[::ffff:169.254.169.254]/", "link-local"), ("https://[::ffff:100.64.0.1]/", "shared-address-space"),
        ("https://[::ffff:0.0.0.0]/", "unspecified"), ("https://[::ffff:224.0.0.1]/", "multicast"),
        ("https://[::ffff:255.255.255.255]/", "reserved"), ("https://[::127.0.0.1]/", "loopback"),
        ("https://[::169.254.169.254]/", "link-local"), ("https://[64:ff9b::127.0.0.1]/", "loopback"),
        ("https://[64:ff9b::a9fe:a9fe]/", "link-local"), ("https://[2002:7f00:1::]/", "loopback"),
        ("https://[2002:c0a8:101::1]/", "private-network"),
        // Names.
        ("https://localhost/", "localhost-name"), ("https://LOCALHOST./", "localhost-name"),
        ("https://api.localhost/", "localhost-name"), ("https://%6c%6fcalhost/", "localhost-name"),
        ("https://metadata.google.internal/computeMetadata/v1/", "metadata-name"),
        ("http://Metadata.Google.Internal./", "metadata-name"), ("https://metadata/", "metadata-name"),
        ("https://instance-data.ec2.internal/", "metadata-name"),
        // Numeric spellings resolvers accept.
        ("https://2130706433/", "numeric-host-spelling"), ("https://0x7f.1/", "numeric-host-spelling"),
        ("https://017700000001/", "numeric-host-spelling"), ("https://127.1/", "numeric-host-spelling"),
        ("https://0x7f000001/", "numeric-host-spelling"), ("https://0177.0.0.1/", "numeric-host-spelling"),
        ("https://127.0.0.01/", "numeric-host-spelling"), ("https://0/", "numeric-host-spelling"),
        ("https://0xA9.0xFE.0xA9.0xFE/", "numeric-host-spelling"), ("https://1.2.3.4.5/", "numeric-host-spelling"),
        ("https://999.1.1.1/", "numeric-host-spelling"), ("https://partner.example.123/", "numeric-host-spelling"),
        // Schemes, credentials and malformed hosts.
        ("ftp://files.partner.example/", "unsupported-scheme"), ("file:///etc/passwd", "unsupported-scheme"),
        ("gopher://partner.example/", "unsupported-scheme"), ("partner.example/hook", "unsupported-scheme"),
        ("https://user:pass@hooks.partner.example/", "credentials-in-url"),
        ("https://token@hooks.partner.example/", "credentials-in-url"),
        ("https:///hook", "invalid-host"), ("https://[fe80::1%25eth0]/", "invalid-host"),
        ("https://local%00host/", "invalid-host"), ("https://hooks.partner.example:0/", "invalid-host"),
        ("https://hooks.partner.example:65536/", "invalid-host"), ("https://hooks_partner!.example/", "invalid-host"),
        // Plain HTTP to an address outside the allow list.
        ("http://8.8.8.8/", "plain-http"),
    ])
    func target_refuses(url: String, rule: String) throws {
        let refusal = try #require(refusalOf(url))
        #expect(refusal.rule.rawValue == rule)
    }

    @Test(arguments: [
        "https://hooks.partner.example/", "https://8.8.8.8/", "https://1.1.1.1:8443/", "https://[2606:4700::1111]/",
        "https://[::ffff:8.8.8.8]/", "https://[64:ff9b::8.8.8.8]/", "https://[2002:808:808::1]/",
        "https://172.32.0.1/", "https://172.15.255.255/", "https://100.128.0.1/", "https://100.63.255.255/",
        "https://169.255.0.1/", "https://192.169.0.1/", "https://11.0.0.1/", "https://223.255.255.255/",
        "https://localhost.partner.example/", "https://notlocalhost/", "https://123.partner.example/",
        "https://metadata.partner.example/", "http://hooks.partner.example/",
    ])
    func target_accepts(url: String) {
        #expect(refusalOf(url) == nil)
    }

    @Test func registrable_refusesPlainHTTP_unlessTheAllowListCouldAllowIt() throws {
        let url = URL(string: "http://relay.partner.example/hook")!
        #expect(throws: WebhookTargetRefusal(rule: .plainHTTP, subject: "relay.partner.example")) {
            try policy.registrable(url)
        }
        let byName = WebhookTargetPolicy(allowList: try WebhookAllowList(parsing: "relay.partner.example"))
        #expect(try byName.registrable(url).host == "relay.partner.example")
        // A name might resolve into an allowed block: only delivery can tell.
        let byBlock = WebhookTargetPolicy(allowList: try WebhookAllowList(parsing: "10.20.0.0/16"))
        #expect(try byBlock.registrable(url).host == "relay.partner.example")
        #expect(try policy.registrable(URL(string: "https://relay.partner.example/hook")!).scheme == .https)
    }

    @Test func target_normalisesTheHostAndKeepsThePathAndQuery() throws {
        let target = try policy.target(for: URL(string: "HTTPS://Hooks.Partner.Example.:8443/in/a%20b?x=1&y=2#part")!)
        #expect(target.scheme == .https)
        #expect(target.host == "hooks.partner.example")
        #expect(target.port == 8443)
        #expect(target.requestTarget == "/in/a%20b?x=1&y=2")
        #expect(target.address == nil)
        #expect(target.origin == "https://hooks.partner.example:8443")
    }

    @Test func target_withoutAPath_requestsTheRoot() throws {
        let target = try policy.target(for: URL(string: "https://hooks.partner.example")!)
        #expect(target.requestTarget == "/")
        #expect(target.port == 443)
        #expect(target.origin == "https://hooks.partner.example")
    }

    @Test func target_forAnAddress_keepsTheAddress() throws {
        let target = try policy.target(for: URL(string: "https://[2606:4700:0:0::1111]:8443/")!)
        #expect(target.address == IPAddress("2606:4700::1111"))
        #expect(target.origin == "https://[2606:4700::1111]:8443")
    }

    @Test func refusal_namesTheRuleAndHostButNeverThePathOrQuery() throws {
        let refusal = try #require(refusalOf("https://127.0.0.1/hook/secret-token?key=abc"))
        #expect(refusal.description == "webhook target refused (loopback: loopback addresses are refused): 127.0.0.1")
        let mapped = try #require(refusalOf("https://[::ffff:169.254.169.254]/"))
        #expect(mapped.subject == "::ffff:169.254.169.254 (IPv4 169.254.169.254)")
        let numeric = try #require(refusalOf("https://0x7f.1/"))
        #expect(numeric.subject == "0x7f.1 (reads as 127.0.0.1)")
    }

    @Test func check_refusesResolvedAddressesByTheSameRules() throws {
        let target = try policy.target(for: URL(string: "https://hooks.partner.example/")!)
        #expect(
            throws: WebhookTargetRefusal(rule: .privateNetwork, subject: "hooks.partner.example resolved to 10.0.0.1")
        ) {
            try policy.check(IPAddress("10.0.0.1")!, for: target)
        }
        #expect(
            throws: WebhookTargetRefusal(
                rule: .loopback, subject: "hooks.partner.example resolved to ::ffff:127.0.0.1 (IPv4 127.0.0.1)")
        ) {
            try policy.check(IPAddress("::ffff:127.0.0.1")!, for: target)
        }
        try policy.check(IPAddress("93.184.216.34")!, for: target)
    }

    @Test func check_refusesPlainHTTPToAPublicAddress() throws {
        let target = try policy.target(for: URL(string: "http://hooks.partner.example/")!)
        #expect(
            throws: WebhookTargetRefusal(rule: .plainHTTP, subject: "hooks.partner.example resolved to 93.184.216.34")
        ) {
            try policy.check(IPAddress("93.184.216.34")!, for: target)
        }
    }

    @Test func allowedBlocks_overrideTheAddressRulesAndAllowPlainHTTP() throws {
        let allowing = WebhookTargetPolicy(allowList: try WebhookAllowList(parsing: "127.0.0.0/8, 10.20.0.0/16"))
        for url in ["http://127.0.0.1:8080/", "https://127.9.9.9/", "http://[::ffff:127.0.0.1]/", "https://10.20.1.2/"]
        {
            #expect(refusalOf(url, policy: allowing) == nil)
        }
        #expect(refusalOf("https://10.21.0.1/", policy: allowing)?.rule == .privateNetwork)
        #expect(refusalOf("https://[::1]/", policy: allowing)?.rule == .loopback)
        #expect(refusalOf("https://localhost/", policy: allowing)?.rule == .localhostName)
        #expect(refusalOf("https://127.1/", policy: allowing)?.rule == .numericHostSpelling)

        let target = try allowing.target(for: URL(string: "http://relay.partner.example/")!)
        try allowing.check(IPAddress("10.20.5.5")!, for: target)
        #expect(throws: WebhookTargetRefusal.self) { try allowing.check(IPAddress("10.30.5.5")!, for: target) }
    }

    @Test func allowedNames_overrideTheNameAndAddressRulesForThatNameOnly() throws {
        let allowing = WebhookTargetPolicy(allowList: try WebhookAllowList(parsing: "localhost, relay.partner.example"))
        let local = try allowing.target(for: URL(string: "http://localhost:8080/")!)
        #expect(local.isAllowedByName)
        try allowing.check(IPAddress("127.0.0.1")!, for: local)
        try allowing.check(IPAddress("::1")!, for: local)

        let relay = try allowing.target(for: URL(string: "http://RELAY.partner.example./hook")!)
        try allowing.check(IPAddress("10.1.2.3")!, for: relay)

        #expect(refusalOf("https://api.localhost/", policy: allowing)?.rule == .localhostName)
        let other = try allowing.target(for: URL(string: "https://other.partner.example/")!)
        #expect(throws: WebhookTargetRefusal.self) { try allowing.check(IPAddress("10.1.2.3")!, for: other) }
    }

    @Test func everyRule_hasAStableCodeAndASummary() {
        let codes = WebhookTargetRefusal.Rule.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        for rule in WebhookTargetRefusal.Rule.allCases {
            #expect(!rule.summary.isEmpty)
        }
    }
}
