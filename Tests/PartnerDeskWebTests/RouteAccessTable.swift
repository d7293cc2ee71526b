/// Who may call each route, written out by hand: every API route (and every public route) × every kind of
/// caller × whose record it acts on. `RouteAccessTableTests` sends each request and compares the answer with
/// this table, so a grant changed in ``AccessPolicy`` (or a route that declares the wrong action, or a use
/// case that forgets to check) fails a test.
///
/// Owner: `-` the route acts on no particular record (a list, a creation, the caller's own organisation);
/// `own` a Wellpath record (the partner callers are Wellpath's); `other` a CareBridge record; `staff` a
/// record of the platform's own (a staff user or token, a problem, an outbox message); `missing` an id that
/// exists nowhere.
///
/// Callers are API tokens: `anon` none; `rep` a Wellpath system (partner reporter); `hssi` Wellpath's HSSI
/// manager; `padm` Wellpath's partner administrator; `fl` First Line agent; `dev` DevOps engineer; `bri`
/// Service Bridge operator; `pm` problem manager; `rel` release manager; `apr` assurance approver; `svc` service manager; `adm`
/// administrator; `-ro` the same role with a read-only token.
///
/// Answers: `ok` the caller gets past access control (any status but 401, 403 and 404); `401` not signed
/// in; `403` the role or scope never allows this; `404` exactly as for a record that does not exist.
enum RouteAccessTable {
    static let text = """
        route                                                       owner   anon rep rep-ro hssi padm padm-ro fl  dev bri pm  rel apr svc adm adm-ro
        GET /healthz                                                -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /readyz                                                 -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /metrics                                                -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/openapi.json                                    -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /styles/partnerdesk.css                                 -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /problems                                               -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /problems.json                                          -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /problems.atom                                          -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /sign-in                                                -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        POST /sign-in                                               -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /sign-in/code                                           -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        POST /sign-in/code                                          -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        POST /sign-out                                              -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /account/password                                       -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        POST /account/password                                      -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /problems/:reference                                    staff   ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /problems/:reference                                    missing 404  404 404    404  404  404     404 404 404 404 404 404 404 404 404
        GET /service-updates                                        -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /service-updates.json                                   -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /service-updates.atom                                   -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /service-updates.ics                                    -       ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /service-updates/releases/:name                         staff   ok   ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /service-updates/releases/:name                         missing 404  404 404    404  404  404     404 404 404 404 404 404 404 404 404
        GET /api/v1/audit                                           -       401  403 403    403  403  403     403 403 403 403 403 403 403 ok  ok
        POST /api/v1/incidents                                      -       401  ok  403    ok   ok   403     403 403 403 403 403 403 403 403 403
        GET /api/v1/incidents                                       -       401  ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/incidents/:incidentID                           own     401  ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/incidents/:incidentID                           other   401  404 404    404  404  404     ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/incidents/:incidentID                           missing 401  404 404    404  404  404     404 404 404 404 404 404 404 404 404
        PATCH /api/v1/incidents/:incidentID                         own     401  ok  403    ok   ok   403     ok  ok  403 403 403 403 403 ok  403
        PATCH /api/v1/incidents/:incidentID                         other   401  404 403    404  404  403     ok  ok  403 403 403 403 403 ok  403
        PATCH /api/v1/incidents/:incidentID                         missing 401  404 403    404  404  403     404 404 403 403 403 403 403 404 403
        POST /api/v1/incidents/:incidentID/transitions              own     401  403 403    403  403  403     ok  ok  403 403 403 403 403 ok  403
        POST /api/v1/incidents/:incidentID/transitions              other   401  403 403    403  403  403     ok  ok  403 403 403 403 403 ok  403
        POST /api/v1/incidents/:incidentID/transitions              missing 401  403 403    403  403  403     404 404 403 403 403 403 403 404 403
        POST /api/v1/incidents/:incidentID/comments                 own     401  ok  403    ok   ok   403     ok  ok  403 403 403 403 403 ok  403
        POST /api/v1/incidents/:incidentID/comments                 other   401  404 403    404  404  403     ok  ok  403 403 403 403 403 ok  403
        POST /api/v1/incidents/:incidentID/comments                 missing 401  404 403    404  404  403     404 404 403 403 403 403 403 404 403
        GET /api/v1/incidents/:incidentID/history                   own     401  ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/incidents/:incidentID/history                   other   401  404 404    404  404  404     ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/incidents/:incidentID/history                   missing 401  404 404    404  404  404     404 404 404 404 404 404 404 404 404
        POST /api/v1/incidents/:incidentID/attachments              own     401  ok  403    ok   ok   403     ok  ok  403 403 403 403 403 ok  403
        POST /api/v1/incidents/:incidentID/attachments              other   401  404 403    404  404  403     ok  ok  403 403 403 403 403 ok  403
        POST /api/v1/incidents/:incidentID/attachments              missing 401  404 403    404  404  403     404 404 403 403 403 403 403 404 403
        GET /api/v1/incidents/:incidentID/attachments               own     401  ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/incidents/:incidentID/attachments               other   401  404 404    404  404  404     ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/incidents/:incidentID/attachments               missing 401  404 404    404  404  404     404 404 404 404 404 404 404 404 404
        GET /api/v1/incidents/:incidentID/attachments/:attachmentID own     401  ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/incidents/:incidentID/attachments/:attachmentID other   401  404 404    404  404  404     ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/incidents/:incidentID/attachments/:attachmentID missing 401  404 404    404  404  404     404 404 404 404 404 404 404 404 404
        GET /api/v1/tokens                                          -       401  403 403    403  ok   403     403 403 403 403 403 403 403 ok  403
        POST /api/v1/tokens                                         -       401  403 403    403  ok   403     403 403 403 403 403 403 403 ok  403
        DELETE /api/v1/tokens/:tokenID                              own     401  403 403    403  ok   403     403 403 403 403 403 403 403 ok  403
        DELETE /api/v1/tokens/:tokenID                              other   401  403 403    403  404  403     403 403 403 403 403 403 403 ok  403
        DELETE /api/v1/tokens/:tokenID                              staff   401  403 403    403  404  403     403 403 403 403 403 403 403 ok  403
        DELETE /api/v1/tokens/:tokenID                              missing 401  403 403    403  404  403     403 403 403 403 403 403 403 404 403
        GET /api/v1/users                                           -       401  403 403    403  ok   403     403 403 403 403 403 403 403 ok  403
        POST /api/v1/users                                          -       401  403 403    403  ok   403     403 403 403 403 403 403 403 ok  403
        GET /api/v1/users/invitations                               -       401  403 403    403  ok   403     403 403 403 403 403 403 403 ok  403
        PATCH /api/v1/users/:userID                                 own     401  403 403    403  ok   403     403 403 403 403 403 403 403 ok  403
        PATCH /api/v1/users/:userID                                 other   401  403 403    403  404  403     403 403 403 403 403 403 403 ok  403
        PATCH /api/v1/users/:userID                                 staff   401  403 403    403  404  403     403 403 403 403 403 403 403 ok  403
        PATCH /api/v1/users/:userID                                 missing 401  403 403    403  404  403     403 403 403 403 403 403 403 404 403
        DELETE /api/v1/users/:userID                                own     401  403 403    403  ok   403     403 403 403 403 403 403 403 ok  403
        DELETE /api/v1/users/:userID                                other   401  403 403    403  404  403     403 403 403 403 403 403 403 ok  403
        DELETE /api/v1/users/:userID                                staff   401  403 403    403  404  403     403 403 403 403 403 403 403 ok  403
        DELETE /api/v1/users/:userID                                missing 401  403 403    403  404  403     403 403 403 403 403 403 403 404 403
        GET /api/v1/hssis                                           -       401  ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        POST /api/v1/hssis                                          -       401  ok  403    ok   ok   403     ok  403 ok  403 403 403 403 ok  403
        GET /api/v1/hssis/:hssiID                                   own     401  ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/hssis/:hssiID                                   other   401  404 404    404  404  404     ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/hssis/:hssiID                                   missing 401  404 404    404  404  404     404 404 404 404 404 404 404 404 404
        POST /api/v1/hssis/:hssiID/steps                            own     401  ok  403    ok   ok   403     403 403 ok  403 403 403 403 ok  403
        POST /api/v1/hssis/:hssiID/steps                            other   401  404 403    404  404  403     403 403 ok  403 403 403 403 ok  403
        POST /api/v1/hssis/:hssiID/steps                            missing 401  404 403    404  404  403     403 403 404 403 403 403 403 404 403
        POST /api/v1/hssis/:hssiID/assessments                      own     401  ok  403    ok   ok   403     403 403 ok  403 403 403 403 ok  403
        POST /api/v1/hssis/:hssiID/assessments                      other   401  404 403    404  404  403     403 403 ok  403 403 403 403 ok  403
        POST /api/v1/hssis/:hssiID/assessments                      missing 401  404 403    404  404  403     403 403 404 403 403 403 403 404 403
        POST /api/v1/hssis/:hssiID/intervention                     own     401  403 403    403  403  403     403 403 ok  403 403 403 403 ok  403
        POST /api/v1/hssis/:hssiID/intervention                     other   401  403 403    403  403  403     403 403 ok  403 403 403 403 ok  403
        POST /api/v1/hssis/:hssiID/intervention                     missing 401  403 403    403  403  403     403 403 404 403 403 403 403 404 403
        POST /api/v1/hssis/:hssiID/intervention/acknowledgements    own     401  ok  403    ok   ok   403     403 403 ok  403 403 403 403 ok  403
        POST /api/v1/hssis/:hssiID/intervention/acknowledgements    other   401  404 403    404  404  403     403 403 ok  403 403 403 403 ok  403
        POST /api/v1/hssis/:hssiID/intervention/acknowledgements    missing 401  404 403    404  404  403     403 403 404 403 403 403 403 404 403
        POST /api/v1/hssis/:hssiID/intervention/joins               own     401  ok  403    ok   ok   403     403 403 ok  403 403 403 403 ok  403
        POST /api/v1/hssis/:hssiID/intervention/joins               other   401  404 403    404  404  403     403 403 ok  403 403 403 403 ok  403
        POST /api/v1/hssis/:hssiID/intervention/joins               missing 401  404 403    404  404  403     403 403 404 403 403 403 403 404 403
        POST /api/v1/hssis/:hssiID/updates                          own     401  ok  403    ok   ok   403     403 403 ok  403 403 403 403 ok  403
        POST /api/v1/hssis/:hssiID/updates                          other   401  404 403    404  404  403     403 403 ok  403 403 403 403 ok  403
        POST /api/v1/hssis/:hssiID/updates                          missing 401  404 403    404  404  403     403 403 404 403 403 403 403 404 403
        POST /api/v1/hssis/:hssiID/communications                   own     401  403 403    403  403  403     403 403 ok  403 403 403 403 ok  403
        POST /api/v1/hssis/:hssiID/communications                   other   401  403 403    403  403  403     403 403 ok  403 403 403 403 ok  403
        POST /api/v1/hssis/:hssiID/communications                   missing 401  403 403    403  403  403     403 403 404 403 403 403 403 404 403
        GET /api/v1/hssis/:hssiID/timeline                          own     401  ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/hssis/:hssiID/timeline                          other   401  404 404    404  404  404     ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/hssis/:hssiID/timeline                          missing 401  404 404    404  404  404     404 404 404 404 404 404 404 404 404
        GET /api/v1/hssis/:hssiID/timeline.csv                      own     401  ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/hssis/:hssiID/timeline.csv                      other   401  404 404    404  404  404     ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/hssis/:hssiID/timeline.csv                      missing 401  404 404    404  404  404     404 404 404 404 404 404 404 404 404
        GET /api/v1/hssi-rota                                       -       401  ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        POST /api/v1/hssi-rota                                      -       401  403 403    ok   ok   403     403 403 403 403 403 403 403 ok  403
        DELETE /api/v1/hssi-rota/:entryID                           own     401  403 403    ok   ok   403     403 403 403 403 403 403 403 ok  403
        DELETE /api/v1/hssi-rota/:entryID                           other   401  403 403    404  404  403     403 403 403 403 403 403 403 ok  403
        DELETE /api/v1/hssi-rota/:entryID                           missing 401  403 403    404  404  403     403 403 403 403 403 403 403 404 403
        GET /api/v1/webhooks                                        -       401  403 403    403  ok   403     403 403 403 403 403 403 403 ok  403
        GET /api/v1/webhooks/deliveries                             -       401  403 403    403  ok   403     403 403 403 403 403 403 403 ok  403
        POST /api/v1/webhooks                                       -       401  403 403    403  ok   403     403 403 403 403 403 403 403 ok  403
        POST /api/v1/webhooks/:webhookID/rotate-secret              own     401  403 403    403  ok   403     403 403 403 403 403 403 403 ok  403
        POST /api/v1/webhooks/:webhookID/rotate-secret              other   401  403 403    403  404  403     403 403 403 403 403 403 403 ok  403
        POST /api/v1/webhooks/:webhookID/rotate-secret              missing 401  403 403    403  404  403     403 403 403 403 403 403 403 404 403
        DELETE /api/v1/webhooks/:webhookID                          own     401  403 403    403  ok   403     403 403 403 403 403 403 403 ok  403
        DELETE /api/v1/webhooks/:webhookID                          other   401  403 403    403  404  403     403 403 403 403 403 403 403 ok  403
        DELETE /api/v1/webhooks/:webhookID                          missing 401  403 403    403  404  403     403 403 403 403 403 403 403 404 403
        GET /api/v1/notifications/preferences                       -       401  403 403    403  403  403     403 403 403 403 403 403 403 403 403
        PUT /api/v1/notifications/preferences                       -       401  403 403    403  403  403     403 403 403 403 403 403 403 403 403
        GET /api/v1/outbox                                          -       401  403 403    403  403  403     403 403 403 403 403 403 403 ok  403
        POST /api/v1/outbox/:messageID/retry                        staff   401  403 403    403  403  403     403 403 403 403 403 403 403 ok  403
        POST /api/v1/outbox/:messageID/retry                        missing 401  403 403    403  403  403     403 403 403 403 403 403 403 404 403
        DELETE /api/v1/outbox/:messageID                            staff   401  403 403    403  403  403     403 403 403 403 403 403 403 ok  403
        DELETE /api/v1/outbox/:messageID                            missing 401  403 403    403  403  403     403 403 403 403 403 403 403 404 403
        GET /api/v1/problems                                        -       401  403 403    403  403  403     ok  ok  ok  ok  ok  ok  ok  ok  ok
        POST /api/v1/problems                                       -       401  403 403    403  403  403     ok  ok  403 ok  403 403 403 ok  403
        GET /api/v1/problems/:problemID                             staff   401  403 403    403  403  403     ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/problems/:problemID                             missing 401  403 403    403  403  403     404 404 404 404 404 404 404 404 404
        POST /api/v1/problems/:problemID/status                     staff   401  403 403    403  403  403     ok  ok  403 ok  403 403 403 ok  403
        POST /api/v1/problems/:problemID/status                     missing 401  403 403    403  403  403     404 404 403 404 403 403 403 404 403
        POST /api/v1/problems/:problemID/merge                      staff   401  403 403    403  403  403     ok  ok  403 ok  403 403 403 ok  403
        POST /api/v1/problems/:problemID/merge                      missing 401  403 403    403  403  403     404 404 403 404 403 403 403 404 403
        POST /api/v1/problems/:problemID/resolutions                staff   401  403 403    403  403  403     ok  ok  403 ok  403 403 403 ok  403
        POST /api/v1/problems/:problemID/resolutions                missing 401  403 403    403  403  403     404 404 403 404 403 403 403 404 403
        PUT /api/v1/problems/:problemID/publication                 staff   401  403 403    403  403  403     403 403 403 ok  403 403 403 ok  403
        PUT /api/v1/problems/:problemID/publication                 missing 401  403 403    403  403  403     403 403 403 404 403 403 403 404 403
        DELETE /api/v1/problems/:problemID/publication              staff   401  403 403    403  403  403     403 403 403 ok  403 403 403 ok  403
        DELETE /api/v1/problems/:problemID/publication              missing 401  403 403    403  403  403     403 403 403 404 403 403 403 404 403
        GET /api/v1/sprints                                         -       401  403 403    403  403  403     ok  ok  ok  ok  ok  ok  ok  ok  ok
        POST /api/v1/sprints                                        -       401  403 403    403  403  403     403 403 403 403 ok  403 403 ok  403
        GET /api/v1/sprints/:sprintID                               staff   401  403 403    403  403  403     ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/sprints/:sprintID                               missing 401  403 403    403  403  403     404 404 404 404 404 404 404 404 404
        PUT /api/v1/sprints/:sprintID                               staff   401  403 403    403  403  403     403 403 403 403 ok  403 403 ok  403
        PUT /api/v1/sprints/:sprintID                               missing 401  403 403    403  403  403     403 403 403 403 404 403 403 404 403
        GET /api/v1/sprints/:sprintID/digest                        staff   401  403 403    403  403  403     403 403 403 403 ok  403 403 ok  403
        GET /api/v1/sprints/:sprintID/digest                        missing 401  403 403    403  403  403     403 403 403 403 404 403 403 404 403
        POST /api/v1/sprints/:sprintID/digest                       staff   401  403 403    403  403  403     403 403 403 403 ok  403 403 ok  403
        POST /api/v1/sprints/:sprintID/digest                       missing 401  403 403    403  403  403     403 403 403 403 404 403 403 404 403
        POST /api/v1/sprints/:sprintID/digest/decisions             staff   401  403 403    403  403  403     403 403 403 403 403 ok  403 403 403
        POST /api/v1/sprints/:sprintID/digest/decisions             missing 401  403 403    403  403  403     403 403 403 403 403 404 403 403 403
        GET /api/v1/change-notices                                  -       401  ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        POST /api/v1/change-notices                                 -       401  403 403    403  403  403     403 403 403 403 ok  403 403 ok  403
        GET /api/v1/change-notices/:noticeID                        own     401  ok  ok     ok   ok   ok      ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/change-notices/:noticeID                        other   401  404 404    404  404  404     ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/change-notices/:noticeID                        missing 401  404 404    404  404  404     404 404 404 404 404 404 404 404 404
        POST /api/v1/change-notices/:noticeID/send                  own     401  403 403    403  403  403     403 403 403 403 ok  403 403 ok  403
        POST /api/v1/change-notices/:noticeID/send                  missing 401  403 403    403  403  403     403 403 403 403 404 403 403 404 403
        POST /api/v1/change-notices/:noticeID/decisions             own     401  403 403    403  403  403     403 403 403 403 403 ok  403 403 403
        POST /api/v1/change-notices/:noticeID/decisions             other   401  403 403    403  403  403     403 403 403 403 403 ok  403 403 403
        POST /api/v1/change-notices/:noticeID/decisions             missing 401  403 403    403  403  403     403 403 403 403 403 404 403 403 403
        POST /api/v1/change-notices/:noticeID/responses             own     401  ok  403    ok   ok   403     403 403 403 403 403 403 403 403 403
        POST /api/v1/change-notices/:noticeID/responses             other   401  404 403    404  404  403     403 403 403 403 403 403 403 403 403
        POST /api/v1/change-notices/:noticeID/responses             missing 401  404 403    404  404  403     403 403 403 403 403 403 403 403 403
        GET /api/v1/change-approvals                                -       401  ok  ok     ok   ok   ok      403 403 403 403 403 403 403 403 403
        POST /api/v1/change-approvals/:releaseID                    own     401  403 403    403  ok   403     403 403 403 403 403 403 403 403 403
        POST /api/v1/change-approvals/:releaseID                    other   401  403 403    403  404  403     403 403 403 403 403 403 403 403 403
        POST /api/v1/change-approvals/:releaseID                    missing 401  403 403    403  404  403     403 403 403 403 403 403 403 403 403
        GET /api/v1/releases                                        -       401  403 403    403  403  403     ok  ok  ok  ok  ok  ok  ok  ok  ok
        POST /api/v1/releases                                       -       401  403 403    403  403  403     403 403 403 403 ok  403 403 ok  403
        GET /api/v1/releases/:releaseID                             staff   401  403 403    403  403  403     ok  ok  ok  ok  ok  ok  ok  ok  ok
        GET /api/v1/releases/:releaseID                             missing 401  403 403    403  403  403     404 404 404 404 404 404 404 404 404
        PUT /api/v1/releases/:releaseID                             staff   401  403 403    403  403  403     403 403 403 403 ok  403 403 ok  403
        PUT /api/v1/releases/:releaseID                             missing 401  403 403    403  403  403     403 403 403 403 404 403 403 404 403
        POST /api/v1/releases/:releaseID/notes                      staff   401  403 403    403  403  403     403 403 403 403 ok  403 403 ok  403
        POST /api/v1/releases/:releaseID/notes                      missing 401  403 403    403  403  403     403 403 403 403 404 403 403 404 403
        POST /api/v1/releases/:releaseID/decisions                  staff   401  403 403    403  403  403     403 403 403 403 403 ok  403 403 403
        POST /api/v1/releases/:releaseID/decisions                  missing 401  403 403    403  403  403     403 403 403 403 403 404 403 403 403
        POST /api/v1/releases/:releaseID/plan                       staff   401  403 403    403  403  403     403 403 403 403 ok  403 403 ok  403
        POST /api/v1/releases/:releaseID/plan                       missing 401  403 403    403  403  403     403 403 403 403 404 403 403 404 403
        POST /api/v1/releases/:releaseID/release                    staff   401  403 403    403  403  403     403 403 403 403 ok  403 403 ok  403
        POST /api/v1/releases/:releaseID/release                    missing 401  403 403    403  403  403     403 403 403 403 404 403 403 404 403
        POST /api/v1/releases/:releaseID/rollback                   staff   401  403 403    403  403  403     403 403 403 403 ok  403 403 ok  403
        POST /api/v1/releases/:releaseID/rollback                   missing 401  403 403    403  403  403     403 403 403 403 404 403 403 404 403
        GET /api/v1/approval-levels                                 -       401  403 403    403  403  403     ok  ok  ok  ok  ok  ok  ok  ok  ok
        PUT /api/v1/approval-levels/:code/approvers                 staff   401  403 403    403  403  403     403 403 403 403 403 403 403 ok  403
        PUT /api/v1/approval-levels/:code/approvers                 missing 401  403 403    403  403  403     403 403 403 403 403 403 403 404 403
        """
}
