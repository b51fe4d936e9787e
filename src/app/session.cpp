#include "app/session.hpp"

#include "core/difference.hpp"
#include "core/export.hpp"

namespace okr {
namespace {

// Edits closer together than this share one restore point: twenty points then cover
// twenty sittings rather than the last twenty keystrokes.
constexpr int64_t restore_point_span_ms = 10 * 60 * 1000;

std::string point_summary(const std::string& first, int edits)
{
    if (edits <= 1)
        return first;
    return first + ", and " + std::to_string(edits - 1) + (edits == 2 ? " more edit" : " more edits");
}

}  // namespace

Session::Session(WorkspaceStore& store) : store_(store)
{
    store_.listen([this](StoreNotice notice) { on_notice(notice); });
}

void Session::start()
{
    startup_ = Startup::loading;
    store_.load_current([this](LoadOutcome outcome) { on_loaded(std::move(outcome)); });
}

void Session::on_loaded(LoadOutcome outcome)
{
    storage_notice_.clear();
    if (outcome.ok)
        request_persistence();
    if (!outcome.ok) {
        startup_ = Startup::storage_failed;
        storage_error_ = outcome.error;
        save_status_ = SaveStatus::not_stored;
        return;
    }
    if (!outcome.stored) {
        startup_ = outcome.data_gone ? Startup::data_gone : Startup::first_run;
        if (outcome.data_gone) {
            restore_points_loading_ = true;
            store_.list_restore_points(outcome.gone_workspace_id, [this](RestorePointsOutcome points) {
                restore_points_loading_ = false;
                restore_points_ = std::move(points.points);
                restore_points_error_ = points.error;
            });
        }
        return;
    }

    // What we stored was written by our own exporter, so a refusal here means the stored
    // copy is damaged. It is left in place untouched, for the person to export or repair.
    ImportResult result = import_workspace(outcome.stored->text);
    if (result.refused()) {
        startup_ = Startup::storage_failed;
        storage_error_ = "The stored workspace could not be read: " + to_string(result.refusals.front());
        save_status_ = SaveStatus::not_stored;
        return;
    }
    workspace_ = std::move(*result.workspace);
    stored_revision_ = outcome.stored->revision;
    ++revision_;
    startup_ = Startup::ready;
}

// ---- replacing and editing ----------------------------------------------------------------

// A file that would take the open workspace's place is not even read while that one has
// edits not yet stored: the reason comes back as the refusal.
ImportResult Session::import_unless_blocked(std::string_view bytes) const
{
    const std::string blocked = workspace_ ? why_it_cannot_be_left() : std::string();
    if (!blocked.empty())
        return ImportResult{std::nullopt, {Problem{"", blocked}}, {}};
    return import_workspace(bytes);
}

ImportResult Session::open_file(std::string_view bytes)
{
    ImportResult result = import_unless_blocked(bytes);
    if (result.refused())
        return result;

    // The file's own updated_at is kept: opening is not an edit. It replaces what is
    // stored only under the id of the workspace the person sees; a file of another
    // workspace stored here claims that workspace's first revision, which fails, so its
    // copy is put before the person beside the stored one instead of over it.
    const std::string name = result.workspace->info.name;
    const bool replaces_open_one = workspace_ && workspace_->info.id == result.workspace->info.id;
    replace_workspace(*result.workspace);
    request_save("Opened " + (name.empty() ? std::string("a file") : name),
                 replaces_open_one ? Saving::replacing : Saving::new_point);
    return result;
}

bool Session::create_workspace(std::string name, Id id, Timestamp now)
{
    if (workspace_ && !why_it_cannot_be_left().empty())
        return false;

    Workspace workspace;
    workspace.info.id = std::move(id);
    workspace.info.name = std::move(name);
    replace_workspace(std::move(workspace));
    touch(std::move(now));
    request_save("Created the workspace " + workspace_->info.name, Saving::replacing);
    return true;
}

void Session::replace_workspace(Workspace workspace)
{
    const bool same_workspace = workspace_ && workspace_->info.id == workspace.info.id;
    workspace_ = std::move(workspace);
    ++revision_;
    undo_.clear();
    redo_.clear();
    // Another workspace starts its own revisions; the same one keeps counting from the stored.
    if (!same_workspace)
        stored_revision_ = 0;
    if (startup_ != Startup::storage_failed)
        startup_ = Startup::ready;
}

Session::MergePreview Session::preview_merge(std::string_view bytes) const
{
    MergePreview preview{import_workspace(bytes), std::nullopt};
    if (!preview.import.refused() && workspace_)
        preview.merge = merge_workspaces(*workspace_, *preview.import.workspace);
    return preview;
}

void Session::apply_merge(const MergeResult& merge, const std::string& file_name, Timestamp now)
{
    if (!workspace_)
        return;
    Step step{merge.changes, std::nullopt, std::nullopt};
    step.changes.summary = "Merged " + file_name + ": " + std::to_string(merge.count(MergeOutcome::added)) +
                           " added, " + std::to_string(merge.count(MergeOutcome::changed)) + " changed, " +
                           std::to_string(merge.count(MergeOutcome::deleted)) + " deleted, " +
                           std::to_string(merge.count(MergeOutcome::conflict)) + " conflicts";
    const bool header_changed =
        workspace_->info.name != merge.merged.info.name || !same_preserved(workspace_->preserved, merge.merged.preserved);
    if (step.changes.empty() && !header_changed)
        return;

    step.header_before = header();
    HeaderState after{merge.merged.info, merge.merged.preserved};
    after.info.updated_at = now;
    step.header_after = after;
    const std::string summary = step.changes.summary;
    push_step(std::move(step));
    touch(std::move(now));
    request_save(summary, Saving::new_point);
}

void Session::apply(ChangeSet change_set, Timestamp now)
{
    if (!workspace_ || change_set.empty() || stale_)
        return;
    const std::string summary = change_set.summary;
    okr::apply(*workspace_, change_set);
    undo_.push_back({std::move(change_set), std::nullopt, std::nullopt});
    redo_.clear();
    touch(std::move(now));
    request_save(summary);
}

// Applies a step that was not made through apply(): its entities and its header.
void Session::push_step(Step step)
{
    okr::apply(*workspace_, step.changes);
    if (step.header_after)
        set_header(*step.header_after);
    undo_.push_back(std::move(step));
    redo_.clear();
}

void Session::set_header(const HeaderState& state)
{
    workspace_->info = state.info;
    workspace_->preserved = state.preserved;
}

std::string Session::undo_summary() const { return undo_.empty() ? std::string() : undo_.back().changes.summary; }
std::string Session::redo_summary() const { return redo_.empty() ? std::string() : redo_.back().changes.summary; }

void Session::undo(Timestamp now)
{
    if (!can_undo())
        return;
    Step& step = undo_.back();
    revert(*workspace_, step.changes);
    if (step.header_before)
        set_header(*step.header_before);
    const std::string summary = "Undid: " + step.changes.summary;
    redo_.push_back(std::move(step));
    undo_.pop_back();
    touch(std::move(now));
    request_save(summary);
}

void Session::redo(Timestamp now)
{
    if (!can_redo())
        return;
    Step& step = redo_.back();
    okr::apply(*workspace_, step.changes);
    if (step.header_after)
        set_header(*step.header_after);
    const std::string summary = step.changes.summary;
    undo_.push_back(std::move(step));
    redo_.pop_back();
    touch(std::move(now));
    request_save(summary);
}

void Session::touch(Timestamp now)
{
    last_edit_ms_ = now.unix_ms;
    workspace_->info.updated_at = std::move(now);
    ++revision_;
}

std::string Session::export_text() const { return workspace_ ? export_workspace(*workspace_) : std::string(); }

// ---- saving ---------------------------------------------------------------------------------

bool Session::has_unsaved_edits() const { return writes_in_flight_ > 0 || write_again_; }

// One write at a time: edits made while a write is under way are folded into the next.
void Session::request_save(std::string summary, Saving kind)
{
    const bool new_restore_point = kind != Saving::edit;
    if (kind == Saving::replacing)
        replace_on_next_write_ = true;
    if (startup_ == Startup::storage_failed || released_ || deleted_elsewhere_) {
        save_status_ = SaveStatus::not_stored;
        return;
    }

    // The restore point this save extends, or a new one.
    const bool extend = !new_restore_point && !start_new_point_ && last_edit_ms_ - point_started_ms_ < restore_point_span_ms;
    if (extend) {
        ++point_edits_;
    } else {
        point_summary_ = std::move(summary);
        point_edits_ = 1;
        point_started_ms_ = last_edit_ms_;
        point_first_revision_ = 0;
    }
    // A whole workspace arriving (a file, a merge, a restore) is a point of its own.
    start_new_point_ = new_restore_point;

    if (stale_)
        return;
    save_status_ = SaveStatus::pending;
    if (writes_in_flight_ > 0) {
        write_again_ = true;
        return;
    }
    write_now(stored_revision_);
}

void Session::write_now(uint64_t based_on)
{
    // The bases of this tab's writes still under way, which this one follows.
    std::vector<uint64_t> chain;
    for (uint64_t base = stored_revision_; base < based_on; ++base)
        chain.push_back(base);

    ++writes_in_flight_;
    write_again_ = false;
    save_status_ = SaveStatus::saving;
    SaveRequest request{{workspace_->info.id, export_workspace(*workspace_), based_on},
                        workspace_->info.name,
                        point_summary(point_summary_, point_edits_),
                        point_edits_ > 1 ? point_first_revision_ : 0,
                        std::move(chain),
                        replace_on_next_write_};
    replace_on_next_write_ = false;
    store_.save(std::move(request), [this](SaveOutcome outcome) { on_saved(std::move(outcome)); });
}

void Session::flush()
{
    if (write_again_ && !stale_ && !released_ && !deleted_elsewhere_)
        write_now(stored_revision_ + static_cast<uint64_t>(writes_in_flight_));
}

void Session::on_saved(SaveOutcome outcome)
{
    --writes_in_flight_;
    if (outcome.result == SaveResult::saved) {
        stored_revision_ = std::max(stored_revision_, outcome.revision);
        if (point_first_revision_ == 0)
            point_first_revision_ = outcome.revision;
        save_error_.clear();
    } else if (outcome.result == SaveResult::stale) {
        // The person decides; nothing more is written until then.
        write_again_ = false;
        on_newer_copy(LoadOutcome{true, std::move(outcome.newer), false, {}, {}});
        return;
    } else {
        save_error_ = outcome.error;
    }

    if (writes_in_flight_ > 0)
        return;
    if (deleted_elsewhere_) {
        save_status_ = SaveStatus::not_stored;
        return;
    }
    if (write_again_) {
        write_now(stored_revision_);
        return;
    }
    save_status_ = outcome.result == SaveResult::saved ? SaveStatus::saved : SaveStatus::failed;
}

// The browser keeps the data through low disk space only when asked to.
void Session::request_persistence()
{
    store_.request_persistence([this](Persistence answer) { persistence_ = answer; });
}

// ---- other tabs -------------------------------------------------------------------------------

void Session::on_notice(const StoreNotice& notice)
{
    switch (notice.kind) {
    case StoreNotice::Kind::blocked:
        storage_notice_ = "Another tab holds this app's data open with an older version of the app. "
                          "Close or reload that tab to continue.";
        return;
    case StoreNotice::Kind::released:
        released_ = true;
        save_status_ = SaveStatus::not_stored;
        return;
    case StoreNotice::Kind::removed:
        if (workspace_ && notice.workspace_id == workspace_->info.id && !deleted_elsewhere_) {
            deleted_elsewhere_ = true;
            save_status_ = SaveStatus::not_stored;
        }
        return;
    case StoreNotice::Kind::saved_elsewhere:
        break;
    }

    if (!workspace_ || notice.workspace_id != workspace_->info.id || notice.revision <= stored_revision_)
        return;
    // With a write of ours under way, its stale answer brings the other copy.
    if (has_unsaved_edits() || stale_)
        return;
    store_.load(notice.workspace_id, [this](LoadOutcome outcome) { on_newer_copy(std::move(outcome)); });
}

// Another tab's copy, after a notice or a stale save: taken in at once when this tab has
// nothing unsaved, otherwise put before the person.
void Session::on_newer_copy(LoadOutcome outcome)
{
    if (!outcome.ok || !outcome.stored || !workspace_ || outcome.stored->id != workspace_->info.id)
        return;
    if (outcome.stored->revision <= stored_revision_ && !stale_)
        return;

    StoredWorkspace stored = std::move(*outcome.stored);
    const bool edits_waiting = has_unsaved_edits() || save_status_ == SaveStatus::failed ||
                               save_status_ == SaveStatus::pending || save_status_ == SaveStatus::saving;
    ImportResult theirs = import_workspace(stored.text);
    if (!edits_waiting && !theirs.refused()) {
        stored_revision_ = stored.revision;
        take_in(std::move(*theirs.workspace), "Changes saved in another tab");
        ++updates_from_other_tabs_;
        return;
    }

    StaleCopy copy;
    copy.already_stored = stored_revision_ == 0;
    copy.readable = !theirs.refused();
    copy.title = copy.readable ? theirs.workspace->info.name : to_string(theirs.refusals.front());
    copy.stored = std::move(stored);
    stale_ = std::move(copy);
    save_status_ = SaveStatus::pending;
}

// Makes `arriving` the open workspace as one undoable step, without saving it.
void Session::take_in(Workspace arriving, std::string summary)
{
    Step step{difference(*workspace_, arriving, std::move(summary)), header(),
              HeaderState{arriving.info, arriving.preserved}};
    push_step(std::move(step));
    ++revision_;
}

void Session::resolve_stale_by_merging(Timestamp now)
{
    if (!stale_ || !stale_->readable)
        return;
    ImportResult theirs = import_workspace(stale_->stored.text);
    MergeResult merged = merge_workspaces(*workspace_, *theirs.workspace);
    stored_revision_ = stale_->stored.revision;
    stale_.reset();

    Step step{std::move(merged.changes), header(), HeaderState{merged.merged.info, merged.merged.preserved}};
    step.changes.summary = "Merged with the copy saved in another tab";
    step.header_after->info.updated_at = now;
    push_step(std::move(step));
    touch(std::move(now));
    request_save("Merged with the copy saved in another tab", Saving::new_point);
}

void Session::resolve_stale_by_taking_theirs()
{
    if (!stale_ || !stale_->readable)
        return;
    ImportResult theirs = import_workspace(stale_->stored.text);
    stored_revision_ = stale_->stored.revision;
    stale_.reset();
    take_in(std::move(*theirs.workspace), "Took the copy saved in another tab");
    save_status_ = SaveStatus::saved;
}

// ---- restore points -----------------------------------------------------------------------------

void Session::refresh_restore_points()
{
    if (!workspace_ || startup_ == Startup::storage_failed)
        return;
    restore_points_loading_ = true;
    store_.list_restore_points(workspace_->info.id, [this](RestorePointsOutcome outcome) {
        restore_points_loading_ = false;
        restore_points_ = std::move(outcome.points);
        restore_points_error_ = outcome.error;
    });
}

void Session::preview_restore_point(const RestorePoint& point)
{
    restore_preview_ = RestorePreview{point, std::nullopt, {}, {}};
    store_.load_restore_point(point, [this, key = point.first_revision](RestorePointText loaded) {
        if (!restore_preview_ || restore_preview_->point.first_revision != key)
            return;
        if (!loaded.ok) {
            restore_preview_->error = loaded.error;
            return;
        }
        ImportResult result = import_workspace(loaded.text);
        if (result.refused()) {
            restore_preview_->error = "This restore point cannot be read: " + to_string(result.refusals.front());
            return;
        }
        if (workspace_)
            restore_preview_->changes = difference(*workspace_, *result.workspace, "");
        restore_preview_->workspace = std::move(*result.workspace);
    });
}

void Session::restore_previewed(Timestamp now)
{
    if (!restore_preview_ || !restore_preview_->workspace || stale_)
        return;
    RestorePreview preview = std::move(*restore_preview_);
    restore_preview_.reset();
    const std::string summary = "Restored the version saved after: " + preview.point.summary;

    if (!workspace_) {
        replace_workspace(std::move(*preview.workspace));
        touch(std::move(now));
        request_save(summary, Saving::replacing);
        return;
    }
    Step step{std::move(preview.changes), header(),
              HeaderState{preview.workspace->info, preview.workspace->preserved}};
    step.changes.summary = summary;
    step.header_after->info.updated_at = now;
    push_step(std::move(step));
    touch(std::move(now));
    request_save(summary, Saving::new_point);
}

// ---- the workspaces stored in this browser ----------------------------------------------------

void Session::refresh_workspace_list()
{
    if (startup_ == Startup::storage_failed || released_)
        return;
    workspace_list_loading_ = true;
    store_.list_workspaces([this](WorkspaceListOutcome outcome) {
        workspace_list_loading_ = false;
        workspace_list_ = std::move(outcome.workspaces);
        workspace_list_error_ = outcome.error;
    });
}

std::string Session::why_it_cannot_be_left() const
{
    if (stale_)
        return "Another tab changed this workspace: choose which copy to keep first.";
    if (save_status_ == SaveStatus::failed)
        return "The latest changes are not saved in this browser. Export them first, or make another "
               "change to try saving again.";
    if (has_unsaved_edits() || save_status_ == SaveStatus::pending || save_status_ == SaveStatus::saving)
        return "The latest changes are still being saved; try again in a moment.";
    return {};
}

void Session::switch_to(const std::string& id)
{
    if (!why_it_cannot_be_left().empty() || startup_ == Startup::storage_failed || released_)
        return;
    workspace_action_error_.clear();
    store_.open(id, [this](LoadOutcome outcome) { on_switched(std::move(outcome)); });
}

void Session::on_switched(LoadOutcome outcome)
{
    if (!outcome.ok || !outcome.stored) {
        workspace_action_error_ = outcome.ok ? "That workspace is no longer stored in this browser."
                                             : "The workspace could not be opened: " + outcome.error;
        refresh_workspace_list();
        return;
    }
    ImportResult result = import_workspace(outcome.stored->text);
    if (result.refused()) {
        workspace_action_error_ = "The stored workspace could not be read: " + to_string(result.refusals.front());
        return;
    }
    replace_workspace(std::move(*result.workspace));
    stored_revision_ = outcome.stored->revision;
    save_status_ = SaveStatus::saved;
    save_error_.clear();
    restore_points_.clear();
    restore_preview_.reset();
    start_new_point_ = true;
}

void Session::rename_workspace(std::string name, Timestamp now)
{
    const bool blank = name.find_first_not_of(" \t\r\n") == std::string::npos;
    if (!workspace_ || stale_ || blank || name == workspace_->info.name)
        return;
    Step step{{}, header(), header()};
    step.changes.summary = "Renamed the workspace to " + name;
    step.header_after->info.name = std::move(name);
    step.header_after->info.updated_at = now;
    const std::string summary = step.changes.summary;
    push_step(std::move(step));
    touch(std::move(now));
    request_save(summary);
}

void Session::duplicate_workspace(const std::string& id, Id copy_id, std::string copy_name, Timestamp now)
{
    if (!why_it_cannot_be_left().empty() || startup_ == Startup::storage_failed || released_)
        return;
    workspace_action_error_.clear();
    store_.load(id, [this, copy_id = std::move(copy_id), copy_name = std::move(copy_name),
                     now = std::move(now)](LoadOutcome outcome) mutable {
        if (!outcome.ok || !outcome.stored) {
            workspace_action_error_ = outcome.ok ? "That workspace is no longer stored in this browser."
                                                 : "The workspace could not be copied: " + outcome.error;
            return;
        }
        const std::string source_name = outcome.stored->id;
        if (open_file_as_new_workspace(outcome.stored->text, std::move(copy_id), std::move(copy_name), std::move(now))
                .refused())
            workspace_action_error_ = "The stored workspace " + source_name + " could not be read, so it was not copied.";
    });
}

ImportResult Session::open_file_as_new_workspace(std::string_view bytes, Id id, std::string name, Timestamp now)
{
    ImportResult result = import_unless_blocked(bytes);
    if (result.refused())
        return result;

    Workspace workspace = *result.workspace;
    workspace.info.id = std::move(id);
    workspace.info.name = std::move(name);
    replace_workspace(std::move(workspace));
    touch(std::move(now));
    request_save("Created as a workspace of its own from " + result.workspace->info.name, Saving::replacing);
    return result;
}

void Session::delete_workspace(const std::string& id)
{
    const bool open_one = workspace_ && workspace_->info.id == id;
    if ((open_one && !why_it_cannot_be_left().empty()) || startup_ == Startup::storage_failed || released_)
        return;
    workspace_action_error_.clear();
    store_.remove(id, [this, id, open_one](RemoveOutcome outcome) {
        if (!outcome.ok) {
            workspace_action_error_ = "The workspace could not be deleted: " + outcome.error;
            return;
        }
        refresh_workspace_list();
        if (!open_one || !workspace_ || workspace_->info.id != id)
            return;
        forget_open_workspace();
        store_.load_current([this](LoadOutcome next) { on_loaded(std::move(next)); });
    });
}

void Session::keep_deleted_workspace()
{
    if (!deleted_elsewhere_ || !workspace_)
        return;
    deleted_elsewhere_ = false;
    stored_revision_ = 0;
    request_save("Kept after it was deleted in another tab", Saving::replacing);
}

void Session::close_deleted_workspace()
{
    if (!deleted_elsewhere_)
        return;
    deleted_elsewhere_ = false;
    forget_open_workspace();
    store_.load_current([this](LoadOutcome next) { on_loaded(std::move(next)); });
}

// After the open workspace was deleted: nothing of it may be saved again.
void Session::forget_open_workspace()
{
    workspace_.reset();
    ++revision_;
    undo_.clear();
    redo_.clear();
    stored_revision_ = 0;
    restore_points_.clear();
    restore_preview_.reset();
    start_new_point_ = true;
    startup_ = Startup::loading;
}

}  // namespace okr
