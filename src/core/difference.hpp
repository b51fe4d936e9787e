#pragma once
// What changed between two versions of a workspace, as the change set that turns one into
// the other. The session uses it wherever a whole workspace arrives from elsewhere (a
// restore point, another tab's save), so that taking it in is one undoable step.

#include <string>

#include "core/changes.hpp"
#include "core/model.hpp"

namespace okr {

// Entities whose canonical JSON is equal on both sides are left out, so the result names
// only what a person would see change. The workspace header (name, updated_at, unknown
// top-level fields) is not an entity and is not part of the result.
ChangeSet difference(const Workspace& from, const Workspace& to, std::string summary);

}  // namespace okr
