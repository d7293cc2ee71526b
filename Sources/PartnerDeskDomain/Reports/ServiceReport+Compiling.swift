import Foundation

extension ServiceReport {
    /// What a report is worked out from, already narrowed by the caller to what concerns its scope.
    public struct Inputs: Sendable {
        public var month: ReportingMonth
        public var scope: Scope
        public var tier: ServiceLevelTier
        /// The month on the London clock: from the start of its first day to the start of the next month's.
        public var period: DateInterval
        public var compiledAt: Date
        /// Every incident that may concern the month: raised before it ended and not resolved before it began.
        /// Others are ignored, so a wider list changes nothing.
        public var incidents: [Incident]
        /// The tier and business calendar each incident's clock runs on (its partner's).
        public var clockRules: @Sendable (Incident) -> (tier: ServiceLevelTier, calendar: BusinessCalendar)
        /// Partner codes by id, for the breaches listed.
        public var partnerCodes: [Partner.ID: String]
        /// The HSSIs that concern the scope; only those that occurred in the month are reported.
        public var hssis: [HigherSeverityIncident]
        /// The partner reported on (whose joins are listed), or nil for every partner invited.
        public var partnerID: Partner.ID?
        /// A partner's hours of operation, for judging its notification of an HSSI.
        public var hours: @Sendable (Partner.ID) -> BusinessCalendar
        /// Problem records with their fix targets as the month ended; only those linked to a reported incident
        /// are listed.
        public var problems: [(problem: Problem, target: ProblemFixTarget)]
        public var availability: AvailabilityMeasure
        public var releases: [Release]
        public var maintenance: [MaintenanceWindow]
        /// The service requests that concern the scope; only those made before the month ended count.
        public var serviceRequests: [ServiceRequest]

        public init(
            month: ReportingMonth, scope: Scope, tier: ServiceLevelTier, period: DateInterval, compiledAt: Date,
            incidents: [Incident],
            clockRules: @escaping @Sendable (Incident) -> (tier: ServiceLevelTier, calendar: BusinessCalendar),
            partnerCodes: [Partner.ID: String], hssis: [HigherSeverityIncident], partnerID: Partner.ID?,
            hours: @escaping @Sendable (Partner.ID) -> BusinessCalendar,
            problems: [(problem: Problem, target: ProblemFixTarget)], availability: AvailabilityMeasure,
            releases: [Release], maintenance: [MaintenanceWindow], serviceRequests: [ServiceRequest] = []
        ) {
            self.month = month
            self.scope = scope
            self.tier = tier
            self.period = period
            self.compiledAt = compiledAt
            self.incidents = incidents
            self.clockRules = clockRules
            self.partnerCodes = partnerCodes
            self.hssis = hssis
            self.partnerID = partnerID
            self.hours = hours
            self.problems = problems
            self.availability = availability
            self.releases = releases
            self.maintenance = maintenance
            self.serviceRequests = serviceRequests
        }
    }

    /// Works a month's report out.
    ///
    /// The rules:
    /// - An incident is **raised** in the month its partner raised it, and counted under the severity its record
    ///   has now: a re-grade after the month is a correction, and revises the report. It is **resolved** in the
    ///   month its clock stood stopped at the month's end (resolved, or handed to a problem record; a reopening
    ///   later does not undo it), and **met** its target when the clock stopped within the target of that
    ///   severity.
    /// - Resolution time is the business time the clock counted, pauses left out. The median is the middle
    ///   value (the mean of the two middle ones, rounded down, for an even count); the 90th percentile is the
    ///   smallest value at or above which no more than a tenth of the values lie (nearest rank).
    /// - A **breach** is an incident resolved in the month after its target, or one still open at the end of the
    ///   month with its target used up.
    /// - HSSIs are those that occurred in the month; the partner's notification is judged against its hours of
    ///   operation, each invitation to the intervention against its 30 minutes, and each status update against
    ///   the time it was due (a due time that passed within the month with no update counts as late).
    /// - A service request is **made** in the month it was submitted and **fulfilled** in the month the desk
    ///   fulfilled it, in time when by the end of its last day. It **missed** its last day when fulfilled in the
    ///   month after it, or still open when the month ended with the day gone; declined and withdrawn requests
    ///   never miss.
    public static func compile(_ inputs: Inputs) -> ServiceReport {
        let end = inputs.period.end
        var raised = [Int: Int]()
        var resolved = [Int: [Int]]()
        var met = [Int: Int]()
        var breaches: [Breach] = []
        var awaiting = 0
        var reported: Set<Incident.ID> = []
        for incident in inputs.incidents where incident.raisedAt < end {
            let stoppedAt = incident.clock.stoppedAt(asOf: end)
            if let stoppedAt, stoppedAt < inputs.period.start { continue }
            let raisedInMonth = inputs.period.contains(incident.raisedAt)
            let (tier, calendar) = inputs.clockRules(incident)
            let cut = stoppedAt ?? end
            guard let severity = incident.severity,
                let started = incident.clock.events.first?.at, started < end
            else {
                if raisedInMonth {
                    awaiting += 1
                    reported.insert(incident.id)
                }
                continue
            }
            let target = tier.incidentResolutionSeconds[severity]
            let status = incident.clock.evaluate(
                at: cut, calendar: calendar, warningThresholds: [], retarget: { _ in target })
            let level = severity.level
            if raisedInMonth { raised[level, default: 0] += 1 }
            if stoppedAt != nil {
                resolved[level, default: []].append(status.elapsedSeconds)
                if status.state == .met { met[level, default: 0] += 1 }
            }
            if status.state == .breached {
                breaches.append(
                    Breach(
                        reference: incident.reference.description,
                        partnerCode: inputs.partnerCodes[incident.partnerID] ?? "", severity: level,
                        targetSeconds: target, countedSeconds: status.elapsedSeconds, dueAt: status.due,
                        resolvedAt: stoppedAt, steps: incident.clock.storyEvents(upTo: cut)))
            }
            if raisedInMonth || stoppedAt != nil || status.state == .breached { reported.insert(incident.id) }
        }
        let rows = Severity.allCases.map { severity in
            row(
                severity: severity.level, target: inputs.tier.incidentResolutionSeconds[severity],
                raised: raised[severity.level] ?? 0, times: resolved[severity.level] ?? [],
                met: met[severity.level] ?? 0)
        }
        let total = row(
            severity: nil, target: nil, raised: raised.values.reduce(0, +),
            times: resolved.values.flatMap { $0 }, met: met.values.reduce(0, +))
        let linked = inputs.incidents.filter { reported.contains($0.id) }.compactMap(\.linkedProblem)
        let counts = Dictionary(linked.map { ($0, 1) }, uniquingKeysWith: +)
        return ServiceReport(
            month: inputs.month, scope: inputs.scope, tierName: inputs.tier.name, compiledAt: inputs.compiledAt,
            incidents: IncidentFigures(bySeverity: rows, total: total, awaitingSeverity: awaiting),
            breaches: breaches.sorted { ($0.severity, $0.reference) < ($1.severity, $1.reference) },
            hssis: hssiRecords(inputs),
            problems: inputs.problems.compactMap { entry -> ProblemRecord? in
                guard let count = counts[entry.problem.reference.description] else { return nil }
                return ProblemRecord(
                    reference: entry.problem.reference.description, title: entry.problem.title,
                    severity: entry.problem.severity.level, status: entry.problem.status.label,
                    fixDue: entry.target.dueDate.description, agreedRelease: entry.target.agreedRelease,
                    fixTargetMissed: entry.target.isBreached, linkedIncidents: count)
            }.sorted { $0.reference < $1.reference },
            availability: AvailabilityFigures(inputs.availability),
            releases: inputs.releases.compactMap { release -> ReleaseRecord? in
                let at = release.releasedAt ?? release.plannedAt
                guard inputs.period.contains(at) else { return nil }
                return ReleaseRecord(
                    name: release.name, summary: release.summary, at: at, status: release.status.rawValue)
            }.sorted { ($0.at, $0.name) < ($1.at, $1.name) },
            maintenance: inputs.maintenance.compactMap { window -> MaintenanceRecord? in
                guard window.announcedAt != nil, window.startsAt < end, window.endsAt > inputs.period.start else {
                    return nil
                }
                return MaintenanceRecord(
                    reference: window.reference, summary: window.summary, startsAt: window.startsAt,
                    endsAt: window.endsAt)
            }.sorted { ($0.startsAt, $0.reference) < ($1.startsAt, $1.reference) },
            serviceRequests: requestFigures(inputs))
    }

    private static func requestFigures(_ inputs: Inputs) -> ServiceRequestFigures {
        let end = inputs.period.end
        var figures = ServiceRequestFigures(
            maximumMonths: inputs.tier.serviceRequestMaximumAgeMonths, submitted: 0, fulfilled: 0,
            fulfilledInTime: 0, openAtEnd: 0, breaches: [])
        for request in inputs.serviceRequests {
            guard let status = request.status(asOf: end) else { continue }
            if inputs.period.contains(request.submittedAt) { figures.submitted += 1 }
            let fulfilledAt =
                status == .fulfilled ? request.finishedAt.flatMap { inputs.period.contains($0) ? $0 : nil } : nil
            let late: Bool
            if let fulfilledAt {
                figures.fulfilled += 1
                late = request.target.map { fulfilledAt > $0.dueAt } ?? false
                if !late { figures.fulfilledInTime += 1 }
            } else {
                if !status.isFinished { figures.openAtEnd += 1 }
                late = !status.isFinished && (request.target.map { $0.dueAt < end } ?? false)
            }
            if late, let target = request.target {
                figures.breaches.append(
                    ServiceRequestBreach(
                        reference: request.reference.description,
                        partnerCode: inputs.partnerCodes[request.partnerID] ?? "", title: request.title,
                        dueDate: target.dueDate.description, fulfilledAt: fulfilledAt))
            }
        }
        figures.breaches.sort { $0.reference < $1.reference }
        return figures
    }

    private static func row(severity: Int?, target: Int?, raised: Int, times: [Int], met: Int) -> SeverityRow {
        let sorted = times.sorted()
        return SeverityRow(
            severity: severity, targetSeconds: target, raised: raised, resolved: sorted.count, met: met,
            breached: sorted.count - met, medianSeconds: median(sorted), percentile90Seconds: nearestRank(90, sorted))
    }

    /// The middle of sorted values (the mean of the two middle ones, rounded down); nil when there are none.
    static func median(_ sorted: [Int]) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The nearest-rank percentile of sorted values: the value at rank ⌈p/100 × n⌉; nil when there are none.
    static func nearestRank(_ percent: Int, _ sorted: [Int]) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let rank = (percent * sorted.count + 99) / 100
        return sorted[max(1, rank) - 1]
    }

    private static func hssiRecords(_ inputs: Inputs) -> [HSSIRecord] {
        let end = inputs.period.end
        let judgedAt = min(end, inputs.compiledAt)
        return inputs.hssis.filter { inputs.period.contains($0.occurredAt) }.map { hssi in
            let notification = hssi.notificationCompliance(hours: inputs.hours(hssi.primaryPartnerID), now: judgedAt)
            let invitations = (hssi.intervention?.invitations ?? []).filter { invitation in
                inputs.partnerID.map { $0 == invitation.partnerID } ?? true
            }
            let updates = hssi.statusUpdateRecord(until: judgedAt)
            return HSSIRecord(
                reference: hssi.reference.description, title: hssi.title, severity: hssi.severity?.level,
                occurredAt: hssi.occurredAt, notification: Timeliness(notification.timeliness),
                joins: invitations.map { Timeliness($0.joinTimeliness(now: judgedAt)) },
                updatesInTime: updates.inTime, updatesLate: updates.late, resolved: hssi.stage.isResolved)
        }.sorted { ($0.occurredAt, $0.reference) < ($1.occurredAt, $1.reference) }
    }
}

extension SLAClock {
    /// When the clock stopped, if it is stopped now (a reopened incident's clock runs again).
    public var stoppedAt: Date? { stoppedAt(asOf: .distantFuture) }

    /// When the clock had stopped, if it stood stopped just before `instant`.
    public func stoppedAt(asOf instant: Date) -> Date? {
        var stopped: Date?
        for event in events where event.at < instant {
            switch event {
            case .stopped(let at): stopped = at
            case .resumed: stopped = nil
            default: break
            }
        }
        return stopped
    }
}

extension HigherSeverityIncident {
    /// How the status updates went up to an instant: each posted by the time it was due is in time, each
    /// posted after is late, and a due time that passed with no update counts as late once.
    public func statusUpdateRecord(cadence: HSSIUpdateCadence = .standard, until instant: Date) -> (
        inTime: Int, late: Int
    ) {
        guard let prioritised = step(.prioritised), let severity else { return (0, 0) }
        let every = Double(cadence.seconds(for: severity))
        var inTime = 0
        var late = 0
        var due = prioritised.at.addingTimeInterval(every)
        for update in statusUpdates where update.postedAt <= instant {
            if update.postedAt <= due { inTime += 1 } else { late += 1 }
            due = min(update.postedAt.addingTimeInterval(every), update.nextUpdateDue)
        }
        let resolvedAt = steps.first { $0.stage.isResolved }?.at
        if (resolvedAt ?? instant) > due, instant > due { late += 1 }
        return (inTime, late)
    }
}
