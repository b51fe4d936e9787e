#include <algorithm>
#include <utility>

#include "app/store.hpp"

namespace okr {

// ---- the shared database ----------------------------------------------------------------

int MemoryStore::run_pending()
{
    int ran = 0;
    // Callbacks queue further work (a folded save, a notice); that runs on the next call,
    // as it would in a later turn of the browser's event loop.
    auto queued = std::exchange(pending_, {});
    for (auto& callback : queued) {
        callback();
        ++ran;
    }
    return ran;
}

void MemoryStore::lose_everything()
{
    records_.clear();
    points_.clear();
    current_.reset();
}

void MemoryStore::put_record(const std::string& id, Record record)
{
    records_[id] = std::move(record);
    ever_stored_ = id;
}

const MemoryStore::Record* MemoryStore::record(const std::string& id) const
{
    const auto it = records_.find(id);
    return it == records_.end() ? nullptr : &it->second;
}

std::optional<StoredWorkspace> MemoryStore::current() const
{
    if (!current_)
        return std::nullopt;
    const Record* held = record(*current_);
    if (!held)
        return std::nullopt;
    return StoredWorkspace{*current_, held->text, held->revision};
}

std::vector<RestorePoint> MemoryStore::restore_points(const std::string& workspace_id) const
{
    std::vector<RestorePoint> found;
    for (auto it = points_.rbegin(); it != points_.rend(); ++it)
        if (it->point.workspace_id == workspace_id)
            found.push_back(it->point);
    return found;
}

SaveOutcome MemoryStore::save_now(const SaveRequest& request, int64_t now_ms, const Tab* saver)
{
    if (unavailable_)
        return {SaveResult::failed, 0, std::nullopt, *unavailable_};
    if (next_save_error_)
        return {SaveResult::failed, 0, std::nullopt, std::exchange(next_save_error_, std::nullopt).value()};

    const StoredWorkspace& copy = request.workspace;
    const Record* held = record(copy.id);
    if (held && held->revision != copy.revision && !request.replaces)
        return {SaveResult::stale, 0, StoredWorkspace{copy.id, held->text, held->revision}, {}};

    const uint64_t revision = (held ? held->revision : 0) + 1;
    std::vector<uint64_t> bases = request.chain;
    bases.push_back(revision - 1);
    for (uint64_t base : bases) {
        const auto follower = successions_.find({copy.id, base});
        if (follower != successions_.end() && follower->second != saver)
            return {SaveResult::stale, 0, StoredWorkspace{copy.id, held->text, held->revision}, {}};
    }
    for (uint64_t base : bases)
        successions_[{copy.id, base}] = saver;
    put_record(copy.id, {copy.text, request.name, revision, now_ms});
    current_ = copy.id;
    record_restore_point(request, revision, now_ms);
    return {SaveResult::saved, revision, std::nullopt, {}};
}

void MemoryStore::record_restore_point(const SaveRequest& request, uint64_t revision, int64_t now_ms)
{
    const std::string& id = request.workspace.id;
    const uint64_t first = request.restore_point_revision > 0 ? request.restore_point_revision : revision;
    const auto extended = std::find_if(points_.begin(), points_.end(), [&](const StoredPoint& p) {
        return p.point.workspace_id == id && p.point.first_revision == first;
    });
    if (extended != points_.end()) {
        extended->point.revision = revision;
        extended->point.saved_at_ms = now_ms;
        extended->point.summary = request.summary;
        extended->text = request.workspace.text;
        return;
    }

    points_.push_back({RestorePoint{id, first, revision, now_ms, request.summary}, request.workspace.text});
    std::size_t kept = 0;
    for (auto it = points_.rbegin(); it != points_.rend(); ++it)
        if (it->point.workspace_id == id)
            ++kept;
    for (auto it = points_.begin(); kept > restore_points_kept && it != points_.end();) {
        if (it->point.workspace_id == id) {
            it = points_.erase(it);
            --kept;
        } else {
            ++it;
        }
    }
}

void MemoryStore::remove_now(const std::string& id)
{
    records_.erase(id);
    std::erase_if(successions_, [&](const auto& entry) { return entry.first.first == id; });
    std::erase_if(points_, [&](const StoredPoint& p) { return p.point.workspace_id == id; });
    if (records_.empty()) {
        current_.reset();
        ever_stored_.reset();
        return;
    }
    if (current_ == id) {
        const auto latest = std::max_element(records_.begin(), records_.end(), [](const auto& a, const auto& b) {
            return a.second.saved_at_ms < b.second.saved_at_ms;
        });
        current_ = latest->first;
    }
}

void MemoryStore::notify_others(const Tab* saver, StoreNotice notice)
{
    for (Tab* tab : tabs_)
        if (tab != saver && tab->listener_)
            pending_.push_back([tab, notice] { tab->listener_(notice); });
}

// ---- one tab's view of it ---------------------------------------------------------------

MemoryStore::Tab::Tab(MemoryStore& shared) : shared_(shared) { shared_.tabs_.push_back(this); }

MemoryStore::Tab::~Tab() { std::erase(shared_.tabs_, this); }

LoadOutcome MemoryStore::Tab::load_now(const std::optional<std::string>& id) const
{
    if (shared_.unavailable_)
        return LoadOutcome{false, std::nullopt, false, {}, *shared_.unavailable_};
    const Record* held = id ? shared_.record(*id) : nullptr;
    if (held)
        return LoadOutcome{true, StoredWorkspace{*id, held->text, held->revision}, false, {}, {}};
    const bool gone = shared_.ever_stored_.has_value();
    return LoadOutcome{true, std::nullopt, gone, gone ? *shared_.ever_stored_ : std::string(), {}};
}

void MemoryStore::Tab::load_current(std::function<void(LoadOutcome)> done)
{
    shared_.pending_.push_back([this, done = std::move(done)] { done(load_now(shared_.current_)); });
}

void MemoryStore::Tab::load(const std::string& id, std::function<void(LoadOutcome)> done)
{
    shared_.pending_.push_back([this, id, done = std::move(done)] { done(load_now(id)); });
}

void MemoryStore::Tab::open(const std::string& id, std::function<void(LoadOutcome)> done)
{
    shared_.pending_.push_back([this, id, done = std::move(done)] {
        LoadOutcome outcome = load_now(id);
        if (outcome.ok && outcome.stored)
            shared_.current_ = id;
        done(std::move(outcome));
    });
}

void MemoryStore::Tab::list_workspaces(std::function<void(WorkspaceListOutcome)> done)
{
    shared_.pending_.push_back([this, done = std::move(done)] {
        if (shared_.unavailable_) {
            done({false, {}, *shared_.unavailable_});
            return;
        }
        WorkspaceListOutcome outcome{true, {}, {}};
        for (const auto& [id, held] : shared_.records_)
            outcome.workspaces.push_back({id, held.name, held.revision, held.saved_at_ms});
        std::stable_sort(outcome.workspaces.begin(), outcome.workspaces.end(),
                         [](const auto& a, const auto& b) { return a.saved_at_ms > b.saved_at_ms; });
        done(std::move(outcome));
    });
}

void MemoryStore::Tab::remove(const std::string& id, std::function<void(RemoveOutcome)> done)
{
    shared_.pending_.push_back([this, id, done = std::move(done)] {
        if (shared_.unavailable_) {
            done({false, *shared_.unavailable_});
            return;
        }
        shared_.remove_now(id);
        shared_.notify_others(this, {StoreNotice::Kind::removed, id, 0});
        done({true, {}});
    });
}

void MemoryStore::Tab::save(SaveRequest request, std::function<void(SaveOutcome)> done)
{
    shared_.pending_.push_back([this, request = std::move(request), done = std::move(done)] {
        const int64_t now_ms = shared_.clock_ms_ += 1000;
        SaveOutcome outcome = shared_.save_now(request, now_ms, this);
        if (outcome.result == SaveResult::saved)
            shared_.notify_others(this, {StoreNotice::Kind::saved_elsewhere, request.workspace.id, outcome.revision});
        done(std::move(outcome));
    });
}

void MemoryStore::Tab::list_restore_points(const std::string& workspace_id,
                                           std::function<void(RestorePointsOutcome)> done)
{
    shared_.pending_.push_back([this, workspace_id, done = std::move(done)] {
        if (shared_.unavailable_)
            done({false, {}, *shared_.unavailable_});
        else
            done({true, shared_.restore_points(workspace_id), {}});
    });
}

void MemoryStore::Tab::load_restore_point(const RestorePoint& point, std::function<void(RestorePointText)> done)
{
    shared_.pending_.push_back([this, point, done = std::move(done)] {
        const auto it = std::find_if(shared_.points_.begin(), shared_.points_.end(), [&](const StoredPoint& p) {
            return p.point.workspace_id == point.workspace_id && p.point.first_revision == point.first_revision;
        });
        if (it == shared_.points_.end())
            done({false, {}, "That restore point is no longer stored"});
        else
            done({true, it->text, {}});
    });
}

void MemoryStore::Tab::request_persistence(std::function<void(Persistence)> done)
{
    shared_.pending_.push_back([this, done = std::move(done)] { done(shared_.persistence); });
}

void MemoryStore::Tab::release()
{
    if (listener_)
        shared_.pending_.push_back([this] { listener_({StoreNotice::Kind::released, {}, 0}); });
}

}  // namespace okr
