#pragma once
// Writes a workspace as the canonical OKR cascade file (docs/file-format.md): every
// collection sorted by id, object keys sorted, two-space indent, UTF-8 unescaped, a final
// newline. Each entity's `preserved` fields are written first and its typed fields over
// them, so unknown fields and explicit nulls survive a round trip. Never throws.

#include <string>

#include <nlohmann/json.hpp>

#include "core/changes.hpp"
#include "core/model.hpp"

namespace okr {

std::string export_workspace(const Workspace& workspace);

nlohmann::json to_json(const Workspace& workspace);
// One entity as the file writes it.
nlohmann::json to_json(const AnyEntity& entity);

// A number as the file writes it: an integral value as an integer (78, not 78.0), anything
// else in the shortest text that reads back as the same double; "null" for a value that is
// not finite, which no file holds.
std::string number_text(double value);

}  // namespace okr
