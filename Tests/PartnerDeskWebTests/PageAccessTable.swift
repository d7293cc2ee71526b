/// Who may use each page for signed-in people, written out by hand: every page route × every role signed in
/// with a session × whose record it acts on. `PageAccessTableTests` signs each person in, sends each request
/// and compares the answer with this table.
///
/// Owner and callers as in ``RouteAccessTable`` (people, so no read-only column; `anon` is nobody signed in).
/// Answers: `ok` past access control; `303` sent to the sign-in page; `403` the role never allows this (a page
/// saying so); `404` exactly as for a record that does not exist.
enum PageAccessTable {
    static let text = """
        route                                                owner   anon rep hssi padm fl  dev bri pm  rel apr svc adm
        GET /                                                -       303  ok  ok   ok   ok  ok  ok  ok  ok  ok  ok  ok
        GET /admin/audit                                     -       303  403 403  403  403 403 403 403 403 403 403 ok
        GET /incidents/new                                   -       303  ok  ok   ok   403 403 403 403 403 403 403 403
        POST /incidents                                      -       303  ok  ok   ok   403 403 403 403 403 403 403 403
        GET /incidents/:incidentID                           own     303  ok  ok   ok   ok  ok  ok  ok  ok  ok  ok  ok
        GET /incidents/:incidentID                           other   303  404 404  404  ok  ok  ok  ok  ok  ok  ok  ok
        GET /incidents/:incidentID                           missing 303  404 404  404  404 404 404 404 404 404 404 404
        POST /incidents/:incidentID/transitions              own     303  403 403  403  ok  ok  403 403 403 403 403 ok
        POST /incidents/:incidentID/transitions              other   303  403 403  403  ok  ok  403 403 403 403 403 ok
        POST /incidents/:incidentID/transitions              missing 303  403 403  403  404 404 403 403 403 403 403 404
        POST /incidents/:incidentID/comments                 own     303  ok  ok   ok   ok  ok  403 403 403 403 403 ok
        POST /incidents/:incidentID/comments                 other   303  404 404  404  ok  ok  403 403 403 403 403 ok
        POST /incidents/:incidentID/comments                 missing 303  404 404  404  404 404 403 403 403 403 403 404
        POST /incidents/:incidentID/attachments              own     303  ok  ok   ok   ok  ok  403 403 403 403 403 ok
        POST /incidents/:incidentID/attachments              other   303  404 404  404  ok  ok  403 403 403 403 403 ok
        POST /incidents/:incidentID/attachments              missing 303  404 404  404  404 404 403 403 403 403 403 404
        GET /incidents/:incidentID/attachments/:attachmentID own     303  ok  ok   ok   ok  ok  ok  ok  ok  ok  ok  ok
        GET /incidents/:incidentID/attachments/:attachmentID other   303  404 404  404  ok  ok  ok  ok  ok  ok  ok  ok
        GET /incidents/:incidentID/attachments/:attachmentID missing 303  404 404  404  404 404 404 404 404 404 404 404
        GET /organisation/people                             -       303  403 403  ok   403 403 403 403 403 403 403 ok
        POST /organisation/people                            -       303  403 403  ok   403 403 403 403 403 403 403 ok
        POST /organisation/people/:userID/role               own     303  403 403  ok   403 403 403 403 403 403 403 ok
        POST /organisation/people/:userID/role               other   303  403 403  404  403 403 403 403 403 403 403 ok
        POST /organisation/people/:userID/role               staff   303  403 403  404  403 403 403 403 403 403 403 ok
        POST /organisation/people/:userID/role               missing 303  403 403  404  403 403 403 403 403 403 403 404
        POST /organisation/people/:userID/disable            own     303  403 403  ok   403 403 403 403 403 403 403 ok
        POST /organisation/people/:userID/disable            other   303  403 403  404  403 403 403 403 403 403 403 ok
        POST /organisation/people/:userID/disable            staff   303  403 403  404  403 403 403 403 403 403 403 ok
        POST /organisation/people/:userID/disable            missing 303  403 403  404  403 403 403 403 403 403 403 404
        GET /organisation/tokens                             -       303  403 403  ok   403 403 403 403 403 403 403 ok
        POST /organisation/tokens                            -       303  403 403  ok   403 403 403 403 403 403 403 ok
        POST /organisation/tokens/:tokenID/revoke            own     303  403 403  ok   403 403 403 403 403 403 403 ok
        POST /organisation/tokens/:tokenID/revoke            other   303  403 403  404  403 403 403 403 403 403 403 ok
        POST /organisation/tokens/:tokenID/revoke            staff   303  403 403  404  403 403 403 403 403 403 403 ok
        POST /organisation/tokens/:tokenID/revoke            missing 303  403 403  404  403 403 403 403 403 403 403 404
        GET /account/notifications                           -       303  ok  ok   ok   ok  ok  ok  ok  ok  ok  ok  ok
        POST /account/notifications                          -       303  ok  ok   ok   ok  ok  ok  ok  ok  ok  ok  ok
        GET /organisation/webhooks                           -       303  403 403  ok   403 403 403 403 403 403 403 ok
        POST /organisation/webhooks                          -       303  403 403  ok   403 403 403 403 403 403 403 ok
        POST /organisation/webhooks/:webhookID/rotate        own     303  403 403  ok   403 403 403 403 403 403 403 ok
        POST /organisation/webhooks/:webhookID/rotate        other   303  403 403  404  403 403 403 403 403 403 403 ok
        POST /organisation/webhooks/:webhookID/rotate        missing 303  403 403  404  403 403 403 403 403 403 403 404
        POST /organisation/webhooks/:webhookID/remove        own     303  403 403  ok   403 403 403 403 403 403 403 ok
        POST /organisation/webhooks/:webhookID/remove        other   303  403 403  404  403 403 403 403 403 403 403 ok
        POST /organisation/webhooks/:webhookID/remove        missing 303  403 403  404  403 403 403 403 403 403 403 404
        GET /admin/outbox                                    -       303  403 403  403  403 403 403 403 403 403 403 ok
        POST /admin/outbox/:messageID/retry                  staff   303  403 403  403  403 403 403 403 403 403 403 ok
        POST /admin/outbox/:messageID/retry                  missing 303  403 403  403  403 403 403 403 403 403 403 404
        POST /admin/outbox/:messageID/discard                staff   303  403 403  403  403 403 403 403 403 403 403 ok
        POST /admin/outbox/:messageID/discard                missing 303  403 403  403  403 403 403 403 403 403 403 404
        GET /staff/problems                                  -       303  403 403  403  ok  ok  ok  ok  ok  ok  ok  ok
        GET /staff/problems/new                              -       303  403 403  403  ok  ok  403 ok  403 403 403 ok
        POST /staff/problems                                 -       303  403 403  403  ok  ok  403 ok  403 403 403 ok
        GET /staff/problems/:reference                       staff   303  403 403  403  ok  ok  ok  ok  ok  ok  ok  ok
        GET /staff/problems/:reference                       missing 303  403 403  403  404 404 404 404 404 404 404 404
        POST /staff/problems/:reference/status               staff   303  403 403  403  ok  ok  403 ok  403 403 403 ok
        POST /staff/problems/:reference/status               missing 303  403 403  403  404 404 403 404 403 403 403 404
        POST /staff/problems/:reference/publication          staff   303  403 403  403  403 403 403 ok  403 403 403 ok
        POST /staff/problems/:reference/publication          missing 303  403 403  403  403 403 403 404 403 403 403 404
        POST /staff/problems/:reference/withdrawal           staff   303  403 403  403  403 403 403 ok  403 403 403 ok
        POST /staff/problems/:reference/withdrawal           missing 303  403 403  403  403 403 403 404 403 403 403 404
        POST /staff/problems/:reference/merge                staff   303  403 403  403  ok  ok  403 ok  403 403 403 ok
        POST /staff/problems/:reference/merge                missing 303  403 403  403  404 404 403 404 403 403 403 404
        POST /staff/problems/:reference/resolutions          staff   303  403 403  403  ok  ok  403 ok  403 403 403 ok
        POST /staff/problems/:reference/resolutions          missing 303  403 403  403  404 404 403 404 403 403 403 404
        GET /hssi                                            -       303  ok  ok   ok   ok  ok  ok  ok  ok  ok  ok  ok
        GET /hssi/new                                        -       303  ok  ok   ok   ok  403 ok  403 403 403 403 ok
        POST /hssi                                           -       303  ok  ok   ok   ok  403 ok  403 403 403 403 ok
        GET /hssi/:reference                                 own     303  ok  ok   ok   ok  ok  ok  ok  ok  ok  ok  ok
        GET /hssi/:reference                                 other   303  404 404  404  ok  ok  ok  ok  ok  ok  ok  ok
        GET /hssi/:reference                                 missing 303  404 404  404  404 404 404 404 404 404 404 404
        GET /hssi/:reference/timeline.csv                    own     303  ok  ok   ok   ok  ok  ok  ok  ok  ok  ok  ok
        GET /hssi/:reference/timeline.csv                    other   303  404 404  404  ok  ok  ok  ok  ok  ok  ok  ok
        GET /hssi/:reference/timeline.csv                    missing 303  404 404  404  404 404 404 404 404 404 404 404
        POST /hssi/:reference/steps                          own     303  ok  ok   ok   403 403 ok  403 403 403 403 ok
        POST /hssi/:reference/steps                          other   303  404 404  404  403 403 ok  403 403 403 403 ok
        POST /hssi/:reference/steps                          missing 303  404 404  404  403 403 404 403 403 403 403 404
        POST /hssi/:reference/assessments                    own     303  ok  ok   ok   403 403 ok  403 403 403 403 ok
        POST /hssi/:reference/assessments                    other   303  404 404  404  403 403 ok  403 403 403 403 ok
        POST /hssi/:reference/assessments                    missing 303  404 404  404  403 403 404 403 403 403 403 404
        POST /hssi/:reference/intervention                   own     303  403 403  403  403 403 ok  403 403 403 403 ok
        POST /hssi/:reference/intervention                   other   303  403 403  403  403 403 ok  403 403 403 403 ok
        POST /hssi/:reference/intervention                   missing 303  403 403  403  403 403 404 403 403 403 403 404
        POST /hssi/:reference/answers                        own     303  ok  ok   ok   403 403 ok  403 403 403 403 ok
        POST /hssi/:reference/answers                        other   303  404 404  404  403 403 ok  403 403 403 403 ok
        POST /hssi/:reference/answers                        missing 303  404 404  404  403 403 404 403 403 403 403 404
        POST /hssi/:reference/updates                        own     303  ok  ok   ok   403 403 ok  403 403 403 403 ok
        POST /hssi/:reference/updates                        other   303  404 404  404  403 403 ok  403 403 403 403 ok
        POST /hssi/:reference/updates                        missing 303  404 404  404  403 403 404 403 403 403 403 404
        POST /hssi/:reference/communications                 own     303  403 403  403  403 403 ok  403 403 403 403 ok
        POST /hssi/:reference/communications                 other   303  403 403  403  403 403 ok  403 403 403 403 ok
        POST /hssi/:reference/communications                 missing 303  403 403  403  403 403 404 403 403 403 403 404
        GET /organisation/hssi-rota                          -       303  ok  ok   ok   ok  ok  ok  ok  ok  ok  ok  ok
        POST /organisation/hssi-rota                         -       303  403 ok   ok   403 403 403 403 403 403 403 ok
        POST /organisation/hssi-rota/:entryID/remove         own     303  403 ok   ok   403 403 403 403 403 403 403 ok
        POST /organisation/hssi-rota/:entryID/remove         other   303  403 404  404  403 403 403 403 403 403 403 ok
        POST /organisation/hssi-rota/:entryID/remove         missing 303  403 404  404  403 403 403 403 403 403 403 404
        """
}
