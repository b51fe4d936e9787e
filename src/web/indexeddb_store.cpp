#include "web/indexeddb_store.hpp"

#include "web/browser_calls.hpp"

namespace okr::web {

void IndexedDbStore::load_current(std::function<void(LoadOutcome)> done)
{
    const int request = next_request_++;
    loads_[request] = std::move(done);
    okr_store_load(request);
}

void IndexedDbStore::save_current(StoredWorkspace workspace, std::function<void(SaveOutcome)> done)
{
    const int request = next_request_++;
    saves_[request] = std::move(done);
    okr_store_save(request, workspace.id.c_str(), workspace.text.data(), static_cast<int>(workspace.text.size()));
}

void IndexedDbStore::loaded(int request_id, LoadOutcome outcome)
{
    const auto it = loads_.find(request_id);
    if (it == loads_.end())
        return;
    auto done = std::move(it->second);
    loads_.erase(it);
    done(std::move(outcome));
}

void IndexedDbStore::saved(int request_id, SaveOutcome outcome)
{
    const auto it = saves_.find(request_id);
    if (it == saves_.end())
        return;
    auto done = std::move(it->second);
    saves_.erase(it);
    done(std::move(outcome));
}

}  // namespace okr::web
