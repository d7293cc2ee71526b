import NIOPosix
import PartnerDeskDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Resolves names with the operating system's `getaddrinfo` (so `/etc/hosts` and the configured DNS servers
/// apply), on a thread pool so no event loop waits for it.
public struct SystemHostResolver: WebhookHostResolver {
    /// Why a lookup failed, in `getaddrinfo`'s words.
    public struct LookupError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The system's message, e.g. `Name or service not known`.
        public var message: String

        /// The system's message.
        public var description: String { message }
    }

    private let threadPool: NIOThreadPool

    /// A resolver that runs its lookups on the given thread pool (NIO's shared one by default).
    public init(threadPool: NIOThreadPool = .singleton) {
        self.threadPool = threadPool
    }

    /// Every IPv4 and IPv6 address `getaddrinfo` returns for the name, without repeats, in its order.
    public func addresses(of host: String) async throws -> [IPAddress] {
        try await threadPool.runIfActive { try Self.lookUp(host) }
    }

    private static func lookUp(_ host: String) throws -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
            hints.ai_socktype = SOCK_STREAM
        #else
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else {
            throw LookupError(message: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var addresses: [IPAddress] = []
        var entry = list
        while let info = entry?.pointee {
            if let address = address(of: info), !addresses.contains(address) {
                addresses.append(address)
            }
            entry = info.ai_next
        }
        return addresses
    }

    private static func address(of info: addrinfo) -> IPAddress? {
        guard let socketAddress = info.ai_addr else { return nil }
        switch info.ai_family {
        case AF_INET:
            let ipv4 = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            return .v4(UInt32(bigEndian: ipv4.s_addr))
        case AF_INET6:
            var ipv6 = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
            return withUnsafeBytes(of: &ipv6) { IPAddress(bytes: $0) }
        default:
            return nil
        }
    }
}
