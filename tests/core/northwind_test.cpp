// The whole method on the sample assets/examples/northwind-it.json, judged on 2027-02-26.
//
// The expected figures were NOT produced by the code under test: they come from
// tests/core/northwind_expected.py, an independent plain-Python rendering of
// docs/okr-method.md, run once and its output pasted here. Elapsed fractions are by hand:
// 56 of 89 days for Q1 KRs due 2027-03-31, 56 of 73 for kr-portal (due 2027-03-15), 0 for
// the draft Q2, 1 for the closed Q4. The findings list was worked out by hand from the
// rules and checked against the sample.

#include <doctest/doctest.h>

#include "core/coach.hpp"
#include "core/forecast.hpp"
#include "core/import.hpp"
#include "core/pace.hpp"
#include "core/progress.hpp"
#include "core/scoring.hpp"
#include "method_support.hpp"

using namespace okr;
using namespace okr::test;

namespace {

const Date today = day("2027-02-26");

Workspace northwind()
{
    ImportResult result = import_workspace(read_sample("northwind-it.json"));
    REQUIRE_FALSE(result.refused());
    return std::move(*result.workspace);
}

constexpr double q1 = 56.0 / 89.0;
constexpr double portal = 56.0 / 73.0;

}  // namespace

TEST_CASE("northwind-it: each KR's progress, expected progress, status, pace and forecast")
{
    struct Row {
        const char* id;
        std::optional<double> progress;
        double expected;
        std::optional<ConfidenceStatus> status;
        std::optional<Pace> pace;
        std::optional<double> forecast_value, forecast_score;
    };
    using enum ConfidenceStatus;
    using enum Pace;
    constexpr auto none = std::nullopt;
    const Row rows[] = {
        {"kr-checkins-held", 0.4, q1, on_track, behind, none, none},
        {"kr-first-contact", 0.4164999999999999, q1, at_risk, behind, 68.20666666666666, 0.6603333333333332},
        {"kr-incident-response", 0.5723076923076923, q1, on_track, on_pace, 1.0897959183673467, 0.8954474097331241},
        {"kr-logistics-arr", 0.4375, q1, at_risk, behind, 0.9626360544217687, 0.7032950680272109},
        {"kr-logistics-clients", 0.5, q1, on_track, on_pace, 6.763945578231294, 0.7939909297052156},
        {"kr-nps", 0.4007142857142857, q1, at_risk, behind, 39.51103741496599, 0.6079312439261422},
        {"kr-onboard-days", 0.5714285714285714, q1, on_track, on_pace, 3.497108843537415, 0.9289844509232265},
        {"kr-pipeline", 0.5333333333333333, q1, on_track, on_pace, 1.9064795918367345, 0.9032879818594102},
        {"kr-portal", 0.75, portal, none, on_pace, none, none},
        {"kr-portal-mau", 0.12866666666666668, q1, at_risk, behind, 97.56371428571428, 0.3252123809523809},
        {"kr-q2-kb", 0.0, 0.0, none, none, none, none},
        {"kr-q2-resolution", 0.0, 0.0, none, none, none, none},
        {"kr-q4-backlog", 0.7333333333333333, 1.0, on_track, none, 71.665379494008, 0.824081225033289},
        {"kr-q4-csat", 0.0, 1.0, none, none, none, none},
        {"kr-q4-dso", 0.0, 1.0, none, none, none, none},
        {"kr-q4-margin", 0.0, 1.0, none, none, none, none},
        {"kr-resolution", 0.6425000000000001, q1, on_track, on_pace, 22.32079931972789, 1.0},
        {"kr-retention", 0.5150000000000006, q1, at_risk, on_pace, 87.71714285714287, 0.8097619047619062},
        {"kr-uptime", 1.0, q1, on_track, on_pace, 99.93755102040816, 1.0},
        {"kr-win-rate", 0.29857142857142854, q1, off_track, behind, 21.21270408163265, 0.4589577259475216},
    };

    const Workspace w = northwind();
    REQUIRE(w.key_results.size() == std::size(rows));
    for (const Row& row : rows) {
        CAPTURE(row.id);
        const KeyResult* kr = find_by_id(w.key_results, row.id);
        REQUIRE(kr);
        const KrProgress progress = key_result_progress(w, *kr);
        REQUIRE(progress.progress.has_value() == row.progress.has_value());
        CHECK(*progress.progress == doctest::Approx(*row.progress).epsilon(1e-12));
        CHECK(*expected_progress(w, *kr, today) == doctest::Approx(row.expected).epsilon(1e-12));
        CHECK(confidence_status_of(w, *kr) == row.status);
        CHECK(pace_of(w, *kr, today) == row.pace);

        const Forecast f = forecast(w, *kr);
        REQUIRE(f.value.has_value() == row.forecast_value.has_value());
        REQUIRE(f.score.has_value() == row.forecast_score.has_value());
        if (row.forecast_value) {
            CHECK(*f.value == doctest::Approx(*row.forecast_value).epsilon(1e-9));
            CHECK(*f.score == doctest::Approx(*row.forecast_score).epsilon(1e-9));
        } else {
            CHECK(f.reason);
        }
    }
}

TEST_CASE("northwind-it: the correction of ci-retention-03 is applied")
{
    const Workspace w = northwind();
    const auto check_ins = effective_check_ins(w, "kr-retention");
    CHECK(check_ins.size() == 8);
    CHECK(std::none_of(check_ins.begin(), check_ins.end(),
                       [](const CheckIn* c) { return c->id == "ci-retention-03"; }));
}

TEST_CASE("northwind-it: each objective's progress")
{
    const std::pair<const char*, double> rows[] = {
        {"o-co-logistics", 0.46875},
        {"o-co-reliable", 0.49600732600732617},
        {"o-eng-automation", 0.6607142857142857},
        {"o-prod-portal", 0.12866666666666668},
        {"o-q2-sd-selfservice", 0.0},
        {"o-q4-co-margin", 0.0},
        {"o-q4-sd-backlog", 0.36666666666666664},
        {"o-sales-pipeline", 0.41063492063492063},
        {"o-sd-fast", 0.6863333333333334},
    };
    const Workspace w = northwind();
    REQUIRE(w.objectives.size() == std::size(rows));
    for (const auto& [id, expected] : rows) {
        CAPTURE(id);
        CHECK(*objective_progress(w, *find_by_id(w.objectives, id)) == doctest::Approx(expected).epsilon(1e-12));
    }
}

TEST_CASE("northwind-it: the exact list of coach findings on 2027-02-26")
{
    struct Row {
        const char* rule;
        const char* collection;
        const char* id;
    };
    // By hand: o-prod-portal has one KR, no parent while the company has Q1 objectives,
    // and no KPI; the Q2 draft objective lists no KPI; "Hold 10 client check-ins" is an
    // activity; kr-checkins-held (2027-02-12) and kr-portal-mau (2027-02-05) are more
    // than 7 days old (kr-portal is exempt: its tasks drive it); kr-win-rate's latest
    // confidence is 0.2; k-first-response reads 94.1 under its floor of 95. Closed Q4
    // objectives get no writing advice.
    const Row expected[] = {
        {"kr-count", "objectives", "o-prod-portal"},
        {"not-aligned", "objectives", "o-prod-portal"},
        {"no-kpi", "objectives", "o-prod-portal"},
        {"no-kpi", "objectives", "o-q2-sd-selfservice"},
        {"kr-activity", "key_results", "kr-checkins-held"},
        {"check-in-due", "key_results", "kr-checkins-held"},
        {"check-in-due", "key_results", "kr-portal-mau"},
        {"act-now", "key_results", "kr-win-rate"},
        {"kpi-breached", "kpis", "k-first-response"},
    };

    const auto findings = coach_findings(northwind(), today);
    REQUIRE(findings.size() == std::size(expected));
    for (size_t i = 0; i < findings.size(); ++i) {
        CAPTURE(i);
        CHECK(findings[i].rule == expected[i].rule);
        CHECK(findings[i].entity == EntityRef{expected[i].collection, expected[i].id});
    }
    CHECK_FALSE(has_error(findings));
}

TEST_CASE("northwind-it: the closed 2026 Q4 keeps its frozen scores and flags the missed commitment")
{
    // By hand from the stored final scores: margin (0.8 + 1.0) / 2 = 0.9, committed, so
    // missed; backlog (0.7 + 0.4) / 2 = 0.55, aspirational. One closed cycle: no team signal.
    const Workspace w = northwind();
    const Objective& margin = *find_by_id(w.objectives, "o-q4-co-margin");
    const Objective& backlog = *find_by_id(w.objectives, "o-q4-sd-backlog");

    CHECK(*objective_final_score(w, margin) == doctest::Approx(0.9));
    CHECK(grade_of(*objective_final_score(w, margin)) == Grade::green);
    CHECK(committed_okr_missed(w, margin));
    CHECK(*objective_final_score(w, backlog) == doctest::Approx(0.55));
    CHECK(grade_of(*objective_final_score(w, backlog)) == Grade::yellow);
    CHECK_FALSE(committed_okr_missed(w, backlog));
    CHECK(score_overridden(*find_by_id(w.key_results, "kr-q4-csat")));
    CHECK(team_signals(w).empty());
}
