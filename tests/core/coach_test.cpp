// The quality coach: docs/okr-method.md, "Quality coach (lint)". One case per rule, both
// sides of each threshold, and the kr-activity heuristic on a table of realistic titles.

#include <doctest/doctest.h>

#include "core/coach.hpp"
#include "method_support.hpp"

using namespace okr;
using namespace okr::test;

namespace {

const Date today = day("2027-02-26");

std::vector<Finding> findings_of(const Workspace& w, const std::string& rule)
{
    std::vector<Finding> result;
    for (const Finding& f : coach_findings(w, today))
        if (f.rule == rule)
            result.push_back(f);
    return result;
}

// The quarter with objective o-1 holding `count` well-formed KRs.
Workspace objective_with_krs(int count)
{
    Workspace w = quarter();
    for (int i = 0; i < count; ++i)
        upsert_by_id(w.key_results, key_result("kr-" + std::to_string(i), Direction::increase, 0, 10));
    return w;
}

}  // namespace

TEST_CASE("kr-activity flags titles that describe work to do")
{
    const char* activities[] = {
        "Hold 10 client check-ins",
        "Run 4 customer workshops",
        "Conduct 20 user interviews",
        "Organise a partner summit in Hamburg",
        "Organize monthly security trainings",
        "Attend 3 industry conferences",
        "Write 12 blog posts about managed services",
        "Create a sales playbook for logistics",
        "Launch the new website",
        "Build a churn dashboard",
        "Send a monthly newsletter to all clients",
        "Make 50 cold calls per week",
        "Do a quarterly backup restore test",
        "Host two webinars on cloud migration",
        "Meet every key account twice",
        "Publish the service catalogue",
        "Complete ISO 27001 audit preparation",
        "We will hold weekly pipeline reviews",
        "hold 10 client check-ins.",
    };
    for (const char* title : activities) {
        CAPTURE(title);
        CHECK(reads_as_activity(title));
    }
}

TEST_CASE("kr-activity leaves outcomes alone, even when they open with an activity verb")
{
    const char* outcomes[] = {
        "Increase client retention from 78% to 90%",
        "Reduce average incident response time from 4 hours to 45 minutes",
        "Lift first-contact resolution from 55% to 75%",
        "Grow logistics ARR from 0.4 to 1.2 M EUR",
        "Raise win rate from 18% to 25%",
        "Cut client onboarding from 10 days to 3",
        "Self-service onboarding portal live for all new clients",
        "Keep monthly uptime of managed services at or above 99.9%",
        "Sign logistics clients: from 2 to 8",
        "Launch the self-service portal and lift ticket deflection from 5% to 20%",
        "Run onboarding in under 3 days for 90% of new clients",
        "Build a pipeline coverage ratio of 3x",
        "Monthly active users of the status portal reach 300",
        "Hold churn rate under 1.5%",
        "Zero priority-1 incidents caused by changes",
        "Publish answers that raise first-contact resolution from 55% to 75%",
        "Bring days sales outstanding from 52 to 40",
        "",
    };
    for (const char* title : outcomes) {
        CAPTURE(title);
        CHECK_FALSE(reads_as_activity(title));
    }
}

TEST_CASE("kr-activity is a warning on the KR that says how to rewrite it")
{
    KeyResult kr = key_result("kr-1", Direction::milestone, 0, 1);
    kr.title = "Hold 10 client check-ins";
    const auto findings = findings_of(quarter_with(kr), "kr-activity");
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().severity == Severity::warning);
    CHECK(findings.front().entity == EntityRef{"key_results", "kr-1"});
    CHECK(findings.front().message == "'Hold 10 client check-ins' reads as an activity, not an outcome: state the "
                                      "result it should bring (from X to Y) and track the activity as a task");
}

TEST_CASE("objective-count warns from the fourth objective of a team in one cycle")
{
    for (int count : {3, 4}) {
        Workspace w = quarter();
        for (int i = 2; i <= count; ++i)
            upsert_by_id(w.objectives, objective("o-" + std::to_string(i)));
        const auto findings = findings_of(w, "objective-count");
        CAPTURE(count);
        REQUIRE(findings.size() == (count > 3 ? 1u : 0u));
        if (count > 3) {
            CHECK(findings.front().entity == EntityRef{"teams", "t-1"});
            CHECK(findings.front().severity == Severity::warning);
            CHECK(findings.front().message == "t-1 has 4 objectives in c-q1: keep three or fewer and move the rest "
                                              "to a later cycle, so that the team focuses");
        }
    }
}

TEST_CASE("kr-count: 0 KRs is an error, 1 or 5 a warning, 2 to 4 fine")
{
    struct Row {
        int count;
        std::optional<Severity> severity;
    };
    const Row rows[] = {{0, Severity::error}, {1, Severity::warning}, {2, std::nullopt},
                        {3, std::nullopt},    {4, std::nullopt},     {5, Severity::warning}};
    for (const Row& row : rows) {
        CAPTURE(row.count);
        const auto findings = findings_of(objective_with_krs(row.count), "kr-count");
        REQUIRE(findings.size() == (row.severity ? 1u : 0u));
        if (row.severity) {
            CHECK(findings.front().severity == *row.severity);
            CHECK(findings.front().entity == EntityRef{"objectives", "o-1"});
        }
    }
}

TEST_CASE("objective-numeric notes numbers and percentages in an objective's title")
{
    struct Row {
        const char* title;
        bool finding;
    };
    const Row rows[] = {{"Grow revenue 30% faster", true},
                        {"Win 5 logistics clients", true},
                        {"Grow into the logistics sector", false}};
    for (const Row& row : rows) {
        CAPTURE(row.title);
        Workspace w = objective_with_krs(2);
        w.objectives.front().title = row.title;
        const auto findings = findings_of(w, "objective-numeric");
        REQUIRE(findings.size() == (row.finding ? 1u : 0u));
        if (row.finding)
            CHECK(findings.front().severity == Severity::info);
    }
}

TEST_CASE("not-aligned: a team objective without parent while its parent team has objectives in the cycle")
{
    struct Row {
        const char* name;
        bool parent_team_has_objective;
        bool has_parent;
        bool finding;
    };
    const Row rows[] = {
        {"unaligned under a team with objectives", true, false, true},
        {"aligned", true, true, false},
        {"parent team has no objectives this cycle", false, false, false},
    };
    for (const Row& row : rows) {
        CAPTURE(row.name);
        Workspace w = quarter();
        w.teams = {team("t-1", "t-company"), team("t-company")};
        if (row.parent_team_has_objective)
            upsert_by_id(w.objectives, objective("o-company", "c-q1", "t-company"));
        if (row.has_parent)
            w.objectives.front().parent = "o-company";

        const auto findings = findings_of(w, "not-aligned");
        REQUIRE(findings.size() == (row.finding ? 1u : 0u));
        if (row.finding) {
            CHECK(findings.front().entity == EntityRef{"objectives", "o-1"});
            CHECK(findings.front().message == "'Delight our clients' has no parent objective while t-company has "
                                              "objectives in c-q1: connect it upward or cut it");
        }
    }
}

TEST_CASE("no-kpi notes objectives that list no KPI")
{
    Workspace w = objective_with_krs(2);
    CHECK(findings_of(w, "no-kpi").empty());
    w.objectives.front().kpis->clear();
    CHECK(findings_of(w, "no-kpi").size() == 1);
    w.objectives.front().kpis.reset();
    const auto findings = findings_of(w, "no-kpi");
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().severity == Severity::info);
}

TEST_CASE("kr-missing-number names what is missing")
{
    struct Row {
        std::optional<double> baseline, target;
        bool deadline;
        const char* missing;
    };
    const Row rows[] = {
        {0, 10, false, "deadline"},
        {std::nullopt, std::nullopt, true, "baseline and target"},
        {std::nullopt, std::nullopt, false, "baseline, target and deadline"},
        {0, 10, true, nullptr},
    };
    for (const Row& row : rows) {
        KeyResult kr = key_result("kr-1", Direction::increase, row.baseline, row.target);
        if (!row.deadline)
            kr.deadline.reset();
        const auto findings = findings_of(quarter_with(kr), "kr-missing-number");
        REQUIRE(findings.size() == (row.missing ? 1u : 0u));
        if (row.missing) {
            CHECK(findings.front().severity == Severity::error);
            CHECK(findings.front().message == "'Lift client retention from 78% to 90%' lacks " +
                                                  std::string(row.missing) +
                                                  ": set them so that progress can be measured");
        }
        CHECK(findings_of(quarter_with(kr), "kr-invalid-range").empty());
    }
}

TEST_CASE("kr-invalid-range: increase/decrease need a direction that fits, milestones go 0 to 1")
{
    struct Row {
        Direction direction;
        double baseline, target;
        bool finding;
    };
    const Row rows[] = {
        {Direction::increase, 10, 10, true}, {Direction::increase, 10, 5, true},  {Direction::increase, 5, 10, false},
        {Direction::decrease, 10, 10, true}, {Direction::decrease, 5, 10, true},  {Direction::decrease, 10, 5, false},
        {Direction::milestone, 0, 100, true}, {Direction::milestone, 0, 1, false}, {Direction::at_least, 9, 9, false},
        {Direction::at_most, 9, 1, false},
    };
    for (const Row& row : rows) {
        CAPTURE(row.baseline);
        CAPTURE(row.target);
        const auto findings = findings_of(quarter_with(key_result("kr-1", row.direction, row.baseline, row.target)),
                                          "kr-invalid-range");
        REQUIRE(findings.size() == (row.finding ? 1u : 0u));
        if (row.finding)
            CHECK(findings.front().severity == Severity::error);
    }
}

TEST_CASE("kr-deadline-outside: a deadline before the cycle's start or after its end")
{
    struct Row {
        const char* deadline;
        bool finding;
    };
    const Row rows[] = {{"2026-12-31", true}, {"2027-01-01", false}, {"2027-03-31", false}, {"2027-04-01", true}};
    for (const Row& row : rows) {
        CAPTURE(row.deadline);
        KeyResult kr = key_result("kr-1", Direction::increase, 0, 10);
        kr.deadline = day(row.deadline);
        const auto findings = findings_of(quarter_with(kr), "kr-deadline-outside");
        REQUIRE(findings.size() == (row.finding ? 1u : 0u));
        if (row.finding)
            CHECK(findings.front().severity == Severity::warning);
    }
}

TEST_CASE("alignment-cycle reports each loop of parent links once, as an error")
{
    Workspace w = quarter();
    Objective a = objective("o-a");
    a.parent = "o-b";
    Objective b = objective("o-b");
    b.parent = "o-c";
    Objective c = objective("o-c");
    c.parent = "o-a";
    Objective self = objective("o-self");
    self.parent = "o-self";
    Objective hanging = objective("o-z");  // points into the loop without being part of it
    hanging.parent = "o-b";
    for (const Objective& o : {a, b, c, self, hanging})
        upsert_by_id(w.objectives, o);

    const auto findings = findings_of(w, "alignment-cycle");
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].entity == EntityRef{"objectives", "o-a"});
    CHECK(findings[0].severity == Severity::error);
    CHECK(findings[0].message ==
          "parent links form a loop (o-a -> o-b -> o-c -> o-a): remove one of these parent links");
    CHECK(findings[1].entity == EntityRef{"objectives", "o-self"});
}

TEST_CASE("alignment-cycle-mismatch: a parent in a cycle that does not overlap")
{
    struct Row {
        const char* start;
        const char* end;
        bool finding;
    };
    const Row rows[] = {{"2026-10-01", "2026-12-31", true},
                        {"2027-01-01", "2027-12-31", false},  // a yearly company cycle
                        {"2027-03-31", "2027-06-30", false}};
    for (const Row& row : rows) {
        CAPTURE(row.start);
        Workspace w = quarter();
        upsert_by_id(w.cycles, cycle("c-other", row.start, row.end, CycleState::draft));
        upsert_by_id(w.objectives, objective("o-parent", "c-other", "t-company", "Run a healthier business"));
        w.objectives.front().parent = "o-parent";
        const auto findings = findings_of(w, "alignment-cycle-mismatch");
        REQUIRE(findings.size() == (row.finding ? 1u : 0u));
        if (row.finding)
            CHECK(findings.front().entity == EntityRef{"objectives", "o-1"});
    }
}

TEST_CASE("check-in-due and act-now become warnings with the date and the confidence")
{
    Workspace w = objective_with_krs(2);
    upsert_by_id(w.check_ins, check_in("ci-1", "kr-0", "2027-02-12", 4, 0.2));
    upsert_by_id(w.check_ins, check_in("ci-2", "kr-1", "2027-02-26", 4, 0.8));

    const auto due = findings_of(w, "check-in-due");
    REQUIRE(due.size() == 1);
    CHECK(due.front().entity == EntityRef{"key_results", "kr-0"});
    CHECK(due.front().message == "'Lift client retention from 78% to 90%' was last checked in on 2027-02-12 (14 "
                                 "days ago): record this week's value, confidence and a note");

    const auto act = findings_of(w, "act-now");
    REQUIRE(act.size() == 1);
    CHECK(act.front().entity == EntityRef{"key_results", "kr-0"});
    CHECK(act.front().message == "'Lift client retention from 78% to 90%': confidence is 0.2, below 0.3: act now "
                                 "while there is time; agree on a change of plan or ask for help");
}

TEST_CASE("closed cycles are history: the coach gives no writing advice on them")
{
    Workspace w = quarter();  // o-1 has no KRs: kr-count error while the cycle runs
    CHECK(has_error(coach_findings(w, today)));
    w.cycles.front().state = CycleState::closed;
    CHECK(coach_findings(w, today).empty());
}

TEST_CASE("a well-formed quarter has no findings")
{
    Workspace w = objective_with_krs(3);
    for (int i = 0; i < 3; ++i)
        upsert_by_id(w.check_ins, check_in("ci-" + std::to_string(i), "kr-" + std::to_string(i), "2027-02-22", 5, 0.7));
    CHECK(coach_findings(w, today).empty());
}
