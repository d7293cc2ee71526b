import Foundation
import PartnerDeskDomain
import Synchronization

/// The London day a server last checked every partner's rota for gaps, so it does so once a day.
final class RotaCheckDay: Sendable {
    private let day = Mutex<String?>(nil)

    func isDone(_ today: String) -> Bool { day.withLock { $0 == today } }
    func done(_ today: String) { day.withLock { $0 = today } }
}

/// Partners' hours of operation as calendars, built once per distinct set of hours (building one takes a
