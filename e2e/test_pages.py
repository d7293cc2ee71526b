"""Browser tests: Playwright drives Debian's Chromium against a running PartnerDesk with demo data.

Each test saves a screenshot of the pages it visits under e2e-artifacts/, and every page is checked with
axe-core: no serious or critical accessibility violation is allowed.
"""
import datetime
import json
import os
import pathlib
import re
import struct
import zlib

import pypdf
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect, sync_playwright

BASE = os.environ["PARTNERDESK_URL"]
PASSWORD = "try-partnerdesk-demo"
ARTIFACTS = pathlib.Path(os.environ.get("E2E_ARTIFACTS", "e2e-artifacts"))
ARTIFACTS.mkdir(parents=True, exist_ok=True)
AXE = Axe()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def check(page: Page, name: str):
    """Saves a screenshot and fails on serious or critical accessibility violations."""
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    results = AXE.run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, f"{name}: " + "; ".join(f"{v['id']}: {v['help']}" for v in serious)


def sign_in(page: Page, email: str):
    page.goto(f"{BASE}/sign-in")
    check(page, "sign-in")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as")).to_be_visible()


def tiny_png() -> bytes:
    """A valid 4 x 3 grey PNG, made here so the test needs no image file."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x80" * 4 for _ in range(3))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 3, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def raise_incident(page: Page, description: str):
    page.get_by_role("link", name="Raise an incident").click()
    check(page, "raise-incident")
    page.get_by_label("What kind of incident is it?").select_option("proving_identity")
    page.get_by_label("When did it happen? (UK time)").fill("2026-11-23T08:30")
    page.get_by_label("The user's e-mail address").fill("someone@example.org")
    page.get_by_label("Error type").fill("Photo upload fails")
    page.get_by_label("What happened?").fill(description)
    page.get_by_label("Device").select_option("mobile")
    page.get_by_label("Operating system", exact=True).fill("Android")
    page.get_by_label("Operating system version").fill("14")
    page.get_by_role("button", name="Raise the incident").click()


def test_partner_raises_an_incident_and_the_desk_receives_it(browser):
    partner = browser.new_page()
    sign_in(partner, "reporter@wellpath.example")
    check(partner, "partner-home")
    raise_incident(partner, "The passport photo upload spins and then times out")
    notice = partner.get_by_role("status")
    expect(notice).to_contain_text("has been raised")
    reference = re.search(r"INC-\d{6}", notice.inner_text()).group(0)
    check(partner, "partner-home-after-raising")
    partner.get_by_role("link", name=reference).click()
    partner.get_by_label("Screenshot (PNG, JPEG or WebP, up to 10 MB)").set_input_files(
        files=[{"name": "spinner.png", "mimeType": "image/png", "buffer": tiny_png()}])
    partner.get_by_role("button", name="Upload the screenshot").click()
    expect(partner.get_by_role("heading", name="There is a problem")).to_be_visible()
    partner.get_by_label("Screenshot (PNG, JPEG or WebP, up to 10 MB)").set_input_files(
        files=[{"name": "spinner.png", "mimeType": "image/png", "buffer": tiny_png()}])
    partner.get_by_label(re.compile("shows no patient-identifiable data")).check()
    partner.get_by_role("button", name="Upload the screenshot").click()
    expect(partner.get_by_role("status")).to_contain_text("Screenshot spinner.png attached.")
    expect(partner.get_by_role("link", name="spinner.png")).to_be_visible()
    check(partner, "incident-partner-screenshot")
    partner.close()

    desk = browser.new_page()
    sign_in(desk, "firstline@partnerdesk.example")
    check(desk, "desk-queue")
    desk.get_by_label("Search").fill(reference)
    desk.get_by_role("button", name="Show incidents").click()
    expect(desk.locator("table.queue tbody tr")).to_have_count(1)
    check(desk, "desk-queue-searched")
    desk.get_by_role("link", name=reference).click()
    check(desk, "incident-desk")
    desk.get_by_label("Action").select_option("receive")
    desk.get_by_label("Severity (for receiving or changing severity)").select_option("2")
    desk.get_by_role("button", name="Apply").click()
    expect(desk.locator(".summary")).to_contain_text("Severity 2")
    expect(desk.locator(".summary")).to_contain_text("Due")
    expect(desk.locator(".sla")).to_contain_text("left")
    expect(desk.get_by_role("heading", name="Why the clock stands here")).to_be_visible()
    expect(desk.get_by_role("cell", name=re.compile("^Received: the clock starts, with a target of 8 h"))).to_be_visible()
    check(desk, "incident-received")
    desk.close()


def test_patient_data_is_refused_beside_the_field_and_nothing_is_stored(page):
    sign_in(page, "reporter@wellpath.example")
    raise_incident(page, "User 401 023 2137 cannot upload a photo")
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.locator("#description-error")).to_contain_text("looks like an NHS number")
    assert "2137" not in page.content()
    check(page, "raise-incident-refused")
    page.goto(f"{BASE}/")
    assert "cannot upload a photo" not in page.content()


def test_a_partner_cannot_open_another_partners_incident(page):
    sign_in(page, "reporter@wellpath.example")
    page.locator("table.queue a").first.click()
    url = page.url
    check(page, "incident-partner")
    page.context.clear_cookies()
    sign_in(page, "reporter@carebridge.example")
    response = page.goto(url)
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    check(page, "not-found")


def test_the_audit_log_page_for_administrators(page):
    sign_in(page, "admin@partnerdesk.example")
    page.goto(f"{BASE}/admin/audit")
    expect(page.get_by_role("heading", name="Audit log")).to_be_visible()
    check(page, "audit-log")


def test_a_partner_administrator_manages_people_and_tokens(page):
    sign_in(page, "admin@wellpath.example")
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="People").click()
    expect(page.get_by_role("heading", name="People", exact=True)).to_be_visible()
    check(page, "people")
    page.get_by_label("Full name").fill("Morgan Example")
    page.get_by_label("E-mail address").fill("morgan@wellpath.example")
    page.get_by_role("button", name="Invite").click()
    expect(page.get_by_role("status")).to_contain_text("An invitation is on its way to morgan@wellpath.example.")
    expect(page.locator("#invitations")).to_contain_text("morgan@wellpath.example")
    check(page, "people-invited")

    page.get_by_role("link", name="API tokens").click()
    page.get_by_label("Name").fill("Appointments app, production")
    page.get_by_role("button", name="Create the token").click()
    expect(page.get_by_role("status")).to_contain_text("shown only this once")
    check(page, "tokens-created")
    page.get_by_role("button", name="Revoke Appointments app, production").click()
    expect(page.get_by_role("status")).to_contain_text("The token is revoked")

    page.get_by_role("link", name="Webhooks").click()
    page.get_by_label("Endpoint address").fill("https://hooks.wellpath.example/partnerdesk")
    page.get_by_role("button", name="Add the endpoint").click()
    expect(page.get_by_role("status")).to_contain_text("Signing secret for https://hooks.wellpath.example/partnerdesk")
    check(page, "webhooks-added")

    page.get_by_role("link", name="Your notifications").click()
    page.get_by_label("The service desk responded").uncheck()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_role("status")).to_contain_text("Your choices are saved.")
    expect(page.get_by_label("The service desk responded")).not_to_be_checked()
    check(page, "notifications")


def test_anyone_checks_the_known_problems_before_raising_an_incident(page):
    page.goto(f"{BASE}/problems")
    expect(page.get_by_role("heading", name="Problems and fixes")).to_be_visible()
    page.get_by_label("Search known problems").fill("android browsers")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_contain_text("1 problem matches")
    expect(page.locator("mark").first).to_be_visible()
    check(page, "problems-search")
    page.locator(".problems h2 a").first.click()
    expect(page.get_by_role("heading", name=re.compile("PRB-"))).to_be_visible()
    check(page, "problem")


def test_anyone_reads_the_service_updates_and_subscribes_to_planned_releases(page):
    page.goto(f"{BASE}/service-updates")
    expect(page.get_by_role("heading", name="Service updates and releases")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("This sprint: Sprint"))).to_be_visible()
    check(page, "service-updates")
    page.locator(".releases h3 a").first.click()
    expect(page.get_by_role("heading", name=re.compile(r"Release \d"))).to_be_visible()
    expect(page.get_by_role("heading", name="What changes")).to_be_visible()
    check(page, "service-update")
    calendar = page.request.get(f"{BASE}/service-updates.ics")
    assert calendar.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in calendar.text()


def test_a_problem_manager_ranks_records_and_publishes_problems(page):
    sign_in(page, "problems@partnerdesk.example")
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Problems").click()
    expect(page.get_by_role("heading", name="Problems", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="PRB-000001")).to_be_visible()
    page.get_by_text("How the score is worked out").click()
    expect(page.get_by_text("plus 10 for each partner affected")).to_be_visible()
    check(page, "staff-problems")
    page.get_by_role("link", name="PRB-000001").click()
    expect(page.get_by_role("heading", name="Linked incidents", exact=True)).to_be_visible()
    check(page, "staff-problem")

    page.get_by_role("link", name="Back to the problems").click()
    page.get_by_role("link", name="Record a problem").click()
    page.get_by_role("button", name="Record the problem").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    check(page, "staff-problem-new-refused")
    page.get_by_label("Title").fill("Security code e-mails arrive late")
    page.get_by_label("What is wrong").fill("Codes reach some mail providers after they expire.")
    page.get_by_label("Severity").select_option("3")
    page.get_by_label("Where it came from").select_option("external_feedback")
    page.get_by_label("Error codes users see").fill("E-CODE-EXPIRED")
    page.get_by_role("button", name="Record the problem").click()
    expect(page.get_by_role("heading", name=re.compile("Security code e-mails arrive late"))).to_be_visible()
    page.get_by_label("Public summary").fill("Security codes sent by e-mail can arrive after they expire.")
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.get_by_role("status")).to_contain_text("on the public problems-and-fixes page")
    check(page, "staff-problem-published")
    page.goto(f"{BASE}/problems?q=expire")
    expect(page.get_by_role("link", name=re.compile("PRB-"))).to_have_count(1)


def test_an_hssi_is_declared_convened_joined_and_updated(browser):
    partner = browser.new_context(viewport={"width": 1024, "height": 800}).new_page()
    sign_in(partner, "hssi@wellpath.example")
    partner.get_by_role("navigation", name="Sections").get_by_role("link", name="HSSIs").click()
    expect(partner.get_by_role("heading", name="Higher Severity Service Incidents")).to_be_visible()
    partner.get_by_role("link", name="HSSI manager rota").click()
    partner.get_by_label("Manager's name").fill("Daniel Price")
    partner.get_by_label("E-mail address").fill("hssi@wellpath.example")
    partner.get_by_label("From (UK time)").fill("2026-01-01T00:00")
    partner.get_by_label("Until (UK time)").fill("2030-01-01T00:00")
    partner.get_by_role("button", name="Add to the rota").click()
    expect(partner.get_by_role("status")).to_contain_text("The time on duty is added.")
    check(partner, "hssi-rota")

    partner.goto(f"{BASE}/hssi/new")
    partner.get_by_role("button", name="Declare the HSSI").click()
    expect(partner.get_by_role("alert")).to_contain_text("There is a problem")
    check(partner, "hssi-new-refused")
    partner.get_by_label("Title").fill("Appointments shown to the wrong user")
    partner.get_by_label("What is happening").fill("Some users saw appointments that were not theirs.")
    partner.get_by_label("When did it happen? (UK time)").fill("2026-01-05T09:00")
    partner.get_by_label("Severity 1").check()
    partner.get_by_label("Category").select_option("wrong_information_shown")
    partner.get_by_role("button", name="Declare the HSSI").click()
    expect(partner.get_by_role("status")).to_contain_text("The HSSI is declared.")
    reference = partner.get_by_role("heading", level=1).inner_text().split(":")[0]
    check(partner, "hssi-declared")

    bridge = browser.new_context(viewport={"width": 1024, "height": 800}).new_page()
    sign_in(bridge, "bridge@partnerdesk.example")
    bridge.goto(f"{BASE}/hssi")
    bridge.get_by_role("link", name=reference).click()
    bridge.get_by_role("button", name="Record: Service Bridge notified").click()
    expect(bridge.get_by_role("status")).to_contain_text("The step is recorded.")
    bridge.get_by_label("Joining details").fill("Bridge call 0300 555 0100, PIN 4321")
    bridge.get_by_role("button", name="Convene and invite").click()
    expect(bridge.get_by_role("table", name=re.compile("Roll-call"))).to_contain_text("Daniel Price")
    check(bridge, "hssi-convened")

    partner.reload()
    partner.get_by_role("button", name="We have joined").click()
    expect(partner.get_by_role("status")).to_contain_text("Joining the Multi-Party Intervention is recorded.")
    partner.get_by_label("Current impact").fill("Appointments hidden for affected users")
    partner.get_by_label("Users affected").fill("120")
    partner.get_by_label("Actions taken").fill("Cache cleared and sessions ended")
    partner.get_by_label("Next update due (UK time)").fill("2030-01-01T10:00")
    partner.get_by_role("button", name="Post the update").click()
    expect(partner.get_by_role("status")).to_contain_text("The status update is posted.")
    expect(partner.get_by_text("Appointments hidden for affected users")).to_be_visible()
    check(partner, "hssi-updated")
    partner.context.close()
    bridge.context.close()


def test_an_administrator_sees_the_outbox(page):
    sign_in(page, "admin@partnerdesk.example")
    page.get_by_role("link", name="Outbox").click()
    expect(page.get_by_role("heading", name="Dead letters")).to_be_visible()
    check(page, "outbox")


def test_pages_reflow_at_320_pixels(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    sign_in(page, "firstline@partnerdesk.example")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"the queue needs horizontal scrolling at 320 px ({width} px wide)"
    check(page, "desk-queue-320px")
    page.context.clear_cookies()
    sign_in(page, "admin@partnerdesk.example")
    for path in ["organisation/people", "organisation/tokens", "organisation/webhooks", "admin/audit", "admin/outbox",
                 "account/notifications", "staff/problems", "staff/problems/PRB-000001", "staff/problems/new", "hssi",
                 "hssi/new", "organisation/hssi-rota?partner=WELLPATH", "service-updates", "status", "service-levels",
                 "service-levels/components", "service-levels/reports?partner=WELLPATH", "admin/bank-holidays",
                 "service-requests", "partners", "partners/WELLPATH", "partners/CAREBRIDGE/onboarding",
                 "partners/WELLPATH/reviews"]:
        page.goto(f"{BASE}/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} needs horizontal scrolling at 320 px ({width} px wide)"
        check(page, re.sub(r"[/?=]", "-", path) + "-320px")
    context.close()


def test_a_change_goes_through_the_four_steps_with_a_clinical_safety_hold(browser):
    manager = browser.new_page()
    sign_in(manager, "releases@partnerdesk.example")
    manager.get_by_role("navigation", name="Sections").get_by_role("link", name="Releases").click()
    check(manager, "releases")
    # 1. A sprint and its digest, previewed before it goes.
    manager.get_by_label("Sprint number", exact=True).fill("203")
    manager.get_by_label("Starts on").fill("2027-03-01")
    manager.get_by_label("Aim, in partners' words").fill("Sign-in for twins sharing a phone.")
    manager.get_by_role("button", name="Plan the sprint").click()
    expect(manager.get_by_role("heading", name="Sprint 203")).to_be_visible()
    manager.get_by_label("Title", exact=True).fill("Choose who is signing in")
    manager.get_by_label("What changes, in partners' words").fill("People sharing a phone choose their own account.")
    manager.get_by_label("Services it touches").fill("Sign-in")
    manager.get_by_label("Impact on partners").select_option("major")
    manager.get_by_label("Partners a major change affects").fill("WELLPATH")
    manager.get_by_role("button", name="Add the feature").click()
    expect(manager.get_by_role("heading", name="What partners receive")).to_be_visible()
    check(manager, "sprint")
    # Clinical safety holds the digest: it cannot go until they approve it again.
    sprint_page = manager.url.split("?")[0]
    approver = browser.new_page()
    sign_in(approver, "safety@partnerdesk.example")
    approver.goto(sprint_page)
    approver.get_by_label("For the level").select_option(label="Clinical safety")
    approver.get_by_label("Hold the digest as unsafe").check()
    approver.get_by_label("Reason", exact=True).fill("The wording promises more than the feature does.")
    approver.get_by_role("button", name="Record the decision").click()
    expect(approver.get_by_role("status")).to_contain_text("Your decision is recorded.")
    check(approver, "sprint-digest-held")
    manager.goto(sprint_page)
    manager.get_by_role("button", name="Send the digest to every partner").click()
    expect(manager.get_by_role("alert")).to_contain_text("Clinical safety is holding the digest as unsafe")
    approver.get_by_label("For the level").select_option(label="Clinical safety")
    approver.get_by_label("Approve", exact=True).check()
    approver.get_by_role("button", name="Record the decision").click()
    expect(approver.get_by_role("status")).to_contain_text("Your decision is recorded.")
    manager.goto(sprint_page)
    manager.get_by_role("button", name="Send the digest to every partner").click()
    expect(manager.get_by_role("status")).to_contain_text("The digest has gone to every partner.")
    # 2. The integration-environment notice, acknowledged by the partner it names.
    manager.get_by_role("link", name="Back to change and release").click()
    manager.get_by_label("Title", exact=True).fill("Choosing the account in integration")
    manager.get_by_label("What to test, in partners' words").fill("Sign in twice on one phone and choose.")
    manager.get_by_label("The change it is about").select_option(label="Choose who is signing in (Major)")
    manager.get_by_label("Available to test from").fill("2027-03-08")
    manager.get_by_role("button", name="Write the notice").click()
    expect(manager.get_by_role("heading", name="What partners receive")).to_be_visible()
    check(manager, "notice")
    manager.get_by_role("button", name="Send the notice").click()
    expect(manager.get_by_role("status")).to_contain_text("The notice has gone to its partners.")
    partner = browser.new_page()
    sign_in(partner, "admin@wellpath.example")
    partner.get_by_role("navigation", name="Sections").get_by_role("link", name="Change notices").click()
    partner.get_by_role("link", name=re.compile("Choosing the account in integration")).click()
    partner.get_by_label("We have seen it and will test").check()
    partner.get_by_role("button", name="Send our answer").click()
    expect(partner.get_by_role("status")).to_contain_text("Your answer is recorded.")
    check(partner, "change-notice")
    # 3. A release's notes, published before it goes.
    manager.get_by_role("link", name="Back to change and release").click()
    manager.get_by_label("Version").fill("2027.3.1")
    manager.get_by_label("What it brings, in partners' words").fill("Choosing the account on a shared phone.")
    manager.get_by_label("Planned for (London time)").fill("2027-03-11T19:00")
    manager.get_by_label("From sprint number").fill("203")
    manager.get_by_role("button", name="Plan the release").click()
    manager.get_by_role("button", name="Publish the notes").click()
    expect(manager.get_by_role("status")).to_contain_text("The notes are on the service updates")
    # 4. The coming release: held by clinical safety, re-planned (its partner told), approved, released.
    approver.get_by_role("navigation", name="Sections").get_by_role("link", name="Releases").click()
    coming = re.compile(r"^\d{4}\.\d{1,2}\.2$")
    approver.get_by_role("link", name=coming).click()
    approver.get_by_label("For the level").select_option(label="Clinical safety")
    approver.get_by_label("Hold the release as unsafe").check()
    approver.get_by_label("Reason", exact=True).fill("The hazard log does not cover shared phones yet.")
    approver.get_by_role("button", name="Record the decision").click()
    expect(approver.get_by_role("status")).to_contain_text("Your decision is recorded.")
    expect(approver.get_by_text("Held as unsafe").first).to_be_visible()
    check(approver, "release-held")
    manager.goto(approver.url)
    manager.get_by_label("New time (London)").fill("2027-01-14T19:00")
    manager.get_by_label("Why, for partners to read").fill("More time to test with partners.")
    manager.get_by_role("button", name="Re-plan the release").click()
    expect(manager.get_by_role("status")).to_contain_text("The release is re-planned")
    partner.get_by_role("navigation", name="Sections").get_by_role("link", name="Change notices").click()
    expect(partner.get_by_text(re.compile(r"moved to Thu, 14 Jan 2027")).first).to_be_visible()
    approver.reload()
    for level in ["Technical design", "Clinical safety", "Information governance", "Service management"]:
        approver.get_by_label("For the level").select_option(label=level)
        approver.get_by_label("Approve", exact=True).check()
        approver.get_by_role("button", name="Record the decision").click()
        expect(approver.get_by_role("status")).to_contain_text("Your decision is recorded.")
    partner.reload()
    partner.get_by_label("Approve", exact=True).check()
    partner.get_by_role("button", name="Record our decision").click()
    expect(partner.get_by_role("status")).to_contain_text("Your organisation's decision is recorded.")
    check(partner, "change-notices")
    manager.reload()
    manager.get_by_role("button", name="Mark released").click()
    expect(manager.get_by_role("status")).to_contain_text("The release is live")
    check(manager, "release-live")
    public = browser.new_page()
    public.goto(f"{BASE}/problems/PRB-000001")
    expect(public.get_by_text("Fix released")).to_be_visible()
    expect(public.get_by_text(coming)).to_be_visible()
    check(public, "problem-fixed")


def test_monitoring_opens_and_closes_an_outage_and_maintenance_reaches_the_status_feeds(page: Page):
    """Alertmanager's webhook opens an outage the public status page shows, then resolves it; announced
    maintenance appears on the page and in its calendar feed."""
    api = page.request
    headers = {"Authorization": f"Bearer {os.environ['PARTNERDESK_MONITORING_TOKEN']}",
               "Content-Type": "application/json"}
    started = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=10)).strftime(
        "%Y-%m-%dT%H:%M:%S.000Z")

    def notify(status: str, ends: str = "0001-01-01T00:00:00Z"):
        body = {"version": "4", "status": status, "receiver": "partnerdesk", "groupKey": "{}:{}",
                "alerts": [{"status": status, "labels": {"alertname": "IdvErrors",
                                                         "component": "identity-verification"},
                            "annotations": {"summary": "document checks time out"}, "startsAt": started,
                            "endsAt": ends, "fingerprint": "e2e0c0ffee"}]}
        answer = api.post(f"{BASE}/api/v1/monitoring/alertmanager", data=json.dumps(body), headers=headers)
        assert answer.ok, answer.text()
        return answer.json()

    opened = notify("firing")
    assert len(opened["opened"]) == 1
    assert notify("firing")["unchanged"] == 1
    page.goto(f"{BASE}/status")
    expect(page.get_by_role("heading", name="Identity verification: Outage", exact=True)).to_be_visible()
    expect(page.get_by_text("Identity verification is not available.")).to_be_visible()
    expect(page.get_by_text("document checks time out")).to_have_count(0)
    check(page, "status-outage")
    ended = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert notify("resolved", ended)["closed"] == opened["opened"]
    # The service manager sees the month's availability and the downtime allowance it used.
    manager = page.context.browser.new_page()
    sign_in(manager, "service@partnerdesk.example")
    manager.get_by_role("navigation", name="Sections").get_by_role("link", name="Service levels").click()
    expect(manager.get_by_role("heading", name=re.compile(r"The whole service, \d{4}-\d{2}"))).to_be_visible()
    expect(manager.get_by_text(re.compile(r"\d+ % of the downtime allowance used"))).to_be_visible()
    expect(manager.get_by_role("cell", name=re.compile(opened["opened"][0]))).to_be_visible()
    check(manager, "service-levels")
    # The desk corrects what partners read about it; the history keeps what it said before.
    manager.get_by_role("link", name=opened["opened"][0]).click()
    check(manager, "outage")
    manager.get_by_label("What partners will read").fill("Identity checks timed out for about ten minutes.")
    manager.get_by_role("button", name="Save the correction").click()
    expect(manager.get_by_text("The outage is corrected")).to_be_visible()
    expect(manager.get_by_role("cell", name=re.compile("^Corrected; publicSummary"))).to_be_visible()

    starts = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=3)).replace(
        hour=19, minute=0, second=0, microsecond=0)
    plan = {"components": ["sign-in"], "startsAt": starts.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "endsAt": (starts + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "summary": "Sign-in may pause for up to a minute while we upgrade its database."}
    planned = api.post(f"{BASE}/api/v1/maintenance", data=json.dumps(plan), headers=headers)
    assert planned.status == 201, planned.text()
    window = planned.json()
    announced = api.post(f"{BASE}/api/v1/maintenance/{window['id']}/announcement",
                         headers={**headers, "If-Match": '"1"'})
    assert announced.ok, announced.text()
    page.goto(f"{BASE}/status")
    expect(page.get_by_role("heading", name="Identity verification: Operational", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Planned maintenance: Sign-in")).to_be_visible()
    check(page, "status")
    calendar = api.get(f"{BASE}/status.ics")
    assert calendar.headers["content-type"].startswith("text/calendar")
    assert f"UID:maintenance-{window['reference']}@" in calendar.text()
    assert "SUMMARY:Planned maintenance: Sign-in" in calendar.text()

def test_a_partner_administrator_chooses_the_components_its_services_use(page: Page):
    """Outage and maintenance notices follow the components a partner chose."""
    sign_in(page, "admin@wellpath.example")
    page.goto(f"{BASE}/service-levels/components")
    expect(page.get_by_role("heading", name="The components your services use")).to_be_visible()
    page.get_by_label("Sign-in").check()
    page.get_by_label("User information").check()
    page.get_by_role("button", name="Save the choice").click()
    expect(page.get_by_text("The choice is saved")).to_be_visible()
    expect(page.get_by_label("Sign-in")).to_be_checked()
    expect(page.get_by_label("Account settings")).not_to_be_checked()
    check(page, "components")



def test_a_partner_reads_its_monthly_report_and_a_correction_revises_it(browser):
    """Last month's report as a page, CSV and PDF; a re-grade after it was sent makes edition 2."""
    partner = browser.new_context(viewport={"width": 1024, "height": 800}, accept_downloads=True).new_page()
    sign_in(partner, "admin@wellpath.example")
    partner.goto(f"{BASE}/service-levels")
    partner.get_by_role("link", name="the monthly service reports").click()
    expect(partner.get_by_role("heading", name=re.compile("Wellpath Digital: service report for"))).to_be_visible()
    # Last month's first edition is out from the start of business on this month's first working day; before
    # that (a run early on the 1st, say) the figures are provisional and there is nothing yet to revise.
    issued = partner.get_by_text(re.compile(r"Edition 1, issued")).count() > 0
    if not issued:
        expect(partner.get_by_text(re.compile(r"Provisional: .* The first edition is issued on"))).to_be_visible()
    expect(partner.get_by_role("img", name=re.compile("resolved within target, by severity"))).to_be_visible()
    expect(partner.get_by_role("heading", name=re.compile(r"INC-\d+ \(WELLPATH\), severity 1")).first).to_be_visible()
    check(partner, "service-report")

    with partner.expect_download() as download:
        partner.get_by_role("link", name="CSV (every figure)").click()
    csv_text = pathlib.Path(download.value.path()).read_bytes().decode("utf-8")
    assert csv_text.startswith("month,scope,section,item,measure,value\r\n")
    assert ",WELLPATH,Incidents,All severities,Raised," in csv_text

    with partner.expect_download() as download:
        partner.get_by_role("link", name="PDF").click()
    pdf_path = ARTIFACTS / "service-report.pdf"
    download.value.save_as(pdf_path)
    reader = pypdf.PdfReader(str(pdf_path))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Wellpath Digital: service report for" in text
    assert "Targets missed" in text and "Resolution targets by severity" in text
    assert "Signed in as" not in text, "the print view leaves out the page header's controls"

    if not issued:
        return
    # The desk re-grades last month's severity 1 that was still open: the report is revised, saying what changed.
    desk = browser.new_context(viewport={"width": 1024, "height": 800}).new_page()
    sign_in(desk, "firstline@partnerdesk.example")
    desk.goto(f"{BASE}/?q=DEMO-14")
    desk.get_by_role("link", name=re.compile(r"INC-\d+")).first.click()
    desk.get_by_label("Action").select_option("change_severity")
    desk.get_by_label("Severity").select_option("5")
    desk.get_by_label("Note", exact=True).fill("Only one postcode is affected: cosmetic.")
    desk.get_by_role("button", name="Apply").click()
    expect(desk.get_by_text("There is a problem")).to_have_count(0)

    for _ in range(45):
        partner.reload()
        if partner.get_by_text(re.compile(r"Edition 2, issued")).count() > 0:
            break
        partner.wait_for_timeout(1000)
    expect(partner.get_by_text(re.compile(r"Edition 2, issued .*revises edition 1"))).to_be_visible()
    expect(partner.get_by_role("heading", name="What this edition changed")).to_be_visible()
    expect(partner.get_by_role("cell", name="Incidents: Severity 1, Raised")).to_be_visible()
    check(partner, "service-report-revised")
    partner.get_by_role("link", name=re.compile(r"Edition 1, ")).click()
    expect(partner.get_by_text(re.compile(r"^Edition 1, issued"))).to_be_visible()


def test_an_administrator_imports_bank_holidays_and_running_clocks_move(page: Page, tmp_path):
    """A GOV.UK list with an extra day: what it would change first, then the clocks it moved."""
    day = datetime.date.today() + datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    feed = {"england-and-wales": {"division": "england-and-wales", "events": [
        {"title": "A day off for the browser test", "date": day.isoformat(), "notes": "", "bunting": True}]}}
    upload = tmp_path / "bank-holidays.json"
    upload.write_text(json.dumps(feed), encoding="utf-8")

    sign_in(page, "admin@partnerdesk.example")
    page.get_by_role("link", name="Bank holidays").click()
    expect(page.get_by_role("heading", name="Bank holidays", exact=True)).to_be_visible()
    check(page, "bank-holidays")
    page.get_by_role("button", name="Show what it would change").click()
    expect(page.get_by_text("Choose a bank-holidays file to upload.").first).to_be_visible()
    page.get_by_label("GOV.UK bank-holidays file (JSON)").set_input_files(str(upload))
    page.get_by_role("button", name="Show what it would change").click()
    expect(page.get_by_text(f"England and Wales: {day.isoformat()} A day off for the browser test added")).to_be_visible()
    check(page, "bank-holidays-preview")
    page.get_by_role("button", name="Take this list in").click()
    expect(page.get_by_text(re.compile(r"Taken in as import \d+\. Running clocks replayed: \d+; due times moved: [1-9]"))).to_be_visible()
    check(page, "bank-holidays-taken-in")
    page.get_by_role("table").get_by_role("link").first.click()
    expect(page.get_by_text("Bank holidays were updated, so the resolution target").first).to_be_visible()


def test_a_service_request_goes_from_submission_to_fulfilment(browser):
    partner = browser.new_page()
    sign_in(partner, "reporter@wellpath.example")
    partner.get_by_role("link", name="Service requests").click()
    check(partner, "service-requests-partner")
    partner.get_by_role("link", name="Make a service request").click()
    check(partner, "service-request-kinds")
    partner.get_by_role("link", name="Change of redirect addresses").click()
    # A refusal keeps what was typed and says why beside each field.
    partner.get_by_label("A short title").fill("Add the new app's callback")
    partner.get_by_label("Addresses to add (optional)").fill("https://app.wellpath.example/callback")
    partner.get_by_role("button", name="Send the request").click()
    expect(partner.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(partner.get_by_role("link", name="Give the client ID.")).to_be_visible()
    expect(partner.locator('[id="answers.clientID-error"]')).to_contain_text("Give the client ID.")
    expect(partner.get_by_label("A short title")).to_have_value("Add the new app's callback")
    check(partner, "service-request-refused")
    partner.get_by_label("Environment").select_option("production")
    partner.get_by_label("Client ID").fill("wellpath-gp")
    partner.get_by_role("button", name="Send the request").click()
    expect(partner.get_by_role("heading", name="Add the new app's callback")).to_be_visible()
    expect(partner.locator(".summary").first).to_contain_text("Submitted")
    reference = re.search(r"SRQ-\d{6}", partner.locator(".summary").first.inner_text()).group(0)
    address = partner.url
    check(partner, "service-request-partner")

    desk = browser.new_page()
    sign_in(desk, "firstline@partnerdesk.example")
    desk.get_by_role("link", name="Service requests").click()
    expect(desk.get_by_role("link", name=reference)).to_be_visible()
    check(desk, "service-requests-desk")
    desk.get_by_role("link", name=reference).click()
    desk.get_by_label("Accept").check()
    desk.get_by_role("button", name="Record it").click()
    expect(desk.locator(".summary").first).to_contain_text("1 month from acceptance")
    desk.get_by_label("Note", exact=True).last.fill("The identity team adds it on Thursday.")
    desk.get_by_label("Staff only: partners never see it").check()
    desk.get_by_role("button", name="Add the note").click()
    desk.get_by_label(re.compile("^Ask the partner")).check()
    desk.get_by_role("button", name="Record it").click()
    expect(desk.get_by_role("heading", name="There is a problem")).to_be_visible()
    desk.get_by_label(re.compile("^Ask the partner")).check()
    desk.locator("#note").fill("Should the old address stay as well?")
    desk.get_by_role("button", name="Record it").click()
    expect(desk.locator(".summary").first).to_contain_text("Waiting for the partner")
    check(desk, "service-request-desk")

    partner.goto(address)
    expect(partner.get_by_text("The identity team adds it on Thursday.")).to_have_count(0)
    partner.get_by_label(re.compile("^Resume")).check()
    partner.locator("#note").fill("Yes, keep the old one until March.")
    partner.get_by_role("button", name="Record it").click()
    expect(partner.locator(".summary").first).to_contain_text("In progress")
    partner.close()

    desk.reload()
    desk.get_by_label(re.compile("^Fulfil")).check()
    desk.locator("#note").fill("Added to production; the old address stays.")
    desk.get_by_role("button", name="Record it").click()
    expect(desk.locator(".summary").first).to_contain_text("Fulfilled")
    expect(desk.get_by_role("heading", name="What next")).to_have_count(0)
    check(desk, "service-request-fulfilled")
    desk.close()


def test_a_partner_moves_to_live_once_its_evidence_is_accepted(browser):
    partner = browser.new_page()
    sign_in(partner, "admin@mindful.example")
    partner.get_by_role("link", name="Your organisation").click()
    expect(partner.get_by_role("heading", name="Mindful Minutes")).to_be_visible()
    check(partner, "partner-details-partner")
    # A partner's administrator keeps its contacts; history records each change.
    partner.get_by_text("Change the contacts").click()
    partner.get_by_label("E-mail").nth(1).fill("not-an-address")
    partner.get_by_label("Name").nth(1).fill("Sol Mendes")
    partner.get_by_role("button", name="Save the contacts").click()
    expect(partner.get_by_role("link", name="Enter an e-mail address like name@example.org.")).to_be_visible()
    expect(partner.get_by_label("Name").nth(1)).to_have_value("Sol Mendes")
    partner.get_by_label("E-mail").nth(1).fill("sol.mendes@mindful.example")
    partner.get_by_role("button", name="Save the contacts").click()
    expect(partner.get_by_role("cell", name="Sol Mendes")).to_be_visible()
    expect(partner.locator(".timeline")).to_contain_text("Contacts changed")
    expect(partner.get_by_text("Change the details and services")).to_have_count(0)

    partner.get_by_role("link", name="Onboarding and early live").click()
    check(partner, "partner-journey-partner")
    rota = partner.locator("form", has=partner.get_by_label("What you can show for HSSI manager and rota"))
    rota.get_by_label("What you can show for HSSI manager and rota").fill("Ravi leads; the rota is attached.")
    rota.get_by_label("Links to documents (optional)").fill("http://files.mindful.example/rota")
    rota.get_by_role("button", name="Give this evidence").click()
    expect(partner.get_by_role("link", name="Each link must be an https:// address.")).to_be_visible()
    expect(partner.get_by_label("What you can show for HSSI manager and rota")).to_have_value(
        "Ravi leads; the rota is attached.")
    check(partner, "partner-journey-refused")
    for title, words in [("HSSI manager and rota", "Ravi leads; the rota is attached."),
                         ("National Service Desk registration", "As on the form we sent in November.")]:
        box = partner.get_by_label(f"What you can show for {title}")
        box.fill(words)
        partner.locator("form", has=box).get_by_label("Links to documents (optional)").fill("")
        partner.locator("form", has=box).get_by_role("button", name="Give this evidence").click()
        expect(partner.locator("section", has_text=title).get_by_text("Waiting for review", exact=True).first) \
            .to_be_visible()

    manager = browser.new_page()
    sign_in(manager, "service@partnerdesk.example")
    manager.get_by_role("link", name="Partners").click()
    check(manager, "partners")
    manager.get_by_role("link", name="1 of 4 accepted").click()
    # Going live without the evidence needs a reason.
    manager.get_by_label("Move the partner to").select_option("live")
    manager.get_by_role("button", name="Move the partner").click()
    expect(manager.get_by_role("link", name="Enter the reason for going ahead without the evidence.")).to_be_visible()
    for title in ["Problem records", "HSSI manager and rota"]:
        manager.get_by_label("Accept it").first.check()
        manager.get_by_role("button", name="Record the review").first.click()
        expect(manager.locator("section", has_text=title).get_by_text("Accepted", exact=True).first).to_be_visible()
    manager.get_by_label("Return it with comments").first.check()
    manager.get_by_role("button", name="Record the review").first.click()
    expect(manager.get_by_role("link", name="Enter the comment for the partner.")).to_be_visible()
    manager.get_by_label("Return it with comments").first.check()
    manager.get_by_label("Comment for the partner (needed to return it)").first.fill(
        "Add the escalation contact from the form.")
    manager.get_by_role("button", name="Record the review").first.click()
    expect(manager.get_by_text("Returned with comments").first).to_be_visible()
    check(manager, "partner-journey-manager")

    partner.reload()
    expect(partner.locator(".internal-note")).to_contain_text("Add the escalation contact from the form.")
    partner.get_by_text("Give it again").last.click()
    box = partner.get_by_label("What you can show for National Service Desk registration")
    box.fill("As on the form, with Sol Mendes as escalation contact.")
    partner.locator("form", has=box).get_by_role("button", name="Give this evidence").click()
    partner.close()

    manager.reload()
    manager.get_by_label("Accept it").first.check()
    manager.get_by_role("button", name="Record the review").first.click()
    expect(manager.get_by_text("Every piece of required evidence is accepted.")).to_be_visible()
    manager.get_by_label("Move the partner to").select_option("live")
    manager.get_by_role("button", name="Move the partner").click()
    expect(manager.locator(".status-overall")).to_contain_text("Live.")
    expect(manager.locator(".timeline").last).to_contain_text("Onboarding to live")
    check(manager, "partner-journey-live")
    manager.close()


def test_an_early_live_partner_is_checked_in_with_and_its_action_done(browser):
    manager = browser.new_page()
    sign_in(manager, "service@partnerdesk.example")
    manager.goto(f"{BASE}/partners/CAREBRIDGE/onboarding")
    expect(manager.get_by_text("Every working day for 2 weeks, then weekly")).to_be_visible()
    manager.get_by_label("Notes").fill("")
    manager.get_by_role("button", name="Record the check-in").click()
    expect(manager.get_by_role("link", name="Enter the notes.")).to_be_visible()
    manager.get_by_label("Notes").fill("Quiet week. One user could not prove identity; solved by the app team.")
    manager.get_by_label("What").first.fill("Share the app's error rates for December")
    manager.get_by_label("Who").first.fill("CareBridge")
    manager.get_by_label("By").first.fill("2030-01-08")
    manager.get_by_role("button", name="Record the check-in").click()
    expect(manager.get_by_text("Quiet week.")).to_be_visible()
    check(manager, "partner-early-live-manager")
    manager.close()

    partner = browser.new_page()
    sign_in(partner, "admin@carebridge.example")
    partner.goto(f"{BASE}/partners/CAREBRIDGE/onboarding")
    expect(partner.get_by_text("Quiet week.")).to_be_visible()
    partner.get_by_role("button", name='Mark "Share the app\'s error rates for December" done').click()
    expect(partner.get_by_text(re.compile("^Done .* by Cara Admin"))).to_be_visible()
    expect(partner.get_by_role("button", name="Record the check-in")).to_have_count(0)
    check(partner, "partner-early-live-partner")
    # Another partner's pages answer as if they did not exist.
    response = partner.goto(f"{BASE}/partners/WELLPATH/onboarding")
    assert response.status == 404
    partner.close()

    # While it lasts, the desk sees the partner's incidents flagged in its queue.
    reporter = browser.new_page()
    sign_in(reporter, "reporter@carebridge.example")
    raise_incident(reporter, "Early-live user cannot upload a photo")
    reporter.close()
    desk = browser.new_page()
    sign_in(desk, "firstline@partnerdesk.example")
    desk.goto(f"{BASE}/?partner=CAREBRIDGE")
    expect(desk.locator("td", has_text="CAREBRIDGE").get_by_text("Early live").first).to_be_visible()
    desk.close()


def test_a_service_review_is_scheduled_with_its_pack_and_its_actions_are_followed(browser):
    manager = browser.new_page()
    sign_in(manager, "service@partnerdesk.example")
    manager.goto(f"{BASE}/partners/WELLPATH")
    manager.get_by_role("link", name="Service reviews").click()
    expect(manager.locator(".status-overall")).to_contain_text("Every three months")
    check(manager, "service-reviews")
    # A refusal says why beside the summary and keeps what was typed.
    manager.get_by_label("Where, or how to join").fill("Video call")
    manager.get_by_label("Attendees").fill("Amira Shah, Wellpath Digital, amira.shah@wellpath.example")
    manager.get_by_role("button", name="Schedule the review").click()
    expect(manager.get_by_role("link", name="Give the date and time.").first).to_be_visible()
    expect(manager.get_by_label("Where, or how to join")).to_have_value("Video call")
    manager.get_by_label("Starts (UK time)").fill("2031-03-11T10:00")
    manager.get_by_label("Ends (UK time)").fill("2031-03-11T11:00")
    manager.get_by_role("button", name="Schedule the review").click()
    expect(manager.get_by_role("link", name="Review 3")).to_be_visible()

    # This quarter's review began an hour ago: its pack is ready and its minutes are recorded.
    manager.get_by_role("link", name="Review 2").click()
    expect(manager.get_by_role("heading", name="The pack")).to_be_visible()
    expect(manager.get_by_text("Confirm the fix's release date").first).to_be_visible()
    check(manager, "service-review-pack")
    with manager.expect_download() as download:
        manager.get_by_role("link", name="Download the calendar invitation").click()
    invitation = pathlib.Path(download.value.path()).read_bytes().decode()
    assert "METHOD:REQUEST" in invitation and "mailto:amira.shah@wellpath.example" in invitation.replace("\r\n ", "")
    manager.get_by_role("button", name="Record the minutes").click()
    expect(manager.get_by_role("link", name="Enter the minutes.")).to_be_visible()
    manager.get_by_label("Minutes").fill("Figures reviewed; the Android sign-out fix ships next month.")
    manager.get_by_label("What").first.fill("Send the quarter's availability figures to the board")
    manager.get_by_label("Who").first.fill("Wellpath Digital")
    manager.get_by_label("By").first.fill("2030-01-31")
    manager.get_by_role("button", name="Record the minutes").click()
    expect(manager.get_by_role("heading", name="Minutes")).to_be_visible()
    check(manager, "service-review-held")
    address = manager.url
    manager.close()

    partner = browser.new_page()
    sign_in(partner, "admin@wellpath.example")
    partner.goto(address)
    partner.get_by_role("button", name='Mark "Send the quarter\'s availability figures to the board" done').click()
    expect(partner).to_have_url(address)
    expect(partner.get_by_text(re.compile("^Done .* by Ada Admin"))).to_be_visible()
    expect(partner.get_by_role("button", name="Record the minutes")).to_have_count(0)
    check(partner, "service-review-partner")
    partner.close()
