import Foundation
import PartnerDeskServices

/// JSON for the generated types outside the runtime (answers kept for idempotent replays), with instants
/// written and read as ``InstantTranscoder`` does.
enum ContractJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try InstantTranscoder().encode(date))
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

extension CreateOutcome {
    /// The answer to an idempotent create, as stored: rendered in the creating transaction (or now, when it
    /// was not), or the first answer again for a repeat, which says it was replayed.
    func answer(rendering render: (View) throws -> StoredResponse) throws -> (stored: StoredResponse, replayed: Bool) {
        switch self {
        case .created(let view, let stored): (try stored ?? render(view), false)
        case .replayed(let stored): (stored, true)
        }
    }
}
