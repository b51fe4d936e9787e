#pragma once
// Reads an OKR cascade file (docs/file-format.md) into a Workspace, or refuses it.
//
// Every problem found is reported with the JSON pointer of its place in the file, not
// just the first. Refusals mean nothing was imported; warnings never block the import.
// The importer throws nothing: malformed input of any kind comes back as refusals.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace okr {

struct Problem {
    std::string pointer;  // RFC 6901, such as "/key_results/3/target"; "" is the whole document
    std::string message;
};

// "/key_results/3/target: <message>"; the message alone when the pointer is "".
std::string to_string(const Problem& problem);

struct ImportResult {
    std::optional<Workspace> workspace;  // null when refused
    std::vector<Problem> refusals;       // non-empty exactly when refused
    std::vector<Problem> warnings;       // never block the import
    bool refused() const { return !refusals.empty(); }
};

ImportResult import_workspace(std::string_view bytes);

}  // namespace okr
