#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "app/session.hpp"
#include "core/edits.hpp"

using namespace okr;

namespace {

std::string read_sample(const char* name)
{
    std::ifstream file(std::string(OKR_SAMPLES_DIR) + "/" + name, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

Timestamp at(const char* text) { return *Timestamp::parse(text); }

ChangeSet check_in(const Session& session, const char* id, double value)
{
    CheckInDraft draft;
    draft.key_result = "kr-retention";
    draft.date = *Date::parse("2027-02-26");
    draft.value = value;
    draft.confidence = 0.8;
    return std::get<ChangeSet>(record_check_in(session.workspace(), draft, id, at("2027-02-26T10:00:00.000Z")));
}

struct Started {
    MemoryStore store;
    MemoryStore::Tab tab{store};
    Session session{tab};

    Started()
    {
        session.start();
        while (store.run_pending() > 0) {
        }
    }
};

}  // namespace

TEST_CASE("an empty store starts as a first run, and nothing is drawn as data before it answers")
{
    MemoryStore store;
    MemoryStore::Tab tab(store);
    Session session(tab);
    session.start();
    CHECK(session.startup() == Startup::loading);
    CHECK_FALSE(session.has_workspace());

    store.run_pending();
    CHECK(session.startup() == Startup::first_run);
    CHECK_FALSE(session.has_workspace());
}

TEST_CASE("opening a sample shows it at once and stores it once the write completes")
{
    Started s;
    const ImportResult result = s.session.open_file(read_sample("northwind-it.json"));
    REQUIRE_FALSE(result.refused());
    CHECK(s.session.startup() == Startup::ready);
    CHECK(s.session.workspace().objectives.size() == 9);
    CHECK(s.session.save_status() == SaveStatus::saving);
    CHECK_FALSE(s.store.current().has_value());

    s.store.run_pending();
    CHECK(s.session.save_status() == SaveStatus::saved);
    REQUIRE(s.store.current().has_value());
    CHECK(s.store.current()->id == "w-northwind");
    CHECK(s.store.current()->text == s.session.export_text());
}

TEST_CASE("a refused file changes neither the open workspace nor storage")
{
    Started s;
    s.session.open_file(read_sample("northwind-it.json"));
    s.store.run_pending();
    const std::string stored = s.store.current()->text;

    const ImportResult result = s.session.open_file("{\"format\": \"okr-cascade\", \"version\": 7}");
    CHECK(result.refused());
    CHECK(s.session.workspace().objectives.size() == 9);
    CHECK(s.store.run_pending() == 0);
    CHECK(s.store.current()->text == stored);
    CHECK(s.session.save_status() == SaveStatus::saved);
}

TEST_CASE("a stored workspace comes back after a restart")
{
    MemoryStore store;
    {
        MemoryStore::Tab tab(store);
        Session first(tab);
        first.start();
        store.run_pending();
        first.open_file(read_sample("northwind-it.json"));
        store.run_pending();
        first.apply(check_in(first, "ci-restart", 85), at("2027-02-26T10:00:00.000Z"));
        store.run_pending();
    }
    MemoryStore::Tab tab(store);
    Session second(tab);
    second.start();
    store.run_pending();
    REQUIRE(second.startup() == Startup::ready);
    CHECK(second.workspace().check_ins.size() == 100);
    CHECK(find_by_id(second.workspace().check_ins, "ci-restart") != nullptr);
}

TEST_CASE("edits made while a write is under way are folded into one next write")
{
    Started s;
    s.session.open_file(read_sample("northwind-it.json"));  // first write starts
    s.session.apply(check_in(s.session, "ci-a", 80), at("2027-02-26T10:00:00.000Z"));
    s.session.apply(check_in(s.session, "ci-b", 81), at("2027-02-26T10:00:01.000Z"));
    s.session.apply(check_in(s.session, "ci-c", 82), at("2027-02-26T10:00:02.000Z"));
    CHECK(s.session.save_status() == SaveStatus::pending);

    CHECK(s.store.run_pending() == 1);  // the first write completes and the next one starts
    CHECK(s.session.save_status() == SaveStatus::saving);
    CHECK(s.store.run_pending() == 1);  // one write carries all three edits
    CHECK(s.store.run_pending() == 0);
    CHECK(s.session.save_status() == SaveStatus::saved);
    CHECK(s.store.current()->text.find("\"ci-c\"") != std::string::npos);
}

TEST_CASE("undo and redo move the workspace back and forth, and each is saved")
{
    Started s;
    s.session.open_file(read_sample("northwind-it.json"));
    s.store.run_pending();
    s.session.apply(check_in(s.session, "ci-undo", 88), at("2027-02-26T10:00:00.000Z"));
    s.store.run_pending();
    CHECK(s.session.can_undo());
    CHECK(s.session.undo_summary() == "Check-in on \"Increase client retention from 78% to 90%\"");

    s.session.undo(at("2027-02-26T10:01:00.000Z"));
    CHECK(find_by_id(s.session.workspace().check_ins, "ci-undo") == nullptr);
    s.store.run_pending();
    CHECK(s.store.current()->text.find("ci-undo") == std::string::npos);

    s.session.redo(at("2027-02-26T10:02:00.000Z"));
    CHECK(find_by_id(s.session.workspace().check_ins, "ci-undo") != nullptr);
    CHECK_FALSE(s.session.can_redo());
}

TEST_CASE("a failed write is reported and the next edit tries again")
{
    Started s;
    s.session.open_file(read_sample("northwind-it.json"));
    s.store.fail_next_save("QuotaExceededError: the disk is full");
    s.store.run_pending();
    CHECK(s.session.save_status() == SaveStatus::failed);
    CHECK(s.session.save_error() == "QuotaExceededError: the disk is full");

    s.session.apply(check_in(s.session, "ci-retry", 84), at("2027-02-26T10:00:00.000Z"));
    s.store.run_pending();
    CHECK(s.session.save_status() == SaveStatus::saved);
}

TEST_CASE("a damaged stored copy is reported, kept as it is, and never overwritten by a save")
{
    MemoryStore store;
    {
        MemoryStore::Tab tab(store);
        Session writer(tab);
        writer.start();
        store.run_pending();
        writer.create_workspace("Damaged", "w-damaged", at("2027-01-01T00:00:00.000Z"));
        store.run_pending();
    }
    // Simulates a copy damaged on disk by storing bytes the importer refuses.
    store.put_record("w-damaged", {"{not json", "Damaged", 1});

    MemoryStore::Tab tab(store);
    Session reader(tab);
    reader.start();
    while (store.run_pending() > 0) {
    }
    CHECK(reader.startup() == Startup::storage_failed);
    CHECK(reader.storage_error().find("could not be read") != std::string::npos);

    reader.create_workspace("Fresh", "w-fresh", at("2027-01-02T00:00:00.000Z"));
    CHECK(reader.save_status() == SaveStatus::not_stored);
    CHECK(store.run_pending() == 0);
    CHECK(store.current()->text == "{not json");
}

TEST_CASE("a previewed merge changes nothing until applied, then is one undoable step")
{
    Started s;
    s.session.open_file(read_sample("northwind-it.json"));
    s.store.run_pending();
    const std::string stored = s.store.current()->text;

    const Session::MergePreview preview = s.session.preview_merge(read_sample("northwind-sales-offline.json"));
    REQUIRE(preview.merge.has_value());
    CHECK(preview.merge->count(MergeOutcome::conflict) == 1);
    CHECK(s.store.run_pending() == 0);
    CHECK(s.store.current()->text == stored);
    CHECK(find_by_id(s.session.workspace().key_results, "kr-checkins-held") != nullptr);

    s.session.apply_merge(*preview.merge, "northwind-sales-offline.json", at("2027-03-04T09:00:00.000Z"));
    CHECK(find_by_id(s.session.workspace().key_results, "kr-checkins-held") == nullptr);
    CHECK(find_by_id(s.session.workspace().key_results, "kr-logistics-meetings") != nullptr);
    CHECK(s.session.undo_summary().rfind("Merged northwind-sales-offline.json: ", 0) == 0);
    s.store.run_pending();
    CHECK(s.store.current()->text == s.session.export_text());

    const Session::MergePreview again = s.session.preview_merge(read_sample("northwind-sales-offline.json"));
    REQUIRE(again.merge.has_value());
    CHECK(again.merge->changes.empty());
    CHECK(again.merge->count(MergeOutcome::added) + again.merge->count(MergeOutcome::changed) +
              again.merge->count(MergeOutcome::deleted) ==
          0);
    // The tie on kr-win-rate is still there to review; the version kept does not change.
    CHECK(again.merge->count(MergeOutcome::conflict) == 1);

    s.session.undo(at("2027-03-04T09:01:00.000Z"));
    CHECK(find_by_id(s.session.workspace().key_results, "kr-checkins-held") != nullptr);
    CHECK(find_by_id(s.session.workspace().key_results, "kr-logistics-meetings") == nullptr);
}

TEST_CASE("a refused file yields no merge preview")
{
    Started s;
    s.session.open_file(read_sample("northwind-it.json"));
    const Session::MergePreview preview = s.session.preview_merge("[1, 2");
    CHECK(preview.import.refused());
    CHECK_FALSE(preview.merge.has_value());
}
