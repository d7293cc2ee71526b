/// Where and how ``SMTPMailTransport`` delivers e-mail: the relay, how the connection is protected, and
/// the credentials and timeouts to use.
///
/// ```swift
/// let configuration = SMTPConfiguration(
///     host: "smtp.example.net",
///     credentials: .init(username: "partnerdesk", password: secret),
///     heloName: "partnerdesk.example.net"
/// )
/// ```
public struct SMTPConfiguration: Sendable, Hashable {
    /// How the connection to the relay is protected.
    public enum Security: Sendable, Hashable {
        /// Connect in plain text and upgrade with STARTTLS before anything else is sent (port 587 or 25).
        /// A server that does not offer STARTTLS is refused: credentials and mail never travel in clear.
        case startTLS
        /// TLS from the first byte (port 465).
        case implicitTLS
        /// No TLS at all. Only for relays on the same machine or network, and for tests.
        case plain
    }

    /// A user name and password for SMTP AUTH. Printing or dumping the value never shows the password.
    public struct Credentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
        CustomReflectable
    {
        /// The user name.
        public var username: String
        /// The password, sent only inside TLS (or on a `.plain` connection).
        public var password: String

        /// Credentials for AUTH PLAIN or AUTH LOGIN.
        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }

        /// The user name, with the password hidden.
        public var description: String { "\(username) (password hidden)" }
        /// The user name, with the password hidden.
        public var debugDescription: String { description }
        /// Only the user name, so `dump` cannot reveal the password.
        public var customMirror: Mirror { Mirror(self, children: ["username": username]) }
    }

    /// The relay's host name (or IP address); it is also the name its certificate must carry.
    public var host: String
    /// The relay's TCP port.
    public var port: Int
    /// How the connection is protected; STARTTLS unless said otherwise.
    public var security: Security
    /// Credentials for SMTP AUTH, or `nil` to send without authenticating.
    public var credentials: Credentials?
    /// The name this service gives in EHLO/HELO: its own fully qualified host name.
    public var heloName: String
    /// How long to wait for the TCP connection to open.
    public var connectTimeout: Duration
    /// How long to wait for each reply (and for the TLS handshake).
    public var commandTimeout: Duration
    /// A PEM file of extra certificate authorities to trust besides the system's, for relays with a
    /// private CA; `nil` trusts the system's store only.
    public var trustRootsPEMPath: String?

    /// A configuration; the port defaults to the one that goes with the security (587, 465 or 25).
    public init(
        host: String,
        port: Int? = nil,
        security: Security = .startTLS,
        credentials: Credentials? = nil,
        heloName: String,
        connectTimeout: Duration = .seconds(10),
        commandTimeout: Duration = .seconds(30),
        trustRootsPEMPath: String? = nil
    ) {
        self.host = host
        self.security = security
        self.port =
            port
            ?? {
                switch security {
                case .startTLS: 587
                case .implicitTLS: 465
                case .plain: 25
                }
            }()
        self.credentials = credentials
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.trustRootsPEMPath = trustRootsPEMPath
    }

    /// Every problem with the values, in words for the operator; empty when the configuration can be used.
    public var problems: [String] {
        var problems: [String] = []
        if host.isEmpty || host.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) {
            problems.append("the SMTP host must be a host name or IP address without spaces")
        }
        if !(1...65535).contains(port) {
            problems.append("the SMTP port must be between 1 and 65535 (it is \(port))")
        }
        if heloName.isEmpty || !heloName.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) {
            problems.append("the EHLO name must be a host name in printable ASCII without spaces")
        }
        if connectTimeout <= .zero {
            problems.append("the SMTP connect timeout must be positive")
        }
        if commandTimeout <= .zero {
            problems.append("the SMTP command timeout must be positive")
        }
        if let credentials {
            let forbidden: Set<Unicode.Scalar> = ["\0", "\r", "\n"]
            if credentials.username.isEmpty || credentials.username.unicodeScalars.contains(where: forbidden.contains) {
                problems.append("the SMTP user name must not be empty or contain NUL, CR or LF")
            }
            if credentials.password.unicodeScalars.contains(where: forbidden.contains) {
                problems.append("the SMTP password must not contain NUL, CR or LF")
            }
        }
        return problems
    }
}
