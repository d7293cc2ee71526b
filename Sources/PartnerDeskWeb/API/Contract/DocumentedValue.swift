/// A value of the Domain as the document enumerates it. The two spell their values alike, and a test that
/// reads every answer finds a value the document is missing: it answers 500 naming it, never a wrong value.
extension RawRepresentable where RawValue == String {
    static func documented(_ value: String) throws -> Self {
        guard let documented = Self(rawValue: value) else {
            throw UndocumentedValue(type: "\(Self.self)", value: value)
        }
        return documented
    }
}

struct UndocumentedValue: Error, CustomStringConvertible {
    var type: String
    var value: String
    var description: String { "openapi.yaml does not list \(value) among the values of \(type)" }
}
