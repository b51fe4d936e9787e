#pragma once
// The open workspace and everything that happens to it: loading it from storage, opening
// files, applying edits with undo, and keeping storage up to date. The interface reads
// and edits through this class only.

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
    first_run,       // storage answered and holds no workspace
    ready,           // a workspace is open
    storage_failed,  // storage could not be read; the session works in memory
};

enum class SaveStatus {
    saved,        // storage holds what is shown
    pending,      // an edit waits to be written
    saving,       // a write is under way
    failed,       // the last write failed; see save_error()
    not_stored,   // storage is unavailable: nothing is being kept
};

class Session {
public:
    explicit Session(WorkspaceStore& store);

    void start();

    Startup startup() const { return startup_; }
    const std::string& storage_error() const { return storage_error_; }
    bool has_workspace() const { return workspace_.has_value(); }
    const Workspace& workspace() const { return *workspace_; }
    // Grows with every change of the workspace, so derived figures know when to refresh.
    uint64_t revision() const { return revision_; }

    // Opens a file in place of the current workspace, unless the importer refuses it; a
    // refused file leaves the workspace and storage exactly as they were.
    ImportResult open_file(std::string_view bytes);
    void create_workspace(std::string name, Id id, Timestamp now);

    // What merging a file into the open workspace would do, without doing it. Null
    // `merge` when the file is refused (its problems are in `import`).
    struct MergePreview {
        ImportResult import;
        std::optional<MergeResult> merge;
    };
    MergePreview preview_merge(std::string_view bytes) const;
    // Applies a previewed merge as one undoable step. The workspace's name and unknown
    // top-level fields follow the merge too; undo restores the entities only.
    void apply_merge(const MergeResult& merge, const std::string& file_name, Timestamp now);

    // Applies an edit as one undoable step and schedules a save. Ignores an empty edit.
    void apply(ChangeSet change_set, Timestamp now);
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    std::string undo_summary() const;
    std::string redo_summary() const;
    void undo(Timestamp now);
    void redo(Timestamp now);

    SaveStatus save_status() const { return save_status_; }
    const std::string& save_error() const { return save_error_; }
    std::string export_text() const;

private:
    void on_loaded(LoadOutcome outcome);
    void replace_workspace(Workspace workspace);
    void touch(Timestamp now);
    void request_save();
    void write_now();
    void on_saved(SaveOutcome outcome);

    WorkspaceStore& store_;
    Startup startup_ = Startup::loading;
    std::string storage_error_;
    std::optional<Workspace> workspace_;
    uint64_t revision_ = 0;
    std::vector<ChangeSet> undo_;
    std::vector<ChangeSet> redo_;

    SaveStatus save_status_ = SaveStatus::saved;
    std::string save_error_;
    bool write_in_flight_ = false;
    bool write_again_ = false;
};

}  // namespace okr
