#include "app/session.hpp"

#include "core/export.hpp"

namespace okr {

Session::Session(WorkspaceStore& store) : store_(store) {}

void Session::start()
{
    startup_ = Startup::loading;
    store_.load_current([this](LoadOutcome outcome) { on_loaded(std::move(outcome)); });
}

void Session::on_loaded(LoadOutcome outcome)
{
    if (!outcome.ok) {
        startup_ = Startup::storage_failed;
        storage_error_ = outcome.error;
        save_status_ = SaveStatus::not_stored;
        return;
    }
    if (!outcome.stored) {
        startup_ = Startup::first_run;
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
    ++revision_;
    startup_ = Startup::ready;
}

ImportResult Session::open_file(std::string_view bytes)
{
    ImportResult result = import_workspace(bytes);
    if (result.refused())
        return result;

    // The file's own updated_at is kept: opening is not an edit.
    replace_workspace(*result.workspace);
    request_save();
    return result;
}

void Session::create_workspace(std::string name, Id id, Timestamp now)
{
    Workspace workspace;
    workspace.info.id = std::move(id);
    workspace.info.name = std::move(name);
    replace_workspace(std::move(workspace));
    touch(now);
    request_save();
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
    ChangeSet change_set = merge.changes;
    change_set.summary = "Merged " + file_name + ": " + std::to_string(merge.count(MergeOutcome::added)) +
                         " added, " + std::to_string(merge.count(MergeOutcome::changed)) + " changed, " +
                         std::to_string(merge.count(MergeOutcome::deleted)) + " deleted, " +
                         std::to_string(merge.count(MergeOutcome::conflict)) + " conflicts";
    const bool info_changed =
        workspace_->info.name != merge.merged.info.name || workspace_->preserved != merge.merged.preserved;
    workspace_->info = merge.merged.info;
    workspace_->preserved = merge.merged.preserved;
    if (!change_set.empty()) {
        apply(std::move(change_set), std::move(now));
    } else if (info_changed) {
        touch(std::move(now));
        request_save();
    }
}

void Session::replace_workspace(Workspace workspace)
{
    workspace_ = std::move(workspace);
    ++revision_;
    undo_.clear();
    redo_.clear();
    if (startup_ != Startup::storage_failed)
        startup_ = Startup::ready;
}

void Session::apply(ChangeSet change_set, Timestamp now)
{
    if (!workspace_ || change_set.empty())
        return;
    okr::apply(*workspace_, change_set);
    undo_.push_back(std::move(change_set));
    redo_.clear();
    touch(now);
    request_save();
}

std::string Session::undo_summary() const { return undo_.empty() ? std::string() : undo_.back().summary; }
std::string Session::redo_summary() const { return redo_.empty() ? std::string() : redo_.back().summary; }

void Session::undo(Timestamp now)
{
    if (undo_.empty())
        return;
    revert(*workspace_, undo_.back());
    redo_.push_back(std::move(undo_.back()));
    undo_.pop_back();
    touch(now);
    request_save();
}

void Session::redo(Timestamp now)
{
    if (redo_.empty())
        return;
    okr::apply(*workspace_, redo_.back());
    undo_.push_back(std::move(redo_.back()));
    redo_.pop_back();
    touch(now);
    request_save();
}

void Session::touch(Timestamp now)
{
    workspace_->info.updated_at = std::move(now);
    ++revision_;
}

std::string Session::export_text() const { return workspace_ ? export_workspace(*workspace_) : std::string(); }

// One write at a time: edits made while a write is under way are folded into the next.
void Session::request_save()
{
    if (startup_ == Startup::storage_failed) {
        save_status_ = SaveStatus::not_stored;
        return;
    }
    save_status_ = SaveStatus::pending;
    if (write_in_flight_) {
        write_again_ = true;
        return;
    }
    write_now();
}

void Session::write_now()
{
    write_in_flight_ = true;
    write_again_ = false;
    save_status_ = SaveStatus::saving;
    store_.save_current({workspace_->info.id, export_workspace(*workspace_)},
                        [this](SaveOutcome outcome) { on_saved(std::move(outcome)); });
}

void Session::on_saved(SaveOutcome outcome)
{
    write_in_flight_ = false;
    if (write_again_) {
        write_now();
        return;
    }
    save_status_ = outcome.ok ? SaveStatus::saved : SaveStatus::failed;
    save_error_ = outcome.ok ? std::string() : outcome.error;
}

}  // namespace okr
