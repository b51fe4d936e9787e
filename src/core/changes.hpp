#pragma once
// Every edit of a workspace is a ChangeSet: the entities it adds, replaces or removes, each
// with its state before and after. Applying and reverting are exact inverses, so the same
// value serves undo and redo, restore-point summaries and merge previews.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/model.hpp"

namespace okr {

using AnyEntity = std::variant<Team, Person, Cycle, Objective, KeyResult, CheckIn, Kpi, Task, Dependency,
                               Retrospective, Tombstone>;

const Id& id_of(const AnyEntity& entity);
// The collection name of the file format: "teams", "key_results", "deleted", ...
const char* collection_of(const AnyEntity& entity);

// One entity's change. `before` null: added. `after` null: removed. Both: replaced.
// Both sides, when present, have the same id and the same alternative.
struct Change {
    std::optional<AnyEntity> before;
    std::optional<AnyEntity> after;
};

struct ChangeSet {
    std::string summary;  // one line a person reads in undo history and restore points
    std::vector<Change> changes;

    bool empty() const { return changes.empty(); }
};

void apply(Workspace& workspace, const ChangeSet& change_set);
void revert(Workspace& workspace, const ChangeSet& change_set);

// Convenience constructors for the common single-entity edits.
ChangeSet added(std::string summary, AnyEntity entity);
ChangeSet replaced(std::string summary, AnyEntity before, AnyEntity after);
ChangeSet removed(std::string summary, AnyEntity entity);

}  // namespace okr
