// What must hold for every merge (docs/file-format.md, "Merge"), checked on random edit
// histories: a seeded base workspace, three copies of it edited apart (and now and then one
// copy merging another midway), then merged in several orders.
//
// The copies share one clock range, so two copies often stamp different edits with the same
// instant: that is where ties, conflicts and tombstones meet. Unknown top-level fields are
// changed, added and dropped on the copies too.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/merge.hpp"
#include "workspace_builder.hpp"

using namespace okr;
using namespace okr::test;

namespace {

constexpr uint32_t histories = 200;

class Dice {
public:
    explicit Dice(uint32_t seed) : engine_(seed) {}

    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(engine_); }
    bool one_in(int n) { return below(n) == 0; }

    template <std::size_t N>
    const char* pick(const char* const (&choices)[N])
    {
        return choices[below(static_cast<int>(N))];
    }

    // Half the time the first entity, so that copies often edit the same one.
    template <typename Entity>
    Entity* any(std::vector<Entity>& collection)
    {
        if (collection.empty())
            return nullptr;
        if (one_in(2))
            return &collection.front();
        return &collection[static_cast<std::size_t>(below(static_cast<int>(collection.size())))];
    }

private:
    std::mt19937 engine_;
};

// Few choices, so that two copies often make the very same edit.
const char* const titles[] = {"Alpha", "Beta", "Gamma"};
const char* const names[] = {"Base", "Renamed", "Other"};
const char* const settings[] = {"plain", "dark", "light"};
const char* const new_objectives[] = {"o-n1", "o-n2", "o-gone"};

// ---- the base ------------------------------------------------------------------------------

// Base entities are stamped minutes 0-3; every edit on a copy comes at minute 3 or later.
Timestamp early(Dice& dice)
{
    return minute(dice.below(4));
}

std::string numbered(const char* prefix, int n)
{
    return prefix + std::to_string(n);
}

void add_base_cascade(Dice& dice, Workspace& w)
{
    for (int i = 2; i <= 3; ++i) {
        Objective o = objective(numbered("o-", i), "c-q1", "t-1", dice.pick(titles));
        o.updated_at = early(dice);
        upsert_by_id(w.objectives, o);
    }
    for (int i = 1; i <= 4; ++i) {
        const Id parent = numbered("o-", 1 + dice.below(3));
        KeyResult kr = key_result(numbered("kr-", i), Direction::increase, 0, 10, parent);
        kr.updated_at = early(dice);
        upsert_by_id(w.key_results, kr);
    }
    for (int i = 1; i <= 2; ++i) {
        Task t = task(numbered("ta-", i), numbered("kr-", 1 + dice.below(4)), dice.one_in(2));
        t.updated_at = early(dice);
        upsert_by_id(w.tasks, t);
    }
}

Workspace random_base(Dice& dice)
{
    Workspace w = quarter();
    w.info = {"w-1", "Base", minute(0), Preserved::object()};
    w.preserved = {{"x-settings", "plain"}};
    add_base_cascade(dice, w);
    for (int i = 1; i <= 6; ++i)
        upsert_by_id(w.check_ins, check_in_at(numbered("ci-", i), numbered("kr-", 1 + dice.below(4)),
                                              dice.below(10), early(dice)));
    if (dice.one_in(2))
        upsert_by_id(w.deleted, tombstone("o-gone", early(dice)));
    return w;
}

// ---- one copy's edits ----------------------------------------------------------------------

struct Copy {
    Workspace w;
    int clock = 3;  // minutes; each edit moves it on by 0 or 1
};

template <typename Entity>
void retitle_any(Dice& dice, Copy& copy, std::vector<Entity>& collection)
{
    if (Entity* entity = dice.any(collection)) {
        entity->title = dice.pick(titles);
        entity->updated_at = minute(copy.clock);
    }
}

template <typename Entity>
void delete_any(Dice& dice, Copy& copy, std::vector<Entity>& collection)
{
    if (const Entity* entity = dice.any(collection))
        delete_entity(copy.w, collection, Id(entity->id), minute(copy.clock));
}

// Check-ins are never rewritten: a copy records only ids it does not hold.
void record_check_in(Dice& dice, Copy& copy, const char* prefix, std::optional<Id> corrects)
{
    const Id id = numbered(prefix, dice.below(6));
    if (find_by_id(copy.w.check_ins, id))
        return;
    CheckIn c = check_in_at(id, numbered("kr-", 1 + dice.below(4)), dice.below(10), minute(copy.clock));
    c.corrects = std::move(corrects);
    upsert_by_id(copy.w.check_ins, c);
}

void add_objective(Dice& dice, Copy& copy)
{
    Objective o = objective(dice.pick(new_objectives), "c-q1", "t-1", dice.pick(titles));
    o.updated_at = minute(copy.clock);
    if (!find_by_id(copy.w.objectives, o.id))
        upsert_by_id(copy.w.objectives, o);
}

void touch_workspace(Dice& dice, Copy& copy)
{
    copy.w.info.name = dice.pick(names);
    copy.w.info.updated_at = minute(copy.clock);
    copy.w.preserved["x-settings"] = dice.pick(settings);
    if (dice.one_in(3))
        copy.w.preserved.erase("x-extra");
    else if (dice.one_in(2))
        copy.w.preserved["x-extra"] = dice.pick(settings);
}

void edit_once(Dice& dice, Copy& copy)
{
    copy.clock += dice.below(2);
    Workspace& w = copy.w;
    switch (dice.below(11)) {
    case 0: retitle_any(dice, copy, w.objectives); break;
    case 1: retitle_any(dice, copy, w.key_results); break;
    case 2: retitle_any(dice, copy, w.tasks); break;
    case 3: record_check_in(dice, copy, "ci-n", std::nullopt); break;
    case 4:
        if (const CheckIn* corrected = dice.any(w.check_ins))
            record_check_in(dice, copy, "ci-c", corrected->id);
        break;
    case 5: delete_any(dice, copy, w.objectives); break;
    case 6: delete_any(dice, copy, w.key_results); break;
    case 7: delete_any(dice, copy, w.check_ins); break;
    case 8: delete_any(dice, copy, w.tasks); break;
    case 9: add_objective(dice, copy); break;
    default: touch_workspace(dice, copy); break;
    }
}

void edit(Dice& dice, Copy& copy)
{
    for (int n = dice.below(7); n > 0; --n)
        edit_once(dice, copy);
}

struct Copies {
    Workspace a, b, c;
};

Copies random_copies(uint32_t seed)
{
    Dice dice(seed);
    const Workspace base = random_base(dice);
    Copy a{base}, b{base}, c{base};
    edit(dice, a);
    edit(dice, b);
    // Now and then a copy takes in another midway; its clock then starts after both.
    if (dice.one_in(3)) {
        b.w = merge_workspaces(b.w, a.w).merged;
        b.clock = std::max(a.clock, b.clock);
    }
    edit(dice, b);
    edit(dice, c);
    return {a.w, b.w, c.w};
}

// ---- what is checked -----------------------------------------------------------------------
//
// Each history is merged once pairwise and each check reuses those merges: the checks run
// under the sanitizers in CI, where writing out a workspace is what costs the time.

Workspace merged(const Workspace& ours, const Workspace& theirs)
{
    return merge_workspaces(ours, theirs).merged;
}

struct History {
    explicit History(uint32_t seed)
        : x(random_copies(seed)), ab(merge_workspaces(x.a, x.b)), abc(merged(ab.merged, x.c)), a_text(text_of(x.a)),
          ab_text(text_of(ab.merged))
    {
    }

    Copies x;
    MergeResult ab;
    Workspace abc;  // (A + B) + C
    std::string a_text;
    std::string ab_text;
};

void check_commutative(const History& h)
{
    CHECK_MESSAGE(text_of(merged(h.x.b, h.x.a)) == h.ab_text, "A + B differs from B + A");
}

void check_associative(const History& h)
{
    CHECK_MESSAGE(text_of(h.abc) == text_of(merged(h.x.a, merged(h.x.b, h.x.c))),
                  "(A + B) + C differs from A + (B + C)");
}

void check_idempotent(const History& h)
{
    const MergeResult same = merge_workspaces(h.x.a, h.x.a);
    CHECK_MESSAGE(text_of(same.merged) == h.a_text, "A + A differs from A");
    CHECK(same.notes.empty());
    CHECK(same.changes.empty());

    const MergeResult again = merge_workspaces(h.ab.merged, h.x.b);
    CHECK_MESSAGE(text_of(again.merged) == h.ab_text, "(A + B) + B differs from A + B");
    CHECK(again.changes.empty());
}

void check_check_ins_kept(const Workspace& input, const Workspace& result)
{
    for (const CheckIn& check_in : input.check_ins) {
        const Tombstone* tombstone = find_by_id(result.deleted, check_in.id);
        const bool deleted_later = tombstone && tombstone->deleted_at > check_in.recorded_at;
        CAPTURE(check_in.id);
        CHECK_MESSAGE((find_by_id(result.check_ins, check_in.id) || deleted_later),
                      "a check-in was lost that no newer tombstone names");
    }
}

void check_no_check_in_lost(const History& h)
{
    for (const Workspace* input : {&h.x.a, &h.x.b, &h.x.c})
        check_check_ins_kept(*input, h.abc);
    check_check_ins_kept(h.x.a, h.ab.merged);
    check_check_ins_kept(h.x.b, h.ab.merged);
}

// Applying the change set to ours gives the merge, reverting it gives ours back. The header
// has no place in a change set; it travels in `merged`.
void check_one_undoable_step(const History& h)
{
    Workspace w = h.x.a;
    apply(w, h.ab.changes);
    w.info = h.ab.merged.info;
    w.preserved = h.ab.merged.preserved;
    CHECK_MESSAGE(text_of(w) == h.ab_text, "the change set does not lead from A to A + B");

    revert(w, h.ab.changes);
    w.info = h.x.a.info;
    w.preserved = h.x.a.preserved;
    CHECK_MESSAGE(text_of(w) == h.a_text, "reverting the change set does not give A back");
}

std::string key_of(const std::string& collection, const Id& id)
{
    return collection + "/" + id;
}

// Every entity change has its note, and every added, changed or deleted note its change.
void check_notes_match_changes(const MergeResult& result)
{
    std::set<std::string> changed;
    for (const Change& change : result.changes.changes) {
        const AnyEntity& entity = change.after ? *change.after : *change.before;
        if (collection_of(entity) != std::string("deleted"))
            changed.insert(key_of(collection_of(entity), id_of(entity)));
    }

    std::set<std::string> noted;
    for (const EntityMergeNote& note : result.notes) {
        noted.insert(key_of(note.collection, note.id));
        if (note.outcome != MergeOutcome::conflict)
            CHECK_MESSAGE(changed.count(key_of(note.collection, note.id)) == 1, "a note without its change");
    }
    CHECK_MESSAGE(std::includes(noted.begin(), noted.end(), changed.begin(), changed.end()),
                  "a change without its note");
}

// Sorted by collection, in the file's order, then by id.
void check_notes_in_order(const MergeResult& result)
{
    const std::vector<std::string> order = {"teams", "people", "cycles", "objectives", "key_results", "check_ins",
                                            "kpis", "tasks", "dependencies", "retrospectives"};
    const auto rank = [&](const EntityMergeNote& note) {
        return std::pair{std::find(order.begin(), order.end(), note.collection) - order.begin(), note.id};
    };
    CHECK(std::is_sorted(result.notes.begin(), result.notes.end(),
                         [&](const auto& x, const auto& y) { return rank(x) < rank(y); }));
}

}  // namespace

TEST_CASE("merge properties on random edit histories: commutative, associative, idempotent, no check-in lost, "
          "one undoable step")
{
    for (uint32_t seed = 0; seed < histories; ++seed) {
        CAPTURE(seed);
        const History h(seed);
        check_commutative(h);
        check_associative(h);
        check_idempotent(h);
        check_no_check_in_lost(h);
        check_one_undoable_step(h);
        check_notes_match_changes(h.ab);
        check_notes_in_order(h.ab);
    }
}

