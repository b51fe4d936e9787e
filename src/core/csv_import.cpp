#include "core/csv_import.hpp"

#include <algorithm>
#include <array>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include "core/csv.hpp"
#include "core/csv_export.hpp"
#include "core/export.hpp"

namespace okr {
namespace {

// ---- the columns ---------------------------------------------------------------------------

enum class Field { id, key_result, date, value, confidence, note, author, recorded_at, corrects };

struct FieldColumn {
    Field field;
    std::string_view name;
    bool required;
};

constexpr FieldColumn field_columns[] = {
    {Field::id, check_in_column::id, false},
    {Field::key_result, check_in_column::key_result, true},
    {Field::date, check_in_column::date, true},
    {Field::value, check_in_column::value, true},
    {Field::confidence, check_in_column::confidence, true},
    {Field::note, check_in_column::note, false},
    {Field::author, check_in_column::author, false},
    {Field::recorded_at, check_in_column::recorded_at, false},
    {Field::corrects, check_in_column::corrects, false},
};
constexpr size_t field_count = std::size(field_columns);

constexpr bool in_field_order()
{
    for (size_t i = 0; i < field_count; ++i)
        if (field_columns[i].field != static_cast<Field>(i))
            return false;
    return true;
}
static_assert(in_field_order(), "field_columns is indexed by Field");

std::string_view name_of(Field field)
{
    return field_columns[static_cast<size_t>(field)].name;
}

constexpr std::string_view required_columns_text = "key_result, date, value and confidence";

// ---- reading one cell -----------------------------------------------------------------------

// The value a cell holds, or why it holds none.
template <typename T>
using Parsed = std::variant<T, std::string>;

bool is_ascii_space(char c)
{
    return c == ' ' || c == '\t';
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && is_ascii_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_ascii_space(text.back()))
        text.remove_suffix(1);
    return text;
}

char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// "Key Result " reads as key_result.
std::string header_name(std::string_view cell)
{
    std::string name(trimmed(from_formula_safe(cell)));
    std::transform(name.begin(), name.end(), name.begin(), [](char c) { return c == ' ' ? '_' : ascii_lower(c); });
    return name;
}

// A cell's text as a message quotes it, cut short on a character boundary (cells are UTF-8).
std::string excerpt(std::string_view text)
{
    constexpr size_t longest = 40;
    if (text.size() <= longest)
        return "'" + std::string(text) + "'";
    size_t cut = longest;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return "'" + std::string(text.substr(0, cut)) + "...'";
}

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

size_t skip_digits(std::string_view text, size_t at)
{
    while (at < text.size() && is_digit(text[at]))
        ++at;
    return at;
}

// [+-] digits [. digits] [e [+-] digits], with digits on at least one side of the point.
bool is_decimal_number(std::string_view text)
{
    size_t at = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
    const size_t whole_end = skip_digits(text, at);
    size_t digits = whole_end - at;
    at = whole_end;
    if (at < text.size() && text[at] == '.') {
        const size_t fraction_end = skip_digits(text, at + 1);
        digits += fraction_end - at - 1;
        at = fraction_end;
    }
    if (digits == 0)
        return false;
    if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
        at += at + 1 < text.size() && (text[at + 1] == '+' || text[at + 1] == '-') ? 2 : 1;
        const size_t exponent_end = skip_digits(text, at);
        if (exponent_end == at)
            return false;
        at = exponent_end;
    }
    return at == text.size();
}

bool names_infinity_or_nan(std::string_view text)
{
    if (!text.empty() && (text[0] == '-' || text[0] == '+'))
        text.remove_prefix(1);
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), ascii_lower);
    return lower == "nan" || lower == "inf" || lower == "infinity";
}

// "1,5": a spreadsheet in a language that writes a decimal comma, with the cell quoted.
bool has_decimal_comma(std::string_view text)
{
    const size_t comma = text.find(',');
    if (comma == std::string_view::npos)
        return false;
    std::string with_point(text);
    with_point[comma] = '.';
    return is_decimal_number(with_point);
}

std::string why_not_a_number(std::string_view text)
{
    if (names_infinity_or_nan(text))
        return excerpt(text) + " is not a finite number";
    if (text.starts_with("#"))
        return excerpt(text) + " is a spreadsheet error, not a number: fix the formula, or write the value itself";
    if (has_decimal_comma(text))
        return excerpt(text) + " is not a number: write the decimal point as a dot";
    if (text.ends_with("%"))
        return excerpt(text) + " is not a number: write it without the % sign";
    return excerpt(text) + " is not a number";
}

// strtod reads the decimal point of the C library's locale. Nothing in the project sets a
// locale, but a program embedding the core may, so the dot becomes the locale's own.
double to_double(std::string_view literal)
{
    std::string text(literal);
    const char point = *std::localeconv()->decimal_point;
    std::replace(text.begin(), text.end(), '.', point);
    return std::strtod(text.c_str(), nullptr);
}

Parsed<double> parse_number(std::string_view text)
{
    if (!is_decimal_number(text))
        return why_not_a_number(text);
    const double value = to_double(text);
    if (!std::isfinite(value))
        return excerpt(text) + " is beyond the range of a double";
    const std::string_view mantissa = text.substr(0, text.find_first_of("eE"));
    if (value == 0 && mantissa.find_first_of("123456789") != std::string_view::npos)
        return excerpt(text) + " is too small for a double: it would read as 0";
    return value;
}

bool has_date_shape(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!is_digit(text[i]))
            return false;
    return true;
}

Parsed<Date> parse_date(std::string_view text)
{
    if (const auto date = Date::parse(text))
        return *date;
    if (has_date_shape(text))
        return excerpt(text) + " is not a day of the calendar";
    return excerpt(text) + " is not a date written as YYYY-MM-DD: format the column as text, or as yyyy-mm-dd, "
                          "before saving";
}

std::string not_an_id(std::string_view text)
{
    return excerpt(text) + " is not an id: 1 to 64 characters of A-Z a-z 0-9 . _ -";
}

// ---- the header -----------------------------------------------------------------------------

class Header {
public:
    explicit Header(const CsvRow& row);

    size_t width() const { return names_.size(); }
    const std::string& name(size_t cell) const { return names_[cell]; }
    std::optional<size_t> cell_of(Field field) const { return cells_[static_cast<size_t>(field)]; }
    bool has(Field field) const { return cell_of(field).has_value(); }
    size_t first_cell_named(std::string_view name) const;
    // How a problem names the column of cell `cell` (0-based): its name, else its number.
    std::string label(size_t cell) const;

private:
    std::vector<std::string> names_;
    std::array<std::optional<size_t>, field_count> cells_{};
};

Header::Header(const CsvRow& row)
{
    for (const std::string& cell : row.cells)
        names_.push_back(header_name(cell));
    for (const FieldColumn& known : field_columns)
        if (const size_t cell = first_cell_named(known.name); cell < width())
            cells_[static_cast<size_t>(known.field)] = cell;
}

size_t Header::first_cell_named(std::string_view name) const
{
    return static_cast<size_t>(std::find(names_.begin(), names_.end(), name) - names_.begin());
}

std::string Header::label(size_t cell) const
{
    return cell < width() && !names_[cell].empty() ? names_[cell] : std::to_string(cell + 1);
}

bool is_read(std::string_view name)
{
    return std::any_of(std::begin(field_columns), std::end(field_columns),
                       [&](const FieldColumn& known) { return known.name == name; });
}

// Named, but neither read nor the title column the export adds for people.
bool is_unknown(std::string_view name)
{
    return !name.empty() && !is_read(name) && name != check_in_column::key_result_title;
}

// A file from a spreadsheet set to another separator reads as one wide column.
std::string separator_hint(const CsvRow& row)
{
    const bool one_cell = row.cells.size() == 1;
    if (one_cell && row.cells[0].find(';') != std::string::npos)
        return "; the cells seem to be separated by ';': save the file as CSV with commas";
    if (one_cell && row.cells[0].find('\t') != std::string::npos)
        return "; the cells seem to be separated by tabs: save the file as CSV with commas";
    return "";
}

// ---- the content of a reading ---------------------------------------------------------------

// What two rows share when they are the same reading. The unit separator can stand in no
// id, date or number, so the text tells every reading apart.
std::string content_key(const CheckIn& check_in)
{
    constexpr char separator = '\x1f';
    return check_in.key_result + separator + check_in.date.to_string() + separator + number_text(check_in.value) +
           separator + number_text(check_in.confidence) + separator + check_in.note.value_or("");
}

uint64_t fnv1a_64(std::string_view text)
{
    uint64_t hash = 14695981039346656037ull;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

std::string hex_digits(uint64_t value)
{
    static constexpr char hex[] = "0123456789abcdef";
    std::string digits(16, '0');
    for (size_t i = digits.size(); i-- > 0; value >>= 4)
        digits[i] = hex[value & 0xF];
    return digits;
}

// The fields the file gives where a held check-in differs from the row; recorded_at is
// left out, as it says when a reading was taken in, not what it is.
std::vector<std::string_view> differing_fields(const CheckIn& held, const CheckIn& row, const Header& header)
{
    const std::pair<Field, bool> compared[] = {
        {Field::key_result, held.key_result != row.key_result},
        {Field::date, held.date != row.date},
        {Field::value, held.value != row.value},
        {Field::confidence, held.confidence != row.confidence},
        {Field::note, held.note != row.note},
        {Field::author, held.author != row.author},
        {Field::corrects, held.corrects != row.corrects},
    };
    std::vector<std::string_view> fields;
    for (const auto& [field, differs] : compared)
        if (differs && header.has(field))
            fields.push_back(name_of(field));
    return fields;
}

std::string joined(const std::vector<std::string_view>& names)
{
    std::string text;
    for (size_t i = 0; i < names.size(); ++i)
        text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + std::string(names[i]);
    return text;
}

// ---- the import -----------------------------------------------------------------------------

// A data row read into a check-in, before it is compared with the others and the workspace.
struct ReadRow {
    size_t row = 0;
    CheckIn check_in;
    bool id_given = false;
    bool adds = false;  // new to the workspace
};

class Importer {
public:
    Importer(const Workspace& workspace, const Timestamp& recorded_at, CheckInCsvImport& result)
        : workspace_(workspace), recorded_at_(recorded_at), result_(result)
    {
    }

    void run(const CsvReadResult& table);

private:
    void refuse(size_t row, std::string column, std::string message)
    {
        result_.refusals.push_back({row, std::move(column), std::move(message)});
    }
    void warn(size_t row, std::string column, std::string message)
    {
        result_.warnings.push_back({row, std::move(column), std::move(message)});
    }

    std::string column_of(const CsvError& error) const;
    bool check_header(const CsvRow& row);
    void warn_of_unread_columns(const std::vector<CsvRow>& rows);
    std::optional<ReadRow> read_row(const CsvRow& row);
    std::string_view cell(const CsvRow& row, Field field) const;

    void read_id(const CsvRow& row, ReadRow& read);
    void read_key_result(const CsvRow& row, CheckIn& check_in);
    std::optional<double> read_number(const CsvRow& row, Field field);
    void read_date(const CsvRow& row, CheckIn& check_in);
    void read_confidence(const CsvRow& row, CheckIn& check_in);
    void read_author(const CsvRow& row, CheckIn& check_in);
    void read_recorded_at(const CsvRow& row, CheckIn& check_in);
    std::optional<Id> read_optional_id(const CsvRow& row, Field field);

    void settle(std::vector<ReadRow>& rows);
    bool new_to_workspace(const ReadRow& read);
    void check_corrections(const std::vector<ReadRow>& rows);
    std::string unknown_key_result(std::string_view text) const;

    const Workspace& workspace_;
    const Timestamp& recorded_at_;
    CheckInCsvImport& result_;
    std::optional<Header> header_;
    std::unordered_set<std::string> held_contents_;  // content_key of every held check-in
};

void Importer::run(const CsvReadResult& table)
{
    const std::vector<CsvRow>& rows = table.rows;
    if (rows.empty() && !table.error)
        return refuse(0, "", "the file is empty: it needs a header row (" + std::string(required_columns_text) +
                                 ") and a row for each check-in");

    std::vector<ReadRow> read;
    if (!rows.empty() && check_header(rows.front())) {
        warn_of_unread_columns(rows);
        for (size_t i = 1; i < rows.size(); ++i)
            if (auto row = read_row(rows[i]))
                read.push_back(std::move(*row));
        if (read.empty() && result_.refusals.empty() && !table.error)
            warn(0, "", "no check-in rows below the header");
    }
    if (table.error)
        refuse(table.error->row, column_of(*table.error), table.error->message);
    if (result_.refusals.empty())
        settle(read);
}

// The header's name for the column of a syntax error, once the header is read.
std::string Importer::column_of(const CsvError& error) const
{
    if (error.cell == 0)
        return "";
    return header_ ? header_->label(error.cell - 1) : std::to_string(error.cell);
}

bool Importer::check_header(const CsvRow& row)
{
    header_.emplace(row);
    const Header& header = *header_;
    for (size_t cell = 0; cell < header.width(); ++cell) {
        const std::string& name = header.name(cell);
        const size_t first_cell = header.first_cell_named(name);
        const bool repeated = first_cell < cell;
        if (is_read(name) && repeated)
            refuse(row.number, header.label(cell),
                   "a second " + name + " column (the first is column " + std::to_string(first_cell + 1) + ")");
        else if (is_unknown(name) && !repeated)
            warn(row.number, header.label(cell), "not a check-in column: its cells are not read");
    }
    for (const FieldColumn& known : field_columns)
        if (known.required && !header.has(known.field))
            refuse(row.number, std::string(known.name),
                   "missing: the header needs " + std::string(required_columns_text) + ", in any order" +
                       separator_hint(row));
    return result_.refusals.empty();
}

// A column without a name is skipped; worth a word only when it holds something.
void Importer::warn_of_unread_columns(const std::vector<CsvRow>& rows)
{
    for (size_t cell = 0; cell < header_->width(); ++cell) {
        if (!header_->name(cell).empty())
            continue;
        const bool holds_text = std::any_of(rows.begin() + 1, rows.end(), [&](const CsvRow& row) {
            return cell < row.cells.size() && !trimmed(row.cells[cell]).empty();
        });
        if (holds_text)
            warn(rows.front().number, header_->label(cell), "a column without a name: its cells are not read");
    }
}

std::string_view Importer::cell(const CsvRow& row, Field field) const
{
    const auto at = header_->cell_of(field);
    return at ? from_formula_safe(row.cells[*at]) : std::string_view();
}

std::optional<ReadRow> Importer::read_row(const CsvRow& row)
{
    const bool blank = std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return c.empty(); });
    if (blank)
        return std::nullopt;
    if (row.cells.size() != header_->width()) {
        refuse(row.number, "",
               std::to_string(row.cells.size()) + " cells where the header has " +
                   std::to_string(header_->width()) + " columns");
        return std::nullopt;
    }

    const size_t problems_before = result_.refusals.size();
    ReadRow read{row.number, {}, false, false};
    CheckIn& check_in = read.check_in;
    read_id(row, read);
    read_key_result(row, check_in);
    read_date(row, check_in);
    check_in.value = read_number(row, Field::value).value_or(0);
    read_confidence(row, check_in);
    if (const std::string_view note = cell(row, Field::note); !note.empty())
        check_in.note = std::string(note);
    read_author(row, check_in);
    read_recorded_at(row, check_in);
    check_in.corrects = read_optional_id(row, Field::corrects);

    if (result_.refusals.size() != problems_before)
        return std::nullopt;
    return read;
}

void Importer::read_id(const CsvRow& row, ReadRow& read)
{
    if (auto id = read_optional_id(row, Field::id)) {
        read.check_in.id = std::move(*id);
        read.id_given = true;
    }
}

// Null for an empty cell or one that holds no valid id (which is refused).
std::optional<Id> Importer::read_optional_id(const CsvRow& row, Field field)
{
    const std::string_view text = trimmed(cell(row, field));
    if (text.empty())
        return std::nullopt;
    if (!is_valid_id(text)) {
        refuse(row.number, std::string(name_of(field)), not_an_id(text));
        return std::nullopt;
    }
    return Id(text);
}

void Importer::read_key_result(const CsvRow& row, CheckIn& check_in)
{
    const std::string_view text = trimmed(cell(row, Field::key_result));
    if (text.empty())
        return refuse(row.number, std::string(check_in_column::key_result), "empty: each check-in names the id of its key result");
    if (!find_by_id(workspace_.key_results, text))
        return refuse(row.number, std::string(check_in_column::key_result), unknown_key_result(text));
    check_in.key_result = std::string(text);
}

// People write a KR's title where its id belongs; say which id they meant.
std::string Importer::unknown_key_result(std::string_view text) const
{
    for (const KeyResult& kr : workspace_.key_results)
        if (kr.title == text)
            return excerpt(text) + " is the title of " + kr.id + ": write its id";
    return "no key result with the id " + excerpt(text) + " in the workspace";
}

void Importer::read_date(const CsvRow& row, CheckIn& check_in)
{
    const std::string_view text = trimmed(cell(row, Field::date));
    if (text.empty())
        return refuse(row.number, std::string(check_in_column::date), "empty: each check-in has a date (YYYY-MM-DD)");
    Parsed<Date> date = parse_date(text);
    if (auto* why = std::get_if<std::string>(&date))
        return refuse(row.number, std::string(check_in_column::date), std::move(*why));
    check_in.date = std::get<Date>(date);
}

std::optional<double> Importer::read_number(const CsvRow& row, Field field)
{
    const std::string_view text = trimmed(cell(row, field));
    if (text.empty()) {
        refuse(row.number, std::string(name_of(field)), "empty: each check-in has a " + std::string(name_of(field)));
        return std::nullopt;
    }
    Parsed<double> number = parse_number(text);
    if (auto* why = std::get_if<std::string>(&number)) {
        refuse(row.number, std::string(name_of(field)), std::move(*why));
        return std::nullopt;
    }
    return std::get<double>(number);
}

void Importer::read_confidence(const CsvRow& row, CheckIn& check_in)
{
    const auto confidence = read_number(row, Field::confidence);
    if (!confidence)
        return;
    if (*confidence < 0 || *confidence > 1) {
        // 70 is most likely 70 %; 1.4 is more likely a slip than 1.4 %.
        const bool reads_as_percent = *confidence > 1 && *confidence <= 100 && std::trunc(*confidence) == *confidence;
        const std::string written = number_text(*confidence);
        const std::string hint = reads_as_percent ? " (" + written + " % is " + number_text(*confidence / 100) + ")" : "";
        return refuse(row.number, std::string(check_in_column::confidence), written + " is outside 0 to 1" + hint);
    }
    check_in.confidence = *confidence;
}

// An author the workspace does not know is kept as written, as the file importer keeps such
// references: it resolves once a file holding that person is merged.
void Importer::read_author(const CsvRow& row, CheckIn& check_in)
{
    check_in.author = read_optional_id(row, Field::author);
    if (check_in.author && !find_by_id(workspace_.people, *check_in.author))
        warn(row.number, std::string(check_in_column::author), "no person " + excerpt(*check_in.author) + " in the workspace");
}

void Importer::read_recorded_at(const CsvRow& row, CheckIn& check_in)
{
    const std::string_view text = trimmed(cell(row, Field::recorded_at));
    if (text.empty()) {
        check_in.recorded_at = recorded_at_;
        return;
    }
    const auto timestamp = Timestamp::parse(text);
    if (!timestamp)
        return refuse(row.number, std::string(check_in_column::recorded_at),
                      excerpt(text) + " is not an RFC 3339 timestamp such as 2027-02-26T09:12:00.000Z");
    check_in.recorded_at = *timestamp;
}

// Gives every row its id, then keeps those new to the file and to the workspace.
void Importer::settle(std::vector<ReadRow>& rows)
{
    for (const CheckIn& held : workspace_.check_ins)
        held_contents_.insert(content_key(held));
    std::unordered_map<Id, size_t> row_of_id;
    for (ReadRow& read : rows) {
        if (!read.id_given)
            read.check_in.id = check_in_id_from_content(read.check_in);
        const auto [first, inserted] = row_of_id.emplace(read.check_in.id, read.row);
        if (!inserted && read.id_given)
            refuse(read.row, std::string(check_in_column::id),
                   read.check_in.id + " is also the id of row " + std::to_string(first->second));
        else if (!inserted)
            refuse(read.row, "", "the same check-in as row " + std::to_string(first->second) + ": remove one of them");
        else
            read.adds = new_to_workspace(read);
    }
    check_corrections(rows);
    if (!result_.refusals.empty())
        return;

    Workspace& incoming = result_.incoming.emplace();
    incoming.version = workspace_.version;
    incoming.info = workspace_.info;
    incoming.preserved = workspace_.preserved;
    for (ReadRow& read : rows)
        if (read.adds)
            incoming.check_ins.push_back(std::move(read.check_in));
    sort_by_id(incoming.check_ins);
}

// False for a reading the workspace holds already (counted), or once held and deleted.
bool Importer::new_to_workspace(const ReadRow& read)
{
    const CheckIn& check_in = read.check_in;
    if (find_by_id(workspace_.deleted, check_in.id)) {
        warn(read.row, std::string(check_in_column::id), check_in.id + " was deleted from this workspace: the row is left out");
        return false;
    }
    if (const CheckIn* held = find_by_id(workspace_.check_ins, check_in.id)) {
        const std::vector<std::string_view> differences = differing_fields(*held, check_in, *header_);
        if (!differences.empty())
            refuse(read.row, std::string(check_in_column::id),
                   check_in.id + " is in the workspace with another " + joined(differences) +
                       ": check-ins are never edited; leave the id empty to add this reading as a new one");
        result_.already_present += differences.empty() ? 1 : 0;
        return false;
    }
    if (read.id_given)
        return true;

    const bool held = held_contents_.count(content_key(check_in)) > 0;
    result_.already_present += held ? 1 : 0;
    return !held;
}

// A correction names a check-in of the same key result, in the workspace or in the file.
void Importer::check_corrections(const std::vector<ReadRow>& rows)
{
    std::unordered_map<std::string_view, const CheckIn*> in_file;
    for (const ReadRow& read : rows)
        in_file.emplace(read.check_in.id, &read.check_in);

    for (const ReadRow& read : rows) {
        const std::optional<Id>& corrects = read.check_in.corrects;
        if (!read.adds || !corrects)
            continue;
        const CheckIn* original = find_by_id(workspace_.check_ins, *corrects);
        if (const auto it = in_file.find(*corrects); !original && it != in_file.end())
            original = it->second;

        const std::string column(check_in_column::corrects);
        if (*corrects == read.check_in.id)
            refuse(read.row, column, "a check-in cannot correct itself");
        else if (!original)
            refuse(read.row, column, "no check-in " + excerpt(*corrects) + " in the workspace or the file");
        else if (original->key_result != read.check_in.key_result)
            refuse(read.row, column, *corrects + " is a check-in of " + original->key_result + ", not of " +
                                         read.check_in.key_result);
    }
}

}  // namespace

std::string to_string(const CsvProblem& problem)
{
    if (problem.row == 0)
        return problem.message;
    const std::string column = problem.column.empty() ? "" : ", column " + problem.column;
    return "row " + std::to_string(problem.row) + column + ": " + problem.message;
}

Id check_in_id_from_content(const CheckIn& check_in)
{
    return "ci-csv-" + hex_digits(fnv1a_64(content_key(check_in)));
}

CheckInCsvImport import_check_ins_csv(const Workspace& workspace, std::string_view bytes,
                                      const Timestamp& recorded_at)
{
    CheckInCsvImport result;
    Importer(workspace, recorded_at, result).run(read_csv(bytes));
    return result;
}

}  // namespace okr
