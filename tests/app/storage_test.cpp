// Storage as several tabs, a failing browser and a person going back in time see it:
// revisions checked on every save, other tabs' saves taken in or put before the person,
// restore points, a vanished database, and records of every earlier storage format.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/session.hpp"
#include "store_support.hpp"
#include "app/stored_record.hpp"
#include "core/difference.hpp"
#include "core/edits.hpp"
#include "core/export.hpp"

using namespace okr;
using namespace okr::test;

namespace {

ChangeSet check_in(const Session& session, const char* id, const char* key_result, double value)
{
    CheckInDraft draft;
    draft.key_result = key_result;
    draft.date = *Date::parse("2027-02-26");
    draft.value = value;
    draft.confidence = 0.7;
    return std::get<ChangeSet>(record_check_in(session.workspace(), draft, id, at("2027-02-26T10:00:00.000Z")));
}

bool holds_check_in(const std::string& text, const char* id)
{
    return text.find(std::string("\"") + id + "\"") != std::string::npos;
}

// Two tabs of one browser on one database, both showing Northwind.
struct TwoTabs {
    MemoryStore store;
    MemoryStore::Tab tab_a{store};
    MemoryStore::Tab tab_b{store};
    Session a{tab_a};
    Session b{tab_b};

    TwoTabs()
    {
        a.start();
        settle(store);
        a.open_file(northwind());
        settle(store);
        b.start();
        settle(store);
    }
};

}  // namespace

TEST_CASE("each save raises the stored revision by one, and the session follows it")
{
    TwoTabs t;
    REQUIRE(t.b.startup() == Startup::ready);
    CHECK(t.a.stored_revision() == 1);
    CHECK(t.b.stored_revision() == 1);

    t.a.apply(check_in(t.a, "ci-a1", "kr-retention", 80), at("2027-02-26T10:00:00.000Z"));
    settle(t.store);
    CHECK(t.a.stored_revision() == 2);
    CHECK(t.store.current()->revision == 2);
}

TEST_CASE("a tab without edits of its own takes in another tab's save at once, as one undoable step")
{
    TwoTabs t;
    t.a.apply(check_in(t.a, "ci-from-a", "kr-retention", 80), at("2027-02-26T10:00:00.000Z"));
    settle(t.store);

    CHECK(find_by_id(t.b.workspace().check_ins, "ci-from-a") != nullptr);
    CHECK(t.b.stored_revision() == 2);
    CHECK_FALSE(t.b.stale().has_value());
    CHECK(t.b.updates_from_other_tabs() == 1);
    CHECK(t.b.export_text() == t.a.export_text());
    // Taking in is not an edit: nothing is written back.
    CHECK(t.store.current()->revision == 2);
    CHECK(t.b.undo_summary() == "Changes saved in another tab");
}

TEST_CASE("two tabs editing at once: the later save is refused as stale, and nothing is overwritten")
{
    TwoTabs t;
    // Both tabs edit before either hears of the other: the writes race.
    t.a.apply(check_in(t.a, "ci-from-a", "kr-retention", 80), at("2027-02-26T10:00:00.000Z"));
    t.b.apply(check_in(t.b, "ci-from-b", "kr-retention", 81), at("2027-02-26T10:00:01.000Z"));
    settle(t.store);

    const std::string stored = t.store.current()->text;
    CHECK(holds_check_in(stored, "ci-from-a"));
    CHECK_FALSE(holds_check_in(stored, "ci-from-b"));
    REQUIRE(t.b.stale().has_value());
    CHECK(t.b.stale()->readable);
    CHECK(t.b.stale()->stored.revision == 2);
    // B's edit is still on its screen, waiting for the person.
    CHECK(find_by_id(t.b.workspace().check_ins, "ci-from-b") != nullptr);
    CHECK(t.b.save_status() == SaveStatus::pending);

    SUBCASE("merging keeps both tabs' check-ins and saves over the newer revision")
    {
        t.b.resolve_stale_by_merging(at("2027-02-26T10:01:00.000Z"));
        settle(t.store);
        CHECK_FALSE(t.b.stale().has_value());
        CHECK(t.b.save_status() == SaveStatus::saved);
        CHECK(holds_check_in(t.store.current()->text, "ci-from-a"));
        CHECK(holds_check_in(t.store.current()->text, "ci-from-b"));
        CHECK(t.store.current()->revision == 3);
        // Tab A had nothing unsaved, so it took the merged copy in.
        CHECK(find_by_id(t.a.workspace().check_ins, "ci-from-b") != nullptr);
        CHECK(t.a.export_text() == t.b.export_text());
    }

    SUBCASE("taking the other copy shows it, and B's own edit is one undo away")
    {
        t.b.resolve_stale_by_taking_theirs();
        settle(t.store);
        CHECK(find_by_id(t.b.workspace().check_ins, "ci-from-b") == nullptr);
        CHECK(find_by_id(t.b.workspace().check_ins, "ci-from-a") != nullptr);
        CHECK(t.store.current()->revision == 2);

        t.b.undo(at("2027-02-26T10:02:00.000Z"));
        settle(t.store);
        CHECK(find_by_id(t.b.workspace().check_ins, "ci-from-b") != nullptr);
        CHECK(holds_check_in(t.store.current()->text, "ci-from-b"));
    }
}

TEST_CASE("a stale tab accepts no edits until the person decides")
{
    TwoTabs t;
    t.a.apply(check_in(t.a, "ci-from-a", "kr-retention", 80), at("2027-02-26T10:00:00.000Z"));
    t.b.apply(check_in(t.b, "ci-from-b", "kr-retention", 81), at("2027-02-26T10:00:01.000Z"));
    settle(t.store);
    REQUIRE(t.b.stale().has_value());

    t.b.apply(check_in(t.b, "ci-ignored", "kr-retention", 82), at("2027-02-26T10:00:02.000Z"));
    CHECK(find_by_id(t.b.workspace().check_ins, "ci-ignored") == nullptr);
    CHECK_FALSE(t.b.can_undo());
}

TEST_CASE("opening a file replaces what is stored, whatever its revision, and keeps the old as a restore point")
{
    TwoTabs t;
    t.a.apply(check_in(t.a, "ci-before", "kr-retention", 80), at("2027-02-26T10:00:00.000Z"));
    settle(t.store);
    t.b.open_file(northwind());
    settle(t.store);
    CHECK_FALSE(t.b.stale().has_value());
    CHECK_FALSE(holds_check_in(t.store.current()->text, "ci-before"));
    const auto points = t.store.restore_points("w-northwind");
    REQUIRE(points.size() >= 2);
    CHECK(points[0].summary.rfind("Opened", 0) == 0);
}

TEST_CASE("a newer app version releasing the storage stops saving and says so")
{
    TwoTabs t;
    t.tab_a.release();
    settle(t.store);
    CHECK(t.a.storage_released());
    t.a.apply(check_in(t.a, "ci-after-release", "kr-retention", 80), at("2027-02-26T10:00:00.000Z"));
    settle(t.store);
    CHECK(t.a.save_status() == SaveStatus::not_stored);
    CHECK_FALSE(holds_check_in(t.store.current()->text, "ci-after-release"));
}

TEST_CASE("a flush sends waiting edits behind the write under way, and both land in order")
{
    MemoryStore store;
    MemoryStore::Tab tab(store);
    Session session(tab);
    session.start();
    settle(store);
    session.open_file(northwind());
    session.apply(check_in(session, "ci-waiting", "kr-retention", 80), at("2027-02-26T10:00:00.000Z"));
    CHECK(session.save_status() == SaveStatus::pending);

    session.flush();
    CHECK(store.run_pending() == 2);  // both writes were already with the store
    CHECK(session.save_status() == SaveStatus::saved);
    CHECK(store.current()->revision == 2);
    CHECK(holds_check_in(store.current()->text, "ci-waiting"));
}

TEST_CASE("storage that fails to open leaves a working session in memory")
{
    MemoryStore store;
    store.set_unavailable("IndexedDB is not available in this browser window");
    MemoryStore::Tab tab(store);
    Session session(tab);
    session.start();
    settle(store);
    CHECK(session.startup() == Startup::storage_failed);
    CHECK(session.storage_error() == "IndexedDB is not available in this browser window");

    session.open_file(northwind());
    session.apply(check_in(session, "ci-in-memory", "kr-retention", 80), at("2027-02-26T10:00:00.000Z"));
    CHECK(session.save_status() == SaveStatus::not_stored);
    CHECK(find_by_id(session.workspace().check_ins, "ci-in-memory") != nullptr);
    CHECK(holds_check_in(session.export_text(), "ci-in-memory"));
}

TEST_CASE("a failed write keeps the edits and the next edit tries again")
{
    MemoryStore store;
    MemoryStore::Tab tab(store);
    Session session(tab);
    session.start();
    settle(store);
    session.open_file(northwind());
    settle(store);

    store.fail_next_save("The browser's storage for this page is full (QuotaExceededError)");
    session.apply(check_in(session, "ci-quota", "kr-retention", 80), at("2027-02-26T10:00:00.000Z"));
    settle(store);
    CHECK(session.save_status() == SaveStatus::failed);
    CHECK(session.save_error().find("QuotaExceededError") != std::string::npos);

    session.apply(check_in(session, "ci-later", "kr-retention", 81), at("2027-02-26T10:00:05.000Z"));
    settle(store);
    CHECK(session.save_status() == SaveStatus::saved);
    CHECK(holds_check_in(store.current()->text, "ci-quota"));
    CHECK(holds_check_in(store.current()->text, "ci-later"));
}

TEST_CASE("a store that held a workspace and holds none now is not a first run")
{
    MemoryStore store;
    {
        MemoryStore::Tab tab(store);
        Session first(tab);
        first.start();
        settle(store);
        CHECK(first.startup() == Startup::first_run);
        first.open_file(northwind());
        settle(store);
    }
    store.lose_everything();

    MemoryStore::Tab tab(store);
    Session later(tab);
    later.start();
    settle(store);
    CHECK(later.startup() == Startup::data_gone);
    CHECK_FALSE(later.has_workspace());
    CHECK(later.restore_points().empty());
}

TEST_CASE("restore points: edits close together share one, a new sitting starts another, twenty are kept")
{
    MemoryStore store;
    MemoryStore::Tab tab(store);
    Session session(tab);
    session.start();
    settle(store);
    session.open_file(northwind());
    settle(store);

    session.apply(check_in(session, "ci-1", "kr-retention", 80), at("2027-02-26T10:00:00.000Z"));
    settle(store);
    session.apply(check_in(session, "ci-2", "kr-retention", 81), at("2027-02-26T10:03:00.000Z"));
    settle(store);
    auto points = store.restore_points("w-northwind");
    REQUIRE(points.size() == 2);
    CHECK(points[0].summary == R"(Check-in on "Increase client retention from 78% to 90%", and 1 more edit)");
    CHECK(points[0].revision == 3);
    CHECK(points[1].summary == "Opened Northwind IT");

    // Eleven minutes later: another sitting.
    session.apply(check_in(session, "ci-3", "kr-retention", 82), at("2027-02-26T10:14:00.000Z"));
    settle(store);
    points = store.restore_points("w-northwind");
    REQUIRE(points.size() == 3);
    CHECK(points[0].summary == R"(Check-in on "Increase client retention from 78% to 90%")");

    for (int hour = 11; hour < 40; ++hour) {
        const std::string when = "2027-02-2" + std::to_string(6 + hour / 24) + "T" +
                                 (hour % 24 < 10 ? "0" : "") + std::to_string(hour % 24) + ":00:00.000Z";
        const std::string id = "ci-hour-" + std::to_string(hour);
        session.apply(check_in(session, id.c_str(), "kr-retention", hour), at(when.c_str()));
        settle(store);
    }
    points = store.restore_points("w-northwind");
    CHECK(points.size() == restore_points_kept);
    CHECK(points.front().revision == store.current()->revision);
}

TEST_CASE("a restore point is previewed without change, and restoring it is one undoable step")
{
    MemoryStore store;
    MemoryStore::Tab tab(store);
    Session session(tab);
    session.start();
    settle(store);
    session.open_file(northwind());
    settle(store);
    const std::string original = session.export_text();
    session.apply(check_in(session, "ci-later", "kr-retention", 80), at("2027-02-26T12:00:00.000Z"));
    settle(store);

    session.refresh_restore_points();
    settle(store);
    REQUIRE(session.restore_points().size() == 2);
    const RestorePoint opened = session.restore_points()[1];
    session.preview_restore_point(opened);
    settle(store);
    REQUIRE(session.restore_preview().has_value());
    REQUIRE(session.restore_preview()->workspace.has_value());
    REQUIRE(session.restore_preview()->changes.changes.size() == 1);
    CHECK_FALSE(session.restore_preview()->changes.changes[0].after.has_value());
    CHECK(holds_check_in(store.current()->text, "ci-later"));

    session.restore_previewed(at("2027-02-26T12:30:00.000Z"));
    settle(store);
    CHECK(find_by_id(session.workspace().check_ins, "ci-later") == nullptr);
    CHECK_FALSE(holds_check_in(store.current()->text, "ci-later"));
    CHECK(session.undo_summary() == "Restored the version saved after: Opened Northwind IT");

    session.undo(at("2027-02-26T12:31:00.000Z"));
    settle(store);
    CHECK(find_by_id(session.workspace().check_ins, "ci-later") != nullptr);
    CHECK(holds_check_in(store.current()->text, "ci-later"));
    CHECK(session.export_text() != original);
}

TEST_CASE("the difference of two workspaces turns one into the other")
{
    const Workspace from = *import_workspace(northwind()).workspace;
    Workspace to = from;
    to.check_ins.erase(to.check_ins.begin());
    to.objectives.front().title = "A new title";
    Team added;
    added.id = "t-zz-new";
    added.name = "New team";
    upsert_by_id(to.teams, added);

    const ChangeSet changes = difference(from, to, "test");
    CHECK(changes.changes.size() == 3);
    Workspace moved = from;
    apply(moved, changes);
    CHECK(export_workspace(moved) == export_workspace(to));
    revert(moved, changes);
    CHECK(export_workspace(moved) == export_workspace(from));
    CHECK(difference(from, from, "none").empty());
}

TEST_CASE("records of storage format 1 are read and upgraded: fixture written by the first release")
{
    const nlohmann::json dump = nlohmann::json::parse(read_file(std::string(OKR_FIXTURES_DIR) + "/stored/format-1.json"));
    CHECK(dump.at("meta").at(0).at(1) == "w-northwind");
    REQUIRE(dump.at("workspaces").size() == 1);
    const std::string key = dump["workspaces"][0][0];
    nlohmann::json record = dump["workspaces"][0][1];
    std::string text = record.at("text");
    record.erase("text");

    const StoredRecordRead read = read_stored_record(key, record, text);
    REQUIRE(read.workspace.has_value());
    CHECK(read.workspace->id == "w-northwind");
    CHECK(read.workspace->revision == 0);
    const ImportResult imported = import_workspace(read.workspace->text);
    REQUIRE_FALSE(imported.refused());
    CHECK(imported.workspace->objectives.size() == 9);
}

TEST_CASE("records of storage format 2 are read as they are: fixture written by that release")
{
    const nlohmann::json dump = nlohmann::json::parse(read_file(std::string(OKR_FIXTURES_DIR) + "/stored/format-2.json"));
    REQUIRE(dump.at("workspaces").size() == 1);
    CHECK(dump.at("restore_points").size() == 2);
    const std::string key = dump["workspaces"][0][0];
    nlohmann::json record = dump["workspaces"][0][1];
    CHECK(record.at("format") == 2);
    std::string text = record.at("text");
    record.erase("text");

    const StoredRecordRead read = read_stored_record(key, record, text);
    REQUIRE(read.workspace.has_value());
    CHECK(read.workspace->id == "w-northwind");
    CHECK(read.workspace->revision == 2);
    const ImportResult imported = import_workspace(read.workspace->text);
    REQUIRE_FALSE(imported.refused());
    CHECK(imported.workspace->check_ins.size() == 100);
}

TEST_CASE("a save sent behind one still under way never lands over another tab's save")
{
    // B has not heard of A's save yet, makes two edits in a row, and is closed at once: its
    // first write loses its revision to A, and the flushed second must not take the next.
    TwoTabs t;
    t.a.apply(check_in(t.a, "ci-from-a", "kr-retention", 91), at("2027-02-26T10:00:00.000Z"));
    t.b.apply(check_in(t.b, "ci-from-b-1", "kr-nps", 40), at("2027-02-26T10:00:01.000Z"));
    t.b.apply(check_in(t.b, "ci-from-b-2", "kr-nps", 41), at("2027-02-26T10:00:02.000Z"));
    t.b.flush();
    settle(t.store);

    const std::string stored = t.store.current()->text;
    CHECK(holds_check_in(stored, "ci-from-a"));
    CHECK(t.b.stale());
    t.b.resolve_stale_by_merging(at("2027-02-26T10:01:00.000Z"));
    settle(t.store);
    for (const char* id : {"ci-from-a", "ci-from-b-1", "ci-from-b-2"})
        CHECK_MESSAGE(holds_check_in(t.store.current()->text, id), id);
}

TEST_CASE("a record of the current format is read as it is; a newer or malformed one is refused plainly")
{
    const auto current = read_stored_record(
        "w-x", {{"format", stored_format_version}, {"id", "w-x"}, {"name", "X"}, {"revision", 7}}, "{}");
    REQUIRE(current.workspace.has_value());
    CHECK(current.workspace->revision == 7);

    const auto newer =
        read_stored_record("w-x", {{"format", stored_format_version + 1}, {"id", "w-x"}, {"revision", 7}}, "{}");
    CHECK_FALSE(newer.workspace.has_value());
    CHECK(newer.error.find("newer version of this app") != std::string::npos);

    const auto broken = read_stored_record("w-x", {{"format", 2}, {"id", "w-x"}}, "{}");
    CHECK_FALSE(broken.workspace.has_value());
    CHECK(broken.error.find("w-x") != std::string::npos);

    CHECK_FALSE(read_stored_record("w-x", "not an object", "{}").workspace.has_value());
}
