import Foundation
import PartnerDeskDomain
import Testing

@Suite struct AuditCheckpointTests {
    let sign: (String) -> String = { "mac(" + $0.count.description + ")" + String($0.reversed().prefix(8)) }
    let head = String(repeating: "ab", count: 32)
    let at = ISO8601Instant.date(from: "2026-12-01T17:22:34Z")!

    @Test func aLine_readsBackAsTheSameCheckpoint_alsoFromInsideALogLine() throws {
        let checkpoint = AuditCheckpoint(sequence: 41, hash: head, at: at, sign: sign)
        #expect(
            checkpoint.line.hasPrefix("partnerdesk-audit-checkpoint/1 sequence=41 hash=\(head) at=2026-12-01T17:22:34Z")
        )
        #expect(AuditCheckpoint(line: checkpoint.line) == checkpoint)
        let json = #"{"message":"Audit checkpoint","checkpoint":"\#(checkpoint.line)"}"#
        #expect(AuditCheckpoint(line: json) == checkpoint)
        #expect(AuditCheckpoint(line: "partnerdesk-audit-checkpoint/1 sequence=x hash=\(head)") == nil)
        #expect(AuditCheckpoint(line: "nothing here") == nil)
    }

    @Test func theFindings_tellAHoldingChainFromACutOrRewrittenOne_andRefuseAnotherKey() {
        let checkpoint = AuditCheckpoint(sequence: 41, hash: head, at: at, sign: sign)
        #expect(checkpoint.check(lastSequence: 50, hashAtSequence: head, sign: sign) == .holds)
        #expect(checkpoint.check(lastSequence: 41, hashAtSequence: head, sign: sign) == .holds)
        #expect(checkpoint.check(lastSequence: 39, hashAtSequence: nil, sign: sign) == .truncated(lastSequence: 39))
        #expect(checkpoint.check(lastSequence: 50, hashAtSequence: "ff", sign: sign) == .differs)
        #expect(checkpoint.check(lastSequence: 50, hashAtSequence: head, sign: { _ in "other" }) == .badSignature)
        let empty = AuditCheckpoint(sequence: 0, hash: AuditChain.genesis, at: at, sign: sign)
        #expect(empty.check(lastSequence: 0, hashAtSequence: nil, sign: sign) == .holds)
    }
}
