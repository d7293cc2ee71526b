/// The person who did something on an HSSI: a name and the capacity they acted in.
///
/// The role is free words ("Partner HSSI manager", "Service Bridge analyst"), because people from several
/// organisations take part and no single list of roles fits them all. Both parts are checked, and passed
/// through the patient-data guard, by the operation that stores them.
public struct HSSIActor: Hashable, Sendable, Codable {
    /// The person's name.
    public var name: String
    /// The capacity they acted in.
    public var role: String

    /// Creates an actor; the operation that records it checks the values.
    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }

    /// `Name (role)`, as exports show it.
    public var display: String { "\(name) (\(role))" }
}
