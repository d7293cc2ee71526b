import Foundation

/// The checks the HSSI and release records share: text that must be present, short enough and free of patient
/// data; the person who acted; and the instant something happened.
/// Longest accepted texts of HSSI and release records, in characters.
enum TextLimits {
    static let name = 200
    static let role = 100
    static let title = 200
    static let text = 5_000
}

extension ValidationCollector {
    /// A required text that must also pass the patient-data guard; `nil` after recording why it was refused.
    mutating func guardedText(_ field: String, _ value: String, label: String, maxLength: Int) -> String? {
        // The long texts (descriptions, notes, updates) may run over several lines; names and titles may not.
        let lines: TextInput.Lines = maxLength >= TextLimits.text ? .multiple : .single
        guard let text = requiredText(field, value, label: label, maxLength: maxLength, lines: lines) else {
            return nil
        }
        return guarded(field, text)
    }

    /// An optional text: `nil` when absent or blank, otherwise checked like ``guardedText(_:_:label:maxLength:)``.
    mutating func optionalGuardedText(_ field: String, _ value: String?, label: String, maxLength: Int) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return guardedText(field, value, label: label, maxLength: maxLength)
    }

    /// The person who acted, with both parts checked; `nil` after recording why it was refused.
    mutating func actor(_ field: String, _ actor: HSSIActor) -> HSSIActor? {
        let name = guardedText("\(field).name", actor.name, label: "name of the person", maxLength: TextLimits.name)
        let role = guardedText("\(field).role", actor.role, label: "role of the person", maxLength: TextLimits.role)
        guard let name, let role else { return nil }
        return HSSIActor(name: name, role: role)
    }

    /// Checks that an instant is not after `now` and not before `earliest` (when given, with the words naming it).
    ///
    /// A field checked twice against the same `now` reports its future time once.
    mutating func instant(
        _ field: String, _ value: Date, label: String, notBefore earliest: (instant: Date, what: String)?, now: Date
    ) {
        if value > now, !issues.contains(where: { $0.field == field && $0.code == "in_future" }) {
            add(field, "in_future", "The time \(label) cannot be in the future.")
        }
        if let earliest, value < earliest.instant {
            add(
                field, "before_earlier_event",
                "The time \(label) cannot be earlier than \(earliest.what) (\(ISO8601Instant.string(from: earliest.instant)))."
            )
        }
    }

    private mutating func guarded(_ field: String, _ text: String) -> String? {
        let refusals = PatientDataGuard().refusals(for: [(field: field, text: text)])
        for refusal in refusals { add(refusal.field, refusal.code, refusal.message) }
        return refusals.isEmpty ? text : nil
    }
}
