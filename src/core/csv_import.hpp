#pragma once
// Check-ins from a spreadsheet: reads a CSV file (csv.hpp) of readings into the check-ins to
// add to a workspace, or refuses it with every problem named by row and column.
//
// The file needs a header row; columns may come in any order. Required: key_result, date
// (YYYY-MM-DD), value, confidence (0 to 1). Optional: id, note, author, recorded_at
// (RFC 3339), corrects; key_result_title is skipped; any other column is skipped with a
// warning. Header names are matched ignoring case and surrounding spaces, with a space
// standing for "_" ("Key Result"). Rows whose cells are all empty are skipped.
//
// Importing the same file twice adds nothing the second time: a row without an id gets one
// made from its content (key result, date, value, confidence, note), and a row that names a
// check-in the workspace already holds, by id or, without an id, by that content, is counted
// as already present. Check-ins are never edited, so a row whose id the workspace holds with
// other content is refused. The export of check_ins_csv() reads back as nothing new.
//
// The result is a workspace to merge, not an edit of its own: merge_workspaces(workspace,
// *result.incoming) gives the preview a teammate's file gives (each check-in "added"), and
// Session::apply_merge takes it in as one undoable step. Pure: the caller passes the clock.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace okr {

struct CsvProblem {
    size_t row = 0;       // 1-based, as the spreadsheet shows it (the header is row 1); 0: the whole file
    std::string column;   // "confidence", or "column 7" where the header names none; "": the whole row
    std::string message;
};

// "row 7, column confidence: 1.4 is outside 0 to 1"; "row 7: ..." for a whole row; the
// message alone for the whole file.
std::string to_string(const CsvProblem& problem);

struct CheckInCsvImport {
    // The workspace's header (id, name, unknown fields) and the check-ins to add, nothing
    // else; null when refused. Merging it into the workspace leaves the header as it was.
    std::optional<Workspace> incoming;
    std::vector<CsvProblem> refusals;  // non-empty exactly when refused; then nothing is added
    std::vector<CsvProblem> warnings;  // never block the import
    size_t already_present = 0;        // rows naming a check-in the workspace already holds
    bool refused() const { return !refusals.empty(); }
};

// `recorded_at` stamps the rows that have no recorded_at cell: the moment of the import.
// Never throws.
CheckInCsvImport import_check_ins_csv(const Workspace& workspace, std::string_view bytes,
                                      const Timestamp& recorded_at);

// The id a row without one gets: "ci-csv-" and 16 hex digits of a 64-bit FNV-1a hash of
// the reading's content, the same on every platform.
Id check_in_id_from_content(const CheckIn& check_in);

}  // namespace okr
