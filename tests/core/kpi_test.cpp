// KPI health: docs/okr-method.md, "KPIs", and the coach's kpi-breached rule.

#include <doctest/doctest.h>

#include "core/coach.hpp"
#include "core/kpi_health.hpp"
#include "method_support.hpp"

using namespace okr;
using namespace okr::test;

namespace {

Kpi kpi(KpiDirection direction, double floor, std::vector<std::pair<const char*, double>> readings)
{
    Kpi k;
    k.id = "k-1";
    k.name = "First response within 4 h";
    k.direction = direction;
    k.floor = floor;
    k.readings.emplace();
    for (const auto& [date, value] : readings)
        k.readings->push_back({day(date), value});
    k.updated_at = at("2027-01-01T00:00:00.000Z");
    return k;
}

}  // namespace

TEST_CASE("KPI health from the latest reading; equal to the floor is healthy")
{
    struct Row {
        KpiDirection direction;
        double floor, latest;
        KpiHealth health;
    };
    const Row rows[] = {
        {KpiDirection::higher_is_better, 95, 96.2, KpiHealth::healthy},
        {KpiDirection::higher_is_better, 95, 95, KpiHealth::healthy},
        {KpiDirection::higher_is_better, 95, 94.9, KpiHealth::breached},
        {KpiDirection::lower_is_better, 2, 1.2, KpiHealth::healthy},
        {KpiDirection::lower_is_better, 2, 2, KpiHealth::healthy},
        {KpiDirection::lower_is_better, 2, 2.1, KpiHealth::breached},
    };
    for (const Row& row : rows) {
        CAPTURE(row.latest);
        CHECK(kpi_health(kpi(row.direction, row.floor, {{"2027-01-31", row.latest}})) == row.health);
    }
}

TEST_CASE("a KPI without readings is unknown")
{
    Kpi none = kpi(KpiDirection::higher_is_better, 95, {});
    CHECK(kpi_health(none) == KpiHealth::unknown);
    none.readings.reset();
    CHECK(kpi_health(none) == KpiHealth::unknown);
    CHECK(latest_reading(none) == nullptr);
}

TEST_CASE("the latest reading is the one with the latest date, whatever the order")
{
    const Kpi k = kpi(KpiDirection::higher_is_better, 95,
                      {{"2027-01-31", 94.1}, {"2026-11-30", 96.2}, {"2026-12-31", 95.4}});
    CHECK(latest_reading(k)->value == 94.1);
    CHECK(kpi_health(k) == KpiHealth::breached);
}

TEST_CASE("kpi-breached only while an objective of an active cycle lists the KPI")
{
    struct Row {
        const char* name;
        double latest;
        CycleState state;
        bool linked;
        bool finding;
    };
    const Row rows[] = {
        {"breached, active objective", 94.1, CycleState::active, true, true},
        {"healthy, active objective", 95.0, CycleState::active, true, false},
        {"breached, draft objective", 94.1, CycleState::draft, true, false},
        {"breached, closed objective", 94.1, CycleState::closed, true, false},
        {"breached, not linked", 94.1, CycleState::active, false, false},
    };
    for (const Row& row : rows) {
        CAPTURE(row.name);
        Workspace w = quarter();
        w.cycles.front().state = row.state;
        if (!row.linked)
            w.objectives.front().kpis->clear();
        upsert_by_id(w.kpis, kpi(KpiDirection::higher_is_better, 95, {{"2027-01-31", row.latest}}));

        const auto findings = coach_findings(w, day("2027-02-26"));
        const auto breached = std::count_if(findings.begin(), findings.end(),
                                            [](const Finding& f) { return f.rule == "kpi-breached"; });
        CHECK(breached == (row.finding ? 1 : 0));
    }
}

TEST_CASE("kpi-breached names the KPI, its reading, its floor and the objectives")
{
    Workspace w = quarter();
    upsert_by_id(w.kpis, kpi(KpiDirection::higher_is_better, 95, {{"2027-01-31", 94.1}}));
    const auto findings = coach_findings(w, day("2027-02-26"));
    const auto it =
        std::find_if(findings.begin(), findings.end(), [](const Finding& f) { return f.rule == "kpi-breached"; });
    REQUIRE(it != findings.end());
    CHECK(it->severity == Severity::warning);
    CHECK(it->entity == EntityRef{"kpis", "k-1"});
    CHECK(it->message ==
          "'First response within 4 h' reads 94.1, below its floor of 95 while active objectives rely on it (o-1): "
          "restore the floor before pushing the ceiling");
}
