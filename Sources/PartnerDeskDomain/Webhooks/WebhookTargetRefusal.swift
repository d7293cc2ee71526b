/// Why ``WebhookTargetPolicy`` will not let PartnerDesk call a URL or an address: the rule and what broke it.
///
/// The description is meant for administrators (it ends up in the dead-letter list), so it names the rule
/// and the host or address, never the URL's path or query, which may carry a partner's token.
public struct WebhookTargetRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule that refused the target; its raw value is a stable code.
    public enum Rule: String, Sendable, Hashable, CaseIterable {
        /// The scheme is neither `https` nor `http`.
        case unsupportedScheme = "unsupported-scheme"
        /// Plain `http` to a target the allow list does not name.
        case plainHTTP = "plain-http"
        /// The URL carries a user name or password.
        case credentialsInURL = "credentials-in-url"
        /// The URL has no host, a host that is not a valid DNS name or IP address, or a port outside 1–65535.
        case invalidHost = "invalid-host"
        /// `localhost` or a name under `.localhost`.
        case localhostName = "localhost-name"
        /// A cloud provider's instance metadata service, such as `metadata.google.internal`.
        case metadataName = "metadata-name"
        /// A numeric host that is not a dotted-decimal IPv4 address (`2130706433`, `0x7f.1`, `127.1`).
        case numericHostSpelling = "numeric-host-spelling"
        /// 127.0.0.0/8 or ::1.
        case loopback
        /// 0.0.0.0/8 or ::.
        case unspecified
        /// 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7 or fec0::/10.
        case privateNetwork = "private-network"
        /// 169.254.0.0/16 (which holds the 169.254.169.254 metadata address) or fe80::/10.
        case linkLocal = "link-local"
        /// Carrier-grade NAT, 100.64.0.0/10.
        case sharedAddressSpace = "shared-address-space"
        /// 224.0.0.0/4 or ff00::/8.
        case multicast
        /// 240.0.0.0/4 (which holds the broadcast address 255.255.255.255) or IPv6 outside 2000::/3.
        case reserved
        /// Other special-purpose blocks: IETF protocol assignments, documentation, benchmarking, 6to4 relays,
        /// Teredo, deprecated IPv4-compatible IPv6 addresses.
        case specialPurpose = "special-purpose"

        /// The rule in a few words, for refusal messages and documentation.
        public var summary: String {
            switch self {
            case .unsupportedScheme: "only https (or http to an allowed target) may be called"
            case .plainHTTP: "plain http is allowed only to targets on the allow list"
            case .credentialsInURL: "user names and passwords in the URL are not supported"
            case .invalidHost: "the host or port is missing or not valid"
            case .localhostName: "localhost names are refused"
            case .metadataName: "cloud metadata service names are refused"
            case .numericHostSpelling: "numeric hosts must be written as dotted-decimal IPv4 addresses"
            case .loopback: "loopback addresses are refused"
            case .unspecified: "unspecified addresses are refused"
            case .privateNetwork: "private network addresses are refused"
            case .linkLocal: "link-local addresses (including cloud metadata) are refused"
            case .sharedAddressSpace: "carrier-grade NAT addresses are refused"
            case .multicast: "multicast addresses are refused"
            case .reserved: "reserved and broadcast addresses are refused"
            case .specialPurpose: "special-purpose addresses are refused"
            }
        }
    }

    /// The rule that refused the target.
    public var rule: Rule
    /// The host or address the rule applied to, e.g. `localhost` or `::ffff:127.0.0.1 (IPv4 127.0.0.1)`.
    public var subject: String

    /// Records which rule refused which host or address.
    public init(rule: Rule, subject: String) {
        self.rule = rule
        self.subject = subject
    }

    /// For example `webhook target refused (loopback: loopback addresses are refused): 127.0.0.1`.
    public var description: String {
        "webhook target refused (\(rule.rawValue): \(rule.summary)): \(subject)"
    }
}
