#pragma once
// The records a WorkspaceStore keeps, and how records of every earlier format are read.
// Format 1 (the first release) stored {text, saved_at} under the workspace id. Format 2
// adds the id, the name and the revision that lets tabs detect each other's saves, plus
// the restore points, kept beside the workspaces. Format 3 adds, beside them, which tab
// followed which revision; its records are those of format 2.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/store.hpp"

namespace okr {

inline constexpr int stored_format_version = 3;

struct StoredRecordRead {
    std::optional<StoredWorkspace> workspace;
    std::string error;  // when the record cannot be read, why
};

// `key` is the record's key in the store; `envelope` the record without its text.
// Upgrades an older record step by step to the current format; a record from a newer
// version of the app is refused rather than guessed at.
StoredRecordRead read_stored_record(const std::string& key, nlohmann::json envelope, std::string text);

}  // namespace okr
