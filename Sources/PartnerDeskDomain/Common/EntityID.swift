import Foundation

/// A typed identifier: an `EntityID<Partner>` can never be passed where an `EntityID<User>` is expected.
///
/// Identifiers are UUIDs created by the services layer's id generator, never inside the domain.
public struct EntityID<Entity>: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The underlying UUID.
    public let rawValue: UUID

    /// Wraps an existing UUID.
    public init(_ rawValue: UUID) {
        self.rawValue = rawValue
    }

    /// Parses the canonical textual form of a UUID; `nil` when the text is not one.
    public init?(uuidString: String) {
        guard let uuid = UUID(uuidString: uuidString) else { return nil }
        self.rawValue = uuid
    }

    public var description: String { rawValue.uuidString.lowercased() }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(UUID.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
