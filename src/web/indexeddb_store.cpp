#include "web/indexeddb_store.hpp"

#include "app/stored_record.hpp"
#include "web/browser_calls.hpp"

namespace okr::web {
namespace {

using nlohmann::json;

std::string text_of(const json& meta, const char* field)
{
    const auto it = meta.find(field);
    return it != meta.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool flag(const json& meta, const char* field)
{
    const auto it = meta.find(field);
    return it != meta.end() && it->is_boolean() && it->get<bool>();
}

uint64_t count_of(const json& meta, const char* field)
{
    const auto it = meta.find(field);
    return it != meta.end() && it->is_number_integer() && it->get<int64_t>() >= 0 ? it->get<uint64_t>() : 0;
}

// A stored record, upgraded from whatever format it was written in.
LoadOutcome loaded_record(const json& meta, std::string text)
{
    const auto envelope = meta.find("record");
    StoredRecordRead read =
        read_stored_record(text_of(meta, "key"), envelope != meta.end() ? *envelope : json(), std::move(text));
    if (!read.workspace)
        return LoadOutcome{false, std::nullopt, false, {}, read.error};
    return LoadOutcome{true, std::move(read.workspace), false, {}, {}};
}

}  // namespace

void IndexedDbStore::send(const char* kind, json meta, const std::string& text, Answer answer)
{
    const int request = next_request_++;
    waiting_[request] = std::move(answer);
    meta["format"] = stored_format_version;
    const std::string fields = meta.dump(-1, ' ', false, json::error_handler_t::replace);
    okr_store_request(request, kind, fields.c_str(), text.data(), static_cast<int>(text.size()));
}

void IndexedDbStore::request_load(json meta, std::function<void(LoadOutcome)> done)
{
    send("load", std::move(meta), {}, [done = std::move(done)](const json& answer, std::string text) {
        if (!flag(answer, "ok")) {
            done(LoadOutcome{false, std::nullopt, false, {}, text_of(answer, "error")});
            return;
        }
        if (!flag(answer, "found")) {
            done(LoadOutcome{true, std::nullopt, flag(answer, "gone"), text_of(answer, "gone_id"), {}});
            return;
        }
        done(loaded_record(answer, std::move(text)));
    });
}

void IndexedDbStore::load_current(std::function<void(LoadOutcome)> done) { request_load(json::object(), std::move(done)); }

void IndexedDbStore::load(const std::string& id, std::function<void(LoadOutcome)> done)
{
    request_load({{"id", id}}, std::move(done));
}

void IndexedDbStore::open(const std::string& id, std::function<void(LoadOutcome)> done)
{
    request_load({{"id", id}, {"make_current", true}}, std::move(done));
}

void IndexedDbStore::list_workspaces(std::function<void(WorkspaceListOutcome)> done)
{
    send("list", json::object(), {}, [done = std::move(done)](const json& answer, std::string) {
        WorkspaceListOutcome outcome{flag(answer, "ok"), {}, text_of(answer, "error")};
        const auto found = answer.find("workspaces");
        if (found != answer.end() && found->is_array()) {
            for (const json& w : *found) {
                if (!w.is_object())
                    continue;
                outcome.workspaces.push_back({text_of(w, "id"), text_of(w, "name"), count_of(w, "revision"),
                                              static_cast<int64_t>(count_of(w, "saved_at"))});
            }
        }
        done(std::move(outcome));
    });
}

void IndexedDbStore::remove(const std::string& id, std::function<void(RemoveOutcome)> done)
{
    send("remove", {{"id", id}}, {}, [done = std::move(done)](const json& answer, std::string) {
        done(RemoveOutcome{flag(answer, "ok"), text_of(answer, "error")});
    });
}

void IndexedDbStore::save(SaveRequest request, std::function<void(SaveOutcome)> done)
{
    json meta = {{"id", request.workspace.id},
                 {"name", request.name},
                 {"based_on", request.workspace.revision},
                 {"summary", request.summary},
                 {"point_revision", request.restore_point_revision},
                 {"replaces", request.replaces},
                 {"chain", request.chain},
                 {"kept", restore_points_kept}};
    send("save", std::move(meta), request.workspace.text, [done = std::move(done)](const json& answer, std::string text) {
        const std::string result = text_of(answer, "result");
        if (result == "saved") {
            done(SaveOutcome{SaveResult::saved, count_of(answer, "revision"), std::nullopt, {}});
        } else if (result == "stale") {
            LoadOutcome newer = loaded_record(answer, std::move(text));
            if (newer.ok)
                done(SaveOutcome{SaveResult::stale, 0, std::move(newer.stored), {}});
            else
                done(SaveOutcome{SaveResult::failed, 0, std::nullopt, newer.error});
        } else {
            done(SaveOutcome{SaveResult::failed, 0, std::nullopt, text_of(answer, "error")});
        }
    });
}

void IndexedDbStore::list_restore_points(const std::string& workspace_id,
                                         std::function<void(RestorePointsOutcome)> done)
{
    send("points", {{"id", workspace_id}, {"kept", restore_points_kept}}, {}, [done = std::move(done)](const json& answer, std::string) {
        RestorePointsOutcome outcome{flag(answer, "ok"), {}, text_of(answer, "error")};
        const auto points = answer.find("points");
        if (points != answer.end() && points->is_array()) {
            for (const json& p : *points) {
                if (!p.is_object())
                    continue;
                RestorePoint point;
                point.workspace_id = text_of(p, "workspace_id");
                point.first_revision = count_of(p, "first_revision");
                point.revision = count_of(p, "revision");
                point.saved_at_ms = static_cast<int64_t>(count_of(p, "saved_at_ms"));
                point.summary = text_of(p, "summary");
                outcome.points.push_back(std::move(point));
            }
        }
        done(std::move(outcome));
    });
}

void IndexedDbStore::load_restore_point(const RestorePoint& point, std::function<void(RestorePointText)> done)
{
    send("point", {{"id", point.workspace_id}, {"key", point.first_revision}}, {}, [done = std::move(done)](const json& answer, std::string text) {
        done(RestorePointText{flag(answer, "ok"), std::move(text), text_of(answer, "error")});
    });
}

void IndexedDbStore::request_persistence(std::function<void(Persistence)> done)
{
    send("persist", json::object(), {}, [done = std::move(done)](const json& answer, std::string) {
        const std::string decided = text_of(answer, "persistence");
        done(decided == "granted" ? Persistence::granted
             : decided == "denied" ? Persistence::denied
                                   : Persistence::unknown);
    });
}

void IndexedDbStore::answered(int request_id, const json& meta, std::string text)
{
    const auto it = waiting_.find(request_id);
    if (it == waiting_.end())
        return;
    Answer answer = std::move(it->second);
    waiting_.erase(it);
    answer(meta, std::move(text));
}

void IndexedDbStore::noticed(const json& meta)
{
    if (!listener_)
        return;
    const std::string kind = text_of(meta, "kind");
    if (kind == "saved")
        listener_({StoreNotice::Kind::saved_elsewhere, text_of(meta, "id"), count_of(meta, "revision")});
    else if (kind == "blocked")
        listener_({StoreNotice::Kind::blocked, {}, 0});
    else if (kind == "released")
        listener_({StoreNotice::Kind::released, {}, 0});
    else if (kind == "removed")
        listener_({StoreNotice::Kind::removed, text_of(meta, "id"), 0});
}

}  // namespace okr::web
