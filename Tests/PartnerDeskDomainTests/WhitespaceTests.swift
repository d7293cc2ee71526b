import Foundation
import Testing

@testable import PartnerDeskDomain

@Suite struct WhitespaceTests {
    @Test func trimming_removesWhatFoundationRemoves_forEveryScalarOfTheBasicPlane() {
        var differences: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)\(scalar)a b\(scalar)"
            if text.trimmingWhitespace != text.trimmingCharacters(in: .whitespacesAndNewlines) {
                differences.append(String(value, radix: 16))
            }
        }
        #expect(differences.isEmpty)
    }

    @Test func trimming_leavesInnerSpaces_andEmptiesBlankText() {
        #expect(" \t Sign-in loop \r\n".trimmingWhitespace == "Sign-in loop")
        #expect("\u{3000}\u{00A0}\n".trimmingWhitespace.isEmpty)
    }
}
