// Team files (core/team_part.hpp): one team's part of a workspace stands on its own, holds
// nothing of other teams but what its references need, and merges back changing exactly
// what the team changed in it. Checked on every team of the samples and of generated
// workspaces, then on the edits a team makes, tombstones and the errors.

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "core/merge.hpp"
#include "core/team_part.hpp"
#include "generator/workspace_generator.hpp"
#include "workspace_builder.hpp"

using namespace okr;
using namespace okr::test;

namespace {

Workspace part_of(const Workspace& workspace, const Id& team, const TeamPartOptions& options = {})
{
    TeamPartResult result = team_part(workspace, team, options);
    if (const TeamPartError* error = std::get_if<TeamPartError>(&result))
        FAIL(error->message);
    return std::get<Workspace>(std::move(result));
}

// "a b c": the ids of a collection, so that a failing check shows them all.
template <typename Entity>
std::string ids(const std::vector<Entity>& collection)
{
    std::string text;
    for (const Entity& entity : collection)
        text += (text.empty() ? "" : " ") + entity.id;
    return text;
}

// One line per note, "outcome collection/id".
std::string lines(const std::vector<EntityMergeNote>& notes)
{
    std::string text;
    for (const EntityMergeNote& note : notes)
        text += std::string(to_string(note.outcome)) + " " + note.collection + "/" + note.id + "\n";
    return text;
}

// ---- what must hold of every team file -----------------------------------------------------

struct Scope {
    Id team;
    TeamPartOptions options;

    bool holds(const Objective& objective) const
    {
        return objective.team == team && (!options.cycle || objective.cycle == *options.cycle);
    }
};

// The objectives a file's own entities name: parents, carried_from, carry_forward, and the
// ends of dependencies (a key result end by its objective).
std::set<Id> named_objectives(const Workspace& file)
{
    std::set<Id> named;
    for (const Objective& objective : file.objectives) {
        if (objective.parent)
            named.insert(*objective.parent);
        if (objective.carried_from)
            named.insert(*objective.carried_from);
    }
    for (const Retrospective& retrospective : file.retrospectives)
        if (const auto& carried = retrospective.carry_forward)
            named.insert(carried->begin(), carried->end());
    for (const Dependency& dependency : file.dependencies)
        for (const Id& end : {dependency.from, dependency.to}) {
            named.insert(end);
            if (const KeyResult* key_result = find_by_id(file.key_results, end))
                named.insert(key_result->objective);
        }
    return named;
}

std::set<Id> dependency_ends(const Workspace& file)
{
    std::set<Id> ends;
    for (const Dependency& dependency : file.dependencies)
        ends.insert({dependency.from, dependency.to});
    return ends;
}

// Imports on its own, with no refusal and (from a workspace without any) no warning, and is
// already in canonical form.
Workspace check_stands_alone(const Workspace& part)
{
    const std::string text = text_of(part);
    const ImportResult result = import_workspace(text);
    REQUIRE_MESSAGE(!result.refused(), to_string(result.refusals.front()));
    CHECK_MESSAGE(result.warnings.empty(), (result.warnings.empty() ? "" : to_string(result.warnings.front())));
    CHECK(text_of(*result.workspace) == text);
    return *result.workspace;
}

// Merged into the workspace it came from, it changes nothing. (The other way round gives the
// same, as every merge does: merge_properties_test.cpp.)
void check_merges_back_unchanged(const Workspace& original, const std::string& original_text, const Workspace& file)
{
    const MergeResult back = merge_workspaces(original, file);
    CHECK(lines(back.notes) == "");
    CHECK(text_of(back.merged) == original_text);
}

// Every objective of the scope with its key results, their check-ins and tasks, the team's
// KPIs and retrospectives, and the dependencies touching any of them.
void check_holds_whole_scope(const Workspace& original, const Workspace& part, const Scope& scope)
{
    std::set<Id> own;  // objectives and key results of the scope
    for (const Objective& objective : original.objectives)
        if (scope.holds(objective)) {
            own.insert(objective.id);
            CHECK_MESSAGE(find_by_id(part.objectives, objective.id), objective.id);
        }
    for (const KeyResult& key_result : original.key_results)
        if (own.contains(key_result.objective)) {
            own.insert(key_result.id);
            CHECK_MESSAGE(find_by_id(part.key_results, key_result.id), key_result.id);
        }
    for (const CheckIn& check_in : original.check_ins)
        if (own.contains(check_in.key_result))
            CHECK_MESSAGE(find_by_id(part.check_ins, check_in.id), check_in.id);
    for (const Task& task : original.tasks)
        if (own.contains(task.key_result))
            CHECK_MESSAGE(find_by_id(part.tasks, task.id), task.id);
    for (const Kpi& kpi : original.kpis)
        if (kpi.team == scope.team)
            CHECK_MESSAGE(find_by_id(part.kpis, kpi.id), kpi.id);
    for (const Retrospective& retrospective : original.retrospectives)
        if (retrospective.team == scope.team && (!scope.options.cycle || retrospective.cycle == *scope.options.cycle))
            CHECK_MESSAGE(find_by_id(part.retrospectives, retrospective.id), retrospective.id);
    for (const Dependency& dependency : original.dependencies)
        if (own.contains(dependency.from) || own.contains(dependency.to))
            CHECK_MESSAGE(find_by_id(part.dependencies, dependency.id), dependency.id);
}

// Of other teams (or cycles), only what the part's references name: objectives named,
// key results only as dependency ends, and no check-in or task of theirs at all.
void check_holds_nothing_else(const Workspace& part, const Scope& scope)
{
    const std::set<Id> named = named_objectives(part);
    std::set<Id> own_key_results;
    for (const KeyResult& key_result : part.key_results) {
        const Objective* objective = find_by_id(part.objectives, key_result.objective);
        if (objective && scope.holds(*objective))
            own_key_results.insert(key_result.id);
        else
            CHECK_MESSAGE(dependency_ends(part).contains(key_result.id), key_result.id);
    }
    for (const Objective& objective : part.objectives)
        if (!scope.holds(objective))
            CHECK_MESSAGE(named.contains(objective.id), objective.id);
    for (const CheckIn& check_in : part.check_ins)
        CHECK_MESSAGE(own_key_results.contains(check_in.key_result), check_in.id);
    for (const Task& task : part.tasks)
        CHECK_MESSAGE(own_key_results.contains(task.key_result), task.id);
}

void check_team_file(const Workspace& original, const std::string& original_text, const Scope& scope)
{
    CAPTURE(scope.team);
    CAPTURE(scope.options.cycle.value_or("every cycle"));
    const Workspace part = part_of(original, scope.team, scope.options);
    const Workspace file = check_stands_alone(part);
    check_merges_back_unchanged(original, original_text, file);
    check_holds_whole_scope(original, part, scope);
    check_holds_nothing_else(part, scope);
}

enum class Cycles { all_at_once, also_one_by_one };

void check_every_team_file(const Workspace& original, Cycles cycles)
{
    const std::string original_text = text_of(original);
    for (const Team& team : original.teams) {
        check_team_file(original, original_text, {team.id, {}});
        if (cycles == Cycles::also_one_by_one)
            for (const Cycle& cycle : original.cycles)
                check_team_file(original, original_text, {team.id, {cycle.id}});
    }
}

// ---- what a team does in its file ----------------------------------------------------------

// The service desk's edits: a new check-in, a key result retitled, a task deleted.
void service_desk_edits(Workspace& w)
{
    upsert_by_id(w.check_ins, check_in_at("ci-resolution-new", "kr-resolution", 3.5, at("2027-03-01T09:00:00.000Z")));
    KeyResult* key_result = find_by_id(w.key_results, "kr-first-contact");
    REQUIRE(key_result);
    key_result->title = "Solve 80% of tickets at first contact";
    key_result->updated_at = at("2027-03-01T09:05:00.000Z");
    delete_entity(w, w.tasks, "task-resolution-1", at("2027-03-01T09:10:00.000Z"));
}

}  // namespace

TEST_CASE("the team file of every team of the sample stands alone and merges back unchanged")
{
    check_every_team_file(sample("northwind-it.json"), Cycles::also_one_by_one);
}

TEST_CASE("the team file of every team of generated workspaces stands alone and merges back unchanged")
{
    // 80 objectives make ten teams three levels deep; each merge back takes a while in Debug.
    for (const uint64_t seed : {1, 2}) {
        CAPTURE(seed);
        check_every_team_file(bench::generate_workspace({80, seed}), Cycles::all_at_once);
    }
}

TEST_CASE("a team file holds the team's objectives, and of other teams only those its references name")
{
    struct Row {
        const char* team;
        const char* objectives;
        const char* key_results;
        const char* tasks;
        const char* teams;
    };
    // dep-1 (kr-resolution -> kr-portal) links the service desk and engineering; dep-2
    // (kr-win-rate -> o-prod-portal) sales and product. The company's o-co-reliable names
    // the service desk's KPI k-first-response, which brings the service desk team along.
    const Row rows[] = {
        {"t-company", "o-co-logistics o-co-reliable o-q4-co-margin",
         "kr-incident-response kr-logistics-arr kr-logistics-clients kr-nps kr-q4-dso kr-q4-margin kr-retention", "",
         "t-company t-servicedesk"},
        {"t-engineering", "o-co-reliable o-eng-automation o-sd-fast", "kr-onboard-days kr-portal kr-resolution",
         "task-portal-1 task-portal-2 task-portal-3 task-portal-4", "t-company t-engineering t-servicedesk"},
        {"t-product", "o-co-logistics o-prod-portal o-sales-pipeline", "kr-portal-mau kr-win-rate", "",
         "t-company t-product t-sales"},
        {"t-sales", "o-co-logistics o-prod-portal o-sales-pipeline", "kr-checkins-held kr-pipeline kr-win-rate", "",
         "t-company t-product t-sales"},
        {"t-servicedesk", "o-co-reliable o-eng-automation o-q2-sd-selfservice o-q4-sd-backlog o-sd-fast",
         "kr-first-contact kr-portal kr-q2-kb kr-q2-resolution kr-q4-backlog kr-q4-csat kr-resolution kr-uptime",
         "task-resolution-1 task-resolution-2", "t-company t-engineering t-servicedesk"},
    };
    const Workspace northwind = sample("northwind-it.json");
    for (const Row& row : rows) {
        CAPTURE(row.team);
        const Workspace part = part_of(northwind, row.team);
        CHECK(ids(part.objectives) == row.objectives);
        CHECK(ids(part.key_results) == row.key_results);
        CHECK(ids(part.tasks) == row.tasks);
        CHECK(ids(part.teams) == row.teams);
    }
}

TEST_CASE("a team file of one cycle holds that cycle's objectives and retrospectives only")
{
    struct Row {
        const char* cycle;
        const char* objectives;
        const char* cycles;
        const char* retrospectives;
    };
    // o-q2-sd-selfservice was carried from o-sd-fast, which comes along to resolve the link.
    const Row rows[] = {
        {"c-2026q4", "o-q4-sd-backlog", "c-2026q4", "r-2026q4-servicedesk"},
        {"c-2027q1", "o-co-reliable o-eng-automation o-sd-fast", "c-2027q1", ""},
        {"c-2027q2", "o-co-reliable o-q2-sd-selfservice o-sd-fast", "c-2027q1 c-2027q2", ""},
    };
    const Workspace northwind = sample("northwind-it.json");
    for (const Row& row : rows) {
        CAPTURE(row.cycle);
        const Workspace part = part_of(northwind, "t-servicedesk", {row.cycle});
        CHECK(ids(part.objectives) == row.objectives);
        CHECK(ids(part.cycles) == row.cycles);
        CHECK(ids(part.retrospectives) == row.retrospectives);
    }
}

TEST_CASE("a team file keeps the workspace's header, so a merge takes it for the same workspace")
{
    Workspace northwind = sample("northwind-it.json");
    northwind.preserved["x-theme"] = "dark";
    const Workspace part = part_of(northwind, "t-sales");
    CHECK(part.info.id == "w-northwind");
    CHECK(part.info.name == "Northwind IT");
    CHECK(part.info.updated_at == northwind.info.updated_at);
    CHECK(part.preserved == northwind.preserved);
}

TEST_CASE("edits made in a team file merge back, and nothing else changes")
{
    const Workspace original = sample("northwind-it.json");
    Workspace file = imported(text_of(part_of(original, "t-servicedesk")));
    service_desk_edits(file);

    const MergeResult back = merge_workspaces(original, imported(text_of(file)));
    CHECK(lines(back.notes) == "changed key_results/kr-first-contact\n"
                               "added check_ins/ci-resolution-new\n"
                               "deleted tasks/task-resolution-1\n");
    Workspace expected = original;
    service_desk_edits(expected);
    CHECK(text_of(back.merged) == text_of(expected));
}

TEST_CASE("tombstones come along: a deletion stays one, and another team's deletes nothing when merged back")
{
    const Workspace before = sample("northwind-it.json");
    Workspace w = before;
    delete_entity(w, w.tasks, "task-resolution-1", at("2027-03-01T09:00:00.000Z"));  // the service desk's
    delete_entity(w, w.tasks, "task-portal-1", at("2027-03-01T09:00:00.000Z"));      // engineering's
    // Engineering deleted a task and then made one with the same id again, later.
    Task again = *find_by_id(before.tasks, "task-portal-2");
    again.updated_at = at("2027-03-02T09:00:00.000Z");
    delete_entity(w, w.tasks, "task-portal-2", at("2027-03-01T09:00:00.000Z"));
    upsert_by_id(w.tasks, again);

    const Workspace file = imported(text_of(part_of(w, "t-servicedesk")));
    CHECK(ids(file.deleted) == "task-portal-1 task-portal-2 task-resolution-1");

    // A stale copy from before the deletion does not bring the task back into the team file.
    CHECK_FALSE(find_by_id(merge_workspaces(file, before).merged.tasks, "task-resolution-1"));
    // Merged back, the task made again stays.
    const MergeResult back = merge_workspaces(w, file);
    CHECK(lines(back.notes) == "");
    CHECK(find_by_id(back.merged.tasks, "task-portal-2"));
}

TEST_CASE("the team part of a file holding only the team's part is that file, dangling references and all")
{
    const Workspace sales = sample("northwind-sales-offline.json");
    const Workspace part = part_of(sales, "t-sales");
    CHECK(text_of(part) == text_of(sales));
    CHECK(part.objectives.front().parent == "o-co-logistics");  // not in the file: kept as written
}

TEST_CASE("an unknown team or cycle gives an error naming every known one")
{
    const Workspace northwind = sample("northwind-it.json");

    const TeamPartResult no_team = team_part(northwind, "t-nobody");
    const TeamPartError* team_error = std::get_if<TeamPartError>(&no_team);
    REQUIRE(team_error);
    CHECK(team_error->kind == TeamPartError::Kind::unknown_team);
    CHECK(team_error->id == "t-nobody");
    CHECK(team_error->known == std::vector<Id>{"t-company", "t-engineering", "t-product", "t-sales", "t-servicedesk"});
    CHECK(team_error->message == "no team \"t-nobody\" in this workspace; its teams are t-company, t-engineering, "
                                 "t-product, t-sales, t-servicedesk");

    const TeamPartResult no_cycle = team_part(northwind, "t-sales", {"c-1999"});
    const TeamPartError* cycle_error = std::get_if<TeamPartError>(&no_cycle);
    REQUIRE(cycle_error);
    CHECK(cycle_error->kind == TeamPartError::Kind::unknown_cycle);
    CHECK(cycle_error->message == "no cycle \"c-1999\" in this workspace; its cycles are c-2026q4, c-2027q1, c-2027q2");

    const TeamPartResult empty = team_part(Workspace{}, "t-1");
    REQUIRE(std::holds_alternative<TeamPartError>(empty));
    CHECK(std::get<TeamPartError>(empty).message == "no team \"t-1\" in this workspace; it has no teams");
}
