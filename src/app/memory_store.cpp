#include "app/store.hpp"

#include <utility>

namespace okr {

void MemoryStore::load_current(std::function<void(LoadOutcome)> done)
{
    pending_.push_back([this, done = std::move(done)] { done(LoadOutcome{true, current_, {}}); });
}

void MemoryStore::save_current(StoredWorkspace workspace, std::function<void(SaveOutcome)> done)
{
    pending_.push_back([this, workspace = std::move(workspace), done = std::move(done)]() mutable {
        if (next_save_error_) {
            const std::string error = std::exchange(next_save_error_, std::nullopt).value();
            done(SaveOutcome{false, error});
            return;
        }
        current_ = std::move(workspace);
        done(SaveOutcome{true, {}});
    });
}

int MemoryStore::run_pending()
{
    auto queued = std::exchange(pending_, {});
    for (auto& callback : queued)
        callback();
    return static_cast<int>(queued.size());
}

}  // namespace okr
