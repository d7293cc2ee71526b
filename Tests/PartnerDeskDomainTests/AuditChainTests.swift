import Foundation
import PartnerDeskDomain
import Testing

@Suite struct AuditChainTests {
    /// A stand-in hash that is easy to reason about and sensitive to every character.
    static func hash(_ text: String) -> String {
        String(
            text.unicodeScalars.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1.value)) &* 1099511628211 },
            radix: 16)
    }

    static func chain(_ count: Int) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        var previous = AuditChain.genesis
        for sequence in 1...count {
            var entry = AuditEntry(
                sequence: sequence, at: Date(timeIntervalSince1970: Double(sequence)), actor: "token:\(sequence)",
                actorName: "Caller \(sequence)", partnerID: nil, action: "incident.raise", outcome: .succeeded,
                target: "INC-00000\(sequence)", detail: nil, requestID: "r\(sequence)", previousHash: previous, hash: ""
            )
            entry.hash = hash(AuditChain.canonicalText(of: entry))
            previous = entry.hash
            entries.append(entry)
        }
        return entries
    }

    @Test func intactChain_verifies() {
        #expect(AuditChain.verify(Self.chain(5), hash: Self.hash) == nil)
        #expect(AuditChain.verify([], hash: Self.hash) == nil)
    }

    @Test func editedEntry_isNamed() {
        var entries = Self.chain(5)
        entries[2].outcome = .denied
        #expect(AuditChain.verify(entries, hash: Self.hash) == .alteredEntry(sequence: 3))
    }

    @Test func removedEntry_isNamed() {
        var entries = Self.chain(5)
        entries.remove(at: 1)
        #expect(AuditChain.verify(entries, hash: Self.hash) == .gap(expected: 2, found: 3))
    }

    @Test func rehashedReplacement_breaksTheNextLink() {
        var entries = Self.chain(5)
        entries[1].detail = "rewritten"
        entries[1].hash = Self.hash(AuditChain.canonicalText(of: entries[1]))
        #expect(AuditChain.verify(entries, hash: Self.hash) == .brokenLink(sequence: 3))
    }

    @Test func canonicalText_separatesFieldsUnambiguously() {
        var first = Self.chain(1)[0]
        var second = first
        first.actorName = "a|b"
        first.detail = nil
        second.actorName = "a"
        second.detail = "b"
        #expect(AuditChain.canonicalText(of: first) != AuditChain.canonicalText(of: second))
    }
}
