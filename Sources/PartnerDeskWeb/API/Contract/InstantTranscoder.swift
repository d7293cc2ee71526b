import Foundation
import OpenAPIRuntime
import PartnerDeskDomain

/// Instants in the API are ISO 8601 with a zone, read and written by the Domain's own reader and writer
/// (seconds precision, `Z`), so the generated types agree with everything else PartnerDesk prints.
struct InstantTranscoder: DateTranscoder {
    func encode(_ date: Date) throws -> String { ISO8601Instant.string(from: date) }

    func decode(_ text: String) throws -> Date {
        guard let date = ISO8601Instant.date(from: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "\(text) is not an ISO 8601 instant with a zone"))
        }
        return date
    }
}
