#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "app/insights.hpp"
#include "core/import.hpp"

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
