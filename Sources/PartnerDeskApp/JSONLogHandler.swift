import Foundation
import Logging

/// Writes one JSON object per log line to standard error (standard output stays free for command results): time (UTC, ISO 8601), level, logger, message,
/// and every metadata value (Vapor adds `request-id` to each line of a request).
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let sink: @Sendable (String) -> Void

    /// Creates a handler that writes to standard error.
    public init(label: String, level: Logger.Level) {
        self.init(label: label, level: level) { line in
            JSONLogHandler.lock.withLock {
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        }
    }

    /// Creates a handler that hands each finished line to `sink` (tests capture lines this way).
    public init(label: String, level: Logger.Level, sink: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.logLevel = level
        self.sink = sink
    }

    private static let lock = NSLock()

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = self.metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let explicit = event.metadata { merged.merge(explicit) { _, new in new } }
        var object: [String: Any] = merged.mapValues(Self.json)
        object["time"] = Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(Date())
        object["level"] = event.level.rawValue
        object["logger"] = label
        object["message"] = event.message.description
        if let error = event.error { object["error"] = String(describing: error) }
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
            let text = String(data: data, encoding: .utf8)
        else { return }
        sink(text)
    }

    private static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array(let values): values.map(json)
        case .dictionary(let values): values.mapValues(json)
        }
    }
}
