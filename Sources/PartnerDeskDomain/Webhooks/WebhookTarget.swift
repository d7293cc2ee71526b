/// A webhook URL that ``WebhookTargetPolicy`` has read and accepted as far as the URL alone can tell; the
/// addresses its host resolves to still have to pass ``WebhookTargetPolicy/check(_:for:)``.
public struct WebhookTarget: Sendable, Hashable {
    /// The two schemes a webhook may use.
    public enum Scheme: String, Sendable, Hashable {
        /// HTTP over TLS, with the certificate checked against the host name.
        case https
        /// Plain HTTP: only to targets on the allow list.
        case http

        var defaultPort: Int {
            switch self {
            case .https: 443
            case .http: 80
            }
        }
    }

    /// The scheme.
    public let scheme: Scheme
    /// The host in lower case without a trailing dot; an IPv6 address without its brackets.
    public let host: String
    /// The port, given or the scheme's default.
    public let port: Int
    /// The path and query as sent in the request line, never empty (`/` at least).
    public let requestTarget: String
    /// The address, when the host is written as one; no name lookup is needed then.
    public let address: IPAddress?
    /// Whether the host name itself is on the allow list, which accepts every address it resolves to.
    public let isAllowedByName: Bool

    init(
        scheme: Scheme, host: String, port: Int, requestTarget: String, address: IPAddress?, isAllowedByName: Bool
    ) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.requestTarget = requestTarget
        self.address = address
        self.isAllowedByName = isAllowedByName
    }

    /// Scheme, host and port, e.g. `https://hooks.partner.example` or `http://[::1]:8080`: safe to log and to
    /// show administrators, unlike the path and query, which may carry a partner's token.
    public var origin: String {
        scheme.rawValue + "://" + authority
    }

    /// The `Host` header: the host (bracketed for IPv6), with the port when it is not the default.
    public var authority: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return port == scheme.defaultPort ? bracketed : "\(bracketed):\(port)"
    }

    /// The name to send in TLS server name indication and to check the certificate against; `nil` for an
    /// address, whose certificate is checked against the address instead.
    public var serverName: String? {
        address == nil ? host : nil
    }
}
