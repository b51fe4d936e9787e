#pragma once
// WorkspaceStore on the browser's IndexedDB (see browser.js for the database layout).

#include <map>

#include "app/store.hpp"

namespace okr::web {

class IndexedDbStore final : public WorkspaceStore {
public:
    void load_current(std::function<void(LoadOutcome)> done) override;
    void save_current(StoredWorkspace workspace, std::function<void(SaveOutcome)> done) override;

    // Called from browser.js when IndexedDB answers.
    void loaded(int request_id, LoadOutcome outcome);
    void saved(int request_id, SaveOutcome outcome);

private:
    int next_request_ = 1;
    std::map<int, std::function<void(LoadOutcome)>> loads_;
    std::map<int, std::function<void(SaveOutcome)>> saves_;
};

}  // namespace okr::web
