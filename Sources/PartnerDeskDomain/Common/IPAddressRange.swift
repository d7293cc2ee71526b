/// A block of addresses written in CIDR notation: a network address and how many leading bits are fixed.
///
/// ```swift
/// let loopback = IPAddressRange("127.0.0.0/8")!
/// loopback.contains(IPAddress("127.0.0.1")!)  // true
/// IPAddressRange("10.1.2.3/8")  // nil: bits after the prefix must be zero
/// ```
public struct IPAddressRange: Sendable, Hashable, CustomStringConvertible {
    /// The first address of the block (every bit after the prefix is zero).
    public let network: IPAddress
    /// How many leading bits every address in the block shares: 0–32 for IPv4, 0–128 for IPv6.
    public let prefixLength: Int

    /// Makes a block from its network address and prefix length, or returns `nil` when the length is out of
    /// range or the address has bits set after the prefix.
    public init?(network: IPAddress, prefixLength: Int) {
        let width = network.bitWidth
        guard (0...width).contains(prefixLength), network.masked(to: prefixLength) == network else { return nil }
        self.network = network
        self.prefixLength = prefixLength
    }

    /// Reads `address/length`, or a bare address as a block of one (`/32` or `/128`); returns `nil` for
    /// anything else, including a network address with bits set after the prefix.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(parts[0]) else { return nil }
        guard parts.count == 2 else {
            self.init(network: address, prefixLength: address.bitWidth)
            return
        }
        let lengthText = parts[1]
        guard (1...3).contains(lengthText.count), lengthText.allSatisfy({ $0.isASCII && $0.isNumber }),
            lengthText == "0" || lengthText.first != "0", let length = Int(lengthText)
        else { return nil }
        self.init(network: address, prefixLength: length)
    }

    /// Whether the address lies in the block (an IPv4 address never lies in an IPv6 block, nor the reverse).
    public func contains(_ address: IPAddress) -> Bool {
        address.bitWidth == network.bitWidth && address.masked(to: prefixLength) == network
    }

    /// `address/length` in canonical text.
    public var description: String { "\(network)/\(prefixLength)" }
}
