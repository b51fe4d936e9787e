// Creating, editing and deleting entities (core/entity_edits.hpp): every validation
// problem per kind, round trips through apply() and revert(), deletion cascades and
// tombstones on the Northwind sample, the parent picker and the coach while typing.

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/entity_edits.hpp"
#include "core/merge.hpp"
#include "workspace_builder.hpp"

using namespace okr;
using namespace okr::test;

namespace {

const Timestamp now = at("2027-03-01T10:00:00.000Z");
const Date today = day("2027-03-01");
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

Workspace northwind()
{
    return sample("northwind-it.json");
}

ChangeSet accepted(const EditResult& result)
{
    if (const auto* refused = std::get_if<EditRefused>(&result))
        FAIL("refused: " << refused->message << (refused->problems.empty() ? "" : " / ")
                         << (refused->problems.empty() ? "" : refused->problems.front().message));
    return std::get<ChangeSet>(result);
}

const EditRefused& refused(const EditResult& result)
{
    const auto* refusal = std::get_if<EditRefused>(&result);
    REQUIRE_MESSAGE(refusal, "accepted: " << std::get<ChangeSet>(result).summary);
    return *refusal;
}

// "field: message" per problem, one a line, so a failing check shows them all.
std::string problems_of(const EditResult& result)
{
    std::string text;
    for (const FieldProblem& problem : refused(result).problems)
        text += problem.field + ": " + problem.message + "\n";
    return text;
}

// The fields with problems, in the order found.
std::string fields_of(const EditResult& result)
{
    std::string text;
    for (const FieldProblem& problem : refused(result).problems)
        text += (text.empty() ? "" : " ") + problem.field;
    return text;
}

Workspace applied(Workspace w, const ChangeSet& change_set)
{
    apply(w, change_set);
    return w;
}

// Applies and reverts, checking that revert gives the workspace back exactly.
Workspace applied_and_reverted_exactly(const Workspace& w, const ChangeSet& change_set)
{
    Workspace after = applied(w, change_set);
    Workspace back = after;
    revert(back, change_set);
    CHECK(text_of(back) == text_of(w));
    CHECK(text_of(after) != text_of(w));
    return after;
}

ObjectiveDraft sales_objective()
{
    ObjectiveDraft draft;
    draft.cycle = "c-2027q1";
    draft.team = "t-sales";
    draft.title = "Make logistics prospects come to us";
    draft.parent = "o-co-logistics";
    draft.kpis = {"k-margin"};
    return draft;
}

KeyResultDraft portal_key_result(std::string title)
{
    KeyResultDraft draft;
    draft.objective = "o-prod-portal";
    draft.title = std::move(title);
    draft.direction = Direction::increase;
    draft.baseline = 0;
    draft.target = 300;
    draft.deadline = "2027-03-31";
    return draft;
}

std::vector<Id> ids_of(const std::vector<ParentCandidate>& candidates)
{
    std::vector<Id> ids;
    for (const ParentCandidate& candidate : candidates)
        ids.push_back(candidate.objective);
    return ids;
}

std::vector<std::string> rules_of(const std::vector<Finding>& findings)
{
    std::vector<std::string> rules;
    for (const Finding& finding : findings)
        rules.push_back(finding.rule);
    return rules;
}

bool has_rule(const std::vector<Finding>& findings, const std::string& rule)
{
    const auto rules = rules_of(findings);
    return std::find(rules.begin(), rules.end(), rule) != rules.end();
}

}  // namespace

// ---- validation, kind by kind ---------------------------------------------------------------

TEST_CASE("entity edits: a team needs a name, a known parent, no loop and a fresh id")
{
    const Workspace w = northwind();

    CHECK(fields_of(save_team(w, {" ", "t-nowhere"}, std::nullopt, "t-new", now)) == "name parent");
    CHECK(problems_of(save_team(w, {"Backend", "t-nowhere"}, std::nullopt, "t-new", now)) ==
          "parent: There is no team \"t-nowhere\".\n");
    CHECK(problems_of(save_team(w, {"Backend", "no spaces"}, std::nullopt, "t-new", now)) ==
          "parent: \"no spaces\" is not an id (1-64 characters of A-Z a-z 0-9 . _ -).\n");

    // The company under one of its own departments, or under itself.
    CHECK(fields_of(save_team(w, {"Northwind IT", "t-sales"}, "t-company", "", now)) == "parent");
    CHECK(fields_of(save_team(w, {"Northwind IT", "t-company"}, "t-company", "", now)) == "parent");

    CHECK(problems_of(save_team(w, {"Backend", std::nullopt}, std::nullopt, "bad id!", now)) ==
          "id: The id \"bad id!\" is not 1-64 characters of A-Z a-z 0-9 . _ -\n");
    // Ids are free only when no collection and no tombstone uses them: a tombstone deletes
    // whatever has its id in a merge.
    CHECK(fields_of(save_team(w, {"Backend", std::nullopt}, std::nullopt, "t-sales", now)) == "id");
    CHECK(fields_of(save_team(w, {"Backend", std::nullopt}, std::nullopt, "o-sd-fast", now)) == "id");
    Workspace with_tombstone = w;
    upsert_by_id(with_tombstone.deleted, tombstone("t-old", at("2027-01-01T00:00:00.000Z")));
    CHECK(fields_of(save_team(with_tombstone, {"Backend", std::nullopt}, std::nullopt, "t-old", now)) == "id");

    CHECK(refused(save_team(w, {"Backend", std::nullopt}, "t-nowhere", "", now)).message ==
          "There is no team \"t-nowhere\" to edit.");
    CHECK(refused(save_team(w, {"", std::nullopt}, std::nullopt, "t-new", now)).message ==
          "The team was not saved: 1 field needs attention.");
}

TEST_CASE("entity edits: a person needs a name in UTF-8 and a plausible email")
{
    const Workspace w = northwind();

    CHECK(problems_of(save_person(w, {"", ""}, std::nullopt, "p-new", now)) == "name: Enter a name.\n");
    CHECK(fields_of(save_person(w, {"Fran\xff", ""}, std::nullopt, "p-new", now)) == "name");
    CHECK(fields_of(save_person(w, {"Fran", "fran.example.com"}, std::nullopt, "p-new", now)) == "email");
    CHECK(fields_of(save_person(w, {"Fran", "fran @example.com"}, std::nullopt, "p-new", now)) == "email");
    CHECK(accepted(save_person(w, {"Fran", "fran@example.com"}, std::nullopt, "p-fran", now)).changes.size() == 1);
}

TEST_CASE("entity edits: a cycle needs a name and two calendar days in order")
{
    const Workspace w = northwind();

    CHECK(fields_of(save_cycle(w, {"", "2027-07-01", "2027-09-30"}, std::nullopt, "c-q3", now)) == "name");
    CHECK(problems_of(save_cycle(w, {"2027 Q3", "2027-02-30", ""}, std::nullopt, "c-q3", now)) ==
          "start: \"2027-02-30\" is not a day of the calendar written as YYYY-MM-DD.\n"
          "end: Enter a date (YYYY-MM-DD).\n");
    CHECK(problems_of(save_cycle(w, {"2027 Q3", "2027-09-30", "2027-07-01"}, std::nullopt, "c-q3", now)) ==
          "end: The cycle ends before it starts.\n");
}

TEST_CASE("entity edits: an objective checks its references, its parent loop and its choices")
{
    const Workspace w = northwind();

    ObjectiveDraft blank;
    CHECK(fields_of(save_objective(w, blank, std::nullopt, "o-new", now)) == "cycle team title");

    ObjectiveDraft unknown = sales_objective();
    unknown.cycle = "c-2031q1";
    unknown.team = "t-marketing";
    unknown.owner = "p-nobody";
    unknown.parent = "o-nothing";
    unknown.kpis = {"k-margin", "k-nothing"};
    CHECK(problems_of(save_objective(w, unknown, std::nullopt, "o-new", now)) ==
          "cycle: There is no cycle \"c-2031q1\".\n"
          "team: There is no team \"t-marketing\".\n"
          "owner: There is no person \"p-nobody\".\n"
          "parent: There is no objective \"o-nothing\".\n"
          "kpis/1: There is no KPI \"k-nothing\".\n");

    ObjectiveDraft choices = sales_objective();
    choices.commitment = "sometimes";
    choices.perspective = "spiritual";
    CHECK(problems_of(save_objective(w, choices, std::nullopt, "o-new", now)) ==
          "commitment: Choose one of aspirational, committed.\n"
          "perspective: Choose one of financial, customer, internal, learning.\n");

    // o-sd-fast aligns to o-co-reliable: the other way round would close a loop.
    ObjectiveDraft reliable = draft_from(*find_by_id(w.objectives, "o-co-reliable"));
    reliable.parent = "o-sd-fast";
    CHECK(fields_of(save_objective(w, reliable, "o-co-reliable", "", now)) == "parent");
    reliable.parent = "o-co-reliable";
    CHECK(fields_of(save_objective(w, reliable, "o-co-reliable", "", now)) == "parent");
}

TEST_CASE("entity edits: a reference the entity already had is kept as written, a new one must resolve")
{
    Workspace w = northwind();
    find_by_id(w.objectives, "o-sd-fast")->owner = "p-left-the-file";  // as a team's partial file has it

    ObjectiveDraft draft = draft_from(*find_by_id(w.objectives, "o-sd-fast"));
    draft.title = "Make every client feel heard at once";
    const Workspace after = applied(w, accepted(save_objective(w, draft, "o-sd-fast", "", now)));
    CHECK(find_by_id(after.objectives, "o-sd-fast")->owner == "p-left-the-file");

    draft.owner = "p-another-unknown";
    CHECK(fields_of(save_objective(w, draft, "o-sd-fast", "", now)) == "owner");
}

TEST_CASE("entity edits: a key result checks its numbers and dates, and leaves their sense to the coach")
{
    const Workspace w = northwind();

    KeyResultDraft broken = portal_key_result("");
    broken.objective = "o-nothing";
    broken.baseline = not_a_number;
    broken.target = infinity;
    broken.weight = -1;
    broken.deadline = "31/03/2027";
    broken.owner = "p-nobody";
    CHECK(problems_of(save_key_result(w, broken, std::nullopt, "kr-new", now)) ==
          "deadline: \"31/03/2027\" is not a day of the calendar written as YYYY-MM-DD.\n"
          "objective: There is no objective \"o-nothing\".\n"
          "title: Enter a title.\n"
          "baseline: Enter a finite number.\n"
          "target: Enter a finite number.\n"
          "weight: Enter a number of 0 or more.\n"
          "owner: There is no person \"p-nobody\".\n");

    KeyResultDraft no_objective = portal_key_result("Grow portal users from 0 to 300");
    no_objective.objective = "";
    CHECK(problems_of(save_key_result(w, no_objective, std::nullopt, "kr-new", now)) ==
          "objective: Choose an objective.\n");

    // Findings never block saving (docs/okr-method.md): a contradicting direction, a
    // deadline outside the cycle and missing numbers are saved, and the coach says so.
    KeyResultDraft odd = portal_key_result("Grow portal users from 300 to 0");
    odd.baseline = 300;
    odd.target = 0;
    odd.deadline = "2027-05-15";
    CHECK(accepted(save_key_result(w, odd, std::nullopt, "kr-odd", now)).changes.size() == 1);
    KeyResultDraft unset = portal_key_result("Grow portal users");
    unset.baseline.reset();
    unset.target.reset();
    unset.deadline = "";
    CHECK(accepted(save_key_result(w, unset, std::nullopt, "kr-unset", now)).changes.size() == 1);
}

TEST_CASE("entity edits: a KPI checks its name, team, floor and every reading")
{
    const Workspace w = northwind();

    KpiDraft draft{"", "t-nowhere", "%", KpiDirection::higher_is_better, not_a_number, {{"2027-01-31", infinity}, {"2027-13-01", 3}}};
    CHECK(problems_of(save_kpi(w, draft, std::nullopt, "k-new", now)) ==
          "readings/0/value: Enter a finite number.\n"
          "readings/1/date: \"2027-13-01\" is not a day of the calendar written as YYYY-MM-DD.\n"
          "name: Enter a name.\n"
          "team: There is no team \"t-nowhere\".\n"
          "floor: Enter a finite number.\n");
}

TEST_CASE("entity edits: a task needs a known key result, a title and a known owner")
{
    const Workspace w = northwind();

    CHECK(fields_of(save_task(w, {"kr-nothing", "", false, "p-nobody"}, std::nullopt, "task-new", now)) ==
          "key_result title owner");
    CHECK(accepted(save_task(w, {"kr-portal", "Write the portal FAQ", false, "p-eli"}, std::nullopt, "task-faq", now))
              .changes.size() == 1);
}

TEST_CASE("entity edits: a dependency links two different known objectives or KRs, once")
{
    const Workspace w = northwind();

    CHECK(problems_of(save_dependency(w, {"", "kr-nothing", ""}, std::nullopt, "dep-new", now)) ==
          "from: Choose an objective or a key result.\n"
          "to: There is no objective or key result \"kr-nothing\".\n");
    CHECK(problems_of(save_dependency(w, {"kr-nps", "kr-nps", ""}, std::nullopt, "dep-new", now)) ==
          "to: A dependency links two different objectives or key results.\n");
    CHECK(problems_of(save_dependency(w, {"kr-resolution", "kr-portal", ""}, std::nullopt, "dep-new", now)) ==
          "to: This dependency is already recorded (dep-1).\n");
    CHECK(accepted(save_dependency(w, {"kr-nps", "o-prod-portal", ""}, std::nullopt, "dep-new", now)).changes.size() ==
          1);
}

TEST_CASE("entity edits: a retrospective looks back on a closed cycle, once per team, at that team's objectives")
{
    const Workspace w = northwind();

    CHECK(problems_of(save_retrospective(w, {"c-2027q1", "t-sales", "", "", {}}, std::nullopt, "r-new", now)) ==
          "cycle: A retrospective looks back on a closed cycle; 2027 Q1 is active.\n");
    CHECK(problems_of(save_retrospective(w, {"c-2026q4", "t-servicedesk", "", "", {}}, std::nullopt, "r-new", now)) ==
          "team: This team already has a retrospective of this cycle (r-2026q4-servicedesk): edit that one.\n");
    CHECK(problems_of(save_retrospective(w, {"c-2026q4", "t-company", "", "", {"o-q4-co-margin", "o-q4-sd-backlog"}},
                                         std::nullopt, "r-new", now)) ==
          "carry_forward/1: 'Get the ticket backlog under control' is not an objective of this team in this cycle.\n");
    CHECK(fields_of(save_retrospective(w, {"", "t-nowhere", "", "", {}}, std::nullopt, "r-new", now)) == "cycle team");
}

// ---- round trips ------------------------------------------------------------------------------

TEST_CASE("entity edits: creating each kind adds it, stamped now, and revert takes it away exactly")
{
    const Workspace w = northwind();

    SUBCASE("team")
    {
        const Workspace after =
            applied_and_reverted_exactly(w, accepted(save_team(w, {"Backend", "t-engineering"}, std::nullopt, "t-backend", now)));
        REQUIRE(find_by_id(after.teams, "t-backend"));
        CHECK(find_by_id(after.teams, "t-backend")->parent == "t-engineering");
        CHECK(find_by_id(after.teams, "t-backend")->updated_at == now);
    }
    SUBCASE("person")
    {
        const Workspace after =
            applied_and_reverted_exactly(w, accepted(save_person(w, {"Fran", "fran@example.com"}, std::nullopt, "p-fran", now)));
        CHECK(find_by_id(after.people, "p-fran")->email == "fran@example.com");
    }
    SUBCASE("cycle starts as a draft")
    {
        const ChangeSet change = accepted(save_cycle(w, {"2027 Q3", "2027-07-01", "2027-09-30"}, std::nullopt, "c-2027q3", now));
        CHECK(change.summary == "Add the cycle '2027 Q3'");
        const Workspace after = applied_and_reverted_exactly(w, change);
        CHECK(find_by_id(after.cycles, "c-2027q3")->state == CycleState::draft);
        CHECK(find_by_id(after.cycles, "c-2027q3")->end == day("2027-09-30"));
    }
    SUBCASE("objective")
    {
        const Workspace after =
            applied_and_reverted_exactly(w, accepted(save_objective(w, sales_objective(), std::nullopt, "o-sales-inbound", now)));
        CHECK(find_by_id(after.objectives, "o-sales-inbound")->parent == "o-co-logistics");
        CHECK(find_by_id(after.objectives, "o-sales-inbound")->description == std::nullopt);
    }
    SUBCASE("key result")
    {
        const Workspace after = applied_and_reverted_exactly(
            w, accepted(save_key_result(w, portal_key_result("Grow weekly portal users from 0 to 300"), std::nullopt,
                                        "kr-portal-weekly", now)));
        CHECK(find_by_id(after.key_results, "kr-portal-weekly")->deadline == day("2027-03-31"));
    }
    SUBCASE("KPI")
    {
        const KpiDraft draft{"Open tickets", "t-servicedesk", "tickets", KpiDirection::lower_is_better, 120,
                             {{"2027-02-28", 97}}};
        const Workspace after = applied_and_reverted_exactly(w, accepted(save_kpi(w, draft, std::nullopt, "k-open", now)));
        CHECK(find_by_id(after.kpis, "k-open")->readings->front().value == 97);
    }
    SUBCASE("task")
    {
        applied_and_reverted_exactly(
            w, accepted(save_task(w, {"kr-portal", "Write the portal FAQ", false, "p-eli"}, std::nullopt, "task-faq", now)));
    }
    SUBCASE("dependency")
    {
        applied_and_reverted_exactly(
            w, accepted(save_dependency(w, {"kr-nps", "o-prod-portal", "Portal drives NPS"}, std::nullopt, "dep-3", now)));
    }
    SUBCASE("retrospective")
    {
        const RetrospectiveDraft draft{"c-2026q4", "t-company", "Margin moved once pricing did.", "", {"o-q4-co-margin"}};
        const Workspace after =
            applied_and_reverted_exactly(w, accepted(save_retrospective(w, draft, std::nullopt, "r-2026q4-company", now)));
        CHECK(find_by_id(after.retrospectives, "r-2026q4-company")->carry_forward == std::vector<Id>{"o-q4-co-margin"});
    }
}

TEST_CASE("entity edits: updating keeps what the form does not edit, and revert restores it exactly")
{
    const Workspace w = northwind();

    // kr-q4-csat carries a person's grade with its reason; a title fix leaves both alone.
    KeyResultDraft draft = draft_from(*find_by_id(w.key_results, "kr-q4-csat"));
    draft.title = "Raise ticket CSAT from 4.1 to 4.5 points";
    const ChangeSet change = accepted(save_key_result(w, draft, "kr-q4-csat", "ignored", now));
    CHECK(change.summary == "Edit the key result 'Raise ticket CSAT from 4.1 to 4.5 points'");

    const Workspace after = applied_and_reverted_exactly(w, change);
    const KeyResult& edited = *find_by_id(after.key_results, "kr-q4-csat");
    CHECK(edited.title == "Raise ticket CSAT from 4.1 to 4.5 points");
    CHECK(edited.final_score == 0.4);
    CHECK(edited.score_note == "Survey tool changed mid-quarter; fewer responses.");
    CHECK(edited.updated_at == now);
    CHECK(!find_by_id(after.key_results, "ignored"));
}

TEST_CASE("entity edits: saving an untouched form of each kind changes nothing")
{
    const Workspace w = northwind();

    CHECK(accepted(save_team(w, draft_from(w.teams[1]), w.teams[1].id, "", now)).empty());
    CHECK(accepted(save_person(w, draft_from(w.people[0]), w.people[0].id, "", now)).empty());
    CHECK(accepted(save_cycle(w, draft_from(w.cycles[0]), w.cycles[0].id, "", now)).empty());
    for (const Objective& objective : w.objectives)
        CHECK(accepted(save_objective(w, draft_from(objective), objective.id, "", now)).empty());
    for (const KeyResult& key_result : w.key_results)
        CHECK(accepted(save_key_result(w, draft_from(key_result), key_result.id, "", now)).empty());
    for (const Kpi& kpi : w.kpis)
        CHECK(accepted(save_kpi(w, draft_from(kpi), kpi.id, "", now)).empty());
    CHECK(accepted(save_task(w, draft_from(w.tasks[0]), w.tasks[0].id, "", now)).empty());
    CHECK(accepted(save_dependency(w, draft_from(w.dependencies[0]), w.dependencies[0].id, "", now)).empty());
    CHECK(accepted(save_retrospective(w, draft_from(w.retrospectives[0]), w.retrospectives[0].id, "", now)).empty());
}

// ---- deleting ---------------------------------------------------------------------------------

TEST_CASE("entity edits: deleting an objective takes its KRs, their check-ins, tasks and dependencies")
{
    const Workspace w = northwind();

    const DeletionPlan plan = plan_deletion(w, EntityKind::objective, "o-sales-pipeline");
    REQUIRE(plan.allowed());
    // In northwind-it.json: kr-checkins-held, kr-pipeline and kr-win-rate with 17 check-ins
    // between them, no task, and dep-2 (kr-win-rate needs o-prod-portal).
    CHECK(plan.summary == "Deletes the objective 'Build a pipeline we can count on' with its 3 key results, "
                          "17 check-ins and 1 dependency");
    CHECK(plan.removed.size() == 22);
    CHECK(plan.unlinked.empty());

    const ChangeSet change = accepted(delete_entity(w, plan, now));
    CHECK(change.summary == "Delete the objective 'Build a pipeline we can count on' with its 3 key results, "
                            "17 check-ins and 1 dependency");
    const Workspace after = applied_and_reverted_exactly(w, change);
    CHECK(!find_by_id(after.objectives, "o-sales-pipeline"));
    CHECK(!find_by_id(after.key_results, "kr-win-rate"));
    CHECK(!find_by_id(after.dependencies, "dep-2"));
    CHECK(after.check_ins.size() == w.check_ins.size() - 17);
    REQUIRE(after.deleted.size() == 22);
    CHECK(find_by_id(after.deleted, "kr-pipeline")->deleted_at == now);
}

TEST_CASE("entity edits: deleting an objective unlinks what aligns to it or was carried from it")
{
    const Workspace w = northwind();

    const DeletionPlan logistics = plan_deletion(w, EntityKind::objective, "o-co-logistics");
    CHECK(logistics.summary == "Deletes the objective 'Grow into the logistics sector' with its 2 key results and "
                               "16 check-ins; 1 objective loses its link to it");
    const Workspace after = applied_and_reverted_exactly(w, accepted(delete_entity(w, logistics, now)));
    CHECK(find_by_id(after.objectives, "o-sales-pipeline")->parent == std::nullopt);
    CHECK(find_by_id(after.objectives, "o-sales-pipeline")->updated_at == now);

    // o-q2-sd-selfservice was carried forward from o-sd-fast.
    const DeletionPlan fast = plan_deletion(w, EntityKind::objective, "o-sd-fast");
    CHECK(fast.summary == "Deletes the objective 'Make every client feel their issue is handled at once' with its "
                          "3 key results, 24 check-ins, 2 tasks and 1 dependency; 1 objective loses its link to it");
    const Workspace without_fast = applied(w, accepted(delete_entity(w, fast, now)));
    CHECK(find_by_id(without_fast.objectives, "o-q2-sd-selfservice")->carried_from == std::nullopt);
}

TEST_CASE("entity edits: deleting a key result takes its check-ins, tasks and dependencies")
{
    const Workspace w = northwind();

    const DeletionPlan plan = plan_deletion(w, EntityKind::key_result, "kr-resolution");
    CHECK(plan.summary == "Deletes the key result 'Reduce average ticket resolution time from 48 hours to 24 hours' "
                          "with its 8 check-ins, 2 tasks and 1 dependency");
    applied_and_reverted_exactly(w, accepted(delete_entity(w, plan, now)));
}

TEST_CASE("entity edits: a team or cycle that still holds history is not deleted")
{
    Workspace w = northwind();

    CHECK(plan_deletion(w, EntityKind::team, "t-sales").refusal ==
          "'Sales' still holds 1 objective: move or delete them first.");
    CHECK(plan_deletion(w, EntityKind::team, "t-company").summary ==
          "'Northwind IT' still holds 4 teams and 3 objectives: move or delete them first.");
    CHECK(plan_deletion(w, EntityKind::cycle, "c-2026q4").refusal ==
          "'2026 Q4' still holds 2 objectives and 1 retrospective: move or delete them first.");
    CHECK(std::holds_alternative<EditRefused>(delete_entity(w, plan_deletion(w, EntityKind::team, "t-sales"), now)));

    // An empty team goes; a KPI that named it stays, without a team.
    upsert_by_id(w.teams, team("t-empty", "t-company"));
    find_by_id(w.kpis, "k-churn")->team = "t-empty";
    const DeletionPlan empty = plan_deletion(w, EntityKind::team, "t-empty");
    CHECK(empty.summary == "Deletes the team 't-empty'; 1 KPI loses its link to it");
    const Workspace after = applied_and_reverted_exactly(w, accepted(delete_entity(w, empty, now)));
    CHECK(find_by_id(after.kpis, "k-churn")->team == std::nullopt);
}

TEST_CASE("entity edits: deleting a person unlinks what they own and keeps the check-ins they wrote")
{
    const Workspace w = northwind();

    const DeletionPlan plan = plan_deletion(w, EntityKind::person, "p-chloe");
    CHECK(plan.summary == "Deletes the person 'Chloé Martin'; 1 objective and 6 key results lose their link to it");
    const Workspace after = applied_and_reverted_exactly(w, accepted(delete_entity(w, plan, now)));
    CHECK(find_by_id(after.objectives, "o-sales-pipeline")->owner == std::nullopt);
    CHECK(find_by_id(after.key_results, "kr-nps")->owner == std::nullopt);
    CHECK(find_by_id(after.key_results, "kr-nps")->updated_at == now);
    const auto authored = std::count_if(after.check_ins.begin(), after.check_ins.end(),
                                        [](const CheckIn& c) { return c.author == "p-chloe"; });
    CHECK(authored == 41);
}

TEST_CASE("entity edits: deleting a KPI takes its readings and drops it from objectives")
{
    const Workspace w = northwind();

    const DeletionPlan plan = plan_deletion(w, EntityKind::kpi, "k-margin");
    CHECK(plan.summary == "Deletes the KPI 'Gross margin' with its 2 readings; 2 objectives lose their link to it");
    const Workspace after = applied_and_reverted_exactly(w, accepted(delete_entity(w, plan, now)));
    CHECK(find_by_id(after.objectives, "o-sales-pipeline")->kpis == std::vector<Id>{});
}

TEST_CASE("entity edits: tasks, dependencies and retrospectives go alone; check-ins only with their KR")
{
    const Workspace w = northwind();

    CHECK(plan_deletion(w, EntityKind::task, "task-portal-1").removed.size() == 1);
    CHECK(plan_deletion(w, EntityKind::dependency, "dep-1").summary ==
          "Deletes the dependency 'kr-resolution needs kr-portal'");
    CHECK(plan_deletion(w, EntityKind::retrospective, "r-2026q4-servicedesk").removed.size() == 1);
    CHECK(plan_deletion(w, EntityKind::task, "task-nothing").refusal == "There is no task \"task-nothing\" to delete.");

    const DeletionPlan check_in = plan_deletion(w, EntityKind::check_in, w.check_ins.front().id);
    CHECK(!check_in.allowed());
    CHECK(check_in.refusal.starts_with("Check-ins are immutable: record a correction"));
}

TEST_CASE("entity edits: a deletion planned on an older workspace is refused")
{
    const Workspace w = northwind();
    const DeletionPlan plan = plan_deletion(w, EntityKind::key_result, "kr-pipeline");

    Workspace moved_on = w;
    upsert_by_id(moved_on.check_ins, check_in("ci-new", "kr-pipeline", "2027-02-28", 1.8));
    CHECK(refused(delete_entity(moved_on, plan, now)).message ==
          "The workspace changed since this deletion was planned: review it again.");
}

TEST_CASE("entity edits: deleted entities stay deleted when an old copy merges in")
{
    const Workspace old_copy = northwind();
    const DeletionPlan plan = plan_deletion(old_copy, EntityKind::objective, "o-sales-pipeline");
    const Workspace deleted = applied(old_copy, accepted(delete_entity(old_copy, plan, now)));

    for (const Workspace& merged : {merge_workspaces(deleted, old_copy).merged, merge_workspaces(old_copy, deleted).merged}) {
        CHECK(text_of(merged) == text_of(deleted));
        CHECK(!find_by_id(merged.objectives, "o-sales-pipeline"));
        CHECK(!find_by_id(merged.key_results, "kr-checkins-held"));
        CHECK(!find_by_id(merged.dependencies, "dep-2"));
    }
}

TEST_CASE("entity edits: deleting an id deleted before renews its tombstone, and revert restores the old one")
{
    Workspace w = northwind();
    upsert_by_id(w.deleted, tombstone("task-portal-1", at("2026-12-01T00:00:00.000Z")));

    const ChangeSet change = accepted(delete_entity(w, plan_deletion(w, EntityKind::task, "task-portal-1"), now));
    const Workspace after = applied_and_reverted_exactly(w, change);
    CHECK(after.deleted.size() == 1);
    CHECK(after.deleted.front().deleted_at == now);
}

// ---- the parent picker ------------------------------------------------------------------------

TEST_CASE("entity edits: parent candidates offer the enclosing teams' objectives first, same cycle only")
{
    Workspace w = northwind();

    const auto for_sales = parent_candidates(w, "t-sales", "c-2027q1", std::nullopt);
    CHECK(ids_of(for_sales) == std::vector<Id>{"o-co-reliable", "o-co-logistics", "o-eng-automation", "o-prod-portal",
                                               "o-sd-fast"});
    CHECK(for_sales.front().levels_up == 1);
    CHECK(for_sales.front().team_name == "Northwind IT");
    CHECK(for_sales.back().levels_up == 0);

    // A team below Sales sees Sales first, then the company.
    upsert_by_id(w.teams, team("t-sales-emea", "t-sales"));
    const auto for_emea = parent_candidates(w, "t-sales-emea", "c-2027q1", std::nullopt);
    CHECK(ids_of(for_emea) == std::vector<Id>{"o-sales-pipeline", "o-co-reliable", "o-co-logistics",
                                              "o-eng-automation", "o-prod-portal", "o-sd-fast"});
    CHECK(for_emea[0].levels_up == 1);
    CHECK(for_emea[1].levels_up == 2);

    CHECK(ids_of(parent_candidates(w, "t-sales", "c-2027q2", std::nullopt)) == std::vector<Id>{"o-q2-sd-selfservice"});
}

TEST_CASE("entity edits: parent candidates never offer the objective itself or one aligned below it")
{
    Workspace w = northwind();
    // A grandchild of o-co-reliable: o-deep -> o-sd-fast -> o-co-reliable.
    upsert_by_id(w.teams, team("t-desk-emea", "t-servicedesk"));
    Objective deep = objective("o-deep", "c-2027q1", "t-desk-emea", "Answer EMEA clients at once");
    deep.parent = "o-sd-fast";
    upsert_by_id(w.objectives, deep);

    const auto candidates = parent_candidates(w, "t-company", "c-2027q1", "o-co-reliable");
    CHECK(ids_of(candidates) == std::vector<Id>{"o-prod-portal", "o-sales-pipeline"});

    // Every candidate offered saves without a loop.
    for (const ParentCandidate& candidate : candidates) {
        ObjectiveDraft draft = draft_from(*find_by_id(w.objectives, "o-co-reliable"));
        draft.parent = candidate.objective;
        CHECK(accepted(save_objective(w, draft, "o-co-reliable", "", now)).changes.size() == 1);
    }
}

// ---- the coach while typing -------------------------------------------------------------------

TEST_CASE("entity edits: findings for a KR draft flag an activity title and stop once it names an outcome")
{
    const Workspace w = northwind();

    const auto activity = findings_for_draft(w, portal_key_result("Hold 10 client demos of the portal"), std::nullopt, today);
    CHECK(rules_of(activity) == std::vector<std::string>{"kr-activity"});
    CHECK(activity.front().entity.collection == "key_results");

    const auto outcome = findings_for_draft(w, portal_key_result("Grow weekly portal users from 0 to 300"), std::nullopt, today);
    CHECK(rules_of(outcome).empty());

    // The same for the sample's own activity-like KR, edited in place.
    KeyResultDraft held = draft_from(*find_by_id(w.key_results, "kr-checkins-held"));
    CHECK(has_rule(findings_for_draft(w, held, "kr-checkins-held", today), "kr-activity"));
    held.title = "Lift client retention from 78% to 90%";
    CHECK(!has_rule(findings_for_draft(w, held, "kr-checkins-held", today), "kr-activity"));
}

TEST_CASE("entity edits: findings for a KR draft name a contradicting range, a late deadline and its objective's count")
{
    const Workspace w = northwind();

    KeyResultDraft odd = portal_key_result("Grow weekly portal users from 300 to 0");
    odd.baseline = 300;
    odd.target = 0;
    odd.deadline = "2027-05-15";
    CHECK(rules_of(findings_for_draft(w, odd, std::nullopt, today)) ==
          std::vector<std::string>{"kr-invalid-range", "kr-deadline-outside"});

    // o-prod-portal has one KR: the coach warns about it while a second one is not there.
    CHECK(findings_for_draft(w, draft_from(*find_by_id(w.key_results, "kr-portal-mau")), "kr-portal-mau", today)
              .front()
              .rule == "kr-count");
    CHECK(findings_for_draft(w, portal_key_result("Hold 10 demos"), "kr-nothing", today).empty());
}

TEST_CASE("entity edits: findings for an objective draft follow its alignment, title and its team's count")
{
    const Workspace w = northwind();

    ObjectiveDraft draft = sales_objective();
    draft.parent.reset();
    draft.title = "Grow the pipeline by 20%";
    const auto findings = findings_for_draft(w, draft, std::nullopt, today);
    CHECK(rules_of(findings) == std::vector<std::string>{"kr-count", "objective-numeric", "not-aligned"});

    draft.parent = "o-co-logistics";
    draft.title = "Make logistics prospects come to us";
    CHECK(rules_of(findings_for_draft(w, draft, std::nullopt, today)) == std::vector<std::string>{"kr-count"});

    // With a third company objective in 2027 Q1, a fourth is one too many.
    Workspace crowded = w;
    upsert_by_id(crowded.objectives, objective("o-co-third", "c-2027q1", "t-company", "Be a great place to work"));
    ObjectiveDraft fourth = sales_objective();
    fourth.team = "t-company";
    fourth.parent.reset();
    CHECK(has_rule(findings_for_draft(crowded, fourth, std::nullopt, today), "objective-count"));
    CHECK(!has_rule(findings_for_draft(w, fourth, std::nullopt, today), "objective-count"));
}
