import Foundation

/// Targets the operator has explicitly allowed although the policy would refuse them: address blocks and
/// exact host names. This is what `PARTNERDESK_WEBHOOK_ALLOW` holds.
///
/// An allowed block lets PartnerDesk call any address inside it, by any name, over `https` or `http`. An
/// allowed host name lets it call that name (not its subdomains) over `https` or `http`, whatever addresses
/// the name resolves to, so prefer blocks where the partner's addresses are known.
///
/// ```swift
/// let allow = try WebhookAllowList(parsing: "127.0.0.0/8, relay.partner.example")
/// ```
public struct WebhookAllowList: Sendable, Hashable {
    /// Why a list could not be read: every entry that is not a block, an address or a host name.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The entries that could not be read, as written.
        public var invalidEntries: [String]

        /// Lists the entries that could not be read.
        public init(invalidEntries: [String]) {
            self.invalidEntries = invalidEntries
        }

        /// For example `PARTNERDESK_WEBHOOK_ALLOW: not an address block or host name: "10.1.2.3/8", "*.x"`.
        public var description: String {
            "PARTNERDESK_WEBHOOK_ALLOW: not an address block or host name: "
                + invalidEntries.map { "\"\($0)\"" }.joined(separator: ", ")
        }
    }

    /// The allowed address blocks.
    public var ranges: [IPAddressRange]
    /// The allowed host names, in lower case without a trailing dot.
    public var hostNames: Set<String>

    /// Makes a list from blocks and names; names are compared case-insensitively.
    public init(ranges: [IPAddressRange] = [], hostNames: Set<String> = []) {
        self.ranges = ranges
        self.hostNames = Set(hostNames.map { WebhookHostName.normalised($0) })
    }

    /// Reads a comma-separated list of CIDR blocks (`10.20.0.0/16`, `fd12::/64`), single addresses and exact
    /// host names; spaces around entries and empty entries are ignored. Throws ``ParseError`` naming every
    /// entry it could not read, including blocks with bits set after the prefix and wildcard names.
    public init(parsing text: String) throws(ParseError) {
        var ranges: [IPAddressRange] = []
        var hostNames: Set<String> = []
        var invalid: [String] = []
        for rawEntry in text.split(separator: ",") {
            let entry = rawEntry.trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty else { continue }
            if let range = IPAddressRange(entry) {
                ranges.append(range)
            } else if entry.contains(where: { $0 == "/" || $0 == ":" }) {
                invalid.append(entry)
            } else if let name = WebhookHostName.validated(entry), !NumericHostSpelling.looksNumeric(Substring(name)) {
                hostNames.insert(name)
            } else {
                invalid.append(entry)
            }
        }
        guard invalid.isEmpty else { throw ParseError(invalidEntries: invalid) }
        self.init(ranges: ranges, hostNames: hostNames)
    }

    /// Whether nothing is allowed beyond the policy's rules.
    public var isEmpty: Bool { ranges.isEmpty && hostNames.isEmpty }

    /// Whether an allowed block holds the address (or, for an IPv4-mapped IPv6 address, the IPv4 inside it).
    public func allows(_ address: IPAddress) -> Bool {
        let mapped = address.ipv4Mapped.map(IPAddress.v4)
        return ranges.contains { $0.contains(address) || mapped.map($0.contains) == true }
    }

    /// Whether the host name is allowed exactly (case-insensitively, ignoring a trailing dot).
    public func allows(hostName: String) -> Bool {
        hostNames.contains(WebhookHostName.normalised(hostName))
    }
}
