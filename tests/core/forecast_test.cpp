// Forecast: docs/okr-method.md, "During a cycle" (least-squares line to the deadline).

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>

#include "core/forecast.hpp"
#include "method_support.hpp"

using namespace okr;
using namespace okr::test;

namespace {

struct Reading {
    const char* date;
    double value;
};

Workspace with_readings(KeyResult kr, std::initializer_list<Reading> readings)
{
    Workspace w = quarter_with(kr);
    int n = 0;
    for (const Reading& r : readings)
        upsert_by_id(w.check_ins, check_in("ci-" + std::to_string(n++), kr.id, r.date, r.value));
    return w;
}

KeyResult due(KeyResult kr, const char* deadline)
{
    kr.deadline = day(deadline);
    return kr;
}

}  // namespace

TEST_CASE("least-squares line through hand-computed points")
{
    struct Row {
        std::vector<double> x, y;
        double at;
        double expected;
    };
    const Row rows[] = {
        {{0, 10}, {0, 10}, 89, 89},            // exact line, slope 1
        {{0, 1, 2}, {1, 3, 2}, 10, 6.5},       // slope 0.5 through the mean (1, 2)
        {{0, 0, 10}, {0, 2, 11}, 20, 21},      // two readings on one day both count: slope 1
        {{0, 7, 14}, {5, 5, 5}, 80, 5},        // flat
        {{0, 7}, {48, 41}, 14, 34},            // falling
    };
    for (const Row& row : rows) {
        CAPTURE(row.expected);
        const auto value = least_squares_at(row.x, row.y, row.at);
        REQUIRE(value);
        CHECK(*value == doctest::Approx(row.expected));
    }
}

TEST_CASE("a line needs two distinct x")
{
    CHECK_FALSE(least_squares_at({3, 3, 3}, {1, 2, 3}, 10));
    CHECK_FALSE(least_squares_at({3}, {1}, 10));
    CHECK_FALSE(least_squares_at({}, {}, 10));
}

TEST_CASE("forecast projects the trend to the deadline and scores it")
{
    const Workspace w = with_readings(due(key_result("kr-1", Direction::increase, 0, 10), "2027-01-11"),
                                      {{"2027-01-01", 1}, {"2027-01-02", 3}, {"2027-01-03", 2}});
    const Forecast f = forecast(w, w.key_results.front());
    CHECK(*f.value == doctest::Approx(6.5));
    CHECK(*f.score == doctest::Approx(0.65));
    CHECK_FALSE(f.reason);
    // The projection starts on the fitted line at the latest reading: 2 + 0.5 * (2 - 1).
    CHECK(f.trend_from == day("2027-01-03"));
    CHECK(*f.trend_from_value == doctest::Approx(2.5));
}

TEST_CASE("forecast scores are clamped like progress")
{
    struct Row {
        Direction direction;
        double baseline, target;
        double first, second;  // readings a week apart; the deadline is 12 weeks out
        double score;
    };
    const Row rows[] = {
        {Direction::increase, 0, 10, 0, 5, 1.0},     // would reach 60
        {Direction::increase, 10, 20, 10, 9, 0.0},   // going backwards
        {Direction::decrease, 48, 24, 48, 40, 1.0},  // overshoots
        {Direction::at_least, 99.9, 99.9, 99.95, 99.94, 0.0},  // drifts below by the deadline
        {Direction::at_most, 2, 2, 1.5, 1.5, 1.0},
    };
    for (const Row& row : rows) {
        CAPTURE(row.baseline);
        const KeyResult kr = due(key_result("kr-1", row.direction, row.baseline, row.target), "2027-03-26");
        const Workspace w = with_readings(kr, {{"2027-01-01", row.first}, {"2027-01-08", row.second}});
        CHECK(*forecast(w, w.key_results.front()).score == row.score);
    }
}

TEST_CASE("fewer than two dates: no forecast, and the reason says so")
{
    const char* two_dates = "a forecast needs check-ins on at least two different dates";
    const Workspace none = with_readings(key_result("kr-1", Direction::increase, 0, 10), {});
    const Workspace one = with_readings(key_result("kr-1", Direction::increase, 0, 10), {{"2027-02-01", 4}});
    const Workspace same_day =
        with_readings(key_result("kr-1", Direction::increase, 0, 10), {{"2027-02-01", 4}, {"2027-02-01", 5}});
    for (const Workspace* w : {&none, &one, &same_day}) {
        const Forecast f = forecast(*w, w->key_results.front());
        CHECK_FALSE(f.value);
        CHECK_FALSE(f.score);
        CHECK(*f.reason == two_dates);
    }
}

TEST_CASE("forecast uses only the cycle's effective check-ins")
{
    Workspace w = with_readings(due(key_result("kr-1", Direction::increase, 0, 100), "2027-01-11"),
                                {{"2026-12-01", 90}, {"2027-01-01", 0}, {"2027-01-03", 99}});
    CheckIn correction = check_in("ci-fix", "kr-1", "2027-01-03", 2);
    correction.corrects = "ci-2";
    upsert_by_id(w.check_ins, correction);

    const Forecast f = forecast(w, w.key_results.front());
    CHECK(*f.value == doctest::Approx(10));  // 0 then 2 two days later: slope 1 to day 10
    CHECK(*f.score == doctest::Approx(0.1));
}

TEST_CASE("milestones driven by tasks have no forecast")
{
    Workspace w =
        with_readings(key_result("kr-1", Direction::milestone, 0, 1), {{"2027-01-08", 0.1}, {"2027-01-15", 0.2}});
    upsert_by_id(w.tasks, task("task-1", "kr-1", true));
    const Forecast f = forecast(w, w.key_results.front());
    CHECK_FALSE(f.value);
    CHECK(*f.reason == "this milestone moves with its tasks, not with readings");
}

TEST_CASE("a KR that cannot be measured gets a projected value but no score")
{
    const Workspace w =
        with_readings(key_result("kr-1", Direction::increase, 5, 5), {{"2027-01-08", 1}, {"2027-01-15", 2}});
    const Forecast f = forecast(w, w.key_results.front());
    CHECK(f.value);
    CHECK_FALSE(f.score);
    CHECK(*f.reason == "baseline equals target: there is nothing to increase");
}

TEST_CASE("a trend that leaves the range of double gives no forecast instead of infinity")
{
    const double big = std::numeric_limits<double>::max();
    const Workspace w = with_readings(key_result("kr-1", Direction::increase, 0, 10),
                                      {{"2027-01-01", -big}, {"2027-01-02", big}});
    const Forecast f = forecast(w, w.key_results.front());
    CHECK_FALSE(f.value);
    CHECK(*f.reason == "the trend leaves the range of numbers this tool can hold");
}

TEST_CASE("property: forecasts of random KRs are finite, scored in [0, 1], or absent with a reason")
{
    std::mt19937 random(424242);
    const double special[] = {0.0,    -0.0,   1e308, -1e308, std::numeric_limits<double>::max(),
                              -std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min(),
                              std::numeric_limits<double>::min(), 1.0, -1.0};
    auto number = [&]() {
        switch (random() % 3) {
        case 0: return special[random() % std::size(special)];
        case 1: return std::uniform_real_distribution<double>(-1e6, 1e6)(random);
        default: return std::ldexp(std::uniform_real_distribution<double>(-1, 1)(random), int(random() % 2098) - 1074);
        }
    };

    for (int i = 0; i < 3000; ++i) {
        const Direction direction = static_cast<Direction>(random() % 5);
        const double baseline = number();
        const double target = random() % 8 == 0 ? baseline : number();
        Workspace w = quarter_with(key_result("kr-1", direction, baseline, target));
        const int readings = static_cast<int>(random() % 6);
        for (int r = 0; r < readings; ++r)
            upsert_by_id(w.check_ins, check_in("ci-" + std::to_string(r), "kr-1",
                                               day("2027-01-01").plus_days(int(random() % 90)).to_string().c_str(),
                                               number()));

        const Forecast f = forecast(w, w.key_results.front());
        CAPTURE(baseline);
        CAPTURE(target);
        if (f.value)
            CHECK(std::isfinite(*f.value));
        if (f.score) {
            CHECK(*f.score >= 0.0);
            CHECK(*f.score <= 1.0);
        }
        CHECK((f.value && f.score) != f.reason.has_value());
    }
}
