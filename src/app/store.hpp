#pragma once
// Where the workspace is kept between visits. The browser build keeps it in IndexedDB
// (src/web); tests and the command line use MemoryStore. Every call is asynchronous
// because IndexedDB is: the callback runs later, never inside the call.

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace okr {

struct StoredWorkspace {
    std::string id;
    std::string text;  // the canonical JSON export
};

struct LoadOutcome {
    bool ok = false;                        // false: storage is unavailable or failed
    std::optional<StoredWorkspace> stored;  // null on a first run
    std::string error;                      // why it failed, for the person
};

struct SaveOutcome {
    bool ok = false;
    std::string error;
};

class WorkspaceStore {
public:
    virtual ~WorkspaceStore() = default;

    // Loads the workspace that was open last.
    virtual void load_current(std::function<void(LoadOutcome)> done) = 0;
    // Stores the workspace and makes it the one opened next time, in one transaction.
    virtual void save_current(StoredWorkspace workspace, std::function<void(SaveOutcome)> done) = 0;
};

// Keeps everything in memory; callbacks run when the owner calls run_pending(), which
// lets tests observe the time between a request and its completion, as in a browser.
class MemoryStore final : public WorkspaceStore {
public:
    void load_current(std::function<void(LoadOutcome)> done) override;
    void save_current(StoredWorkspace workspace, std::function<void(SaveOutcome)> done) override;

    // Runs the callbacks queued so far; returns how many ran.
    int run_pending();
    void fail_next_save(std::string error) { next_save_error_ = std::move(error); }

    const std::optional<StoredWorkspace>& current() const { return current_; }

private:
    std::optional<StoredWorkspace> current_;
    std::optional<std::string> next_save_error_;
    std::vector<std::function<void()>> pending_;
};

}  // namespace okr
