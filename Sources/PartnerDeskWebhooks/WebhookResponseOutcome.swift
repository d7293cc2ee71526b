/// What a partner's HTTP status means for a delivery: done, go on to another URL, or a failure that may or
/// may not pass with time.
enum WebhookResponseOutcome: Sendable, Hashable {
    /// 2xx: the partner has the event.
    case delivered
    /// 307 or 308 with a `Location`: post the same body to that URL (after checking it again).
    case redirect(location: String)
    /// Anything else, in words that follow the partner's origin in a failure reason.
    case failed(retryable: Bool, explanation: String)

    /// Reads a status code and the response's `Location` header.
    ///
    /// 408 (request timeout), 429 (too many requests) and 5xx may pass, so they are retryable; other 4xx say
    /// the partner will not take this request, and other 3xx would turn the POST into something else (301,
    /// 302 and 303 let clients switch to GET), so neither is retried.
    init(status: Int, location: String?) {
        switch status {
        case 200...299:
            self = .delivered
        case 307, 308:
            if let location, !location.isEmpty {
                self = .redirect(location: location)
            } else {
                self = .failed(retryable: false, explanation: "answered HTTP \(status) without a Location header")
            }
        case 300...399:
            self = .failed(
                retryable: false, explanation: "answered HTTP \(status); only 307 and 308 redirects are followed"
            )
        case 408, 429, 500...599:
            self = .failed(retryable: true, explanation: "answered HTTP \(status)")
        case 400...499:
            self = .failed(retryable: false, explanation: "answered HTTP \(status)")
        default:
            self = .failed(retryable: false, explanation: "answered with unexpected HTTP status \(status)")
        }
    }
}
