// Why our own reader rather than a library: Debian 12 has two CSV libraries for C and C++.
// libfccp-dev (fast-cpp-csv-parser, header-only, packaged from a 2016 snapshot) cuts the
// input into lines before it unquotes, so a quoted cell cannot hold a line break as RFC 4180
// allows and a note written over two lines would break the row; it also fixes the number of
// columns at compile time and reports errors by throwing. libcsv-dev (C, last released in
// 2013) comes as a binary library, which does not link into the WebAssembly build. What the
// format needs is the small state machine below; tests/core/csv_test.cpp pins it.

#include "core/csv.hpp"

#include <algorithm>
#include <cmath>

#include "core/export.hpp"
#include "core/utf8.hpp"

namespace okr {
namespace {

// What formula_safe() guards against, and the apostrophe it adds (see csv.hpp).
constexpr std::string_view formula_starts = "=+-@\t\r'";
constexpr std::string_view needs_quotes = ",\"\r\n";

// Up to a few characters either side of a bad byte, to show where it is.
std::string around(std::string_view cell, size_t at)
{
    const size_t begin = at > 16 ? at - 16 : 0;
    return printable(cell.substr(begin, at - begin + 4));
}

class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}

    CsvReadResult read_all();

private:
    bool at_end() const { return at_ >= bytes_.size(); }
    char next() const { return bytes_[at_]; }
    CsvError error_here(std::string message) const { return {row_, cell_, std::move(message)}; }

    std::optional<CsvError> read_row(CsvRow& row);
    std::optional<CsvError> end_of_row();
    std::optional<CsvError> read_quoted(std::string& cell);
    std::optional<CsvError> read_plain(std::string& cell);
    std::optional<CsvError> check_utf8(const std::string& cell) const;

    std::string_view bytes_;
    size_t at_ = 0;
    size_t row_ = 1;
    size_t cell_ = 0;
};

CsvReadResult Reader::read_all()
{
    CsvReadResult result;
    if (const std::string_view encoding = other_encoding(bytes_); !encoding.empty()) {
        result.error = CsvError{1, 0, "the file is " + std::string(encoding) + ", not UTF-8: save it as CSV UTF-8"};
        return result;
    }
    if (bytes_.starts_with(utf8_byte_order_mark))
        at_ = utf8_byte_order_mark.size();

    for (; !at_end(); ++row_) {
        CsvRow row{row_, {}};
        if (auto error = read_row(row)) {
            result.error = std::move(error);
            return result;
        }
        result.rows.push_back(std::move(row));
    }
    return result;
}

// Reads the cells of one row and steps over the line break that ends it.
std::optional<CsvError> Reader::read_row(CsvRow& row)
{
    for (cell_ = 1;; ++cell_) {
        std::string cell;
        auto error = !at_end() && next() == '"' ? read_quoted(cell) : read_plain(cell);
        if (error)
            return error;
        row.cells.push_back(std::move(cell));

        if (at_end() || next() != ',')
            return end_of_row();
        ++at_;
    }
}

// After the last cell of a row: the end of the file, LF or CRLF.
std::optional<CsvError> Reader::end_of_row()
{
    if (at_end())
        return std::nullopt;
    if (next() == '\n') {
        ++at_;
        return std::nullopt;
    }
    if (bytes_.substr(at_, 2) == "\r\n") {
        at_ += 2;
        return std::nullopt;
    }
    return error_here("a carriage return that ends no line: rows end with CRLF or LF");
}

std::optional<CsvError> Reader::read_plain(std::string& cell)
{
    const size_t stop = std::min(bytes_.find_first_of(needs_quotes, at_), bytes_.size());
    if (stop < bytes_.size() && bytes_[stop] == '"')
        return error_here("a quote inside a cell that does not start with one: enclose the whole cell in quotes "
                          "and write the quote twice (\"\")");
    cell.assign(bytes_.substr(at_, stop - at_));
    at_ = stop;
    return check_utf8(cell);
}

// A quoted cell may hold commas, line breaks and doubled quotes; it must end where the
// cell ends.
std::optional<CsvError> Reader::read_quoted(std::string& cell)
{
    ++at_;
    for (;;) {
        const size_t quote = bytes_.find('"', at_);
        if (quote == std::string_view::npos)
            return error_here("a quoted cell that is never closed: a closing quote (\") is missing");
        cell.append(bytes_.substr(at_, quote - at_));
        at_ = quote + 1;
        if (at_end() || next() != '"')
            break;
        cell += '"';
        ++at_;
    }
    if (!at_end() && next() != ',' && next() != '\r' && next() != '\n')
        return error_here("text after the closing quote of a cell: a quote inside a quoted cell is written twice "
                          "(\"\")");
    return check_utf8(cell);
}

std::optional<CsvError> Reader::check_utf8(const std::string& cell) const
{
    const size_t bad = first_invalid_utf8(cell);
    if (bad == std::string::npos)
        return std::nullopt;
    return error_here("bytes that are not UTF-8 (\"" + around(cell, bad) + "\"): save the file as CSV UTF-8");
}

std::string quoted_if_needed(std::string_view text)
{
    if (text.find_first_of(needs_quotes) == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (char c : text)
        out += c == '"' ? "\"\"" : std::string(1, c);
    return out + "\"";
}

}  // namespace

CsvReadResult read_csv(std::string_view bytes)
{
    return Reader(bytes).read_all();
}

std::string formula_safe(std::string_view text)
{
    if (!text.empty() && formula_starts.find(text.front()) != std::string_view::npos)
        return "'" + std::string(text);
    return std::string(text);
}

std::string_view from_formula_safe(std::string_view cell)
{
    if (cell.size() >= 2 && cell.front() == '\'' && formula_starts.find(cell[1]) != std::string_view::npos)
        cell.remove_prefix(1);
    return cell;
}

CsvWriter::CsvWriter() : bytes_(utf8_byte_order_mark) {}

void CsvWriter::text(std::string_view value)
{
    cell(quoted_if_needed(formula_safe(with_replacement_characters(value))));
}

void CsvWriter::number(double value)
{
    cell(std::isfinite(value) ? number_text(value) : "");
}

void CsvWriter::number(const std::optional<double>& value)
{
    if (value)
        number(*value);
    else
        cell("");
}

void CsvWriter::end_row()
{
    bytes_ += "\r\n";
    row_has_cells_ = false;
}

void CsvWriter::cell(std::string_view written)
{
    if (row_has_cells_)
        bytes_ += ',';
    bytes_ += written;
    row_has_cells_ = true;
}

}  // namespace okr
