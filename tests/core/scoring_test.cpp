// Scores at the end of a cycle: docs/okr-method.md, "Scores at the end of a cycle".

#include <doctest/doctest.h>

#include "core/scoring.hpp"
#include "method_support.hpp"

using namespace okr;
using namespace okr::test;

TEST_CASE("scores round half away from zero to one decimal")
{
    const double rows[][2] = {{0.75, 0.8}, {0.649, 0.6}, {0.44, 0.4}, {0.05, 0.1}, {0.04, 0.0},
                              {0.96, 1.0}, {1.0, 1.0},   {0.0, 0.0},  {0.66, 0.7}};
    for (const auto& [value, rounded] : rows) {
        CAPTURE(value);
        CHECK(round_to_tenth(value) == rounded);
    }
}

TEST_CASE("grade bands on the one-decimal score: red below 0.4, yellow below 0.7, green from 0.7")
{
    struct Row {
        double score;
        Grade grade;
    };
    const Row rows[] = {
        {0.0, Grade::red},     {0.3, Grade::red},     {0.34, Grade::red},     {0.36, Grade::yellow},
        {0.4, Grade::yellow},  {0.6, Grade::yellow},  {0.64, Grade::yellow},  {0.66, Grade::green},
        {0.7, Grade::green},   {1.0, Grade::green},   {0.39, Grade::yellow},  {0.69, Grade::green},
    };
    for (const Row& row : rows) {
        CAPTURE(row.score);
        CHECK(grade_of(row.score) == row.grade);
    }
}

TEST_CASE("final score is the progress at the last check-in on or before the deadline, to one decimal")
{
    Workspace w = quarter_with(key_result("kr-1", Direction::increase, 0, 100));
    upsert_by_id(w.check_ins, check_in("ci-1", "kr-1", "2027-02-01", 44));
    upsert_by_id(w.check_ins, check_in("ci-2", "kr-1", "2027-03-31", 66));
    upsert_by_id(w.check_ins, check_in("ci-3", "kr-1", "2027-04-05", 100));  // after the deadline

    CHECK(*computed_final_score(w, w.key_results.front()) == 0.7);
}

TEST_CASE("final score without check-ins is the baseline's progress: 0")
{
    const Workspace w = quarter_with(key_result("kr-1", Direction::decrease, 48, 24));
    CHECK(*computed_final_score(w, w.key_results.front()) == 0.0);
}

TEST_CASE("final score of at_least and at_most is the share of the cycle's check-ins that held")
{
    struct Row {
        Direction direction;
        double values[4];
        double expected;
    };
    const Row rows[] = {
        {Direction::at_least, {99.95, 99.9, 99.8, 99.91}, 0.8},  // 3 of 4 = 0.75 -> 0.8
        {Direction::at_least, {99.0, 99.0, 99.0, 99.95}, 0.3},   // 1 of 4 = 0.25 -> 0.3
        {Direction::at_most, {99.95, 99.9, 99.8, 99.91}, 0.5},   // 2 of 4
        {Direction::at_most, {1, 2, 3, 4}, 1.0},
    };
    for (const Row& row : rows) {
        Workspace w = quarter_with(key_result("kr-1", row.direction, 99.9, 99.9));
        const char* dates[] = {"2027-01-08", "2027-02-08", "2027-03-08", "2027-03-31"};
        for (int i = 0; i < 4; ++i)
            upsert_by_id(w.check_ins, check_in("ci-" + std::to_string(i), "kr-1", dates[i], row.values[i]));
        // Outside the cycle and after the deadline: not counted.
        upsert_by_id(w.check_ins, check_in("ci-before", "kr-1", "2026-12-20", 0));
        upsert_by_id(w.check_ins, check_in("ci-after", "kr-1", "2027-04-02", 0));

        CHECK(*computed_final_score(w, w.key_results.front()) == row.expected);
    }
}

TEST_CASE("final score of at_least without check-ins is 0")
{
    const Workspace w = quarter_with(key_result("kr-1", Direction::at_least, 99.9, 99.9));
    CHECK(*computed_final_score(w, w.key_results.front()) == 0.0);
}

TEST_CASE("final score of a milestone driven by tasks is the fraction done, rounded")
{
    Workspace w = quarter_with(key_result("kr-1", Direction::milestone, 0, 1));
    upsert_by_id(w.tasks, task("task-1", "kr-1", true));
    upsert_by_id(w.tasks, task("task-2", "kr-1", true));
    upsert_by_id(w.tasks, task("task-3", "kr-1", false));
    CHECK(*computed_final_score(w, w.key_results.front()) == 0.7);
}

TEST_CASE("a KR that cannot be measured has no final score")
{
    const Workspace w = quarter_with(key_result("kr-1", Direction::increase, 5, 5));
    CHECK_FALSE(computed_final_score(w, w.key_results.front()));
    CHECK_FALSE(final_score(w, w.key_results.front()));
}

TEST_CASE("an override with a note replaces the computed score and is kept")
{
    KeyResult kr = key_result("kr-1", Direction::increase, 0, 100);
    kr.final_score = 0.4;
    kr.score_note = "Survey tool changed mid-quarter; fewer responses.";
    Workspace w = quarter_with(kr);
    upsert_by_id(w.check_ins, check_in("ci-1", "kr-1", "2027-03-20", 90));

    CHECK(*computed_final_score(w, w.key_results.front()) == 0.9);
    CHECK(*final_score(w, w.key_results.front()) == 0.4);
    CHECK(score_overridden(w.key_results.front()));
    CHECK_FALSE(score_overridden(key_result("kr-2", Direction::increase, 0, 1)));
}

namespace {

// A closed cycle with one objective of the given commitment whose KRs have these final scores.
Workspace closed_objective(const char* commitment, std::vector<double> scores,
                           CycleState state = CycleState::closed)
{
    Workspace w;
    upsert_by_id(w.cycles, cycle("c-q4", "2026-10-01", "2026-12-31", state));
    Objective o = objective("o-1", "c-q4");
    o.commitment = commitment;
    upsert_by_id(w.objectives, o);
    for (size_t i = 0; i < scores.size(); ++i) {
        KeyResult kr = key_result("kr-" + std::to_string(i), Direction::increase, 0, 1);
        kr.final_score = scores[i];
        upsert_by_id(w.key_results, kr);
    }
    return w;
}

}  // namespace

TEST_CASE("a committed objective that scores below 1.0 is flagged 'committed OKR missed'")
{
    struct Row {
        const char* commitment;
        std::vector<double> scores;
        CycleState state;
        bool missed;
    };
    const Row rows[] = {
        {"committed", {1.0, 0.9}, CycleState::closed, true},
        {"committed", {1.0, 1.0}, CycleState::closed, false},
        {"committed", {0.99}, CycleState::closed, true},
        {"aspirational", {0.5, 0.6}, CycleState::closed, false},
        {"committed", {0.5}, CycleState::active, false},  // not at the end of a cycle yet
    };
    for (const Row& row : rows) {
        CAPTURE(row.commitment);
        const Workspace w = closed_objective(row.commitment, row.scores, row.state);
        CHECK(committed_okr_missed(w, w.objectives.front()) == row.missed);
    }
}

TEST_CASE("objective final score is the weighted mean of its KRs' final scores")
{
    const Workspace w = closed_objective("aspirational", {1.0, 0.5, 0.3});
    CHECK(*objective_final_score(w, w.objectives.front()) == doctest::Approx(0.6));
}

namespace {

// Team t-1 scored `scores[i]` on its one objective in each of `scores.size()` closed cycles.
Workspace team_history(const std::vector<double>& scores)
{
    Workspace w;
    upsert_by_id(w.teams, team("t-1"));
    for (size_t i = 0; i < scores.size(); ++i) {
        const std::string n = std::to_string(i);
        upsert_by_id(w.cycles, cycle("c-" + n, "2025-01-01", "2025-03-31", CycleState::closed));
        upsert_by_id(w.objectives, objective("o-" + n, "c-" + n));
        KeyResult kr = key_result("kr-" + n, Direction::increase, 0, 1, "o-" + n);
        kr.final_score = scores[i];
        upsert_by_id(w.key_results, kr);
    }
    return w;
}

}  // namespace

TEST_CASE("team signals across closed cycles: too easy from 0.95, structural below 0.4, two cycles needed")
{
    struct Row {
        std::vector<double> scores;
        std::optional<TeamSignalKind> signal;
    };
    const Row rows[] = {
        {{1.0, 0.9}, TeamSignalKind::targets_too_easy},  // average 0.95
        {{1.0, 0.8}, std::nullopt},                      // average 0.9
        {{1.0}, std::nullopt},                           // one cycle is not a pattern
        {{1.0, 1.0, 1.0}, TeamSignalKind::targets_too_easy},
        {{0.3, 0.4}, TeamSignalKind::structural_problem},  // average 0.35
        {{0.4, 0.4}, std::nullopt},                        // 0.4 is not below 0.4
        {{0.1}, std::nullopt},                             // one bad quarter is execution
        {{0.6, 0.7}, std::nullopt},
    };
    for (const Row& row : rows) {
        CAPTURE(row.scores.size());
        CAPTURE(row.scores.front());
        const auto signals = team_signals(team_history(row.scores));
        REQUIRE(signals.size() == (row.signal ? 1u : 0u));
        if (row.signal) {
            CHECK(signals.front().kind == *row.signal);
            CHECK(signals.front().team == "t-1");
            CHECK(signals.front().cycles == static_cast<int>(row.scores.size()));
        }
    }
}

TEST_CASE("team signal messages use the method's words")
{
    const auto easy = team_signals(team_history({1.0, 1.0}));
    CHECK(easy.front().message.rfind("targets may be too easy", 0) == 0);
    const auto broken = team_signals(team_history({0.1, 0.2}));
    CHECK(broken.front().message.rfind("something structural is broken, not just execution", 0) == 0);
}
