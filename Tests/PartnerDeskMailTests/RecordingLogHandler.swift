import Logging
import Synchronization

/// A log handler that keeps every record, with its level and metadata, so tests can read what was logged.
struct RecordingLogHandler: LogHandler {
    /// The records, shared by every copy of the handler.
    final class Records: Sendable {
        private let entries = Mutex<[(level: Logger.Level, text: String)]>([])

        var all: [(level: Logger.Level, text: String)] { entries.withLock { $0 } }

        func append(_ level: Logger.Level, _ text: String) {
            entries.withLock { $0.append((level, text)) }
        }
    }

    let records: Records
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    /// A logger at trace level whose records land in `records`.
    static func logger(recordingInto records: Records) -> Logger {
        Logger(label: "test") { _ in RecordingLogHandler(records: records) }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        records.append(event.level, "\(event.message) \(merged)")
    }
}
