// KR and objective progress: docs/okr-method.md, "KR progress" and "Objective progress".

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>

#include "core/progress.hpp"
#include "method_support.hpp"

using namespace okr;
using namespace okr::test;

namespace {

KrProgress progress_with_reading(Direction direction, double baseline, double target, double value)
{
    Workspace w = quarter_with(key_result("kr-1", direction, baseline, target));
    upsert_by_id(w.check_ins, check_in("ci-1", "kr-1", "2027-02-01", value));
    return key_result_progress(w, w.key_results.front());
}

}  // namespace

TEST_CASE("worked values of the method give the documented progress")
{
    struct Row {
        Direction direction;
        double baseline, target, value, raw, progress;
    };
    const Row rows[] = {
        {Direction::increase, 78, 90, 84, 0.5, 0.5},
        {Direction::decrease, 48, 24, 30, 0.75, 0.75},
        {Direction::decrease, 4, 0.75, 5, -0.3077, 0},
        {Direction::increase, 100, 130, 140, 1.3333, 1},
    };
    for (const Row& row : rows) {
        CAPTURE(row.baseline);
        CAPTURE(row.value);
        const KrProgress p = progress_with_reading(row.direction, row.baseline, row.target, row.value);
        REQUIRE(p.raw);
        CHECK(*p.raw == doctest::Approx(row.raw).epsilon(0.0001));
        CHECK(*p.progress == doctest::Approx(row.progress));
        CHECK_FALSE(p.invalid_reason);
        CHECK(*p.current_value == row.value);
    }
}

TEST_CASE("milestone with 3 of 4 tasks done gives 0.75, whatever its readings say")
{
    Workspace w = quarter_with(key_result("kr-1", Direction::milestone, 0, 1));
    for (const char* id : {"task-1", "task-2", "task-3"})
        upsert_by_id(w.tasks, task(id, "kr-1", true));
    upsert_by_id(w.tasks, task("task-4", "kr-1", false));
    upsert_by_id(w.check_ins, check_in("ci-1", "kr-1", "2027-02-01", 0.1));

    const KrProgress p = key_result_progress(w, w.key_results.front());
    CHECK(*p.progress == 0.75);
    CHECK(*p.raw == 0.75);
    CHECK(driven_by_tasks(w, w.key_results.front()));
}

TEST_CASE("milestone without tasks reads its value, clamped to [0, 1]")
{
    const double values[][3] = {{0.4, 0.4, 0.4}, {1.2, 1.2, 1.0}, {-0.5, -0.5, 0.0}, {0, 0, 0}, {1, 1, 1}};
    for (const auto& [value, raw, progress] : values) {
        const KrProgress p = progress_with_reading(Direction::milestone, 0, 1, value);
        CHECK(*p.raw == raw);
        CHECK(*p.progress == progress);
    }
}

TEST_CASE("at_least and at_most give 1 while the latest value holds, else 0")
{
    struct Row {
        Direction direction;
        double value;
        double progress;
    };
    const Row rows[] = {
        {Direction::at_least, 99.95, 1}, {Direction::at_least, 99.9, 1}, {Direction::at_least, 99.89, 0},
        {Direction::at_most, 2.0, 1},    {Direction::at_most, 99.9, 1},  {Direction::at_most, 99.91, 0},
    };
    for (const Row& row : rows) {
        CAPTURE(row.value);
        const KrProgress p = progress_with_reading(row.direction, 99.9, 99.9, row.value);
        CHECK(*p.progress == row.progress);
        CHECK(*p.raw == row.progress);
    }
}

TEST_CASE("without check-ins the current value is the baseline")
{
    const Workspace w = quarter_with(key_result("kr-1", Direction::increase, 78, 90));
    const KrProgress p = key_result_progress(w, w.key_results.front());
    CHECK(*p.current_value == 78);
    CHECK(*p.progress == 0);
    CHECK(p.latest == nullptr);
}

TEST_CASE("the latest check-in by date counts, and a later-recorded one wins a tie")
{
    Workspace w = quarter_with(key_result("kr-1", Direction::increase, 0, 100));
    CheckIn early = check_in("ci-a", "kr-1", "2027-02-05", 50);
    early.recorded_at = at("2027-02-20T09:00:00.000Z");  // recorded late, but of an earlier week
    CheckIn first_of_tie = check_in("ci-c", "kr-1", "2027-02-12", 30);
    first_of_tie.recorded_at = at("2027-02-12T09:00:00.000Z");
    CheckIn second_of_tie = check_in("ci-b", "kr-1", "2027-02-12", 40);
    second_of_tie.recorded_at = at("2027-02-12T17:00:00.000Z");
    for (const CheckIn& c : {early, first_of_tie, second_of_tie})
        upsert_by_id(w.check_ins, c);

    const KrProgress p = key_result_progress(w, w.key_results.front());
    CHECK(p.latest->id == "ci-b");
    CHECK(*p.current_value == 40);
    CHECK(*p.progress == doctest::Approx(0.4));

    const auto ordered = effective_check_ins(w, "kr-1");
    REQUIRE(ordered.size() == 3);
    CHECK(ordered[0]->id == "ci-a");
    CHECK(ordered[1]->id == "ci-c");
    CHECK(ordered[2]->id == "ci-b");
}

TEST_CASE("a correction hides the check-in it replaces")
{
    Workspace w = quarter_with(key_result("kr-1", Direction::increase, 78, 90));
    upsert_by_id(w.check_ins, check_in("ci-1", "kr-1", "2027-01-22", 80.55));
    CheckIn correction = check_in("ci-1b", "kr-1", "2027-01-22", 80.1);
    correction.corrects = "ci-1";
    upsert_by_id(w.check_ins, correction);

    const auto effective = effective_check_ins(w, "kr-1");
    REQUIRE(effective.size() == 1);
    CHECK(effective.front()->id == "ci-1b");
    CHECK(*key_result_progress(w, w.key_results.front()).current_value == 80.1);
}

TEST_CASE("a correction of a correction leaves only the last one, and never hides another KR's reading")
{
    Workspace w = quarter_with(key_result("kr-1", Direction::increase, 0, 10));
    upsert_by_id(w.key_results, key_result("kr-2", Direction::increase, 0, 10));
    upsert_by_id(w.check_ins, check_in("ci-1", "kr-1", "2027-01-22", 1));
    CheckIn second = check_in("ci-2", "kr-1", "2027-01-22", 2);
    second.corrects = "ci-1";
    CheckIn third = check_in("ci-3", "kr-1", "2027-01-22", 3);
    third.corrects = "ci-2";
    CheckIn stray = check_in("ci-4", "kr-2", "2027-01-22", 4);
    stray.corrects = "ci-3";  // points at another KR's reading: ignored
    for (const CheckIn& c : {second, third, stray})
        upsert_by_id(w.check_ins, c);

    const auto effective = effective_check_ins(w, "kr-1");
    REQUIRE(effective.size() == 1);
    CHECK(effective.front()->id == "ci-3");
}

TEST_CASE("a KR that cannot be measured has no progress and says why")
{
    struct Row {
        Direction direction;
        std::optional<double> baseline, target;
        const char* reason;
    };
    const Row rows[] = {
        {Direction::increase, 50, 50, "baseline equals target: there is nothing to increase"},
        {Direction::decrease, 50, 50, "baseline equals target: there is nothing to decrease"},
        {Direction::increase, 90, 78, "direction is increase but the target is below the baseline"},
        {Direction::decrease, 24, 48, "direction is decrease but the target is above the baseline"},
        {Direction::increase, std::nullopt, 90, "baseline is missing"},
        {Direction::increase, 78, std::nullopt, "target is missing"},
        {Direction::at_least, std::nullopt, std::nullopt, "baseline and target are missing"},
        {Direction::milestone, 0, 100, "a milestone goes from 0 to 1 (baseline 0, target 1)"},
        {Direction::milestone, 1, 1, "a milestone goes from 0 to 1 (baseline 0, target 1)"},
        {Direction::increase, std::numeric_limits<double>::quiet_NaN(), 1, "baseline is not a finite number"},
        {Direction::decrease, 5, std::numeric_limits<double>::infinity(), "target is not a finite number"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.reason);
        Workspace w = quarter_with(key_result("kr-1", row.direction, row.baseline, row.target));
        upsert_by_id(w.check_ins, check_in("ci-1", "kr-1", "2027-02-01", 60));
        const KrProgress p = key_result_progress(w, w.key_results.front());
        CHECK_FALSE(p.progress);
        CHECK_FALSE(p.raw);
        REQUIRE(p.invalid_reason);
        CHECK(*p.invalid_reason == row.reason);
        CHECK(p.latest != nullptr);
    }
}

TEST_CASE("at_least and at_most stay valid when baseline equals target")
{
    for (Direction d : {Direction::at_least, Direction::at_most}) {
        const Workspace w = quarter_with(key_result("kr-1", d, 99.9, 99.9));
        CHECK_FALSE(key_result_progress(w, w.key_results.front()).invalid_reason);
    }
}

TEST_CASE("a reading that is not a finite number makes the KR invalid, not NaN")
{
    const KrProgress p = progress_with_reading(Direction::increase, 0, 10, std::numeric_limits<double>::quiet_NaN());
    CHECK_FALSE(p.progress);
    CHECK_FALSE(p.current_value);
    CHECK(*p.invalid_reason == "the latest reading is not a finite number");
}

TEST_CASE("objective progress is the weighted mean of its scorable KRs")
{
    struct Row {
        const char* name;
        std::optional<double> weight_a, weight_b;
        std::optional<double> expected;
    };
    // KR a at 0.5, KR b at 1.0.
    const Row rows[] = {
        {"default weights", std::nullopt, std::nullopt, 0.75},
        {"weight 3 on a", 3.0, 1.0, 0.625},
        {"weight 0 excludes b", 1.0, 0.0, 0.5},
        {"weight 0 on both: no score", 0.0, 0.0, std::nullopt},
        {"huge weights stay finite", 1e308, 1e308, 0.75},
    };
    for (const Row& row : rows) {
        CAPTURE(row.name);
        Workspace w = quarter();
        KeyResult a = key_result("kr-a", Direction::increase, 0, 10);
        a.weight = row.weight_a;
        KeyResult b = key_result("kr-b", Direction::increase, 0, 10);
        b.weight = row.weight_b;
        upsert_by_id(w.key_results, a);
        upsert_by_id(w.key_results, b);
        upsert_by_id(w.check_ins, check_in("ci-a", "kr-a", "2027-02-01", 5));
        upsert_by_id(w.check_ins, check_in("ci-b", "kr-b", "2027-02-01", 10));

        const auto progress = objective_progress(w, w.objectives.front());
        REQUIRE(progress.has_value() == row.expected.has_value());
        if (row.expected)
            CHECK(*progress == doctest::Approx(*row.expected));
    }
}

TEST_CASE("invalid KRs are left out of the objective and reported")
{
    Workspace w = quarter();
    upsert_by_id(w.key_results, key_result("kr-a", Direction::increase, 0, 10));
    upsert_by_id(w.key_results, key_result("kr-b", Direction::increase, 10, 10));
    KeyResult excluded = key_result("kr-c", Direction::increase, 0, 10);
    excluded.weight = 0;
    upsert_by_id(w.key_results, excluded);
    upsert_by_id(w.check_ins, check_in("ci-a", "kr-a", "2027-02-01", 4));

    const ObjectiveRollup rollup = objective_rollup(w, w.objectives.front());
    CHECK(*rollup.progress == doctest::Approx(0.4));
    REQUIRE(rollup.invalid.size() == 1);
    CHECK(rollup.invalid.front()->id == "kr-b");
    REQUIRE(rollup.excluded.size() == 1);
    CHECK(rollup.excluded.front()->id == "kr-c");
}

TEST_CASE("an objective without KRs or with only invalid ones has no progress")
{
    Workspace w = quarter();
    CHECK_FALSE(objective_progress(w, w.objectives.front()));
    upsert_by_id(w.key_results, key_result("kr-a", Direction::decrease, 10, 10));
    CHECK_FALSE(objective_progress(w, w.objectives.front()));
}

// ---- properties ------------------------------------------------------------------------

namespace {

// Finite doubles of every kind: ordinary, huge, tiny, denormal, signed zero.
class FiniteNumbers {
public:
    explicit FiniteNumbers(uint32_t seed) : random_(seed) {}

    double operator()()
    {
        static constexpr double special[] = {0.0,
                                             -0.0,
                                             1.0,
                                             -1.0,
                                             1e308,
                                             -1e308,
                                             std::numeric_limits<double>::max(),
                                             -std::numeric_limits<double>::max(),
                                             std::numeric_limits<double>::denorm_min(),
                                             -std::numeric_limits<double>::denorm_min(),
                                             std::numeric_limits<double>::min(),
                                             3 * std::numeric_limits<double>::denorm_min()};
        switch (pick(4)) {
        case 0: return special[pick(std::size(special))];
        case 1: return std::uniform_real_distribution<double>(-1000, 1000)(random_);
        case 2: return std::ldexp(std::uniform_real_distribution<double>(-1, 1)(random_), pick(2098) - 1074);
        default: return static_cast<double>(pick(21)) - 10;  // small integers: many ties
        }
    }

    int pick(size_t n) { return static_cast<int>(std::uniform_int_distribution<size_t>(0, n - 1)(random_)); }

private:
    std::mt19937 random_;
};

KeyResult random_key_result(FiniteNumbers& numbers, int index)
{
    const Direction direction = static_cast<Direction>(numbers.pick(5));
    const double baseline = numbers();
    const double target = numbers.pick(10) == 0 ? baseline : numbers();
    KeyResult kr = key_result("kr-" + std::to_string(index), direction, baseline, target);
    if (numbers.pick(20) == 0)
        kr.baseline.reset();
    return kr;
}

}  // namespace

TEST_CASE("property: progress of any finite KR is in [0, 1] or invalid with a reason, never NaN")
{
    FiniteNumbers numbers(20270226);
    Workspace w = quarter();
    for (int i = 0; i < 5000; ++i) {
        const KeyResult kr = random_key_result(numbers, i);
        upsert_by_id(w.key_results, kr);
        for (int c = numbers.pick(3); c > 0; --c)
            upsert_by_id(w.check_ins, check_in("ci-" + std::to_string(i) + "-" + std::to_string(c), kr.id,
                                               c == 1 ? "2027-02-01" : "2027-02-08", numbers()));
        if (kr.direction == Direction::milestone && numbers.pick(2) == 0)
            upsert_by_id(w.tasks, task("task-" + std::to_string(i), kr.id, numbers.pick(2) == 0));

        const KrProgress p = key_result_progress(w, *find_by_id(w.key_results, kr.id));
        CAPTURE(kr.baseline.value_or(-1));
        CAPTURE(kr.target.value_or(-1));
        CAPTURE(p.current_value.value_or(-1));
        if (p.progress) {
            CHECK(std::isfinite(*p.raw));
            CHECK(*p.progress >= 0.0);
            CHECK(*p.progress <= 1.0);
            CHECK_FALSE(p.invalid_reason);
        } else {
            CHECK_FALSE(p.raw);
            CHECK(p.invalid_reason);
        }
    }

    const auto overall = objective_progress(w, w.objectives.front());
    REQUIRE(overall);
    CHECK(*overall >= 0.0);
    CHECK(*overall <= 1.0);
}

TEST_CASE("property: raw progress of a value is finite and has the sign of the movement")
{
    FiniteNumbers numbers(7);
    for (int i = 0; i < 20000; ++i) {
        const double baseline = numbers();
        const double target = numbers();
        const double value = numbers();
        if (baseline == target)
            continue;
        const Direction direction = target > baseline ? Direction::increase : Direction::decrease;
        const auto raw = raw_progress_of_value(key_result("kr-1", direction, baseline, target), value);
        CAPTURE(baseline);
        CAPTURE(target);
        CAPTURE(value);
        REQUIRE(raw);
        CHECK(std::isfinite(*raw));
        if (value == baseline)
            CHECK(*raw == 0);
        else if (*raw != 0)  // a tiny movement against a huge range may round to 0
            CHECK((*raw > 0) == ((value > baseline) == (direction == Direction::increase)));
    }
}
