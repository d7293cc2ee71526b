/// A step of the SMTP dialogue, named in failure reasons and logs.
enum SMTPStep: String, Sendable, Hashable {
    case connect = "connecting"
    case greeting
    case ehlo = "EHLO"
    case helo = "HELO"
    case startTLS = "STARTTLS"
    case tlsHandshake = "TLS handshake"
    case auth = "AUTH"
    case mailFrom = "MAIL FROM"
    case rcptTo = "RCPT TO"
    case data = "DATA"
    case message
    case quit = "QUIT"

    /// What the client waits for during this step, for timeout reasons: "the reply to RCPT TO".
    var awaited: String {
        switch self {
        case .connect: "the connection"
        case .greeting: "the server's greeting"
        case .tlsHandshake: "the TLS handshake"
        case .message: "the reply to the message"
        default: "the reply to \(rawValue)"
        }
    }
}
