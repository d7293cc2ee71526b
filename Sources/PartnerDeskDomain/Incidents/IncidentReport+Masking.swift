extension IncidentReport {
    /// The report with secrets and other people's personal data masked in its free text (error type,
    /// description, suspected problem), and what was masked. The e-mail address of the user the incident is
    /// about may stay: it is the one the data set asks for. The alternative contact is for reaching the
    /// partner, so its address or number stays too.
    public func maskingSensitiveText() -> (report: IncidentReport, maskings: [TextMasking]) {
        let masker = SensitiveTextMasker(allowedEmailAddresses: [userEmail.description])
        var report = self
        var maskings: [TextMasking] = []
        func mask(_ text: String, _ field: String) -> String {
            let masked = masker.mask(text, field: field)
            maskings += masked.maskings
            return masked.text
        }
        report.errorType = mask(errorType, "errorType")
        report.description = mask(description, "description")
        report.suspectedProblem = suspectedProblem.map { mask($0, "suspectedProblem") }
        return (report, maskings)
    }
}
