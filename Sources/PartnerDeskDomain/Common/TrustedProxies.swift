import Foundation

/// The reverse proxies whose word PartnerDesk takes for where a request came from.
///
/// Behind a proxy every request arrives from the proxy's own address, so sign-in throttling and the audit log
/// would see one client. A configured proxy passes the client's address in `X-Forwarded-For` or, when
/// configured so, `Forwarded` (RFC 7239): exactly one of the two is read, so a header the proxy passes on
/// untouched from the client is never believed. The header is believed only when the direct peer is a
/// trusted proxy; anyone else can write it, so otherwise it is ignored. The chain is read from the right (the hop nearest PartnerDesk):
/// each trusted proxy vouches for the address to its left, and the first address that is not a trusted proxy
/// is the client. An entry that is not an address ends the walk at the last proxy that was trusted.
///
/// ```swift
/// let proxies = TrustedProxies(ranges: [IPAddressRange("127.0.0.1")!])
/// proxies.client(peer: IPAddress("127.0.0.1")!, forwarded: nil, forwardedFor: "198.51.100.7")  // 198.51.100.7
/// proxies.client(peer: IPAddress("203.0.113.9")!, forwarded: nil, forwardedFor: "10.0.0.1")    // 203.0.113.9
/// ```
public struct TrustedProxies: Hashable, Sendable {
    /// Which header the proxies write the client's address in.
    public enum Header: String, CaseIterable, Hashable, Sendable {
        case xForwardedFor = "x-forwarded-for"
        case forwarded = "forwarded"
    }

    /// The proxies' addresses, as blocks.
    public let ranges: [IPAddressRange]
    /// The one header read; the other is ignored.
    public let header: Header

    public init(ranges: [IPAddressRange] = [], header: Header = .xForwardedFor) {
        self.ranges = ranges
        self.header = header
    }

    /// Reads a comma-separated list of addresses and CIDR blocks; throws the entries that are neither.
    public init(parsing text: String, header: Header = .xForwardedFor) throws(InvalidEntries) {
        var ranges: [IPAddressRange] = []
        var invalid: [String] = []
        for entry in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            if let range = IPAddressRange(entry) { ranges.append(range) } else { invalid.append(entry) }
        }
        guard invalid.isEmpty else { throw InvalidEntries(entries: invalid) }
        self.init(ranges: ranges, header: header)
    }

    /// Entries of a proxy list that are neither addresses nor CIDR blocks.
    public struct InvalidEntries: Error, Hashable, Sendable {
        public let entries: [String]

        public init(entries: [String]) { self.entries = entries }
    }

    /// Whether the address is one of the proxies (an IPv4-mapped IPv6 address counts as its IPv4 address).
    public func trusts(_ address: IPAddress) -> Bool {
        let mapped = address.ipv4Mapped.map(IPAddress.v4)
        return ranges.contains { $0.contains(address) || mapped.map($0.contains) == true }
    }

    /// The client's address for a request from `peer` with these headers (only ``header`` is read).
    public func client(peer: IPAddress, forwarded: String?, forwardedFor: String?) -> IPAddress {
        guard trusts(peer) else { return peer }
        let hops: [String]
        switch header {
        case .forwarded:
            guard let forwarded, !forwarded.isEmpty else { return peer }
            hops = Self.forElements(forwarded)
        case .xForwardedFor:
            guard let forwardedFor, !forwardedFor.isEmpty else { return peer }
            hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var client = peer
        for hop in hops.reversed() {
            guard let address = Self.address(hop) else { return client }
            client = address
            guard trusts(address) else { return address }
        }
        return client
    }

    /// The `for=` values of a `Forwarded` header, in order (RFC 7239 section 4); an element without one gives
    /// an empty value, which is not an address and so ends the walk there.
    static func forElements(_ header: String) -> [String] {
        header.split(separator: ",").map { element in
            element.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.lowercased().hasPrefix("for=") }.map { String($0.dropFirst(4)) } ?? ""
        }
    }

    /// An address from one hop: bare, quoted, in brackets, with or without a port. Obfuscated identifiers
    /// (`_hidden`) and `unknown` are not addresses.
    static func address(_ hop: String) -> IPAddress? {
        var text = Substring(hop)
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = text.dropFirst().dropLast() }
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            return IPAddress(text[text.index(after: text.startIndex)..<close])
        }
        if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            return IPAddress(text[..<colon])
        }
        return IPAddress(text)
    }
}
