import Foundation
import PartnerDeskApp
import PartnerDeskTestSupport
import Testing

@Suite struct TimeOrderedIDGeneratorTests {
    @Test func ids_carryTheMillisecondsVersion7AndTheRFCVariant() {
        // 2026-11-26T10:00:00.123Z is 1,795,687,200,123 ms since 1970, 0x01A2_174C_357B.
        let clock = FixedClock(Date(timeIntervalSince1970: 1_795_687_200.1235))
        let id = TimeOrderedIDGenerator(clock: clock).make()
        let text = id.uuidString.lowercased()
        #expect(text.hasPrefix("01a2174c-357b-7"))
        #expect(["8", "9", "a", "b"].contains(text[text.index(text.startIndex, offsetBy: 19)]))
    }

    @Test func laterIDs_sortAfterEarlierOnes_asTextAndAsBytes() {
        let clock = FixedClock(Date(timeIntervalSince1970: 1_795_687_200))
        let generator = TimeOrderedIDGenerator(clock: clock)
        var previous = generator.make()
        for step in 1...200 {
            clock.advance(by: 0.001 * Double(step % 3 + 1))
            let next = generator.make()
            #expect(previous.uuidString < next.uuidString)
            #expect(
                withUnsafeBytes(of: previous.uuid, Array.init).lexicographicallyPrecedes(
                    withUnsafeBytes(of: next.uuid, Array.init)))
            previous = next
        }
    }

    @Test func idsMadeInTheSameMillisecond_differ() {
        let generator = TimeOrderedIDGenerator(clock: FixedClock(Date(timeIntervalSince1970: 1_795_687_200)))
        #expect(Set((0..<1_000).map { _ in generator.make() }).count == 1_000)
    }
}
