// Merging two copies of a workspace: docs/file-format.md, "Merge". The samples first (the
// sales team's offline copy merged into the IT department's file), then a table of small
// cases (base, ours, theirs, expected), then the notes a person reads before accepting.

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "core/merge.hpp"
#include "workspace_builder.hpp"

using namespace okr;
using namespace okr::test;
using nlohmann::json;

namespace {

// One line per note, "outcome collection/id", so a failing check shows all of them.
std::string lines(const std::vector<EntityMergeNote>& notes)
{
    std::string text;
    for (const EntityMergeNote& note : notes)
        text += std::string(to_string(note.outcome)) + " " + note.collection + "/" + note.id + "\n";
    return text;
}

std::string fields(const std::vector<FieldDifference>& differences)
{
    std::string text;
    for (const FieldDifference& difference : differences)
        text += (text.empty() ? "" : " ") + difference.field;
    return text;
}

const EntityMergeNote* note_on(const MergeResult& result, const Id& id)
{
    for (const EntityMergeNote& note : result.notes)
        if (note.id == id)
            return &note;
    return nullptr;
}

// Applies a merge's change set to `ours`, with the header it cannot carry taken from the merge.
Workspace applied(Workspace ours, const MergeResult& result)
{
    apply(ours, result.changes);
    ours.version = result.merged.version;
    ours.info = result.merged.info;
    ours.preserved = result.merged.preserved;
    return ours;
}

// ---- the samples -------------------------------------------------------------------------

struct SampleMerge {
    Workspace ours = sample("northwind-it.json");
    Workspace theirs = sample("northwind-sales-offline.json");
    MergeResult result = merge_workspaces(ours, theirs);
};

json& entity_in(json& file, const char* collection, const char* id)
{
    for (json& entity : file[collection])
        if (entity["id"] == id)
            return entity;
    FAIL("no " << id << " in " << collection);
    return file;
}

void insert_sorted(json& array, json entity)
{
    auto at = array.begin();
    while (at != array.end() && (*at)["id"].get<std::string>() < entity["id"].get<std::string>())
        ++at;
    array.insert(at, std::move(entity));
}

void erase_id(json& array, const char* id)
{
    for (auto it = array.begin(); it != array.end(); ++it)
        if ((*it)["id"] == id) {
            array.erase(it);
            return;
        }
    FAIL("no " << id);
}

// The IT file with, by hand, exactly what the sales copy brings (read off the two files):
// its newer objective title, its tombstone of kr-checkins-held, its new KR and check-ins,
// and its later workspace updated_at. kr-win-rate keeps our target of 25: both copies
// stamped it 2027-01-04T08:00, and `"target":25` sorts after `"target":24`.
json expected_sample_merge()
{
    json it = json::parse(read_sample("northwind-it.json"));
    json sales = json::parse(read_sample("northwind-sales-offline.json"));

    it["workspace"]["updated_at"] = "2027-03-03T11:00:00.000Z";
    json& objective = entity_in(it, "objectives", "o-sales-pipeline");
    objective["title"] = "Build a pipeline we can count on, in logistics first";
    objective["updated_at"] = "2027-03-03T11:00:00.000Z";

    erase_id(it["key_results"], "kr-checkins-held");
    insert_sorted(it["key_results"], entity_in(sales, "key_results", "kr-logistics-meetings"));
    for (const char* id : {"ci-logistics-meetings-01", "ci-pipeline-09", "ci-win-rate-09"})
        insert_sorted(it["check_ins"], entity_in(sales, "check_ins", id));
    it["deleted"] = json::array({{{"id", "kr-checkins-held"}, {"deleted_at", "2027-03-03T11:00:00.000Z"}}});
    return it;
}

}  // namespace

TEST_CASE("the offline sales copy merged into the IT file: each entity's outcome")
{
    const SampleMerge m;
    CHECK(lines(m.result.notes) == "changed objectives/o-sales-pipeline\n"
                                   "deleted key_results/kr-checkins-held\n"
                                   "added key_results/kr-logistics-meetings\n"
                                   "conflict key_results/kr-win-rate\n"
                                   "added check_ins/ci-logistics-meetings-01\n"
                                   "added check_ins/ci-pipeline-09\n"
                                   "added check_ins/ci-win-rate-09\n");
    CHECK(m.result.count(MergeOutcome::added) == 4);
    CHECK(m.result.count(MergeOutcome::changed) == 1);
    CHECK(m.result.count(MergeOutcome::deleted) == 1);
    CHECK(m.result.count(MergeOutcome::conflict) == 1);
    CHECK(m.result.changes.summary == "Merge: 4 added, 1 changed, 1 deleted, 1 conflict");
}

TEST_CASE("the offline sales copy merged into the IT file: the newer objective title wins")
{
    const SampleMerge m;
    const Objective* objective = find_by_id(m.result.merged.objectives, "o-sales-pipeline");
    REQUIRE(objective);
    CHECK(objective->title == "Build a pipeline we can count on, in logistics first");

    const EntityMergeNote* note = note_on(m.result, "o-sales-pipeline");
    REQUIRE(note);
    CHECK(note->title == "Build a pipeline we can count on, in logistics first");
    REQUIRE(note->differences.size() == 2);
    CHECK(note->differences[0].field == "title");
    CHECK(note->differences[0].ours == "Build a pipeline we can count on");
    CHECK(note->differences[0].theirs == "Build a pipeline we can count on, in logistics first");
    CHECK(note->differences[1].field == "updated_at");
    CHECK(note->differences[1].ours == "2027-01-04T08:00:00.000Z");
    CHECK(note->differences[1].theirs == "2027-03-03T11:00:00.000Z");
}

TEST_CASE("the offline sales copy merged into the IT file: kr-win-rate edited on both sides the same minute")
{
    const SampleMerge m;
    const EntityMergeNote* note = note_on(m.result, "kr-win-rate");
    REQUIRE(note);
    CHECK(note->outcome == MergeOutcome::conflict);
    CHECK(note->title == "Raise win rate from 18% to 25%");
    REQUIRE(note->differences.size() == 1);
    CHECK(note->differences[0].field == "target");
    CHECK(note->differences[0].ours == 25);
    CHECK(note->differences[0].theirs == 24);
    CHECK(find_by_id(m.result.merged.key_results, "kr-win-rate")->target == 25);
}

TEST_CASE("the offline sales copy merged into the IT file: the deleted KR goes, its check-in stays unattached")
{
    const SampleMerge m;
    CHECK(find_by_id(m.result.merged.key_results, "kr-checkins-held") == nullptr);
    CHECK(note_on(m.result, "kr-checkins-held")->title == "Hold 10 client check-ins");
    // The tombstone names the KR only; check-ins are removed by their own tombstones.
    CHECK(find_by_id(m.result.merged.check_ins, "ci-checkins-held-01") != nullptr);
    REQUIRE(m.result.merged.deleted.size() == 1);
    CHECK(m.result.merged.deleted[0].deleted_at.to_text() == "2027-03-03T11:00:00.000Z");
}

TEST_CASE("the offline sales copy merged into the IT file: everything else is exactly the original")
{
    const SampleMerge m;
    CHECK(to_json(m.result.merged) == expected_sample_merge());
}

TEST_CASE("the deleted KR stays deleted when the old IT file is merged again, either way round")
{
    const SampleMerge m;
    const MergeResult again = merge_workspaces(m.result.merged, m.ours);
    CHECK(find_by_id(again.merged.key_results, "kr-checkins-held") == nullptr);
    CHECK(again.notes.empty());
    CHECK(again.changes.empty());
    CHECK(text_of(again.merged) == text_of(m.result.merged));

    const MergeResult reversed = merge_workspaces(m.ours, m.result.merged);
    CHECK(text_of(reversed.merged) == text_of(m.result.merged));
}

TEST_CASE("the sample merge's change set turns the IT file into the merged one, and back")
{
    const SampleMerge m;
    CHECK(text_of(applied(m.ours, m.result)) == text_of(m.result.merged));

    Workspace undone = applied(m.ours, m.result);
    revert(undone, m.result.changes);
    undone.info = m.ours.info;
    CHECK(text_of(undone) == text_of(m.ours));
}

// ---- the table -----------------------------------------------------------------------------

namespace {

using Edit = std::function<void(Workspace&)>;

// 2027 Q1, objective o-1 with KR kr-1 and one check-in, everything stamped minute 0.
Workspace base()
{
    Workspace w = quarter_with(key_result("kr-1", Direction::increase, 0, 10));
    upsert_by_id(w.check_ins, check_in_at("ci-1", "kr-1", 2, minute(0)));
    return w;
}

Workspace edited(const Edit& edit)
{
    Workspace w = base();
    edit(w);
    return w;
}

const Edit nothing = [](Workspace&) {};

Edit retitle(std::string title, int at)
{
    return [=](Workspace& w) {
        Objective& o = *find_by_id(w.objectives, "o-1");
        o.title = title;
        o.updated_at = minute(at);
    };
}

Edit retarget(double target, int at)
{
    return [=](Workspace& w) {
        KeyResult kr = key_result("kr-1", Direction::increase, 0, target);
        kr.updated_at = minute(at);
        upsert_by_id(w.key_results, kr);
    };
}

Edit delete_kr(int at)
{
    return [=](Workspace& w) { delete_entity(w, w.key_results, "kr-1", minute(at)); };
}

Edit record(Id id, double value, int at, std::optional<Id> corrects = std::nullopt)
{
    return [=](Workspace& w) {
        CheckIn c = check_in_at(id, "kr-1", value, minute(at));
        c.corrects = corrects;
        upsert_by_id(w.check_ins, c);
    };
}

Edit both(Edit first, Edit second)
{
    return [=](Workspace& w) {
        first(w);
        second(w);
    };
}

// Ours after it already merged theirs once.
Edit merged_with(Edit ours, Edit theirs)
{
    return [=](Workspace& w) { w = merge_workspaces(edited(ours), edited(theirs)).merged; };
}

struct MergeCase {
    const char* behaviour;
    Edit ours;
    Edit theirs;
    Edit expected;
    const char* notes;
};

const MergeCase merge_cases[] = {
    {"the later edit wins whole", retitle("Ours", 2), retitle("Theirs", 3), retitle("Theirs", 3),
     "changed objectives/o-1\n"},
    {"our later edit stays, and nothing is noted", retitle("Ours", 3), retitle("Theirs", 2), retitle("Ours", 3),
     ""},
    {"equal updated_at: the text sorting last wins, here ours", retitle("Zebra", 2), retitle("Apple", 2),
     retitle("Zebra", 2), "conflict objectives/o-1\n"},
    {"equal updated_at: the text sorting last wins, here theirs", retitle("Apple", 2), retitle("Zebra", 2),
     retitle("Zebra", 2), "conflict objectives/o-1\n"},
    {"the same edit on both sides is no conflict", retitle("Same", 2), retitle("Same", 2), retitle("Same", 2), ""},
    {"a tombstone removes an entity last edited before the deletion", nothing, delete_kr(2), delete_kr(2),
     "deleted key_results/kr-1\n"},
    {"an entity edited after its deletion elsewhere survives it", retarget(12, 3), delete_kr(2),
     both(delete_kr(2), retarget(12, 3)), ""},
    {"an edit made elsewhere after our deletion brings the entity back", delete_kr(2), retarget(12, 3),
     both(delete_kr(2), retarget(12, 3)), "added key_results/kr-1\n"},
    {"a deletion at the very instant of the last edit spares the entity", retarget(12, 2), delete_kr(2),
     both(delete_kr(2), retarget(12, 2)), ""},
    {"tombstones are united, the later deleted_at kept", delete_kr(2), delete_kr(4), delete_kr(4), ""},
    {"check-ins are a union", record("ci-2", 4, 2), record("ci-3", 5, 2),
     both(record("ci-2", 4, 2), record("ci-3", 5, 2)), "added check_ins/ci-3\n"},
    {"a correction and the check-in it corrects are both kept", nothing, record("ci-1-fix", 3, 2, "ci-1"),
     record("ci-1-fix", 3, 2, "ci-1"), "added check_ins/ci-1-fix\n"},
    {"one check-in id with two contents: the later recorded_at wins, as a conflict", record("ci-2", 5, 2),
     record("ci-2", 6, 3), record("ci-2", 6, 3), "conflict check_ins/ci-2\n"},
    {"one check-in id with two contents, recorded the same instant: the text sorting last wins, here ours",
     record("ci-2", 7, 2), record("ci-2", 6, 2), record("ci-2", 7, 2), "conflict check_ins/ci-2\n"},
    {"one check-in id with two contents, recorded the same instant: the text sorting last wins, here theirs",
     record("ci-2", 6, 2), record("ci-2", 7, 2), record("ci-2", 7, 2), "conflict check_ins/ci-2\n"},
    {"a check-in deleted after it was recorded stays deleted",
     nothing, [](Workspace& w) { delete_entity(w, w.check_ins, "ci-1", minute(1)); },
     [](Workspace& w) { delete_entity(w, w.check_ins, "ci-1", minute(1)); }, "deleted check_ins/ci-1\n"},
    {"merging a copy with itself changes nothing", both(retitle("Ours", 2), delete_kr(3)),
     both(retitle("Ours", 2), delete_kr(3)), both(retitle("Ours", 2), delete_kr(3)), ""},
    {"merging the same copy again changes nothing", merged_with(retitle("Ours", 2), retitle("Theirs", 3)),
     retitle("Theirs", 3), retitle("Theirs", 3), ""},
};

}  // namespace

TEST_CASE("merge cases: base, ours, theirs, expected")
{
    for (const MergeCase& c : merge_cases) {
        const std::string behaviour = c.behaviour;
        CAPTURE(behaviour);
        const Workspace ours = edited(c.ours);
        const Workspace theirs = edited(c.theirs);
        const std::string expected = text_of(edited(c.expected));

        const MergeResult result = merge_workspaces(ours, theirs);
        CHECK(text_of(result.merged) == expected);
        CHECK(lines(result.notes) == c.notes);
        // Either way round, the same workspace; and the change set leads from ours to it.
        CHECK(text_of(merge_workspaces(theirs, ours).merged) == expected);
        CHECK(text_of(applied(ours, result)) == expected);
    }
}

// ---- every field counts ----------------------------------------------------------------------

namespace {

const char* const stamped = "2027-01-04T08:00:00.000Z";

struct FieldCase {
    const char* collection;
    json entity;
    // Each replaces one field of `entity` by a different valid value.
    std::vector<std::pair<const char*, json>> others;
};

// A KPI's readings: one, with a field the format does not know.
json readings(const char* date, int value, const char* source)
{
    return json::array({json{{"date", date}, {"value", value}, {"source", source}}});
}

// One entity of every collection with every field the format knows, plus an unknown one.
std::vector<FieldCase> field_cases()
{
    return {
        {"teams",
         {{"id", "t-1"}, {"name", "One"}, {"parent", "t-0"}, {"updated_at", stamped}, {"x-colour", "teal"}},
         {{"name", "Uno"}, {"parent", "t-9"}, {"x-colour", "red"}, {"updated_at", "2027-01-04T08:00:00Z"}}},
        {"people",
         {{"id", "p-1"}, {"name", "Ann"}, {"email", "ann@example.com"}, {"updated_at", stamped}},
         {{"name", "Bea"}, {"email", "bea@example.com"}, {"x-new", 1}}},
        {"cycles",
         {{"id", "c-1"}, {"name", "Q1"}, {"start", "2027-01-01"}, {"end", "2027-03-31"}, {"state", "active"},
          {"updated_at", stamped}},
         {{"name", "Q2"}, {"start", "2027-01-02"}, {"end", "2027-03-30"}, {"state", "closed"}}},
        {"objectives",
         {{"id", "o-1"}, {"cycle", "c-1"}, {"team", "t-1"}, {"title", "Grow"}, {"description", "More"},
          {"owner", "p-1"}, {"parent", "o-0"}, {"commitment", "committed"}, {"perspective", "customer"},
          {"kpis", json::array({"k-1"})}, {"carried_from", "o-old"}, {"updated_at", stamped}},
         {{"cycle", "c-2"}, {"team", "t-2"}, {"title", "Shrink"}, {"description", "Less"}, {"owner", "p-2"},
          {"parent", "o-9"}, {"commitment", "aspirational"}, {"perspective", "learning"},
          {"kpis", json::array({"k-2"})}, {"carried_from", "o-older"}}},
        {"key_results",
         {{"id", "kr-1"}, {"objective", "o-1"}, {"title", "Lift"}, {"direction", "increase"}, {"unit", "%"},
          {"baseline", 10}, {"target", 20}, {"deadline", "2027-03-31"}, {"weight", 1}, {"owner", "p-1"},
          {"final_score", 0.5}, {"score_note", "Half"}, {"updated_at", stamped}},
         {{"objective", "o-2"}, {"title", "Drop"}, {"direction", "decrease"}, {"unit", "pts"}, {"baseline", 11},
          {"target", 21}, {"deadline", "2027-03-30"}, {"weight", 2}, {"owner", "p-2"}, {"final_score", 0.6},
          {"score_note", "More"}}},
        {"check_ins",
         {{"id", "ci-1"}, {"key_result", "kr-1"}, {"date", "2027-01-08"}, {"value", 12}, {"confidence", 0.5},
          {"note", "Fine"}, {"author", "p-1"}, {"recorded_at", stamped}, {"corrects", "ci-0"}},
         {{"key_result", "kr-2"}, {"date", "2027-01-09"}, {"value", 13}, {"confidence", 0.6}, {"note", "Good"},
          {"author", "p-2"}, {"corrects", "ci-9"}, {"recorded_at", "2027-01-04T09:00:00.000+01:00"}}},
        {"kpis",
         {{"id", "k-1"}, {"name", "Margin"}, {"team", "t-1"}, {"unit", "%"}, {"direction", "higher_is_better"},
          {"floor", 10}, {"readings", readings("2027-01-31", 12, "ERP")},
          {"updated_at", stamped}},
         {{"name", "Churn"}, {"team", "t-2"}, {"unit", "pts"}, {"direction", "lower_is_better"}, {"floor", 11},
          {"readings", readings("2027-01-30", 12, "ERP")},
          {"readings", readings("2027-01-31", 13, "ERP")},
          {"readings", readings("2027-01-31", 12, "CRM")}, {"readings", json::array()}}},
        {"tasks",
         {{"id", "ta-1"}, {"key_result", "kr-1"}, {"title", "Call"}, {"done", false}, {"owner", "p-1"},
          {"updated_at", stamped}},
         {{"key_result", "kr-2"}, {"title", "Write"}, {"done", true}, {"owner", "p-2"}}},
        {"dependencies",
         {{"id", "d-1"}, {"from", "o-1"}, {"to", "kr-1"}, {"note", "Needs"}, {"updated_at", stamped}},
         {{"from", "o-2"}, {"to", "kr-2"}, {"note", "Wants"}}},
        {"retrospectives",
         {{"id", "r-1"}, {"cycle", "c-1"}, {"team", "t-1"}, {"learned", "A"}, {"change_next", "B"},
          {"carry_forward", json::array({"o-1"})}, {"updated_at", stamped}},
         {{"cycle", "c-2"}, {"team", "t-2"}, {"learned", "C"}, {"change_next", "D"},
          {"carry_forward", json::array({"o-2"})}}},
    };
}

Workspace file_holding(const char* collection, const json& entity)
{
    json file = {{"format", "okr-cascade"}, {"version", 1}, {"workspace", {{"id", "w-1"}, {"name", "Test"}}}};
    file[collection] = json::array({entity});
    return imported(file.dump());
}

}  // namespace

TEST_CASE("two versions with the same updated_at that differ in any one field are a conflict on that field")
{
    for (const FieldCase& c : field_cases()) {
        const Workspace ours = file_holding(c.collection, c.entity);
        const std::string collection = c.collection;
        const std::string note = "conflict " + collection + "/" + c.entity["id"].get<std::string>() + "\n";
        for (const auto& [field, value] : c.others) {
            const std::string name = field;
            CAPTURE(collection);
            CAPTURE(name);
            json other = c.entity;
            other[field] = value;
            const MergeResult result = merge_workspaces(ours, file_holding(c.collection, other));
            CHECK(lines(result.notes) == note);
            CHECK(fields(result.notes.at(0).differences) == name);
        }
    }
}

TEST_CASE("a later updated_at is a change, a later recorded_at of a check-in a conflict")
{
    json objective = field_cases()[3].entity;
    json newer = objective;
    newer["updated_at"] = "2027-01-05T08:00:00.000Z";
    const MergeResult changed =
        merge_workspaces(file_holding("objectives", objective), file_holding("objectives", newer));
    CHECK(lines(changed.notes) == "changed objectives/o-1\n");
    CHECK(fields(changed.notes[0].differences) == "updated_at");

    json check_in = field_cases()[5].entity;
    json later = check_in;
    later["recorded_at"] = "2027-01-05T08:00:00.000Z";
    const MergeResult conflict =
        merge_workspaces(file_holding("check_ins", check_in), file_holding("check_ins", later));
    CHECK(lines(conflict.notes) == "conflict check_ins/ci-1\n");
    CHECK(fields(conflict.notes[0].differences) == "recorded_at");
}

// ---- the workspace itself --------------------------------------------------------------------

TEST_CASE("workspace info: the later updated_at wins, an absent one loses")
{
    Workspace ours = base();
    ours.info = {"w-1", "Ours", minute(5), json::object()};
    Workspace theirs = base();
    theirs.info = {"w-1", "Theirs", minute(6), json::object()};
    CHECK(merge_workspaces(ours, theirs).merged.info.name == "Theirs");
    CHECK(merge_workspaces(theirs, ours).merged.info.name == "Theirs");

    theirs.info.updated_at.reset();
    CHECK(merge_workspaces(ours, theirs).merged.info.name == "Ours");
    CHECK(merge_workspaces(theirs, ours).merged.info.name == "Ours");
}

TEST_CASE("the later header wins whole, its unknown top-level fields with it")
{
    Workspace ours = base();
    ours.info.updated_at = minute(5);
    ours.preserved = {{"x-shared", "ours"}, {"x-ours", 1}};
    Workspace theirs = base();
    theirs.info.updated_at = minute(6);
    theirs.preserved = {{"x-shared", "theirs"}, {"x-theirs", 2}};

    const json expected = {{"x-shared", "theirs"}, {"x-theirs", 2}};
    CHECK(merge_workspaces(ours, theirs).merged.preserved == expected);
    CHECK(merge_workspaces(theirs, ours).merged.preserved == expected);

    // The same info on both sides: the fields whose text sorts last.
    theirs.info.updated_at = minute(5);
    CHECK(merge_workspaces(ours, theirs).merged.preserved == expected);
    CHECK(merge_workspaces(theirs, ours).merged.preserved == expected);
}

TEST_CASE("a top-level field only the middle copy lacks: every order of merging agrees")
{
    Workspace a = base();
    a.info.updated_at = minute(1);
    a.preserved = {{"x-field", 1}};
    Workspace b = base();
    b.info.updated_at = minute(3);
    b.preserved = json::object();
    Workspace c = base();
    c.info.updated_at = minute(2);
    c.preserved = {{"x-field", 3}};

    const Workspace left = merge_workspaces(merge_workspaces(a, b).merged, c).merged;
    const Workspace right = merge_workspaces(a, merge_workspaces(b, c).merged).merged;
    CHECK(left.preserved == right.preserved);
    CHECK(left.preserved == json::object());
}

TEST_CASE("two texts of one instant are different content, settled by the text")
{
    Workspace ours = base();
    upsert_by_id(ours.deleted, tombstone("kr-9", at("2027-01-01T00:02:00.000Z")));
    Workspace theirs = base();
    upsert_by_id(theirs.deleted, tombstone("kr-9", at("2027-01-01T00:02:00Z")));

    // `…00Z"` sorts after `…00.000Z"`.
    CHECK(merge_workspaces(ours, theirs).merged.deleted.at(0).deleted_at.text == "2027-01-01T00:02:00Z");
    CHECK(merge_workspaces(theirs, ours).merged.deleted.at(0).deleted_at.text == "2027-01-01T00:02:00Z");
    CHECK(merge_workspaces(ours, theirs).changes.changes.size() == 1);
    CHECK(merge_workspaces(theirs, ours).changes.empty());
}

TEST_CASE("notes name entities by title or name, else by id, and come in the file's collection order")
{
    Workspace ours = base();
    Workspace theirs = base();
    upsert_by_id(theirs.teams, team("t-2"));
    upsert_by_id(theirs.objectives, objective("o-2", "c-q1", "t-1", "Be known"));
    upsert_by_id(theirs.check_ins, check_in_at("ci-2", "kr-1", 3, minute(1)));
    upsert_by_id(theirs.objectives, objective("o-0", "c-q1", "t-1", ""));

    const MergeResult result = merge_workspaces(ours, theirs);
    CHECK(lines(result.notes) == "added teams/t-2\n"
                                 "added objectives/o-0\n"
                                 "added objectives/o-2\n"
                                 "added check_ins/ci-2\n");
    CHECK(result.notes[0].title == "t-2");
    CHECK(result.notes[1].title == "o-0");
    CHECK(result.notes[2].title == "Be known");
    CHECK(result.notes[3].title == "ci-2");
}

TEST_CASE("a merge that brings nothing says so and changes nothing")
{
    const MergeResult result = merge_workspaces(base(), base());
    CHECK(result.notes.empty());
    CHECK(result.changes.empty());
    CHECK(result.changes.summary == "Merge: nothing new");
}
