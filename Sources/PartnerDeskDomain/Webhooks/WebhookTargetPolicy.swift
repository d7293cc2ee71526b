import Foundation

/// Decides whether PartnerDesk may call a webhook URL, so a partner cannot point a webhook at PartnerDesk's
/// own machine, its private network or a cloud metadata service (server-side request forgery).
///
/// A call is checked twice: the URL by ``target(for:)`` before any name lookup, then every address the host
/// resolves to by ``check(_:for:)`` before connecting. The rules:
/// - only `https`, and `http` only to targets on the allow list;
/// - no user name or password in the URL;
/// - no `localhost`, `*.localhost` or cloud metadata names (`metadata.google.internal`);
/// - no numeric host other than a dotted-decimal IPv4 address (`2130706433`, `0x7f.1`, `017700000001` and
///   `127.1` all mean 127.0.0.1 to a resolver);
/// - no loopback, unspecified, private, link-local, carrier-grade NAT, multicast, reserved, broadcast or
///   other special-purpose address, nor an IPv6 address that carries one (`::ffff:127.0.0.1`).
///
/// The ``WebhookAllowList`` overrides the address rules for its blocks and the name and address rules for
/// its host names. A refusal says which rule refused the target.
///
/// ```swift
/// let policy = WebhookTargetPolicy(allowList: try WebhookAllowList(parsing: "127.0.0.0/8"))
/// let target = try policy.target(for: URL(string: "http://127.0.0.1:8080/hook")!)
/// ```
public struct WebhookTargetPolicy: Sendable, Hashable {
    /// What the operator allows beyond the rules.
    public var allowList: WebhookAllowList

    /// A policy with the given allow list (empty by default: only public addresses over `https`).
    public init(allowList: WebhookAllowList = WebhookAllowList()) {
        self.allowList = allowList
    }

    /// Reads and checks a URL; throws the refusal when the URL alone breaks a rule. When the host is an
    /// address, the address is checked here too.
    public func target(for url: URL) throws(WebhookTargetRefusal) -> WebhookTarget {
        let rawScheme = url.scheme?.lowercased() ?? ""
        guard let scheme = WebhookTarget.Scheme(rawValue: rawScheme) else {
            throw WebhookTargetRefusal(rule: .unsupportedScheme, subject: rawScheme.isEmpty ? "no scheme" : rawScheme)
        }
        guard url.user(percentEncoded: true) == nil, url.password(percentEncoded: true) == nil else {
            throw WebhookTargetRefusal(rule: .credentialsInURL, subject: "user information in the URL")
        }
        let port = url.port ?? scheme.defaultPort
        guard (1...65_535).contains(port) else {
            throw WebhookTargetRefusal(rule: .invalidHost, subject: "port \(port)")
        }
        let (host, address) = try readHost(of: url)
        var path = url.path(percentEncoded: true)
        if path.isEmpty { path = "/" }
        let requestTarget = url.query(percentEncoded: true).map { path + "?" + $0 } ?? path
        let target = WebhookTarget(
            scheme: scheme, host: host, port: port, requestTarget: requestTarget, address: address,
            isAllowedByName: address == nil && allowList.allows(hostName: host)
        )
        if let address {
            try check(address, for: target)
        } else if !target.isAllowedByName {
            try checkName(host)
        }
        return target
    }

    /// Checks a URL being registered as an endpoint: everything ``target(for:)`` checks, and plain `http` to a
    /// host name that is not on the allow list, unless the list has address blocks the name might resolve
    /// into (only delivery, which resolves it, can tell then).
    public func registrable(_ url: URL) throws(WebhookTargetRefusal) -> WebhookTarget {
        let target = try target(for: url)
        if target.scheme == .http, target.address == nil, !target.isAllowedByName, allowList.ranges.isEmpty {
            throw WebhookTargetRefusal(rule: .plainHTTP, subject: target.host)
        }
        return target
    }

    /// Checks one address the target's host resolved to (or the host itself when it is an address); throws
    /// the refusal when the address breaks a rule the allow list does not override.
    public func check(_ address: IPAddress, for target: WebhookTarget) throws(WebhookTargetRefusal) {
        if target.isAllowedByName || allowList.allows(address) { return }
        let subject = target.address == nil ? "\(target.host) resolved to \(address)" : "\(address)"
        if let verdict = SpecialAddressBlocks.verdict(for: address) {
            let embedded = verdict.embeddedIPv4.map { " (IPv4 \($0))" } ?? ""
            throw WebhookTargetRefusal(rule: verdict.rule, subject: subject + embedded)
        }
        if target.scheme == .http {
            throw WebhookTargetRefusal(rule: .plainHTTP, subject: subject)
        }
    }

    private static let localhostNames: Set<String> = ["localhost"]
    private static let metadataNames: Set<String> = [
        "metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal",
    ]

    private func readHost(of url: URL) throws(WebhookTargetRefusal) -> (host: String, address: IPAddress?) {
        var rawHost = url.host(percentEncoded: false) ?? ""
        if rawHost.hasPrefix("["), rawHost.hasSuffix("]") {
            rawHost = String(rawHost.dropFirst().dropLast())
        }
        guard !rawHost.isEmpty else {
            throw WebhookTargetRefusal(rule: .invalidHost, subject: "no host")
        }
        if rawHost.contains(":") {
            guard let address = IPAddress(rawHost) else {
                throw WebhookTargetRefusal(rule: .invalidHost, subject: Self.printable(rawHost))
            }
            return (address.description, address)
        }
        let host = WebhookHostName.normalised(rawHost)
        if let address = IPAddress(host) {
            return (host, address)
        }
        if NumericHostSpelling.looksNumeric(Substring(host)) {
            let meaning = NumericHostSpelling.address(of: Substring(host)).map { "reads as \($0)" } ?? "not an address"
            throw WebhookTargetRefusal(rule: .numericHostSpelling, subject: "\(Self.printable(host)) (\(meaning))")
        }
        guard let name = WebhookHostName.validated(host) else {
            throw WebhookTargetRefusal(rule: .invalidHost, subject: Self.printable(rawHost))
        }
        return (name, nil)
    }

    private func checkName(_ host: String) throws(WebhookTargetRefusal) {
        if Self.localhostNames.contains(host) || host.hasSuffix(".localhost") {
            throw WebhookTargetRefusal(rule: .localhostName, subject: host)
        }
        if Self.metadataNames.contains(host) {
            throw WebhookTargetRefusal(rule: .metadataName, subject: host)
        }
    }

    /// The host as it may appear in a message: control and non-ASCII characters escaped, at most 100 long.
    private static func printable(_ text: String) -> String {
        let escaped = text.unicodeScalars.map { scalar in
            (0x21...0x7E).contains(scalar.value) ? String(scalar) : "\\u{\(String(scalar.value, radix: 16))}"
        }
        let joined = escaped.joined()
        return joined.count > 100 ? joined.prefix(100) + "…" : joined
    }
}
