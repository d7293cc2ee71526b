import Foundation
import Synchronization

/// The keys a request type reads, for holding our own request types to the document's schemas: found once
/// per type by letting it decode from a probe that answers every question with an empty value and writes
/// down every key it is asked for.
enum KnownKeys {
    private static let cache = Mutex<[ObjectIdentifier: Set<String>?]>([:])

    /// The top-level keys of the type, or `nil` when probing cannot tell.
    static func of<Body: Decodable>(_ type: Body.Type) -> Set<String>? {
        if let known = cache.withLock({ $0[ObjectIdentifier(type)] }) { return known }
        let probe = KeyProbe()
        let keys: Set<String>? = (try? Body(from: probe)) != nil ? probe.keys.withLock { $0 } : nil
        cache.withLock { $0[ObjectIdentifier(type)] = keys }
        return keys
    }
}

/// A decoder that records the keys its top-level container is asked for and answers with empty values.
final class KeyProbe: Decoder, Sendable {
    let keys = Mutex<Set<String>>([])
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(depth: Int = 0) {
        self.depth = depth
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(probe: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed() }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(depth: depth) }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let probe: KeyProbe
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }

        private func note(_ key: Key) {
            if probe.depth == 0 { probe.keys.withLock { _ = $0.insert(key.stringValue) } }
        }

        func contains(_ key: Key) -> Bool {
            note(key)
            return false
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            note(key)
            return true
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            note(key)
            return nil
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            note(key)
            return try T(from: KeyProbe(depth: probe.depth + 1))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            note(key)
            return KeyedDecodingContainer(Keyed<NestedKey>(probe: KeyProbe(depth: probe.depth + 1)))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            note(key)
            return Unkeyed()
        }

        func superDecoder() throws -> any Decoder { KeyProbe(depth: probe.depth + 1) }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            note(key)
            return KeyProbe(depth: probe.depth + 1)
        }
    }

    /// An empty array.
    private struct Unkeyed: UnkeyedDecodingContainer {
        var codingPath: [any CodingKey] { [] }
        var count: Int? { 0 }
        var isAtEnd: Bool { true }
        var currentIndex: Int { 0 }

        mutating func decodeNil() throws -> Bool { true }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            throw DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "probe"))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            throw DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "probe"))
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { self }

        mutating func superDecoder() throws -> any Decoder { KeyProbe(depth: 1) }
    }

    /// Empty strings, zeros and false.
    private struct Single: SingleValueDecodingContainer {
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { false }
        func decode(_ type: Bool.Type) throws -> Bool { false }
        func decode(_ type: String.Type) throws -> String { "" }
        func decode(_ type: Double.Type) throws -> Double { 0 }
        func decode(_ type: Float.Type) throws -> Float { 0 }
        func decode(_ type: Int.Type) throws -> Int { 0 }
        func decode(_ type: Int8.Type) throws -> Int8 { 0 }
        func decode(_ type: Int16.Type) throws -> Int16 { 0 }
        func decode(_ type: Int32.Type) throws -> Int32 { 0 }
        func decode(_ type: Int64.Type) throws -> Int64 { 0 }
        func decode(_ type: UInt.Type) throws -> UInt { 0 }
        func decode(_ type: UInt8.Type) throws -> UInt8 { 0 }
        func decode(_ type: UInt16.Type) throws -> UInt16 { 0 }
        func decode(_ type: UInt32.Type) throws -> UInt32 { 0 }
        func decode(_ type: UInt64.Type) throws -> UInt64 { 0 }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: KeyProbe(depth: depth + 1)) }
    }
}

/// Finds a key that appears twice in one JSON object, which `JSONSerialization` and `JSONDecoder` accept
/// silently (keeping one of the two).
