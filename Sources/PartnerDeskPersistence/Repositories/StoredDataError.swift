import FluentKit
import Foundation
import PartnerDeskServices

/// A stored row that no longer reads back as a valid domain value (for example an unknown enum string
/// written by a newer version). Reported loudly rather than skipped, so no record silently disappears.
enum StoredDataError: Error, CustomStringConvertible {
    case unreadable(table: String, id: UUID?)

    var description: String {
        switch self {
        case .unreadable(let table, let id):
            "Row \(id?.uuidString.lowercased() ?? "without id") in \(table) does not hold valid values."
        }
    }
}

/// Runs a write and reports a broken uniqueness rule as ``RepositoryError/conflict(_:)``.
func translatingConstraintFailures<T>(_ message: String, _ work: () async throws -> T) async throws -> T {
    do {
        return try await work()
    } catch let error as any DatabaseError where error.isConstraintFailure {
        throw RepositoryError.conflict(message)
    }
}
