import Foundation
import PartnerDeskDomain

/// JSON for the generated types outside the runtime (answers kept for idempotent replays), with instants
/// written and read as ``InstantTranscoder`` does.
enum ContractJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601Instant.string(from: date))
        }
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            try InstantTranscoder().decode(try decoder.singleValueContainer().decode(String.self))
        }
        return decoder
    }()
}
