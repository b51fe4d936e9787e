// The cycle report (core/cycle_report.hpp): a small closed quarter written as Markdown and
// as HTML, with the scores and grades the method gives.

#include <doctest/doctest.h>

#include "core/cycle_report.hpp"
#include "method_support.hpp"

using namespace okr;
using namespace okr::test;

namespace {

// Q1 closed (a closed cycle's report gives scores, not progress). Acme | Co (the company) has a committed objective of two KRs: one scored 0.8
// by a person (7 of 10 computed), one at 3 of 10. Ops, below it, has an aspirational
// objective whose only KR never had a check-in, and a retrospective carrying it forward.
Workspace closed_quarter()
{
    Workspace w;
    w.info.name = "Acme_Works";
    Cycle q1 = cycle("c-q1", "2027-01-01", "2027-03-31", CycleState::closed);
    q1.name = "2027 Q1";
    upsert_by_id(w.cycles, q1);
    upsert_by_id(w.cycles, cycle("c-q2", "2027-04-01", "2027-06-30", CycleState::draft));
    Team company = team("t-co");
    company.name = "Acme | Co";
    upsert_by_id(w.teams, company);
    Team ops = team("t-ops", Id("t-co"));
    ops.name = "Ops";
    upsert_by_id(w.teams, ops);
    Person ana;
    ana.id = "p-ana";
    ana.name = "Ana Kovač";
    upsert_by_id(w.people, ana);

    Objective grow = objective("o-grow", "c-q1", "t-co", "Grow <fast>");
    grow.commitment = "committed";
    grow.owner = "p-ana";
    upsert_by_id(w.objectives, grow);
    upsert_by_id(w.objectives, objective("o-calm", "c-q1", "t-ops", "Calm on-call"));

    KeyResult clients = key_result("kr-clients", Direction::increase, 0, 10, "o-grow");
    clients.title = "Win 10 clients";
    clients.owner = "p-ana";
    clients.final_score = 0.8;
    clients.score_note = "Two more signed in April";
    upsert_by_id(w.key_results, clients);
    KeyResult partners = key_result("kr-partners", Direction::increase, 0, 10, "o-grow");
    partners.title = "Sign 10 partners";
    upsert_by_id(w.key_results, partners);
    KeyResult pages = key_result("kr-pages", Direction::decrease, 40, 10, "o-calm");
    pages.title = "Cut night pages from 40 to 10";
    upsert_by_id(w.key_results, pages);
    upsert_by_id(w.check_ins, check_in("ci-1", "kr-clients", "2027-03-20", 7));
    upsert_by_id(w.check_ins, check_in("ci-2", "kr-partners", "2027-03-20", 3));

    Retrospective retro;
    retro.id = "r-ops";
    retro.cycle = "c-q1";
    retro.team = "t-ops";
    retro.learned = "Alerts need owners";
    retro.carry_forward = std::vector<Id>{"o-calm"};
    upsert_by_id(w.retrospectives, retro);
    return w;
}

}  // namespace

TEST_CASE("a closed cycle's report lists teams from the company down, with scores, grades and retrospectives")
{
    const auto report = cycle_report(closed_quarter(), "c-q1");
    REQUIRE(report);
    // o-grow: mean of 0.8 and 0.3 = 0.55, shown as 0.6 (yellow); committed and below 1.0.
    CHECK(report_markdown(*report) ==
          "# Acme\\_Works: 2027 Q1\n"
          "\n"
          "2027-01-01 to 2027-03-31 · closed\n"
          "\n"
          "## Grades\n"
          "\n"
          "| Grade | Key results | Objectives |\n"
          "|---|---:|---:|\n"
          "| Green (0.7 to 1.0) | 1 | 0 |\n"
          "| Yellow (0.4 to 0.6) | 0 | 1 |\n"
          "| Red (0.0 to 0.3) | 2 | 1 |\n"
          "| No score | 0 | 0 |\n"
          "\n"
          "## Acme \\| Co\n"
          "\n"
          "### Grow \\<fast\\>\n"
          "\n"
          "Committed · Owner: Ana Kovač · Score 0.6 (yellow)\n"
          "\n"
          "**Committed OKR missed.**\n"
          "\n"
          "| Key result | Owner | Score |\n"
          "|---|---|---|\n"
          "| Win 10 clients | Ana Kovač | 0.8 (green) |\n"
          "| Sign 10 partners | – | 0.3 (red) |\n"
          "\n"
          "## Ops\n"
          "\n"
          "### Calm on-call\n"
          "\n"
          "Aspirational · Owner: – · Score 0.0 (red)\n"
          "\n"
          "| Key result | Owner | Score |\n"
          "|---|---|---|\n"
          "| Cut night pages from 40 to 10 | – | 0.0 (red) |\n"
          "\n"
          "### Retrospective\n"
          "\n"
          "- Learned: Alerts need owners\n"
          "- Change next: –\n"
          "- Carried forward: Calm on-call\n");
}

TEST_CASE("the HTML report escapes every text from the workspace and marks grades for print")
{
    const std::string page = report_html(*cycle_report(closed_quarter(), "c-q1"));
    CHECK(page.starts_with("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                           "Acme_Works: 2027 Q1</title><style>"));
    CHECK(page.find("<h3>Grow &lt;fast&gt;</h3>") != std::string::npos);
    CHECK(page.find("<h2>Acme | Co</h2>") != std::string::npos);
    CHECK(page.find("<tr><td>Win 10 clients</td><td>Ana Kovač</td><td class=\"green\">0.8 (green)</td></tr>") !=
          std::string::npos);
    CHECK(page.find("<fast>") == std::string::npos);
    CHECK(page.ends_with("<li>Carried forward: Calm on-call</li></ul></section></body></html>"));
}

TEST_CASE("an open cycle's scores are what the KRs would get today, and an empty cycle says so")
{
    Workspace w = closed_quarter();
    find_by_id(w.cycles, "c-q1")->state = CycleState::active;
    find_by_id(w.key_results, "kr-clients")->final_score.reset();
    const std::string text = report_markdown(*cycle_report(w, "c-q1"));
    CHECK(text.find("| Key result | Owner | Progress | Score so far |\n") != std::string::npos);
    CHECK(text.find("| Win 10 clients | Ana Kovač | 70 % | 0.7 (green) |\n") != std::string::npos);
    CHECK(text.find("Committed · Owner: Ana Kovač · Progress 50 % · Score so far 0.5 (yellow)\n") != std::string::npos);
    CHECK(text.find("Committed OKR missed") == std::string::npos);

    CHECK(report_markdown(*cycle_report(w, "c-q2")) ==
          "# Acme\\_Works: c-q2\n\n2027-04-01 to 2027-06-30 · draft\n\nThis cycle has no objectives yet.\n");
    CHECK_FALSE(cycle_report(w, "c-nope"));
}
