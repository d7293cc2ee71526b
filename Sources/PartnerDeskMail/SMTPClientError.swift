/// What can go wrong on an SMTP connection apart from a refusal by the server.
enum SMTPClientError: Error, Sendable, Hashable {
    /// No complete reply (or TLS handshake) within the per-command timeout.
    case timedOut
    /// The server closed the connection before answering.
    case connectionClosed
    /// The server sent something that is not an SMTP reply line.
    case malformedReply
    /// The server sent more bytes right after agreeing to STARTTLS, before the TLS handshake: a sign of an
    /// attempt to inject plain-text replies into the encrypted session.
    case dataAfterSTARTTLS
    /// A reply after which no TLS handshake was expected arrived where the client awaited one, or the reverse.
    case unexpectedEvent
}
