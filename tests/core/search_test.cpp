// Finding things (core/search.hpp): case folding beyond ASCII, the search across what
// people write, and the filters that narrow a cycle's cascade.

#include <doctest/doctest.h>

#include "core/search.hpp"
#include "workspace_builder.hpp"

using namespace okr;
using namespace okr::test;

TEST_CASE("case folding covers ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic")
{
    const std::pair<const char*, const char*> cases[] = {
        {"Kovač", "kovač"},   {"KOVAČ", "kovač"},   {"ÜBERGABE", "übergabe"}, {"Chloé", "chloé"},
        {"ŁÓDŹ", "łódź"},     {"ĽUBOŠ", "ľuboš"},   {"ΑΘΗΝΑ", "αθηνα"},       {"МОСКВА", "москва"},
        {"ЁЖ", "ёж"},         {"Ÿ", "ÿ"},           {"×", "×"},               {"ß", "ß"},
        {"\xC3 ok", "\xC3 ok"}, {"日本 ABC", "日本 abc"},
    };
    for (const auto& [text, folded] : cases)
        CHECK_MESSAGE(fold_case(text) == folded, text);
    CHECK(contains_ignoring_case("Ana Kovač", "kovač"));
    CHECK(contains_ignoring_case("Ana Kovač", "KOVAČ"));
    CHECK_FALSE(contains_ignoring_case("Ana Kovač", "kovac"));
}

TEST_CASE("the search finds objectives, KRs, check-in notes, tasks and KPIs, each with where it sits")
{
    const Workspace w = sample("northwind-it.json");
    const auto kinds = [](const std::vector<SearchHit>& hits) {
        std::vector<std::pair<std::string, Id>> found;
        for (const SearchHit& hit : hits)
            found.emplace_back(to_string(hit.kind), hit.id);
        return found;
    };

    const auto logistics = search_workspace(w, "  LOGISTICS ");
    REQUIRE(!logistics.empty());
    CHECK(logistics[0].id == "o-co-logistics");
    CHECK(logistics[0].context == "Northwind IT · 2027 Q1");
    CHECK(logistics[0].open_collection == "objectives");

    const auto churn = search_workspace(w, "churn");
    REQUIRE(churn.size() == 1);
    CHECK(kinds(churn) == std::vector<std::pair<std::string, Id>>{{"KPI", "k-churn"}});
    CHECK(churn[0].open_collection == "kpis");
    CHECK(churn[0].context == "Northwind IT");

    for (const SearchHit& hit : search_workspace(w, "a")) {
        if (hit.kind == HitKind::check_in) {
            CHECK(hit.open_collection == "key_results");
            CHECK(hit.context.starts_with("Check-in of 20"));
            CHECK(contains_ignoring_case(hit.excerpt, "a"));
        }
    }
    CHECK(search_workspace(w, "a", 3).size() == 3);
    CHECK(search_workspace(w, "   ").empty());
    CHECK(search_workspace(w, "no such words anywhere").empty());
}

TEST_CASE("filters narrow a cycle's objectives by team, owner and status")
{
    const Workspace w = sample("northwind-it.json");
    ObjectiveFilter none;
    CHECK_FALSE(none.narrows());
    CHECK(objectives_passing(w, "c-2027q1", none).size() == 6);

    ObjectiveFilter sales;
    sales.team = "t-sales";
    CHECK(objectives_passing(w, "c-2027q1", sales) == std::vector<Id>{"o-sales-pipeline"});

    // p-eli owns the portal objective and one task of Engineering's portal KR.
    ObjectiveFilter eli;
    eli.owner = "p-eli";
    CHECK(objectives_passing(w, "c-2027q1", eli) == std::vector<Id>{"o-eng-automation", "o-prod-portal"});

    // Latest confidences: win rate 0.2 is the only one below 0.3; 0.3 itself is at risk.
    ObjectiveFilter off_track;
    off_track.status = ConfidenceStatus::off_track;
    CHECK(objectives_passing(w, "c-2027q1", off_track) == std::vector<Id>{"o-sales-pipeline"});
    ObjectiveFilter at_risk;
    at_risk.status = ConfidenceStatus::at_risk;
    CHECK(objectives_passing(w, "c-2027q1", at_risk) ==
          std::vector<Id>{"o-co-logistics", "o-co-reliable", "o-prod-portal", "o-sd-fast"});

    // Engineering's only confidence is 1.0 (the portal KR has none): not at risk.
    ObjectiveFilter attention;
    attention.at_risk_only = true;
    CHECK(objectives_passing(w, "c-2027q1", attention) ==
          std::vector<Id>{"o-co-logistics", "o-co-reliable", "o-prod-portal", "o-sales-pipeline", "o-sd-fast"});
    attention.team = "t-engineering";
    CHECK(attention.narrows());
    CHECK(objectives_passing(w, "c-2027q1", attention).empty());
}
