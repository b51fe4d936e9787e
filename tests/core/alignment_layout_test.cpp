// The alignment map's layout: teams as bands from the company down, children under their
// parents, parent and dependency edges, unaligned objectives marked.

#include <doctest/doctest.h>

#include <algorithm>

#include "core/alignment_layout.hpp"
#include "method_support.hpp"
#include "workspace_builder.hpp"

using namespace okr;
using namespace okr::test;

namespace {

Objective aligned(Id id, Id team_id, std::string title, std::optional<Id> parent)
{
    Objective o = objective(std::move(id), "c-q1", std::move(team_id), std::move(title));
    o.parent = std::move(parent);
    return o;
}

Dependency dependency(Id id, Id from, Id to, std::string note)
{
    Dependency d;
    d.id = std::move(id);
    d.from = std::move(from);
    d.to = std::move(to);
    d.note = std::move(note);
    return d;
}

// Company with two objectives; Ops (named so that it sorts after Apps) aligns one to each
// company objective and leaves one unaligned; Apps aligns one.
Workspace small_company()
{
    Workspace w;
    upsert_by_id(w.cycles, cycle("c-q1", "2027-01-01", "2027-03-31"));
    upsert_by_id(w.cycles, cycle("c-q2", "2027-04-01", "2027-06-30", CycleState::draft));
    upsert_by_id(w.teams, team("t-co"));
    Team apps = team("t-apps", "t-co");
    apps.name = "Apps";
    Team ops = team("t-ops", "t-co");
    ops.name = "Ops";
    upsert_by_id(w.teams, apps);
    upsert_by_id(w.teams, ops);
    upsert_by_id(w.objectives, aligned("o-co-a", "t-co", "A: grow", std::nullopt));
    upsert_by_id(w.objectives, aligned("o-co-b", "t-co", "B: keep", std::nullopt));
    upsert_by_id(w.objectives, aligned("o-ops-1", "t-ops", "Ops under B", "o-co-b"));
    upsert_by_id(w.objectives, aligned("o-ops-2", "t-ops", "Ops under A", "o-co-a"));
    upsert_by_id(w.objectives, aligned("o-ops-3", "t-ops", "Ops alone", std::nullopt));
    upsert_by_id(w.objectives, aligned("o-apps-1", "t-apps", "Apps under B", "o-co-b"));
    Objective later = objective("o-q2", "c-q2", "t-co", "Next quarter");
    upsert_by_id(w.objectives, later);
    upsert_by_id(w.key_results, key_result("kr-apps", Direction::increase, 0, 10, "o-apps-1"));
    upsert_by_id(w.key_results, key_result("kr-ops", Direction::increase, 0, 10, "o-ops-2"));
    upsert_by_id(w.dependencies, dependency("d-1", "kr-apps", "kr-ops", "needs the pipeline"));
    upsert_by_id(w.dependencies, dependency("d-2", "o-apps-1", "o-ops-2", "and the people"));
    upsert_by_id(w.dependencies, dependency("d-3", "kr-apps", "o-q2", "another cycle"));
    return w;
}

const MapNode& node(const AlignmentLayout& layout, const Id& id)
{
    const auto index = layout.node_of(id);
    REQUIRE(index);
    return layout.nodes[static_cast<size_t>(*index)];
}

}  // namespace

TEST_CASE("a band per level of the team tree, a group per team with objectives in the cycle")
{
    Workspace w = small_company();
    upsert_by_id(w.teams, team("t-empty", "t-co"));
    const MapMetrics metrics;
    const AlignmentLayout layout = alignment_layout(w, "c-q1", metrics);

    REQUIRE(layout.bands.size() == 2);
    CHECK(layout.bands[0].depth == 0);
    CHECK(layout.bands[1].depth == 1);
    const double band_height = metrics.band_header + metrics.node_height + metrics.band_padding;
    CHECK(layout.bands[1].top == doctest::Approx(band_height));
    CHECK(layout.height == doctest::Approx(2 * band_height));
    REQUIRE(layout.teams.size() == 3);  // t-empty has nothing in the cycle
    CHECK(layout.teams[0].team == "t-co");
    CHECK(layout.teams[0].band == 0);
    CHECK(layout.teams[1].band == 1);
    CHECK(layout.nodes.size() == 6);  // the Q2 objective is not in this cycle
    CHECK(node(layout, "o-ops-3").y == doctest::Approx(band_height + metrics.band_header));
}

TEST_CASE("a child sits under its parent, a team under what it aligns to, a parent over its children")
{
    const MapMetrics metrics;
    const Workspace workspace = small_company();
    const AlignmentLayout layout = alignment_layout(workspace, "c-q1", metrics);
    const double w = metrics.node_width;
    const double step = w + metrics.node_gap;

    // Ops aligns under A and B (mean 0.5 step), Apps under B (1 step): Ops comes first.
    // Ops: under A, under B, then the unaligned one; Apps after the gap between teams.
    CHECK(node(layout, "o-ops-2").x == doctest::Approx(0));
    CHECK(node(layout, "o-ops-1").x == doctest::Approx(step));
    CHECK(node(layout, "o-ops-3").x == doctest::Approx(2 * step));
    const double apps = 2 * step + w + metrics.team_gap;
    CHECK(node(layout, "o-apps-1").x == doctest::Approx(apps));
    // A stays over its one child; B moves over the middle of its two.
    CHECK(node(layout, "o-co-a").x == doctest::Approx(0));
    CHECK(node(layout, "o-co-b").x == doctest::Approx((step + apps) / 2));
    CHECK(layout.width == doctest::Approx(apps + w));
    const MapTeam& ops = layout.teams[static_cast<size_t>(node(layout, "o-ops-1").team)];
    CHECK(ops.name == "Ops");
    CHECK(ops.left == doctest::Approx(0));
    CHECK(ops.right == doctest::Approx(2 * step + w));
}

TEST_CASE("objectives of one band never overlap, however many there are")
{
    Workspace w = small_company();
    for (int i = 0; i < 300; ++i) {
        const std::string n = std::to_string(1000 + i);
        const Id parent = i % 3 == 0 ? "o-co-a" : "o-co-b";
        upsert_by_id(w.objectives, aligned("o-x-" + n, i % 2 ? "t-ops" : "t-apps", "Objective " + n,
                                           i % 5 == 0 ? std::nullopt : std::optional<Id>(parent)));
    }
    const MapMetrics metrics;
    const AlignmentLayout layout = alignment_layout(w, "c-q1", metrics);
    REQUIRE(layout.nodes.size() == 306);
    // Left to right within each band, every card at least a gap from the one before.
    std::vector<std::vector<const MapNode*>> bands(layout.bands.size());
    for (const MapNode& n : layout.nodes)
        bands[static_cast<size_t>(n.band)].push_back(&n);
    for (auto& band : bands) {
        std::sort(band.begin(), band.end(), [](const MapNode* a, const MapNode* b) { return a->x < b->x; });
        for (size_t i = 1; i < band.size(); ++i)
            CHECK(band[i]->x >= band[i - 1]->x + metrics.node_width + metrics.node_gap - 1e-9);
    }
    CHECK(layout.unaligned == 61);  // 60 of every fifth, and Ops alone
}

TEST_CASE("parent links and dependencies are edges; a KR's dependency counts for its objective")
{
    const Workspace w = small_company();
    const AlignmentLayout layout = alignment_layout(w, "c-q1");
    int parents = 0;
    std::vector<const MapEdge*> dependencies;
    for (const MapEdge& edge : layout.edges) {
        if (edge.kind == MapEdgeKind::parent)
            ++parents;
        else
            dependencies.push_back(&edge);
    }
    CHECK(parents == 3);
    // d-1 (KR to KR) and d-2 (objective to objective) link the same two objectives; d-3 goes
    // to another cycle and is left out.
    REQUIRE(dependencies.size() == 1);
    CHECK(layout.nodes[static_cast<size_t>(dependencies[0]->from)].objective->id == "o-apps-1");
    CHECK(layout.nodes[static_cast<size_t>(dependencies[0]->to)].objective->id == "o-ops-2");
    CHECK(dependencies[0]->note == "needs the pipeline; and the people");
}

TEST_CASE("unaligned: no parent while the parent team has objectives in the cycle")
{
    Workspace w = small_company();
    const AlignmentLayout layout = alignment_layout(w, "c-q1");
    CHECK(layout.unaligned == 1);
    CHECK(node(layout, "o-ops-3").unaligned);
    CHECK_FALSE(node(layout, "o-co-a").unaligned);  // the company has no parent team

    // Without company objectives in the cycle there is nothing to align to.
    for (const Id id : {"o-co-a", "o-co-b"})
        w.objectives.erase(w.objectives.begin() + (find_by_id(w.objectives, id) - w.objectives.data()));
    CHECK(alignment_layout(w, "c-q1").unaligned == 0);
}

TEST_CASE("an empty cycle, a parent loop among teams and an unknown team")
{
    Workspace w = small_company();
    CHECK(alignment_layout(w, "c-none").nodes.empty());
    CHECK(alignment_layout(w, "c-none").bands.empty());

    find_by_id(w.teams, "t-co")->parent = "t-ops";  // a loop: every team is someone's child
    upsert_by_id(w.objectives, aligned("o-lost", "t-gone", "Of a team not held", std::nullopt));
    const AlignmentLayout layout = alignment_layout(w, "c-q1");
    CHECK(layout.nodes.size() == 7);
    const auto gone = std::find_if(layout.teams.begin(), layout.teams.end(),
                                   [](const MapTeam& t) { return t.team == "t-gone"; });
    REQUIRE(gone != layout.teams.end());
    CHECK(gone->name == "t-gone");  // its id, as the workspace has no name for it
    CHECK(layout.bands[static_cast<size_t>(gone->band)].depth == 0);
}

TEST_CASE("the example company's 2027 Q1 map")
{
    const Workspace w = sample("northwind-it.json");
    const AlignmentLayout layout = alignment_layout(w, "c-2027q1");
    REQUIRE(layout.bands.size() == 2);
    REQUIRE(layout.teams.size() == 5);
    CHECK(layout.teams[0].name == "Northwind IT");
    CHECK(layout.nodes.size() == 6);
    CHECK(layout.unaligned == 1);
    CHECK(node(layout, "o-prod-portal").unaligned);
    CHECK(layout.edges.size() == 5);  // three parent links, two dependencies
}
