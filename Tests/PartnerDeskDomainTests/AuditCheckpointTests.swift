import Foundation
import PartnerDeskDomain
import Testing

@Suite struct AuditCheckpointTests {
    /// A stand-in MAC in hexadecimal, as real ones are.
    let sign: (String) -> String = { String($0.utf8.reduce(UInt64(7)) { $0 &* 31 &+ UInt64($1) }, radix: 16) }
    let head = String(repeating: "ab", count: 32)
    let at = ISO8601Instant.date(from: "2026-12-01T17:22:34Z")!

    @Test func aLine_readsBackAsTheSameCheckpoint_alsoFromInsideALogLine() throws {
        let checkpoint = AuditCheckpoint(sequence: 41, hash: head, at: at, sign: sign)
        #expect(
            checkpoint.line.hasPrefix("partnerdesk-audit-checkpoint/1 sequence=41 hash=\(head) at=2026-12-01T17:22:34Z")
        )
        #expect(AuditCheckpoint(line: checkpoint.line) == checkpoint)
        // As the JSON log writes it (keys sorted, so more fields follow), and as a console line.
        let json =
            #"{"checkpoint":"\#(checkpoint.line)","level":"notice","logger":"partnerdesk","message":"Audit checkpoint"}"#
        #expect(AuditCheckpoint(line: json) == checkpoint)
        #expect(
            AuditCheckpoint(line: "2026-12-01T17:22:34Z notice partnerdesk: [checkpoint: \(checkpoint.line)] Audit")
                == checkpoint)
        #expect(AuditCheckpoint(line: "partnerdesk-audit-checkpoint/1 sequence=x hash=\(head)") == nil)
        #expect(AuditCheckpoint(line: "nothing here") == nil)
    }

    @Test func theFindings_tellAHoldingChainFromACutOrRewrittenOne_andRefuseAnotherKey() {
        let checkpoint = AuditCheckpoint(sequence: 41, hash: head, at: at, sign: sign)
        #expect(checkpoint.check(lastSequence: 50, hashAtSequence: head, sign: sign) == .holds)
        #expect(checkpoint.check(lastSequence: 41, hashAtSequence: head, sign: sign) == .holds)
        #expect(checkpoint.check(lastSequence: 39, hashAtSequence: nil, sign: sign) == .truncated(lastSequence: 39))
        #expect(checkpoint.check(lastSequence: 50, hashAtSequence: "ff", sign: sign) == .differs)
        #expect(checkpoint.check(lastSequence: 50, hashAtSequence: head, sign: { _ in "0badc0de" }) == .badSignature)
        let empty = AuditCheckpoint(sequence: 0, hash: AuditChain.genesis, at: at, sign: sign)
        #expect(empty.check(lastSequence: 0, hashAtSequence: nil, sign: sign) == .holds)
    }
}
