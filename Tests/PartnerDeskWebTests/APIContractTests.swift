import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Testing
import Yams

@testable import PartnerDeskWeb

/// The generated API and the document agree by construction; where a request body is read into a type of
/// ours instead (the generator's `typeOverrides`), that type must read exactly the keys the schema lists.
@Suite struct APIContractTests {
    /// Every schema the generator reads into one of our types, with that type.
    static let overrides: [String: any Decodable.Type] = [
        "NewToken": NewTokenRequest.self,
        "IncidentReport": IncidentReportBody.self,
        "IncidentChanges": IncidentReportBody.self,
        "Transition": TransitionBody.self,
        "NewProblemRecord": NewProblemRequest.self,
        "ProblemStatusChange": ProblemStatusChangeRequest.self,
        "ProblemResolution": ProblemResolutionRequest.self,
        "HSSIDeclaration": HSSIDeclarationBody.self,
        "HSSIStepRequest": HSSIStepBody.self,
        "HSSIAssessmentRequest": AssessmentBody.self,
        "HSSIConvening": ConveningBody.self,
        "HSSIStatusUpdateDraft": HSSIStatusUpdateBody.self,
        "NewHSSIRotaEntry": RotaEntryBody.self,
        "NewUser": NewUserRequest.self,
        "NewWebhook": NewWebhookRequest.self,
        "NotificationPreferenceChange": PreferenceChangeRequest.self,
        "SprintPlan": SprintPlanBody.self,
        "SprintFeaturePlan": SprintFeaturePlanBody.self,
        "NewIntegrationNotice": IntegrationNoticeBody.self,
        "NoticeResponse": NoticeResponseBody.self,
        "ReleasePlan": ReleasePlanBody.self,
        "ApprovalDecision": ApprovalDecisionBody.self,
        "Replan": ReplanBody.self,
        "Rollback": RollbackBody.self,
        "OutageReport": OutageReportBody.self,
        "OutageEnd": OutageEndBody.self,
        "MaintenancePlan": MaintenancePlanBody.self,
        "AlertmanagerNotification": AlertmanagerBody.self,
        "AlertmanagerAlert": AlertmanagerAlertBody.self,
        "ComponentList": ComponentListBody.self,
        "ComponentPlan": ComponentPlanBody.self,
    ]
    /// Parameters read as text, so that the service names a wrong value itself.
    static let textOverrides: Set<String> = [
        "AuditOutcome", "AuditRecordType", "IncidentBreachedFilter", "IncidentDueBefore", "IncidentSort",
        "IncidentPageSize",
    ]

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/PartnerDeskWeb").standardized

    @Test func everyOverride_isListedHere() throws {
        let text = try String(
            contentsOf: Self.sources.appendingPathComponent("openapi-generator-config.yaml"), encoding: .utf8)
        let config = try Yams.load(yaml: text) as? [String: Any]
        let schemas = (config?["typeOverrides"] as? [String: Any])?["schemas"] as? [String: String] ?? [:]
        #expect(Set(schemas.keys) == Set(Self.overrides.keys).union(Self.textOverrides))
        for (schema, type) in schemas {
            let expected = Self.textOverrides.contains(schema) ? "Swift.String" : Self.overrides[schema].map { "\($0)" }
            // A type of another module is named with its module, to keep it apart from the generated one.
            let unqualified = type.split(separator: ".").last.map(String.init)
            #expect(expected == type || expected == unqualified, "\(schema) is read into \(type)")
        }
    }

    @Test(arguments: textOverrides.sorted())
    func aSchemaReadAsText_isAScalar(_ schema: String) throws {
        let document = try JSONSerialization.jsonObject(with: try OpenAPIDocument.bundled().json) as? [String: Any]
        let schemas = (document?["components"] as? [String: Any])?["schemas"] as? [String: Any]
        let definition = try #require(schemas?[schema] as? [String: Any])
        #expect(["string", "integer"].contains(definition["type"] as? String))
        #expect(definition["properties"] == nil && definition["items"] == nil)
    }

    @Test(arguments: overrides.keys.sorted())
    func anOverridingType_readsExactlyTheSchemasKeys(_ schema: String) throws {
        let document = try JSONSerialization.jsonObject(with: try OpenAPIDocument.bundled().json) as? [String: Any]
        let schemas = (document?["components"] as? [String: Any])?["schemas"] as? [String: Any]
        let properties = (schemas?[schema] as? [String: Any])?["properties"] as? [String: Any]
        let type = try #require(Self.overrides[schema])
        #expect(KnownKeys.of(type) == Set(try #require(properties).keys))
    }

    @Test func everyOperation_saysWhoMayCallIt_andHasAnId() throws {
        let document = try OpenAPIDocument.bundled()
        #expect(document.operations.count == Set(document.operations.map(\.id)).count)
        #expect(document.operations.contains { $0.id == "raiseIncident" && $0.access == .action(.raiseIncident) })
        #expect(document.operations.contains { $0.id == "openAPI" && $0.access == .public })
    }

    @Test func aDocumentWithoutAccess_isRefused() {
        let yaml = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /x:
                get:
                  operationId: x
                  responses: {'200': {description: ok}}
            """
        #expect(throws: OpenAPIDocument.DocumentError.self) { try OpenAPIDocument(yaml: yaml) }
    }
}
