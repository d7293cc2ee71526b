/// The address blocks a webhook must never reach unless the allow list says so, after the IANA IPv4 and
/// IPv6 special-purpose registries (RFC 6890 and its updates).
///
/// IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64 and 6to4) are judged by the
/// IPv4 address inside them, so `::ffff:127.0.0.1` is refused as loopback.
enum SpecialAddressBlocks {
    /// Why an address is refused: the rule, and the IPv4 address inside it when that is what was judged.
    struct Verdict: Sendable, Hashable {
        var rule: WebhookTargetRefusal.Rule
        var embeddedIPv4: IPAddress?
    }

    private typealias Block = (range: IPAddressRange, rule: WebhookTargetRefusal.Rule)

    private static let ipv4Blocks: [Block] = blocks([
        ("0.0.0.0/8", .unspecified),
        ("127.0.0.0/8", .loopback),
        ("10.0.0.0/8", .privateNetwork),
        ("172.16.0.0/12", .privateNetwork),
        ("192.168.0.0/16", .privateNetwork),
        ("169.254.0.0/16", .linkLocal),
        ("100.64.0.0/10", .sharedAddressSpace),
        ("224.0.0.0/4", .multicast),
        ("240.0.0.0/4", .reserved),
        ("192.0.0.0/24", .specialPurpose),
        ("192.0.2.0/24", .specialPurpose),
        ("192.88.99.0/24", .specialPurpose),
        ("198.18.0.0/15", .specialPurpose),
        ("198.51.100.0/24", .specialPurpose),
        ("203.0.113.0/24", .specialPurpose),
    ])

    private static let ipv6Blocks: [Block] = blocks([
        ("::/128", .unspecified),
        ("::1/128", .loopback),
        ("fc00::/7", .privateNetwork),
        ("fec0::/10", .privateNetwork),
        ("fe80::/10", .linkLocal),
        ("ff00::/8", .multicast),
        ("100::/64", .specialPurpose),
        ("64:ff9b:1::/48", .specialPurpose),
        ("2001::/32", .specialPurpose),
        ("2001:db8::/32", .specialPurpose),
    ])

    private static func blocks(_ list: [(String, WebhookTargetRefusal.Rule)]) -> [Block] {
        list.map { (IPAddressRange($0.0)!, $0.1) }
    }

    private static let globalUnicast = IPAddressRange("2000::/3")!
    private static let ipv4Mapped = IPAddressRange("::ffff:0:0/96")!
    private static let ipv4Compatible = IPAddressRange("::/96")!
    private static let nat64 = IPAddressRange("64:ff9b::/96")!
    private static let sixToFour = IPAddressRange("2002::/16")!

    /// The verdict on an address, or `nil` when it is an ordinary public address.
    static func verdict(for address: IPAddress) -> Verdict? {
        switch address {
        case .v4(let value):
            return ipv4Verdict(value).map { Verdict(rule: $0, embeddedIPv4: nil) }
        case .v6(let high, let low):
            if let rule = ipv6Blocks.first(where: { $0.range.contains(address) })?.rule {
                return Verdict(rule: rule, embeddedIPv4: nil)
            }
            if ipv4Mapped.contains(address) || nat64.contains(address) {
                return embedded(UInt32(truncatingIfNeeded: low), otherwise: nil)
            }
            if ipv4Compatible.contains(address) {
                // Deprecated by RFC 4291 and never routed today: refused even when the IPv4 part is public.
                return embedded(UInt32(truncatingIfNeeded: low), otherwise: .specialPurpose)
            }
            if sixToFour.contains(address) {
                return embedded(UInt32(truncatingIfNeeded: high >> 16), otherwise: nil)
            }
            if !globalUnicast.contains(address) {
                return Verdict(rule: .reserved, embeddedIPv4: nil)
            }
            return nil
        }
    }

    private static func ipv4Verdict(_ value: UInt32) -> WebhookTargetRefusal.Rule? {
        ipv4Blocks.first(where: { $0.range.contains(.v4(value)) })?.rule
    }

    private static func embedded(_ value: UInt32, otherwise: WebhookTargetRefusal.Rule?) -> Verdict? {
        if let rule = ipv4Verdict(value) {
            return Verdict(rule: rule, embeddedIPv4: .v4(value))
        }
        return otherwise.map { Verdict(rule: $0, embeddedIPv4: .v4(value)) }
    }
}
