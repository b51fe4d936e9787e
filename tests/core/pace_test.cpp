// During a cycle: docs/okr-method.md, "During a cycle" (elapsed fraction, pace,
// confidence status, check-in due, act now).

#include <doctest/doctest.h>

#include "core/pace.hpp"
#include "method_support.hpp"

using namespace okr;
using namespace okr::test;

TEST_CASE("elapsed fraction counts days from the cycle start to the KR deadline, clamped to [0, 1]")
{
    struct Row {
        const char* start;
        const char* deadline;
        const char* today;
        double expected;
    };
    const Row rows[] = {
        {"2027-01-01", "2027-03-31", "2027-01-01", 0.0},
        {"2027-01-01", "2027-03-31", "2026-12-15", 0.0},
        {"2027-01-01", "2027-03-31", "2027-02-26", 56.0 / 89.0},
        {"2027-01-01", "2027-03-31", "2027-03-31", 1.0},
        {"2027-01-01", "2027-03-31", "2027-05-01", 1.0},
        {"2027-01-01", "2027-04-11", "2027-02-20", 0.5},  // 50 of 100 days
        {"2027-01-01", "2027-01-01", "2026-12-01", 1.0},  // deadline not after the start
        {"2027-01-01", "2026-12-31", "2026-12-01", 1.0},
    };
    for (const Row& row : rows) {
        CAPTURE(row.today);
        CHECK(elapsed_fraction(day(row.start), day(row.deadline), day(row.today)) == doctest::Approx(row.expected));
    }
}

TEST_CASE("expected progress uses the KR's deadline, or the cycle's end when it has none")
{
    KeyResult kr = key_result("kr-1", Direction::increase, 0, 100);
    kr.deadline = day("2027-04-11");
    Workspace w = quarter_with(kr);
    CHECK(*expected_progress(w, w.key_results.front(), day("2027-02-20")) == doctest::Approx(0.5));

    w.key_results.front().deadline.reset();
    CHECK(*expected_progress(w, w.key_results.front(), day("2027-02-26")) == doctest::Approx(56.0 / 89.0));
}

TEST_CASE("behind pace when progress < elapsed - 0.15, on both sides of the line")
{
    struct Row {
        double progress, elapsed;
        Pace pace;
    };
    const Row rows[] = {
        {0.35, 0.5, Pace::on_pace}, {0.34, 0.5, Pace::behind},  {0.36, 0.5, Pace::on_pace},
        {0.85, 1.0, Pace::on_pace}, {0.84, 1.0, Pace::behind},  {0.0, 0.15, Pace::on_pace},
        {0.0, 0.16, Pace::behind},  {0.0, 0.0, Pace::on_pace},  {1.0, 1.0, Pace::on_pace},
    };
    for (const Row& row : rows) {
        CAPTURE(row.progress);
        CAPTURE(row.elapsed);
        CHECK(pace_for(row.progress, row.elapsed) == row.pace);
    }
}

TEST_CASE("pace of a KR halfway through a 100-day cycle")
{
    struct Row {
        double value;
        Pace pace;
    };
    const Row rows[] = {{35, Pace::on_pace}, {34, Pace::behind}, {60, Pace::on_pace}};
    for (const Row& row : rows) {
        KeyResult kr = key_result("kr-1", Direction::increase, 0, 100);
        kr.deadline = day("2027-04-11");
        Workspace w = quarter_with(kr);
        upsert_by_id(w.check_ins, check_in("ci-1", "kr-1", "2027-02-19", row.value));
        CAPTURE(row.value);
        CHECK(pace_of(w, w.key_results.front(), day("2027-02-20")) == row.pace);
    }
}

TEST_CASE("pace is null outside an active cycle and for a KR that cannot be measured")
{
    for (CycleState state : {CycleState::draft, CycleState::closed}) {
        Workspace w = quarter_with(key_result("kr-1", Direction::increase, 0, 100));
        w.cycles.front().state = state;
        CHECK_FALSE(pace_of(w, w.key_results.front(), day("2027-02-20")));
    }
    const Workspace invalid = quarter_with(key_result("kr-1", Direction::increase, 100, 100));
    CHECK_FALSE(pace_of(invalid, invalid.key_results.front(), day("2027-02-20")));
}

TEST_CASE("confidence status: on track from 0.7, at risk from 0.3, off track below")
{
    struct Row {
        double confidence;
        ConfidenceStatus status;
    };
    const Row rows[] = {
        {1.0, ConfidenceStatus::on_track},  {0.7, ConfidenceStatus::on_track},
        {0.69, ConfidenceStatus::at_risk},  {0.5, ConfidenceStatus::at_risk},
        {0.3, ConfidenceStatus::at_risk},   {0.29, ConfidenceStatus::off_track},
        {0.0, ConfidenceStatus::off_track},
    };
    for (const Row& row : rows) {
        CAPTURE(row.confidence);
        CHECK(confidence_status(row.confidence) == row.status);
    }
}

TEST_CASE("confidence status comes from the latest effective check-in, none before the first")
{
    Workspace w = quarter_with(key_result("kr-1", Direction::increase, 0, 100));
    CHECK_FALSE(confidence_status_of(w, w.key_results.front()));

    upsert_by_id(w.check_ins, check_in("ci-1", "kr-1", "2027-02-12", 40, 0.2));
    CHECK(confidence_status_of(w, w.key_results.front()) == ConfidenceStatus::off_track);

    CheckIn correction = check_in("ci-2", "kr-1", "2027-02-12", 40, 0.8);
    correction.corrects = "ci-1";
    upsert_by_id(w.check_ins, correction);
    CHECK(confidence_status_of(w, w.key_results.front()) == ConfidenceStatus::on_track);
}

TEST_CASE("check-in due: active cycle started 7 or more days ago, latest check-in 7 or more days old")
{
    struct Row {
        const char* name;
        const char* today;
        const char* latest;  // nullptr: no check-in
        CycleState state;
        bool due;
    };
    const Row rows[] = {
        {"cycle started 6 days ago", "2027-01-07", nullptr, CycleState::active, false},
        {"cycle started 7 days ago, no check-in", "2027-01-08", nullptr, CycleState::active, true},
        {"last check-in 7 days ago", "2027-02-26", "2027-02-19", CycleState::active, true},
        {"last check-in 6 days ago", "2027-02-25", "2027-02-19", CycleState::active, false},
        {"checked in today", "2027-02-26", "2027-02-26", CycleState::active, false},
        {"draft cycle", "2027-02-26", nullptr, CycleState::draft, false},
        {"closed cycle", "2027-02-26", nullptr, CycleState::closed, false},
    };
    for (const Row& row : rows) {
        CAPTURE(row.name);
        Workspace w = quarter_with(key_result("kr-1", Direction::increase, 0, 100));
        w.cycles.front().state = row.state;
        if (row.latest)
            upsert_by_id(w.check_ins, check_in("ci-1", "kr-1", row.latest, 10));
        CHECK(check_in_due(w, w.key_results.front(), day(row.today)) == row.due);
    }
}

TEST_CASE("milestones driven by tasks are exempt from check-ins; those without tasks are not")
{
    Workspace w = quarter_with(key_result("kr-1", Direction::milestone, 0, 1));
    CHECK(check_in_due(w, w.key_results.front(), day("2027-02-26")));
    upsert_by_id(w.tasks, task("task-1", "kr-1", false));
    CHECK_FALSE(check_in_due(w, w.key_results.front(), day("2027-02-26")));
}

TEST_CASE("act now: latest confidence below 0.3 while the cycle runs and the deadline is ahead")
{
    struct Row {
        const char* name;
        double confidence;
        const char* today;
        CycleState state;
        bool act;
    };
    const Row rows[] = {
        {"0.29", 0.29, "2027-02-26", CycleState::active, true},
        {"0.3 is at risk, not off track", 0.3, "2027-02-26", CycleState::active, false},
        {"on the deadline", 0.1, "2027-03-31", CycleState::active, true},
        {"after the deadline", 0.1, "2027-04-01", CycleState::active, false},
        {"closed cycle", 0.1, "2027-02-26", CycleState::closed, false},
    };
    for (const Row& row : rows) {
        CAPTURE(row.name);
        Workspace w = quarter_with(key_result("kr-1", Direction::increase, 0, 100));
        w.cycles.front().state = row.state;
        upsert_by_id(w.check_ins, check_in("ci-1", "kr-1", "2027-02-20", 10, row.confidence));
        CHECK(act_now(w, w.key_results.front(), day(row.today)) == row.act);
    }
}
