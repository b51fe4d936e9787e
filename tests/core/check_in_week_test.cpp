// The weekly check-in's core: a KR's reading of one ISO week, and corrections that add a
// check-in instead of overwriting one (docs/okr-method.md, "Terms" and "Cycle workflow").

#include <doctest/doctest.h>

#include "core/check_in_week.hpp"
#include "method_support.hpp"

using namespace okr;
using namespace okr::test;

namespace {

// 2027-03-01 is the Monday of ISO week 9; 2027-02-28 the Sunday that ends week 8.
Workspace quarter_with_readings()
{
    Workspace w = quarter_with(key_result("kr-1", Direction::increase, 0, 100));
    upsert_by_id(w.check_ins, check_in("ci-w8", "kr-1", "2027-02-28", 40));
    upsert_by_id(w.check_ins, check_in("ci-w9-mon", "kr-1", "2027-03-01", 42));
    upsert_by_id(w.check_ins, check_in("ci-w9-wed", "kr-1", "2027-03-03", 44));
    return w;
}

CheckInDraft draft_of(double value, const char* date = "2027-03-03")
{
    CheckInDraft draft;
    draft.key_result = "kr-1";
    draft.date = day(date);
    draft.value = value;
    draft.confidence = 0.7;
    draft.note = "typo";
    return draft;
}

}  // namespace

TEST_CASE("the week's reading is the latest effective check-in dated Monday to Sunday of that ISO week")
{
    const Workspace w = quarter_with_readings();
    struct Row {
        const char* day;
        const char* expected;  // null: the week has no reading
    };
    const Row rows[] = {
        {"2027-03-01", "ci-w9-wed"}, {"2027-03-07", "ci-w9-wed"}, {"2027-03-04", "ci-w9-wed"},
        {"2027-02-22", "ci-w8"},     {"2027-02-28", "ci-w8"},     {"2027-03-08", nullptr},
        {"2027-02-21", nullptr},
    };
    for (const Row& row : rows) {
        CAPTURE(row.day);
        const CheckIn* found = check_in_of_week(w, "kr-1", day(row.day));
        if (row.expected)
            CHECK(found->id == row.expected);
        else
            CHECK(found == nullptr);
    }
    CHECK(check_in_of_week(w, "kr-other", day("2027-03-03")) == nullptr);
}

TEST_CASE("a corrected reading no longer counts for its week; its correction does, whatever its date")
{
    Workspace w = quarter_with_readings();
    CheckIn fix = check_in("ci-fix", "kr-1", "2027-03-01", 43);
    fix.corrects = "ci-w9-wed";
    fix.recorded_at = at("2027-03-03T18:00:00.000Z");  // Monday's own reading was recorded earlier
    upsert_by_id(w.check_ins, fix);
    CHECK(check_in_of_week(w, "kr-1", day("2027-03-05"))->id == "ci-fix");

    // Correcting week 8's only reading with one dated in week 9 empties week 8.
    CheckIn moved = check_in("ci-moved", "kr-1", "2027-03-02", 40);
    moved.corrects = "ci-w8";
    upsert_by_id(w.check_ins, moved);
    CHECK(check_in_of_week(w, "kr-1", day("2027-02-24")) == nullptr);
}

TEST_CASE("a correction is a new check-in of the same KR that names the one it replaces")
{
    Workspace w = quarter_with_readings();
    CheckInDraft draft = draft_of(45);
    draft.key_result = "kr-elsewhere";  // ignored: a correction stays on its reading's KR
    EditResult result = record_correction(w, "ci-w9-wed", draft, "ci-new", at("2027-03-03T16:00:00.000Z"));
    REQUIRE(std::holds_alternative<ChangeSet>(result));
    const ChangeSet& change_set = std::get<ChangeSet>(result);
    CHECK(change_set.summary ==
          "Correction of the check-in of 2027-03-03 on \"Lift client retention from 78% to 90%\"");
    apply(w, change_set);

    REQUIRE(w.check_ins.size() == 4);
    const CheckIn* original = find_by_id(w.check_ins, "ci-w9-wed");
    REQUIRE(original != nullptr);
    CHECK(original->value == 44);
    CHECK(!original->corrects);
    const CheckIn* correction = find_by_id(w.check_ins, "ci-new");
    CHECK(correction->key_result == "kr-1");
    CHECK(correction->corrects == Id("ci-w9-wed"));
    CHECK(correction->value == 45);
    CHECK(correction->confidence == 0.7);
    CHECK(correction->note == std::optional<std::string>("typo"));
    CHECK(correction_of(w, "ci-w9-wed") == correction);
    CHECK(correction_of(w, "ci-new") == nullptr);
    CHECK(check_in_of_week(w, "kr-1", day("2027-03-03")) == correction);
}

TEST_CASE("a correction is refused for an unknown reading, a corrected one, or figures out of range")
{
    Workspace w = quarter_with_readings();
    const Timestamp now = at("2027-03-03T16:00:00.000Z");
    CHECK(std::get<EditRefused>(record_correction(w, "ci-nope", draft_of(1), "ci-new", now)).message ==
          "There is no check-in \"ci-nope\" to correct in this workspace.");

    apply(w, std::get<ChangeSet>(record_correction(w, "ci-w8", draft_of(41), "ci-fix", now)));
    CHECK(std::get<EditRefused>(record_correction(w, "ci-w8", draft_of(42), "ci-fix-2", now)).message ==
          "This check-in was already corrected (by the reading recorded at 2027-03-03T16:00:00.000Z); "
          "correct that one instead.");
    CHECK(std::holds_alternative<ChangeSet>(record_correction(w, "ci-fix", draft_of(42), "ci-fix-2", now)));

    CheckInDraft out_of_range = draft_of(1);
    out_of_range.confidence = 1.5;
    CHECK(std::get<EditRefused>(record_correction(w, "ci-w9-mon", out_of_range, "ci-x", now)).message ==
          "Confidence must be between 0 and 1.");
}

TEST_CASE("two corrections of one reading (from two merged copies): the one recorded last is named")
{
    Workspace w = quarter_with_readings();
    CheckIn first = check_in("ci-a", "kr-1", "2027-03-03", 45);
    first.corrects = "ci-w9-wed";
    first.recorded_at = at("2027-03-03T16:00:00.000Z");
    CheckIn second = check_in("ci-b", "kr-1", "2027-03-03", 46);
    second.corrects = "ci-w9-wed";
    second.recorded_at = at("2027-03-03T17:00:00.000Z");
    upsert_by_id(w.check_ins, second);
    upsert_by_id(w.check_ins, first);
    CHECK(correction_of(w, "ci-w9-wed")->id == "ci-b");
}
