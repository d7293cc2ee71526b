import Foundation

/// A signed statement of where the audit log's chain stood at one moment: how many entries it held and the hash
/// of the newest one.
///
/// The hash chain shows that no entry was altered, removed or moved, but not that none were cut off the end:
/// a shortened chain is still a valid chain. A checkpoint kept outside the database (in the service's log, in
/// a file beside it, in each backup) closes that gap: a later chain must still hold the checkpoint's entry,
/// with the same hash. The signature is an HMAC-SHA-256 with a key that is never stored in the database, so
/// whoever can edit the database cannot make a checkpoint for a shorter chain.
///
/// ```swift
/// let checkpoint = AuditCheckpoint(sequence: 41, hash: head, at: now, sign: anchor.sign)
/// checkpoint.line  // "partnerdesk-audit-checkpoint/1 sequence=41 hash=… at=2026-12-01T17:00:00Z mac=…"
/// ```
public struct AuditCheckpoint: Hashable, Sendable {
    /// How every checkpoint line starts, with the format's version.
    public static let prefix = "partnerdesk-audit-checkpoint/1"

    /// The number of entries the chain held (0 for an empty log).
    public let sequence: Int
    /// The hash of entry `sequence` (``AuditChain/genesis`` for an empty log).
    public let hash: String
    public let at: Date
    /// The HMAC of ``signedText``, hexadecimal.
    public let mac: String

    /// Makes and signs a checkpoint.
    public init(sequence: Int, hash: String, at: Date, sign: (String) -> String) {
        self.sequence = sequence
        self.hash = hash
        self.at = Date(timeIntervalSince1970: at.timeIntervalSince1970.rounded(.down))
        self.mac = sign(Self.signedText(sequence: sequence, hash: hash, at: self.at))
    }

    /// Reads a checkpoint line as ``line`` writes it, wherever it stands in a log line (JSON or text, with
    /// other fields before or after it); `nil` when there is none. Each value is read by its exact form, so
    /// whatever the log puts around it is never taken as part of it.
    public init?(line text: String) {
        guard let start = text.range(of: Self.prefix) else { return nil }
        let rest = text[start.upperBound...]
        guard let sequence = rest.firstMatch(of: /\ssequence=(\d{1,18})\b/).flatMap({ Int($0.output.1) }),
            let hash = rest.firstMatch(of: /\shash=([0-9a-f]{64})\b/)?.output.1,
            let at = rest.firstMatch(of: /\sat=(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)/).flatMap({
                ISO8601Instant.date(from: String($0.output.1))
            }),
            let mac = rest.firstMatch(of: /\smac=([0-9a-f]{1,128})\b/)?.output.1
        else { return nil }
        self.sequence = sequence
        self.hash = String(hash)
        self.at = at
        self.mac = String(mac)
    }

    /// The text the signature covers.
    public static func signedText(sequence: Int, hash: String, at: Date) -> String {
        "\(prefix)|\(sequence)|\(hash)|\(ISO8601Instant.string(from: at))"
    }

    /// The checkpoint as one line of text.
    public var line: String {
        "\(Self.prefix) sequence=\(sequence) hash=\(hash) at=\(ISO8601Instant.string(from: at)) mac=\(mac)"
    }

    /// Whether the signature is the key's.
    public func isSigned(by sign: (String) -> String) -> Bool {
        let expected = Array(sign(Self.signedText(sequence: sequence, hash: hash, at: at)).utf8)
        let given = Array(mac.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// What a checkpoint says about the chain as it is now.
    public enum Finding: Hashable, Sendable {
        /// The chain still holds the checkpoint's entry, unchanged.
        case holds
        /// The signature is not the key's: the checkpoint was not made by this PartnerDesk (or the key changed).
        case badSignature
        /// The chain ends before the checkpoint's entry: entries were cut off the end.
        case truncated(lastSequence: Int)
        /// The chain holds an entry with the checkpoint's number but another hash: it was rewritten.
        case differs
    }

    /// Compares the checkpoint with a chain whose newest entry is `lastSequence` and whose entry `sequence` has
    /// `hashAtSequence` (`nil` when there is none).
    public func check(lastSequence: Int, hashAtSequence: String?, sign: (String) -> String) -> Finding {
        guard isSigned(by: sign) else { return .badSignature }
        guard lastSequence >= sequence else { return .truncated(lastSequence: lastSequence) }
        let current = sequence == 0 ? AuditChain.genesis : hashAtSequence
        return current == hash ? .holds : .differs
    }
}
