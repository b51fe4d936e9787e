#pragma once
// WorkspaceStore on the browser's IndexedDB. browser.js does the database work; this side
// turns each call into one request (a kind, JSON fields, a text) and each answer back.

#include <map>

#include <nlohmann/json.hpp>

#include "app/store.hpp"

namespace okr::web {

class IndexedDbStore final : public WorkspaceStore {
public:
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

    // Called from browser.js.
    void answered(int request_id, const nlohmann::json& meta, std::string text);
    void noticed(const nlohmann::json& meta);

private:
    using Answer = std::function<void(const nlohmann::json& meta, std::string text)>;

    void send(const char* kind, nlohmann::json meta, const std::string& text, Answer answer);
    void request_load(nlohmann::json meta, std::function<void(LoadOutcome)> done);

    int next_request_ = 1;
    std::map<int, Answer> waiting_;
    std::function<void(StoreNotice)> listener_;
};

}  // namespace okr::web
