#pragma once
// Where workspaces are kept between visits. The browser build keeps them in IndexedDB
// (src/web/browser.js); tests use MemoryStore. Every call is asynchronous because
// IndexedDB is: the callback runs later, never inside the call.
//
// Several tabs may share one store. Each stored workspace carries a revision that grows by
// one with every save; a save names the revision its copy was based on and is refused as
// stale when another tab has saved since, so no tab overwrites another's work unseen.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace okr {

struct StoredWorkspace {
    std::string id;
    std::string text;       // the canonical JSON export
    uint64_t revision = 0;  // saves so far; 0 for a copy stored before revisions existed
};

struct LoadOutcome {
    bool ok = false;                        // false: storage is unavailable or failed
    std::optional<StoredWorkspace> stored;  // null: nothing stored
    // Nothing is stored, yet this browser has stored a workspace before: the data that
    // was here is gone (cleared by the browser or the person), which is not a first run.
    bool data_gone = false;
    std::string gone_workspace_id;
    std::string error;  // why it failed, for the person
};

struct SaveRequest {
    StoredWorkspace workspace;  // revision: the stored revision this copy was based on
    std::string name;
    std::string summary;  // one line on what changed, for the restore point
    // The restore point this save extends (its first revision), replacing its text; 0
    // starts a new point.
    uint64_t restore_point_revision = 0;
    // Revisions this tab's earlier saves, still under way, were based on: this save
    // follows them, and is stale if any of them lost its place to another tab.
    std::vector<uint64_t> chain;
    // True: the person replaced the workspace on purpose (opened a file over it), so it is
    // stored whatever revision is there; the version it replaces stays a restore point.
    bool replaces = false;
};

enum class SaveResult { saved, stale, failed };

struct SaveOutcome {
    SaveResult result = SaveResult::failed;
    uint64_t revision = 0;                 // saved: the revision now stored
    std::optional<StoredWorkspace> newer;  // stale: what another tab stored meanwhile
    std::string error;                     // failed: why, for the person
};

// One of the last saved versions of a workspace, kept to go back to.
struct RestorePoint {
    std::string workspace_id;
    uint64_t first_revision = 0;  // with the workspace id, the point's key
    uint64_t revision = 0;
    int64_t saved_at_ms = 0;  // Unix milliseconds
    std::string summary;
};

inline constexpr std::size_t restore_points_kept = 20;

struct RestorePointsOutcome {
    bool ok = false;
    std::vector<RestorePoint> points;  // newest first
    std::string error;
};

struct RestorePointText {
    bool ok = false;
    std::string text;
    std::string error;
};

// One of the workspaces stored in this browser, as the list of them shows it.
struct WorkspaceSummary {
    std::string id;
    std::string name;
    uint64_t revision = 0;
    int64_t saved_at_ms = 0;  // Unix milliseconds of its last save
};

struct WorkspaceListOutcome {
    bool ok = false;
    std::vector<WorkspaceSummary> workspaces;  // last saved first
    std::string error;
};

struct RemoveOutcome {
    bool ok = false;
    std::string error;
};

// Whether the browser promised to keep the stored data when disk space runs low.
enum class Persistence { unknown, granted, denied };

// What the store reports without being asked.
struct StoreNotice {
    enum class Kind {
        saved_elsewhere,  // another tab saved `workspace_id` at `revision`
        blocked,          // an older version of the app in another tab holds the database open
        released,         // a newer version of the app needs the database: this tab must reload
        removed,          // another tab deleted `workspace_id`
    };
    Kind kind = Kind::saved_elsewhere;
    std::string workspace_id;
    uint64_t revision = 0;
};

class WorkspaceStore {
public:
    virtual ~WorkspaceStore() = default;

    // Loads the workspace that was open last.
    virtual void load_current(std::function<void(LoadOutcome)> done) = 0;
    // Loads one workspace as it is stored now.
    virtual void load(const std::string& id, std::function<void(LoadOutcome)> done) = 0;
    // Loads one workspace and makes it the one opened next time.
    virtual void open(const std::string& id, std::function<void(LoadOutcome)> done) = 0;
    virtual void list_workspaces(std::function<void(WorkspaceListOutcome)> done) = 0;
    // Removes a workspace with its restore points. When it was the one opened last, the one
    // saved last among the others takes its place; with none left, this browser counts as
    // never having stored anything, so the next start is a first run, not "data gone".
    virtual void remove(const std::string& id, std::function<void(RemoveOutcome)> done) = 0;
    // Stores the workspace if its revision is still the stored one, makes it the one opened
    // next time and records a restore point, all in one transaction.
    virtual void save(SaveRequest request, std::function<void(SaveOutcome)> done) = 0;

    virtual void list_restore_points(const std::string& workspace_id,
                                     std::function<void(RestorePointsOutcome)> done) = 0;
    virtual void load_restore_point(const RestorePoint& point, std::function<void(RestorePointText)> done) = 0;

    // Asks the browser to keep the data; answers what it decided.
    virtual void request_persistence(std::function<void(Persistence)> done) = 0;
    // Where notices go; one listener per store.
    virtual void listen(std::function<void(StoreNotice)> listener) = 0;
};

// Keeps everything in memory; callbacks run when the owner calls run_pending(), which
// lets tests observe the time between a request and its completion, as in a browser.
// Several Tab views of one MemoryStore behave as several browser tabs on one database.
class MemoryStore {
public:
    class Tab;

    struct Record {
        std::string text;
        std::string name;
        uint64_t revision = 0;
        int64_t saved_at_ms = 0;
    };

    // Runs the callbacks queued so far, in order; returns how many ran.
    int run_pending();

    void fail_next_save(std::string error) { next_save_error_ = std::move(error); }
    void set_unavailable(std::string error) { unavailable_ = std::move(error); }
    // Forgets every workspace and restore point, as a browser clearing site data would,
    // but keeps the marker that something was stored (as localStorage does here).
    void lose_everything();
    void put_record(const std::string& id, Record record);
    void set_current(std::string id) { current_ = std::move(id); }

    const std::optional<std::string>& current_id() const { return current_; }
    const Record* record(const std::string& id) const;
    std::optional<StoredWorkspace> current() const;
    std::vector<RestorePoint> restore_points(const std::string& workspace_id) const;
    Persistence persistence = Persistence::granted;

private:
    friend class Tab;

    struct StoredPoint {
        RestorePoint point;
        std::string text;
    };

    SaveOutcome save_now(const SaveRequest& request, int64_t now_ms, const Tab* saver);
    void record_restore_point(const SaveRequest& request, uint64_t revision, int64_t now_ms);
    void notify_others(const Tab* saver, StoreNotice notice);
    void remove_now(const std::string& id);

    std::map<std::string, Record> records_;
    // Which tab's save followed each revision of each workspace.
    std::map<std::pair<std::string, uint64_t>, const Tab*> successions_;
    std::optional<std::string> current_;
    std::optional<std::string> ever_stored_;
    std::vector<StoredPoint> points_;  // oldest first
    int64_t clock_ms_ = 1'800'000'000'000;
    std::optional<std::string> next_save_error_;
    std::optional<std::string> unavailable_;
    std::vector<Tab*> tabs_;
    std::vector<std::function<void()>> pending_;
};

class MemoryStore::Tab final : public WorkspaceStore {
public:
    explicit Tab(MemoryStore& shared);
    ~Tab() override;
    Tab(const Tab&) = delete;
    Tab& operator=(const Tab&) = delete;

    void load_current(std::function<void(LoadOutcome)> done) override;
    void load(const std::string& id, std::function<void(LoadOutcome)> done) override;
    void open(const std::string& id, std::function<void(LoadOutcome)> done) override;
    void list_workspaces(std::function<void(WorkspaceListOutcome)> done) override;
    void remove(const std::string& id, std::function<void(RemoveOutcome)> done) override;
    void save(SaveRequest request, std::function<void(SaveOutcome)> done) override;
    void list_restore_points(const std::string& workspace_id,
                             std::function<void(RestorePointsOutcome)> done) override;
    void load_restore_point(const RestorePoint& point, std::function<void(RestorePointText)> done) override;
    void request_persistence(std::function<void(Persistence)> done) override;
    void listen(std::function<void(StoreNotice)> listener) override { listener_ = std::move(listener); }

    // As when another tab opens a newer version of the app.
    void release();

private:
    friend class MemoryStore;

    LoadOutcome load_now(const std::optional<std::string>& id) const;

    MemoryStore& shared_;
    std::function<void(StoreNotice)> listener_;
};

}  // namespace okr
