// Several workspaces in one browser: listed last saved first, switched between, renamed
// with undo, duplicated under a new id, opened from a file beside the others, and deleted
// with what belongs to them, never leaving the page pointing at something gone.

#include <doctest/doctest.h>

#include "app/session.hpp"
#include "store_support.hpp"
#include "core/edits.hpp"
#include "core/export.hpp"

using namespace okr;
using namespace okr::test;

namespace {

std::vector<std::string> listed_ids(Session& session, MemoryStore& store)
{
    session.refresh_workspace_list();
    settle(store);
    std::vector<std::string> ids;
    for (const WorkspaceSummary& w : session.workspace_list())
        ids.push_back(w.id);
    return ids;
}

// Northwind opened from its file, then an empty workspace created beside it.
struct TwoWorkspaces {
    MemoryStore store;
    MemoryStore::Tab tab{store};
    Session session{tab};

    TwoWorkspaces()
    {
        session.start();
        settle(store);
        REQUIRE(!session.open_file(northwind()).refused());
        settle(store);
        session.create_workspace("Drafts for Q2", "w-drafts", at("2027-03-01T09:00:00.000Z"));
        settle(store);
    }
};

}  // namespace

TEST_CASE("the list holds every stored workspace, the one saved last first")
{
    TwoWorkspaces t;
    CHECK(listed_ids(t.session, t.store) == std::vector<std::string>{"w-drafts", "w-northwind"});
    t.session.refresh_workspace_list();
    settle(t.store);
    CHECK(t.session.workspace_list()[0].name == "Drafts for Q2");
    CHECK(t.session.workspace_list()[1].name == "Northwind IT");
}

TEST_CASE("switching opens the other workspace, and it is the one opened next time")
{
    TwoWorkspaces t;
    t.session.switch_to("w-northwind");
    settle(t.store);
    REQUIRE(t.session.has_workspace());
    CHECK(t.session.workspace().info.id == "w-northwind");
    CHECK(t.session.workspace().objectives.size() > 0);
    CHECK(!t.session.can_undo());
    CHECK(t.session.save_status() == SaveStatus::saved);

    MemoryStore::Tab later{t.store};
    Session reopened{later};
    reopened.start();
    settle(t.store);
    REQUIRE(reopened.has_workspace());
    CHECK(reopened.workspace().info.id == "w-northwind");
}

TEST_CASE("a workspace with unsaved edits is not left, and says why")
{
    TwoWorkspaces t;
    t.store.fail_next_save("QuotaExceededError");
    t.session.rename_workspace("Drafts for Q2 (sales)", at("2027-03-01T10:00:00.000Z"));
    CHECK(t.session.why_it_cannot_be_left().find("still being saved") != std::string::npos);
    settle(t.store);
    REQUIRE(t.session.save_status() == SaveStatus::failed);
    CHECK(t.session.why_it_cannot_be_left().find("not saved") != std::string::npos);

    t.session.switch_to("w-northwind");
    settle(t.store);
    CHECK(t.session.workspace().info.id == "w-drafts");
    CHECK(t.session.workspace().info.name == "Drafts for Q2 (sales)");
}

TEST_CASE("renaming is one undoable edit that is stored")
{
    TwoWorkspaces t;
    t.session.rename_workspace("Q2 drafts", at("2027-03-01T10:00:00.000Z"));
    settle(t.store);
    CHECK(t.store.record("w-drafts")->name == "Q2 drafts");
    CHECK(t.session.undo_summary() == "Renamed the workspace to Q2 drafts");

    t.session.undo(at("2027-03-01T10:01:00.000Z"));
    settle(t.store);
    CHECK(t.session.workspace().info.name == "Drafts for Q2");
    CHECK(t.store.record("w-drafts")->name == "Drafts for Q2");
}

TEST_CASE("a duplicate is a workspace of its own with the same content")
{
    TwoWorkspaces t;
    t.session.duplicate_workspace("w-northwind", "w-northwind-copy", "Northwind IT (copy)",
                                  at("2027-03-01T11:00:00.000Z"));
    settle(t.store);
    REQUIRE(t.session.has_workspace());
    CHECK(t.session.workspace().info.id == "w-northwind-copy");
    CHECK(t.session.workspace().info.name == "Northwind IT (copy)");

    const ImportResult original = import_workspace(t.store.record("w-northwind")->text);
    const ImportResult copy = import_workspace(t.store.record("w-northwind-copy")->text);
    REQUIRE(!original.refused());
    REQUIRE(!copy.refused());
    CHECK(copy.workspace->check_ins.size() == original.workspace->check_ins.size());
    CHECK(copy.workspace->objectives.size() == original.workspace->objectives.size());
    CHECK(listed_ids(t.session, t.store).size() == 3);
}

TEST_CASE("a file opened as a workspace of its own leaves the open one as it was")
{
    TwoWorkspaces t;
    t.session.switch_to("w-northwind");
    settle(t.store);
    const std::string before = t.store.record("w-northwind")->text;

    const std::string offline = sample("northwind-sales-offline.json");
    const ImportResult opened = t.session.open_file_as_new_workspace(offline, "w-sales-offline", "Sales, offline copy",
                                                                     at("2027-03-02T08:00:00.000Z"));
    REQUIRE(!opened.refused());
    settle(t.store);
    CHECK(t.session.workspace().info.id == "w-sales-offline");
    CHECK(t.store.record("w-northwind")->text == before);
    CHECK(t.store.record("w-sales-offline") != nullptr);

    const ImportResult refused = t.session.open_file_as_new_workspace("{\"version\": 1", "w-broken", "Broken",
                                                                      at("2027-03-02T08:01:00.000Z"));
    CHECK(refused.refused());
    settle(t.store);
    CHECK(t.store.record("w-broken") == nullptr);
    CHECK(t.session.workspace().info.id == "w-sales-offline");
}

TEST_CASE("deleting another workspace keeps the open one; deleting the open one opens the last saved")
{
    TwoWorkspaces t;
    t.session.create_workspace("Scratch", "w-scratch", at("2027-03-01T12:00:00.000Z"));
    settle(t.store);

    t.session.delete_workspace("w-drafts");
    settle(t.store);
    CHECK(t.store.record("w-drafts") == nullptr);
    CHECK(t.store.restore_points("w-drafts").empty());
    CHECK(t.session.workspace().info.id == "w-scratch");
    CHECK(listed_ids(t.session, t.store) == std::vector<std::string>{"w-scratch", "w-northwind"});

    t.session.delete_workspace("w-scratch");
    settle(t.store);
    REQUIRE(t.session.has_workspace());
    CHECK(t.session.workspace().info.id == "w-northwind");
    CHECK(t.session.startup() == Startup::ready);
    CHECK(t.store.current_id() == std::optional<std::string>("w-northwind"));
}

TEST_CASE("deleting the last workspace leads to a first run, not to \"the data is gone\"")
{
    MemoryStore store;
    MemoryStore::Tab tab{store};
    Session session{tab};
    session.start();
    settle(store);
    session.create_workspace("Only one", "w-only", at("2027-03-01T09:00:00.000Z"));
    settle(store);

    session.delete_workspace("w-only");
    settle(store);
    CHECK(!session.has_workspace());
    CHECK(session.startup() == Startup::first_run);
    CHECK(!store.current_id());

    MemoryStore::Tab later{store};
    Session reopened{later};
    reopened.start();
    settle(store);
    CHECK(reopened.startup() == Startup::first_run);
}

TEST_CASE("switching to a workspace another tab deleted says so and keeps the open one")
{
    TwoWorkspaces t;
    MemoryStore::Tab other_tab{t.store};
    Session other{other_tab};
    other.start();
    settle(t.store);
    other.delete_workspace("w-northwind");
    settle(t.store);

    t.session.switch_to("w-northwind");
    settle(t.store);
    CHECK(t.session.workspace().info.id == "w-drafts");
    CHECK(t.session.workspace_action_error().find("no longer stored") != std::string::npos);
}

TEST_CASE("a file is not opened beside the others while the open workspace has unsaved edits")
{
    TwoWorkspaces t;
    t.store.fail_next_save("QuotaExceededError");
    t.session.rename_workspace("Drafts, renamed", at("2027-03-01T10:00:00.000Z"));
    settle(t.store);
    const ImportResult result = t.session.open_file_as_new_workspace(northwind(), "w-other", "Other",
                                                                     at("2027-03-01T10:01:00.000Z"));
    REQUIRE(result.refused());
    CHECK(result.refusals[0].message.find("not saved") != std::string::npos);
    CHECK(t.session.workspace().info.name == "Drafts, renamed");
}

TEST_CASE("a file of a workspace stored here never overwrites it: the person chooses, and merging keeps both")
{
    TwoWorkspaces t;  // Drafts (empty) is open; Northwind is stored beside it
    // The stored Northwind gains a check-in of its own that the file does not have.
    t.session.switch_to("w-northwind");
    settle(t.store);
    CheckInDraft draft;
    draft.key_result = "kr-retention";
    draft.date = *Date::parse("2027-03-01");
    draft.value = 88;
    draft.confidence = 0.7;
    t.session.apply(std::get<ChangeSet>(record_check_in(t.session.workspace(), draft, "ci-kept-here",
                                                        at("2027-03-01T12:00:00.000Z"))),
                    at("2027-03-01T12:00:00.000Z"));
    settle(t.store);
    t.session.switch_to("w-drafts");
    settle(t.store);
    const std::string stored_before = t.store.record("w-northwind")->text;

    REQUIRE(!t.session.open_file(northwind()).refused());
    settle(t.store);
    CHECK(t.store.record("w-northwind")->text == stored_before);
    REQUIRE(t.session.stale());
    CHECK(t.session.stale()->already_stored);

    t.session.resolve_stale_by_merging(at("2027-03-01T12:05:00.000Z"));
    settle(t.store);
    CHECK(t.store.record("w-northwind")->text.find("ci-kept-here") != std::string::npos);
    CHECK(t.store.record("w-drafts") != nullptr);
}

TEST_CASE("neither a new workspace nor a file replaces edits that are not stored")
{
    TwoWorkspaces t;
    t.store.fail_next_save("QuotaExceededError");
    t.session.rename_workspace("Drafts, not stored", at("2027-03-01T10:00:00.000Z"));
    settle(t.store);
    REQUIRE(t.session.save_status() == SaveStatus::failed);

    CHECK(!t.session.create_workspace("Another", "w-another", at("2027-03-01T10:01:00.000Z")));
    CHECK(t.session.open_file(northwind()).refused());
    settle(t.store);
    CHECK(t.session.workspace().info.name == "Drafts, not stored");
    CHECK(t.store.record("w-another") == nullptr);
}

TEST_CASE("a name of nothing but spaces is not a name")
{
    TwoWorkspaces t;
    t.session.rename_workspace("   ", at("2027-03-01T10:00:00.000Z"));
    settle(t.store);
    CHECK(t.session.workspace().info.name == "Drafts for Q2");
    CHECK(!t.session.can_undo());
}

TEST_CASE("a workspace deleted in another tab is not brought back by this tab's next edit, unless kept")
{
    TwoWorkspaces t;
    t.session.switch_to("w-northwind");
    settle(t.store);
    MemoryStore::Tab other_tab{t.store};
    Session other{other_tab};
    other.start();
    settle(t.store);

    other.delete_workspace("w-northwind");
    settle(t.store);
    REQUIRE(t.session.deleted_elsewhere());
    t.session.rename_workspace("Northwind, edited after the deletion", at("2027-03-01T10:00:00.000Z"));
    settle(t.store);
    CHECK(t.store.record("w-northwind") == nullptr);
    CHECK(t.session.save_status() == SaveStatus::not_stored);

    SUBCASE("kept here: stored again, with the edit")
    {
        t.session.keep_deleted_workspace();
        settle(t.store);
        REQUIRE(t.store.record("w-northwind") != nullptr);
        CHECK(t.store.record("w-northwind")->name == "Northwind, edited after the deletion");
        CHECK(t.session.save_status() == SaveStatus::saved);
    }
    SUBCASE("closed: the other workspace opens, and nothing comes back")
    {
        t.session.close_deleted_workspace();
        settle(t.store);
        REQUIRE(t.session.has_workspace());
        CHECK(t.session.workspace().info.id == "w-drafts");
        CHECK(t.store.record("w-northwind") == nullptr);
    }
}
