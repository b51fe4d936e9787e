#pragma once
// The open workspace and everything that happens to it: loading it from storage, opening
// files, applying edits with undo, keeping storage up to date, and staying in step with
// other tabs on the same storage. The interface reads and edits through this class only.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/store.hpp"
#include "core/edits.hpp"
#include "core/import.hpp"
#include "core/merge.hpp"
#include "core/model.hpp"

namespace okr {

enum class Startup {
    loading,         // waiting for storage; nothing may be drawn as data yet
    first_run,       // storage answered and has never held a workspace
    ready,           // a workspace is open
    storage_failed,  // storage could not be read; the session works in memory
    data_gone,       // storage once held a workspace and holds none now
};

enum class SaveStatus {
    saved,       // storage holds what is shown
    pending,     // an edit waits to be written
    saving,      // a write is under way
    failed,      // the last write failed; see save_error(); the next edit tries again
    not_stored,  // storage is unavailable or released: nothing is being kept
};

// The stored copy moved on in another tab while this tab had edits of its own.
struct StaleCopy {
    StoredWorkspace stored;
    std::string title;  // the other copy's workspace name, or why it cannot be read
    bool readable = false;
    // This tab never stored the workspace: the person opened a file of a workspace this
    // browser already holds, rather than another tab saving over this one.
    bool already_stored = false;
};

// A restore point opened for a look before restoring it.
struct RestorePreview {
    RestorePoint point;
    std::optional<Workspace> workspace;  // null when the stored text cannot be read
    ChangeSet changes;                   // what restoring would change in the open workspace
    std::string error;
};

class Session {
public:
    explicit Session(WorkspaceStore& store);

    void start();

    Startup startup() const { return startup_; }
    const std::string& storage_error() const { return storage_error_; }
    // Something about storage the person should know while it is loading (a blocked upgrade).
    const std::string& storage_notice() const { return storage_notice_; }
    bool has_workspace() const { return workspace_.has_value(); }
    const Workspace& workspace() const { return *workspace_; }
    // Grows with every change of the workspace, so derived figures know when to refresh.
    uint64_t revision() const { return revision_; }

    // Opens a file in place of the current workspace, unless the importer refuses it or
    // the open workspace has edits not yet stored (see why_it_cannot_be_left()); a refused
    // file leaves the workspace and storage exactly as they were.
    ImportResult open_file(std::string_view bytes);
    // False, changing nothing, while the open workspace cannot be left.
    bool create_workspace(std::string name, Id id, Timestamp now);

    // What merging a file into the open workspace would do, without doing it. Null
    // `merge` when the file is refused (its problems are in `import`).
    struct MergePreview {
        ImportResult import;
        std::optional<MergeResult> merge;
    };
    MergePreview preview_merge(std::string_view bytes) const;
    // Applies a previewed merge as one undoable step, the workspace header included.
    void apply_merge(const MergeResult& merge, const std::string& file_name, Timestamp now);

    // Applies an edit as one undoable step and schedules a save. Ignores an empty edit.
    void apply(ChangeSet change_set, Timestamp now);
    bool can_undo() const { return !undo_.empty() && !stale_; }
    bool can_redo() const { return !redo_.empty() && !stale_; }
    std::string undo_summary() const;
    std::string redo_summary() const;
    void undo(Timestamp now);
    void redo(Timestamp now);

    SaveStatus save_status() const { return save_status_; }
    const std::string& save_error() const { return save_error_; }
    Persistence persistence() const { return persistence_; }
    // The stored revision this tab's copy is based on.
    uint64_t stored_revision() const { return stored_revision_; }
    std::string export_text() const;
    // Sends edits still waiting behind a write now, as the page is about to be hidden or
    // closed: IndexedDB runs the writes in order, so the later one lands last.
    void flush();

    // ---- other tabs ----
    // Non-null while another tab's save and this tab's unsaved edits wait for the person.
    const std::optional<StaleCopy>& stale() const { return stale_; }
    // Merges this tab's copy with the other tab's, as a file merge would, and saves it.
    void resolve_stale_by_merging(Timestamp now);
    // Takes the other tab's copy; this tab's edits stay one undo away.
    void resolve_stale_by_taking_theirs();
    // A newer version of the app opened the storage in another tab: nothing more is saved
    // here and the page must reload.
    bool storage_released() const { return released_; }
    // How many times another tab's saves were taken in without asking (no local edits).
    int updates_from_other_tabs() const { return updates_from_other_tabs_; }

    // ---- restore points ----
    void refresh_restore_points();
    bool restore_points_loading() const { return restore_points_loading_; }
    const std::vector<RestorePoint>& restore_points() const { return restore_points_; }
    const std::string& restore_points_error() const { return restore_points_error_; }
    void preview_restore_point(const RestorePoint& point);
    const std::optional<RestorePreview>& restore_preview() const { return restore_preview_; }
    void close_restore_preview() { restore_preview_.reset(); }
    // Restores the previewed point: one undoable step when a workspace is open, or the
    // workspace itself when the stored data was gone.
    void restore_previewed(Timestamp now);

    // ---- the workspaces stored in this browser ----
    void refresh_workspace_list();
    bool workspace_list_loading() const { return workspace_list_loading_; }
    const std::vector<WorkspaceSummary>& workspace_list() const { return workspace_list_; }
    const std::string& workspace_list_error() const { return workspace_list_error_; }
    // Why the open workspace cannot be left right now (edits not yet stored, a stale copy
    // waiting for the person), or empty when it can: leaving drops the copy in memory.
    std::string why_it_cannot_be_left() const;
    // Opens another stored workspace; it is the one opened next time too. Undo starts afresh.
    void switch_to(const std::string& id);
    // Renames the open workspace, as one undoable edit.
    void rename_workspace(std::string name, Timestamp now);
    // Stores a copy of a stored workspace under a new id and name, and opens the copy.
    void duplicate_workspace(const std::string& id, Id copy_id, std::string copy_name, Timestamp now);
    // Opens a file as a workspace of its own beside the others, whatever its own id.
    ImportResult open_file_as_new_workspace(std::string_view bytes, Id id, std::string name, Timestamp now);
    // Deletes a stored workspace and its restore points. Deleting the open one opens the
    // one saved last among the rest, or the first-run choices when none is left.
    void delete_workspace(const std::string& id);
    // Another tab deleted the open workspace: nothing is saved until the person keeps it
    // here again (stored anew) or closes it.
    bool deleted_elsewhere() const { return deleted_elsewhere_; }
    void keep_deleted_workspace();
    void close_deleted_workspace();
    // Why the last switch, copy or deletion failed, for the person; empty when it did not.
    const std::string& workspace_action_error() const { return workspace_action_error_; }

private:
    struct HeaderState {
        WorkspaceInfo info;
        Preserved preserved;
    };
    // One undoable step: the entities it changed, and the header when it changed that too.
    struct Step {
        ChangeSet changes;
        std::optional<HeaderState> header_before;
        std::optional<HeaderState> header_after;
    };

    ImportResult import_unless_blocked(std::string_view bytes) const;
    void on_loaded(LoadOutcome outcome);
    void on_switched(LoadOutcome outcome);
    void forget_open_workspace();
    void on_notice(const StoreNotice& notice);
    void on_newer_copy(LoadOutcome outcome);
    void replace_workspace(Workspace workspace);
    void take_in(Workspace arriving, std::string summary);
    void push_step(Step step);
    void set_header(const HeaderState& header);
    HeaderState header() const { return {workspace_->info, workspace_->preserved}; }
    void touch(Timestamp now);
    bool has_unsaved_edits() const;

    enum class Saving { edit, new_point, replacing };
    void request_save(std::string summary, Saving kind = Saving::edit);
    void write_now(uint64_t based_on);
    void on_saved(SaveOutcome outcome);
    void request_persistence();

    WorkspaceStore& store_;
    Startup startup_ = Startup::loading;
    std::string storage_error_;
    std::string storage_notice_;
    std::optional<Workspace> workspace_;
    uint64_t revision_ = 0;
    std::vector<Step> undo_;
    std::vector<Step> redo_;

    SaveStatus save_status_ = SaveStatus::saved;
    std::string save_error_;
    uint64_t stored_revision_ = 0;
    int writes_in_flight_ = 0;
    bool write_again_ = false;
    Persistence persistence_ = Persistence::unknown;
    std::optional<StaleCopy> stale_;
    bool released_ = false;
    int updates_from_other_tabs_ = 0;

    // The restore point being extended: edits within a few minutes of its start fold into it.
    std::string point_summary_;
    int point_edits_ = 0;
    int64_t point_started_ms_ = 0;
    bool start_new_point_ = true;
    uint64_t point_first_revision_ = 0;  // 0 while the point's first save is unanswered
    bool replace_on_next_write_ = false;
    int64_t last_edit_ms_ = 0;

    std::vector<RestorePoint> restore_points_;
    bool restore_points_loading_ = false;
    std::string restore_points_error_;
    std::optional<RestorePreview> restore_preview_;

    std::vector<WorkspaceSummary> workspace_list_;
    bool workspace_list_loading_ = false;
    std::string workspace_list_error_;
    std::string workspace_action_error_;
    bool deleted_elsewhere_ = false;
};

}  // namespace okr
