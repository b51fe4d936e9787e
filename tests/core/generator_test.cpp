// The benchmark workspace generator (bench/generator): valid, deterministic, realistic in
// shape, and its diverged copies merge as they say they will.

#include <doctest/doctest.h>

#include <map>
#include <string>

#include "core/export.hpp"
#include "core/import.hpp"
#include "core/merge.hpp"
#include "core/progress.hpp"
#include "generator/workspace_generator.hpp"

namespace okr {
namespace {

using bench::generate_workspace;

std::string generated_text(int objectives, uint64_t seed)
{
    return export_workspace(generate_workspace({objectives, seed}));
}

}  // namespace

TEST_CASE("a generated workspace imports without refusals or warnings")
{
    const std::string text = generated_text(100, 1);
    const ImportResult result = import_workspace(text);
    REQUIRE_MESSAGE(!result.refused(), to_string(result.refusals.front()));
    CHECK_MESSAGE(result.warnings.empty(), (result.warnings.empty() ? "" : to_string(result.warnings.front())));
    CHECK(result.workspace->objectives.size() == 100);
    CHECK(result.workspace->key_results.size() == 400);
    // The importer's canonical form is the generator's: a round trip changes no byte.
    CHECK(export_workspace(*result.workspace) == text);
}

TEST_CASE("the same seed gives the same bytes, another seed other bytes")
{
    const std::string first = generated_text(100, 7);
    CHECK(generated_text(100, 7) == first);
    CHECK(generated_text(100, 8) != first);
}

TEST_CASE("the file grows with the number of objectives")
{
    // The issue estimated 6.5 MB for 1,000 objectives; with 12 weekly check-ins per KR of
    // about 280 bytes each in the canonical form, the check-ins alone take 12 MB, so the
    // file is about 15.7 MB (docs/benchmarks.md). The range only guards the order of size.
    const double small = static_cast<double>(generated_text(100, 1).size());
    const double large = static_cast<double>(generated_text(1000, 1).size());
    CHECK(large > 10e6);
    CHECK(large < 20e6);
    CHECK(large / small == doctest::Approx(10).epsilon(0.1));
}

TEST_CASE("a generated workspace has the shape of a company's cascade")
{
    const Workspace w = generate_workspace({300, 3});

    const Team* company = find_by_id(w.teams, "t-00000");
    REQUIRE(company);
    CHECK_FALSE(company->parent);
    for (const Team& team : w.teams)
        CHECK((team.id == company->id) != team.parent.has_value());

    std::map<CycleState, int> states;
    for (const Cycle& cycle : w.cycles)
        ++states[cycle.state];
    CHECK(states[CycleState::active] == 1);
    CHECK(states[CycleState::closed] >= 1);
    CHECK(states[CycleState::draft] >= 1);

    // Objectives align to an objective of the enclosing team in the same cycle.
    int aligned = 0;
    for (const Objective& objective : w.objectives) {
        if (!objective.parent)
            continue;
        const Objective* parent = find_by_id(w.objectives, *objective.parent);
        REQUIRE(parent);
        CHECK(parent->cycle == objective.cycle);
        CHECK(find_by_id(w.teams, objective.team)->parent == parent->team);
        ++aligned;
    }
    CHECK(aligned > 200);

    // Twelve weekly check-ins per KR of a cycle that has started, none in the draft cycle.
    for (const KeyResult& kr : w.key_results) {
        const CycleState state = cycle_of(w, kr)->state;
        const auto check_ins = effective_check_ins(w, kr.id);
        CHECK(check_ins.size() == (state == CycleState::draft ? 0 : 12));
        for (std::size_t i = 1; i < check_ins.size(); ++i)
            CHECK(iso_week_of(check_ins[i]->date).week != iso_week_of(check_ins[i - 1]->date).week);
    }
    CHECK_FALSE(w.kpis.empty());
    CHECK_FALSE(w.tasks.empty());
    CHECK_FALSE(w.dependencies.empty());
    CHECK_FALSE(w.deleted.empty());
}

TEST_CASE("a diverged copy merges with the counts it announces")
{
    const Workspace original = generate_workspace({200, 5});
    const bench::DivergedCopy copy = bench::diverged_copy(original, 9, 0.05);
    CHECK(copy.expected.added > 0);
    CHECK(copy.expected.changed > 0);
    CHECK(copy.expected.deleted > 0);
    CHECK(copy.expected.conflicts > 0);

    const MergeResult result = merge_workspaces(original, copy.workspace);
    CHECK(result.count(MergeOutcome::added) == copy.expected.added);
    CHECK(result.count(MergeOutcome::changed) == copy.expected.changed);
    CHECK(result.count(MergeOutcome::deleted) == copy.expected.deleted);
    CHECK(result.count(MergeOutcome::conflict) == copy.expected.conflicts);

    // Two copies diverged from one original merge the same whichever comes first.
    const Workspace other = bench::diverged_copy(original, 10, 0.05).workspace;
    CHECK(export_workspace(merge_workspaces(copy.workspace, other).merged) ==
          export_workspace(merge_workspaces(other, copy.workspace).merged));
}

}  // namespace okr
