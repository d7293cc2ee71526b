import Foundation
import PartnerDeskDomain
import Synchronization

/// few milliseconds).
final class HoursCalendars: Sendable {
    private let built = Mutex<[String: BusinessCalendar]>([:])
    /// Sorted keys, so the same hours always give the same cache key.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    func calendar(for hours: OperatingHours, around instant: Date) throws -> BusinessCalendar {
        let year = Calendar(identifier: .gregorian).component(.year, from: instant)
        let years = (year - 1)...(year + 2)
        let key = String(decoding: (try? Self.encoder.encode(hours)) ?? Data(), as: UTF8.self) + " \(years)"
        if let calendar = built.withLock({ $0[key] }) { return calendar }
        let calendar = try hours.makeCalendar(tableYears: years)
        built.withLock { $0[key] = calendar }
        return calendar
    }
}
