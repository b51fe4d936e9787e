// The cycle workflow: docs/okr-method.md, "Cycle workflow". Every step is a ChangeSet the
// caller applies; a refused step is a message.

#include <doctest/doctest.h>

#include "core/cycle_workflow.hpp"
#include "core/model.hpp"
#include "method_support.hpp"

using namespace okr;
using namespace okr::test;

namespace {

const Timestamp now = at("2027-04-01T09:00:00.000Z");

ChangeSet accepted(const EditResult& result)
{
    if (const auto* refused = std::get_if<EditRefused>(&result))
        FAIL("refused: " << refused->message);
    return std::get<ChangeSet>(result);
}

std::string refusal(const EditResult& result)
{
    const auto* refused = std::get_if<EditRefused>(&result);
    return refused ? refused->message : "(accepted)";
}

// Q1 active with o-1 and its KRs, Q2 draft.
Workspace two_quarters()
{
    Workspace w = quarter();
    w.cycles.front().name = "2027 Q1";
    Cycle q2 = cycle("c-q2", "2027-04-01", "2027-06-30", CycleState::draft);
    q2.name = "2027 Q2";
    upsert_by_id(w.cycles, q2);

    upsert_by_id(w.key_results, key_result("kr-1", Direction::increase, 0, 100));
    upsert_by_id(w.check_ins, check_in("ci-1", "kr-1", "2027-03-20", 66));
    upsert_by_id(w.key_results, key_result("kr-2", Direction::milestone, 0, 1));
    upsert_by_id(w.tasks, task("task-1", "kr-2", true));
    upsert_by_id(w.tasks, task("task-2", "kr-2", false));
    return w;
}

}  // namespace

TEST_CASE("activate turns a draft cycle active and can be undone")
{
    Workspace w = two_quarters();
    const Workspace before = w;
    const ChangeSet change = accepted(activate_cycle(w, "c-q2", now));
    CHECK(change.summary == "Activate 2027 Q2");

    apply(w, change);
    CHECK(find_by_id(w.cycles, "c-q2")->state == CycleState::active);
    CHECK(find_by_id(w.cycles, "c-q2")->updated_at == now);
    revert(w, change);
    CHECK(find_by_id(w.cycles, "c-q2")->state == CycleState::draft);
    CHECK(find_by_id(w.cycles, "c-q2")->updated_at == before.cycles[1].updated_at);
}

TEST_CASE("activate refuses anything but a draft cycle with sound dates")
{
    Workspace w = two_quarters();
    upsert_by_id(w.cycles, cycle("c-bad", "2027-06-30", "2027-04-01", CycleState::draft));
    upsert_by_id(w.cycles, cycle("c-old", "2026-10-01", "2026-12-31", CycleState::closed));
    CHECK(refusal(activate_cycle(w, "c-q1", now)) == "2027 Q1 is active: only a draft cycle can be activated");
    CHECK(refusal(activate_cycle(w, "c-old", now)) == "c-old is closed: only a draft cycle can be activated");
    CHECK(refusal(activate_cycle(w, "c-bad", now)) == "c-bad ends before it starts: correct its dates first");
    CHECK(refusal(activate_cycle(w, "c-none", now)) == "there is no cycle c-none");
}

TEST_CASE("close freezes computed final scores, keeps overrides and leaves unmeasurable KRs unscored")
{
    Workspace w = two_quarters();
    KeyResult overridden = key_result("kr-3", Direction::increase, 0, 10);
    overridden.final_score = 0.4;
    overridden.score_note = "Survey tool changed";
    upsert_by_id(w.key_results, overridden);
    upsert_by_id(w.key_results, key_result("kr-4", Direction::increase, 5, 5));
    const Workspace before = w;

    const ChangeSet change = accepted(close_cycle(w, "c-q1", now));
    CHECK(change.summary == "Close 2027 Q1: 2 final scores frozen, 1 KR without a score (not measurable)");
    apply(w, change);

    CHECK(find_by_id(w.cycles, "c-q1")->state == CycleState::closed);
    CHECK(*find_by_id(w.key_results, "kr-1")->final_score == 0.7);  // 66 of 100
    CHECK(*find_by_id(w.key_results, "kr-2")->final_score == 0.5);  // 1 of 2 tasks
    CHECK(*find_by_id(w.key_results, "kr-3")->final_score == 0.4);
    CHECK_FALSE(find_by_id(w.key_results, "kr-4")->final_score);
    CHECK(find_by_id(w.key_results, "kr-1")->updated_at == now);

    revert(w, change);
    CHECK(find_by_id(w.cycles, "c-q1")->state == CycleState::active);
    CHECK_FALSE(find_by_id(w.key_results, "kr-1")->final_score);
}

TEST_CASE("close refuses a cycle that is not active")
{
    const Workspace w = two_quarters();
    CHECK(refusal(close_cycle(w, "c-q2", now)) == "2027 Q2 is draft: only an active cycle can be closed");
    CHECK(refusal(close_cycle(w, "c-x", now)) == "there is no cycle c-x");
}

TEST_CASE("an override sets the score with its reason; a blank note or a score outside [0, 1] is refused")
{
    Workspace w = two_quarters();
    const ChangeSet change = accepted(override_final_score(w, "kr-1", 0.5, "Market collapsed in March", now));
    apply(w, change);
    const KeyResult& kr = *find_by_id(w.key_results, "kr-1");
    CHECK(*kr.final_score == 0.5);
    CHECK(*kr.score_note == "Market collapsed in March");

    const char* blank = "grading is a judgement: write down why the score differs from the computed one";
    CHECK(refusal(override_final_score(w, "kr-1", 0.5, "  ", now)) == blank);
    CHECK(refusal(override_final_score(w, "kr-1", 1.1, "why", now)) == "a score lies between 0 and 1");
    CHECK(refusal(override_final_score(w, "kr-1", -0.1, "why", now)) == "a score lies between 0 and 1");
    CHECK(refusal(override_final_score(w, "kr-1", std::nan(""), "why", now)) == "a score lies between 0 and 1");
    CHECK(refusal(override_final_score(w, "kr-9", 0.5, "why", now)) == "there is no key result kr-9");
}

TEST_CASE("carry forward copies an objective as a draft, re-baselined, with a link back")
{
    Workspace w = two_quarters();
    const ChangeSet change = accepted(carry_forward(w, {"o-1"}, "c-q2", now));
    CHECK(change.summary == "Carry 1 objective forward into 2027 Q2");
    apply(w, change);

    const Objective* copy = find_by_id(w.objectives, "o-1.c-q2");
    REQUIRE(copy);
    CHECK(copy->cycle == "c-q2");
    CHECK(*copy->carried_from == "o-1");
    CHECK(copy->title == "Delight our clients");
    CHECK(copy->updated_at == now);

    const KeyResult* measured = find_by_id(w.key_results, "kr-1.c-q2");
    REQUIRE(measured);
    CHECK(measured->objective == "o-1.c-q2");
    CHECK(*measured->baseline == 66);
    CHECK(*measured->target == 100);
    CHECK(*measured->deadline == day("2027-06-30"));
    CHECK_FALSE(measured->final_score);

    const KeyResult* milestone = find_by_id(w.key_results, "kr-2.c-q2");
    REQUIRE(milestone);
    CHECK(*milestone->baseline == 0);
    CHECK(*milestone->target == 1);

    CHECK(find_by_id(w.tasks, "task-2.c-q2")->key_result == "kr-2.c-q2");  // open task comes along
    CHECK_FALSE(find_by_id(w.tasks, "task-1.c-q2"));                       // done task stays

    revert(w, change);
    CHECK_FALSE(find_by_id(w.objectives, "o-1.c-q2"));
    CHECK(w.key_results.size() == 2);
}

TEST_CASE("carry forward scores and overrides do not travel with the copy")
{
    Workspace w = two_quarters();
    find_by_id(w.key_results, "kr-1")->final_score = 0.7;
    find_by_id(w.key_results, "kr-1")->score_note = "close call";
    apply(w, accepted(carry_forward(w, {"o-1"}, "c-q2", now)));
    CHECK_FALSE(find_by_id(w.key_results, "kr-1.c-q2")->score_note);
    CHECK_FALSE(find_by_id(w.key_results, "kr-1.c-q2")->final_score);
}

TEST_CASE("carried ids are deterministic and never collide with an entity or a tombstone")
{
    Workspace w = two_quarters();
    upsert_by_id(w.objectives, objective("o-1.c-q2", "c-q1"));
    upsert_by_id(w.deleted, Tombstone{"o-1.c-q2-2", now, Preserved::object()});

    const ChangeSet first = accepted(carry_forward(w, {"o-1"}, "c-q2", now));
    const ChangeSet second = accepted(carry_forward(w, {"o-1"}, "c-q2", now));
    REQUIRE(first.changes.size() == second.changes.size());
    for (size_t i = 0; i < first.changes.size(); ++i)
        CHECK(id_of(*first.changes[i].after) == id_of(*second.changes[i].after));
    CHECK(id_of(*first.changes.front().after) == "o-1.c-q2-3");
}

TEST_CASE("derived ids stay within 64 characters and apart")
{
    const Workspace w = two_quarters();
    const Id long_a(60, 'a');
    const Id long_b = Id(59, 'a') + "b";
    const Id a = derived_id(w, long_a, "c-2027q2", {});
    const Id b = derived_id(w, long_b, "c-2027q2", {});
    CHECK(a.size() == 64);
    CHECK(is_valid_id(a));
    CHECK(is_valid_id(b));
    CHECK(a != b);
    CHECK(derived_id(w, long_a, "c-2027q2", {a}) != a);
    CHECK(derived_id(w, "o-1", "c-q2", {}) == "o-1.c-q2");
}

TEST_CASE("carry forward keeps, moves or drops the parent link")
{
    Workspace w = two_quarters();
    upsert_by_id(w.cycles, cycle("c-2027", "2027-01-01", "2027-12-31"));
    upsert_by_id(w.objectives, objective("o-year", "c-2027", "t-company"));
    upsert_by_id(w.objectives, objective("o-parent", "c-q1", "t-company"));
    Objective kept = objective("o-kept");
    kept.parent = "o-year";  // yearly cycle overlaps Q2: stays
    Objective moved = objective("o-moved");
    moved.parent = "o-parent";  // carried together: follows its parent's copy
    Objective dropped = objective("o-dropped");
    dropped.parent = "o-q1-only";  // parent stays behind in Q1: dropped
    upsert_by_id(w.objectives, objective("o-q1-only", "c-q1", "t-company"));
    for (const Objective& o : {kept, moved, dropped})
        upsert_by_id(w.objectives, o);

    apply(w, accepted(carry_forward(w, {"o-kept", "o-moved", "o-parent", "o-dropped"}, "c-q2", now)));
    CHECK(*find_by_id(w.objectives, "o-kept.c-q2")->parent == "o-year");
    CHECK(*find_by_id(w.objectives, "o-moved.c-q2")->parent == "o-parent.c-q2");
    CHECK_FALSE(find_by_id(w.objectives, "o-dropped.c-q2")->parent);
}

TEST_CASE("carry forward refuses what it cannot do, as a whole")
{
    Workspace w = two_quarters();
    upsert_by_id(w.objectives, objective("o-q2", "c-q2"));
    CHECK(refusal(carry_forward(w, {"o-1"}, "c-q1", now)) ==
          "2027 Q1 is active: objectives are carried forward into a draft cycle");
    CHECK(refusal(carry_forward(w, {"o-1", "o-x"}, "c-q2", now)) == "there is no objective o-x");
    CHECK(refusal(carry_forward(w, {"o-q2"}, "c-q2", now)) == "'Delight our clients' is already in 2027 Q2");
    CHECK(refusal(carry_forward(w, {}, "c-q2", now)) == "choose at least one objective to carry forward");
    CHECK(refusal(carry_forward(w, {"o-1"}, "c-q9", now)) == "there is no cycle c-q9");

    apply(w, accepted(carry_forward(w, {"o-1"}, "c-q2", now)));
    CHECK(refusal(carry_forward(w, {"o-1"}, "c-q2", now)) ==
          "'Delight our clients' was already carried forward into 2027 Q2 as o-1.c-q2");
}

TEST_CASE("quarters run January-March, April-June, July-September, October-December")
{
    struct Row {
        const char* day;
        int year;
        int number;
        const char* first;
        const char* last;
    };
    const Row rows[] = {
        {"2027-01-01", 2027, 1, "2027-01-01", "2027-03-31"}, {"2027-03-31", 2027, 1, "2027-01-01", "2027-03-31"},
        {"2027-04-01", 2027, 2, "2027-04-01", "2027-06-30"}, {"2027-08-15", 2027, 3, "2027-07-01", "2027-09-30"},
        {"2027-12-31", 2027, 4, "2027-10-01", "2027-12-31"}, {"2028-02-29", 2028, 1, "2028-01-01", "2028-03-31"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.day);
        const Quarter quarter = quarter_of(*Date::parse(row.day));
        CHECK(quarter.year == row.year);
        CHECK(quarter.number == row.number);
        CHECK(first_day_of(quarter).to_string() == row.first);
        CHECK(last_day_of(quarter).to_string() == row.last);
    }
    CHECK(name_of(Quarter{2027, 3}) == "2027 Q3");
    CHECK(quarter_after(Quarter{2027, 3}) == Quarter{2027, 4});
    CHECK(quarter_after(Quarter{2027, 4}) == Quarter{2028, 1});
}

TEST_CASE("the next quarter to plan follows the cycle that ends last")
{
    Workspace w = two_quarters();  // Q1 active, Q2 draft
    CycleDraft draft = next_quarter_draft(w, *Date::parse("2027-03-03"));
    CHECK(draft.name == "2027 Q3");
    CHECK(draft.start == "2027-07-01");
    CHECK(draft.end == "2027-09-30");

    // A cycle running past a quarter's end pushes the plan one quarter further, so the
    // planned one overlaps nothing.
    upsert_by_id(w.cycles, cycle("c-long", "2027-07-01", "2027-10-15", CycleState::draft));
    draft = next_quarter_draft(w, *Date::parse("2027-03-03"));
    CHECK(draft.name == "2028 Q1");
    CHECK(draft.start == "2028-01-01");
    CHECK(draft.end == "2028-03-31");

    // Without cycles: the quarter holding today.
    draft = next_quarter_draft(Workspace{}, *Date::parse("2027-05-20"));
    CHECK(draft.name == "2027 Q2");
    CHECK(draft.start == "2027-04-01");
    CHECK(draft.end == "2027-06-30");
}

TEST_CASE("a new cycle's id reads like its name and is free everywhere")
{
    Workspace w = two_quarters();
    CHECK(new_cycle_id(w, "2027 Q3") == "c-2027q3");
    CHECK(new_cycle_id(w, "Q2") == "c-q2-2");  // c-q2 is taken
    CHECK(new_cycle_id(w, "Été ✓") == "c-t");
    CHECK(new_cycle_id(w, "—") == "c-cycle");
    w.deleted.push_back(Tombstone{"c-2027q3", at("2027-02-01T00:00:00.000Z")});
    CHECK(new_cycle_id(w, "2027 Q3") == "c-2027q3-2");
}
