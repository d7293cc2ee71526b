import Foundation

/// An ordered, bounded list of removed metadata names in which each name appears once.
///
/// Hostile files can hold hundreds of thousands of chunks with distinct made-up names, so membership
/// is tracked in a set and at most `maxNames` names are kept; anything beyond collapses into `other`.
struct RemovedMetadataList: Sendable {
    /// The most distinct names reported, including the final `other` entry.
    static let maxNames = 24

    /// The names recorded so far, in first-seen order.
    private(set) var names: [String] = []
    /// The same names, for constant-time duplicate checks.
    private var seen: Set<String> = []

    /// Records `name` unless it is already listed; once the list is full, records `other` instead.
    mutating func record(_ name: String) {
        guard !seen.contains(name) else { return }
        let entry = names.count < Self.maxNames - 1 ? name : "other"
        if seen.insert(entry).inserted {
            names.append(entry)
        }
    }
}
