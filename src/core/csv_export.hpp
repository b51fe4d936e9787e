#pragma once
// Key results and check-ins as CSV files for spreadsheets (csv.hpp), for teams that track
// their OKRs in one and move over step by step. Columns carry the names the file format
// gives the fields (docs/file-format.md); the figures (current value, progress, status)
// are the core's own, so a spreadsheet shows what the app and `okr report` show.
//
// Numbers are written as the file writes them (78, 0.35), dates as YYYY-MM-DD, an absent
// value as an empty cell. Text is made formula-safe (csv.hpp). Pure functions: no clock.

#include <span>
#include <string>
#include <string_view>

#include "core/model.hpp"

namespace okr {

// The check-in file's columns, shared with the import (csv_import.hpp), which reads every
// one of them but key_result_title: that one is there for people.
namespace check_in_column {
inline constexpr std::string_view id = "id";
inline constexpr std::string_view key_result = "key_result";
inline constexpr std::string_view key_result_title = "key_result_title";
inline constexpr std::string_view date = "date";
inline constexpr std::string_view value = "value";
inline constexpr std::string_view confidence = "confidence";
inline constexpr std::string_view note = "note";
inline constexpr std::string_view author = "author";
inline constexpr std::string_view recorded_at = "recorded_at";
inline constexpr std::string_view corrects = "corrects";
}  // namespace check_in_column

// One row per key result, in id order, under a header row of key_result_csv_columns().
std::string key_results_csv(const Workspace& workspace);

// One row per check-in (corrected ones too: `corrects` tells), grouped by key result and
// in reading order within each, under a header row of check_in_csv_columns().
std::string check_ins_csv(const Workspace& workspace);

// The header rows, in order.
std::span<const std::string_view> key_result_csv_columns();
std::span<const std::string_view> check_in_csv_columns();

}  // namespace okr
