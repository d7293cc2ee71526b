import Foundation

/// Slows password guessing without letting anyone lock the owner out of their own account.
///
/// Failed sign-ins count three ways. The tight limit is on one account from one address, which is all that
/// touches a person who mistypes. Two looser ceilings stop guessing spread across many addresses or many
/// accounts, and both apply only where the account has not signed in before: the per-account ceiling to
/// addresses the account has never used, the per-address ceiling to accounts that address has never signed
/// in to. So an attacker who floods an administrator's account from elsewhere does not stop the
/// administrator signing in from their usual address, and one address behind which a whole GP surgery sits
/// is not shut because one person there keeps failing. An address becomes known to an account with a
/// complete sign-in (password and any second factor) and stays known for ``knownAddressLifetime``.
///
/// The throttle answers the same way whether or not the account exists, so it reveals nothing.
/// `docs/security.md` gives the arithmetic for how many guesses this allows.
///
/// ```swift
/// let throttle = SignInThrottle()
/// throttle.retryAfter(SignInThrottle.Failures(pair: p, account: a, address: d), addressIsKnown: false, now: now)
/// ```
public struct SignInThrottle: Hashable, Sendable {
    /// A number of failures within a sliding window.
    public struct Limit: Hashable, Sendable {
        public var failures: Int
        /// Seconds.
        public var window: Int

        public init(failures: Int, window: Int) {
            self.failures = failures
            self.window = window
        }

        /// Seconds until another attempt is allowed under this limit, or `nil` when one is allowed now.
        /// `failures` are instants in any order.
        public func retryAfter(_ failures: [Date], now: Date) -> Int? {
            let start = now.addingTimeInterval(-Double(window))
            let recent = failures.filter { $0 > start && $0 <= now }.sorted()
            guard recent.count >= self.failures else { return nil }
            let unlock = recent[recent.count - self.failures].addingTimeInterval(Double(window))
            return max(1, Int(unlock.timeIntervalSince(now).rounded(.up)))
        }
    }

    /// The recent failures that count against one attempt.
    public struct Failures: Hashable, Sendable {
        /// For this account from this address.
        public var pair: [Date]
        /// For this account from any address.
        public var account: [Date]
        /// From this address for any account.
        public var address: [Date]

        public init(pair: [Date], account: [Date], address: [Date]) {
            self.pair = pair
            self.account = account
            self.address = address
        }
    }

    /// One account from one address.
    public var pair: Limit
    /// One account from the addresses it has not signed in from.
    public var account: Limit
    /// One address for the accounts it has not signed in to.
    public var address: Limit
    /// Seconds a complete sign-in keeps an address known to the account.
    public var knownAddressLifetime: Int

    public init(
        pair: Limit = Limit(failures: 5, window: 15 * 60), account: Limit = Limit(failures: 100, window: 24 * 3_600),
        address: Limit = Limit(failures: 100, window: 3_600), knownAddressLifetime: Int = 90 * 24 * 3_600
    ) {
        self.pair = pair
        self.account = account
        self.address = address
        self.knownAddressLifetime = knownAddressLifetime
    }

    /// The client address as the throttle counts it: an IPv4-mapped IPv6 address as its IPv4 address, and any
    /// other IPv6 address by its /64, which one household or office usually holds whole (so stepping through
    /// the addresses of a /64 does not escape the limits). Text that is not an address is kept as it is.
    public static func addressKey(_ text: String) -> String {
        guard let address = IPAddress(text) else { return text }
        if let mapped = address.ipv4Mapped { return IPAddress.v4(mapped).description }
        guard address.bitWidth == 128 else { return address.description }
        return "\(address.masked(to: 64))/64"
    }

    /// How far back failures are needed to decide.
    public var longestWindow: Int { max(pair.window, account.window, address.window) }

    /// Seconds until another attempt is allowed, or `nil` when one is allowed now. `addressIsKnown` says
    /// whether the account completed a sign-in from this address within ``knownAddressLifetime``.
    public func retryAfter(_ failures: Failures, addressIsKnown: Bool, now: Date) -> Int? {
        var limits = [(pair, failures.pair)]
        if !addressIsKnown { limits += [(account, failures.account), (address, failures.address)] }
        return limits.compactMap { $0.retryAfter($1, now: now) }.max()
    }
}
