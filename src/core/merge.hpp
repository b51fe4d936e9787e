#pragma once
// Merging a teammate's copy of a workspace into ours (docs/file-format.md, "Merge").
//
// Entities match by id within each collection. Of a pair, the later updated_at wins whole;
// on equal updated_at with different content, the canonical JSON text that sorts last wins
// and the pair is a conflict. Check-ins are a union (recorded_at, then the text, settles a
// shared id with different content). Tombstones are a union as well, and only once every
// collection is united do they remove the winners older than them: each winner is the
// maximum of one total order, so the merge is commutative, associative and idempotent.
//
// Each collection must hold an id once, as the importer and the edits keep it. A workspace
// merged with itself comes back unchanged when it holds no entity older than a tombstone
// naming it (deleting keeps that true). The merge never throws.

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/changes.hpp"
#include "core/model.hpp"

namespace okr {

// One field of an entity's canonical JSON that differs between the two sides; a side
// without the field holds null.
struct FieldDifference {
    std::string field;
    nlohmann::json ours;
    nlohmann::json theirs;
};

enum class MergeOutcome { added, changed, deleted, conflict };

// "added", "changed", "deleted", "conflict"
const char* to_string(MergeOutcome outcome);

struct EntityMergeNote {
    MergeOutcome outcome;
    std::string collection;  // "objectives", "check_ins", ...
    Id id;
    std::string title;  // the title or name where the entity has one, else the id
    std::vector<FieldDifference> differences;  // for changed and conflict, sorted by field
};

struct MergeResult {
    Workspace merged;
    // What the merge did to `ours`, entity by entity, sorted by collection (in the file's
    // order) then id. Tombstones are not listed: the entities they remove are.
    std::vector<EntityMergeNote> notes;
    // Applying it to `ours` gives the collections of `merged` exactly. The workspace info
    // and unknown top-level fields have no place in a ChangeSet; they are in `merged`.
    ChangeSet changes;

    std::size_t count(MergeOutcome outcome) const;
};

MergeResult merge_workspaces(const Workspace& ours, const Workspace& theirs);

// The same result, giving `theirs` up (a file just read, say): every entity the merged
// workspace keeps from theirs, or holds the same on both sides, moves out of it instead of
// being copied, which on large workspaces is most of the merge's time. `theirs` is left
// valid but unspecified. `ours` is untouched either way, so a cancelled preview costs nothing.
MergeResult merge_workspaces(const Workspace& ours, Workspace&& theirs);

}  // namespace okr
