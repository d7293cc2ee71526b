import Vapor

/// Who may read `/metrics`. Open only while PartnerDesk listens on loopback alone and has no public address;
/// otherwise Prometheus must present the configured token, and without one the route stays shut.
public enum MetricsAccess: Sendable, Equatable {
    /// Anyone who can reach the port (the port is loopback only).
    case open
    /// Callers presenting `Authorization: Bearer <token>`.
    case token(String)
    /// Nobody: the service is reachable from elsewhere and no token is configured.
    case closed

    /// Refuses a request the access does not let in.
    func check(_ request: Request) throws {
        switch self {
        case .open:
            return
        case .token(let expected):
            guard let sent = request.headers.bearerAuthorization?.token, Self.same(sent, expected) else {
                throw Unauthenticated(reason: "Send the metrics token as Authorization: Bearer <token>.")
            }
        case .closed:
            throw Abort(
                .forbidden,
                reason:
                    "The metrics are shut because PartnerDesk is reachable beyond loopback: set PARTNERDESK_METRICS_TOKEN and give it to Prometheus."
            )
        }
    }

    /// Compares in time that does not depend on where the texts differ.
    static func same(_ sent: String, _ expected: String) -> Bool {
        let (a, b) = (Array(sent.utf8), Array(expected.utf8))
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
