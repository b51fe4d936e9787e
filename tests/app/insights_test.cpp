#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "app/insights.hpp"
#include "core/import.hpp"
#include "generator/workspace_generator.hpp"

using namespace okr;

namespace {

Workspace northwind()
{
    std::ifstream file(std::string(OKR_SAMPLES_DIR) + "/northwind-it.json", std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return *import_workspace(bytes.str()).workspace;
}

}  // namespace

TEST_CASE("insights hold each KR's figures and each entity's findings for the day they were computed")
{
    const Workspace workspace = northwind();
    Insights insights;
    insights.refresh(workspace, 1, *Date::parse("2027-02-26"));

    const KeyResultInsight* win_rate = insights.key_result("kr-win-rate");
    REQUIRE(win_rate != nullptr);
    CHECK(win_rate->status == ConfidenceStatus::off_track);
    CHECK(win_rate->pace == Pace::behind);
    CHECK(win_rate->forecast.value.has_value());

    const auto findings = insights.findings_for("key_results", "kr-checkins-held");
    REQUIRE(findings.size() == 2);
    CHECK(findings[0]->rule == "kr-activity");
    CHECK(findings[1]->rule == "check-in-due");
    CHECK(insights.findings_for("key_results", "kr-nps").empty());
    CHECK(insights.objective("o-nowhere") == nullptr);
}

TEST_CASE("insights recompute when the revision or the day changes, and only then")
{
    Workspace workspace = northwind();
    Insights insights;
    insights.refresh(workspace, 1, *Date::parse("2027-02-26"));
    CHECK(insights.key_result("kr-checkins-held")->check_in_due);

    // Same revision and day: the figures stay as they were, even if the data moved on.
    workspace.key_results.clear();
    insights.refresh(workspace, 1, *Date::parse("2027-02-26"));
    CHECK(insights.key_result("kr-checkins-held") != nullptr);

    insights.refresh(workspace, 2, *Date::parse("2027-02-26"));
    CHECK(insights.key_result("kr-checkins-held") == nullptr);

    const Workspace fresh = northwind();
    insights.refresh(fresh, 2, *Date::parse("2027-02-13"));
    CHECK_FALSE(insights.key_result("kr-checkins-held")->check_in_due);
}

// Insights read every figure from one ProgressIndex per refresh; the per-KR functions that
// scan the workspace are the reference.
TEST_CASE("insights give the figures the per-KR functions give, in every kind of cycle")
{
    for (const Workspace& workspace : {northwind(), bench::generate_workspace({60, 3})}) {
        const Date today = *Date::parse("2027-02-26");
        Insights insights;
        insights.refresh(workspace, 1, today);
        for (const KeyResult& kr : workspace.key_results) {
            CAPTURE(kr.id);
            const KeyResultInsight* insight = insights.key_result(kr.id);
            REQUIRE(insight != nullptr);
            const KrProgress progress = key_result_progress(workspace, kr);
            CHECK(insight->progress.progress == progress.progress);
            CHECK(insight->progress.raw == progress.raw);
            CHECK(insight->progress.invalid_reason == progress.invalid_reason);
            CHECK(insight->progress.latest == progress.latest);
            CHECK(insight->status == confidence_status_of(workspace, kr));
            CHECK(insight->pace == pace_of(workspace, kr, today));
            CHECK(insight->check_in_due == check_in_due(workspace, kr, today));
            const Forecast expected = forecast(workspace, kr);
            CHECK(insight->forecast.value == expected.value);
            CHECK(insight->forecast.score == expected.score);
            CHECK(insight->forecast.reason == expected.reason);
            const Cycle* cycle = cycle_of(workspace, kr);
            if (cycle && cycle->state == CycleState::closed)
                CHECK(insight->final_score == final_score(workspace, kr));
        }
        int closed = 0;
        for (const Objective& objective : workspace.objectives) {
            CAPTURE(objective.id);
            const ObjectiveInsight* insight = insights.objective(objective.id);
            REQUIRE(insight != nullptr);
            CHECK(insight->progress == objective_progress(workspace, objective));
            const Cycle* cycle = cycle_of(workspace, objective);
            if (!cycle || cycle->state != CycleState::closed)
                continue;
            ++closed;
            CHECK(insight->final_score == objective_final_score(workspace, objective));
            CHECK(insight->committed_missed == committed_okr_missed(workspace, objective));
        }
        CHECK(closed > 0);
    }
}
