#include "core/json_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>

#include "core/utf8.hpp"

namespace okr {
namespace {

using json = nlohmann::json;

// Up to this magnitude, 2^53, every integer has an exact double.
constexpr uint64_t exact_integer_limit = uint64_t{1} << 53;

// nlohmann's id for "number overflow" (a literal beyond the double range, such as 1e400).
constexpr int number_overflow_id = 406;

bool is_integer_literal(std::string_view literal)
{
    return literal.find_first_of(".eE") == std::string_view::npos;
}

// A literal with a non-zero digit before its exponent that still reads as 0, such as
// 1e-400: strtod rounds it to zero, and the value written is lost without a word.
bool underflows(std::string_view literal, double value)
{
    const std::string_view mantissa = literal.substr(0, literal.find_first_of("eE"));
    return value == 0 && mantissa.find_first_of("123456789") != std::string_view::npos;
}

bool is_word_character(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+';
}

// The run of letters and signs around byte `at`, such as "NaN" or "-Infinity".
std::string_view word_around(std::string_view bytes, size_t at)
{
    size_t begin = std::min(at, bytes.size());
    while (begin > 0 && is_word_character(bytes[begin - 1]))
        --begin;
    size_t end = begin;
    while (end < bytes.size() && is_word_character(bytes[end]))
        ++end;
    return bytes.substr(begin, end - begin);
}

// NaN and Infinity are what other JSON writers put for numbers JSON cannot hold.
bool names_a_non_finite_number(std::string_view word)
{
    if (!word.empty() && (word.front() == '-' || word.front() == '+'))
        word.remove_prefix(1);
    std::string lower(word);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return lower == "nan" || lower == "infinity" || lower == "inf";
}

// nlohmann's text reads "[json.exception.parse_error.101] parse error at line 1, column 4:
// syntax error while parsing value - invalid literal; last read: 'NaN'". The position is
// reported on its own, so only the part after the dash is kept.
std::string parser_detail(std::string_view what)
{
    if (const size_t dash = what.find(" - "); dash != std::string_view::npos)
        return std::string(what.substr(dash + 3));
    if (const size_t colon = what.find(": "); colon != std::string_view::npos)
        return std::string(what.substr(colon + 2));
    return std::string(what);
}

// One open object or array.
struct Frame {
    json* node = nullptr;
    json* slot = nullptr;              // object: where the value of the last key goes
    const std::string* key = nullptr;  // object: the last key read
    bool awaiting_value = false;       // object: a key was read and its value is not complete
};

// The SAX handler: builds the DOM as nlohmann's own builder does and keeps a stack of
// open containers, from which the pointer of the current value is derived on demand.
class DomBuilder {
public:
    DomBuilder(std::string_view bytes, JsonReadResult& result) : bytes_(bytes), result_(result) {}

    bool null() { return put(nullptr); }
    bool boolean(bool value) { return put(value); }
    bool number_integer(json::number_integer_t value);
    bool number_unsigned(json::number_unsigned_t value);
    bool number_float(json::number_float_t value, const json::string_t& literal);
    bool string(json::string_t& value) { return put(std::move(value)); }
    bool binary(json::binary_t&) { return true; }  // the JSON lexer never produces binary values

    bool start_object(size_t) { return open(json::object()); }
    bool key(json::string_t& name);
    bool end_object() { return close(); }
    bool start_array(size_t) { return open(json::array()); }
    bool end_array() { return close(); }

    bool parse_error(size_t position, const std::string& last_token, const json::exception& error);

private:
    json& place(json value);
    bool put(json value);
    bool open(json container);
    bool close();

    std::string pointer() const;
    bool reading_key() const;
    std::pair<size_t, size_t> line_and_column(size_t position) const;
    void report_stop(size_t position, const json::exception& error);
    void note_inexact(std::string literal);
    void report(JsonProblem::Kind kind, std::string message, size_t position = 0);

    std::string_view bytes_;
    JsonReadResult& result_;
    std::vector<Frame> frames_;
};

bool DomBuilder::number_integer(json::number_integer_t value)
{
    const uint64_t magnitude =
        value < 0 ? uint64_t(0) - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    if (magnitude > exact_integer_limit)
        note_inexact(std::to_string(value));
    return put(value);
}

bool DomBuilder::number_unsigned(json::number_unsigned_t value)
{
    if (value > exact_integer_limit)
        note_inexact(std::to_string(value));
    return put(value);
}

bool DomBuilder::number_float(json::number_float_t value, const json::string_t& literal)
{
    // An integer literal arrives here only when it does not fit 64 bits: not even the DOM
    // keeps it exactly, so it is refused wherever it is (its message says what the others do).
    if (is_integer_literal(literal))
        report(JsonProblem::Kind::inexact_integer,
               literal + " cannot be represented exactly (integers beyond 2^53 lose digits)");
    else if (underflows(literal, value))
        report(JsonProblem::Kind::not_finite,
               "the number " + literal + " is too small for a double: it would read as 0");
    return put(value);
}

bool DomBuilder::key(json::string_t& name)
{
    Frame& top = frames_.back();
    auto& members = top.node->get_ref<json::object_t&>();
    const auto [it, inserted] = members.try_emplace(std::move(name));
    top.slot = &it->second;
    top.key = &it->first;
    top.awaiting_value = true;

    if (!inserted)
        report(JsonProblem::Kind::duplicate_key,
               "duplicate key \"" + it->first + "\"; a key may appear only once in an object");
    return true;
}

bool DomBuilder::parse_error(size_t position, const std::string& last_token, const json::exception& error)
{
    if (error.id == number_overflow_id)
        report(JsonProblem::Kind::not_finite,
               "the number " + printable(last_token) + " is beyond the range of a double", position);
    else
        report_stop(position, error);
    return false;
}

// Says why the parser stopped in the words of the file format where nlohmann's own would
// puzzle a person: "last read: '\"value\": N'" for a NaN, raw bytes for a stray BOM.
void DomBuilder::report_stop(size_t position, const json::exception& error)
{
    const std::string_view what = error.what();
    const size_t stop = position - 1;  // 0-based; position is at least 1 here
    if (what.find("ill-formed UTF-8") != std::string_view::npos) {
        report(JsonProblem::Kind::invalid_utf8, reading_key() ? "invalid UTF-8 in a field name" : "invalid UTF-8",
               position);
    } else if (what.find("surrogate") != std::string_view::npos) {
        report(JsonProblem::Kind::invalid_utf8,
               "an unpaired surrogate escape (\\uD800 to \\uDFFF) is not text", position);
    } else if (const std::string_view word = word_around(bytes_, stop); names_a_non_finite_number(word)) {
        report(JsonProblem::Kind::not_finite,
               std::string(word) + " is not a number JSON can hold; write a finite number", position);
    } else if (bytes_.substr(std::min(stop, bytes_.size()), 3) == utf8_byte_order_mark) {
        report(JsonProblem::Kind::syntax,
               "not valid JSON: a byte-order mark is allowed only at the very start of the file", position);
    } else {
        // nlohmann quotes the bytes it last read, and those may be anything.
        report(JsonProblem::Kind::syntax, "not valid JSON: " + printable(parser_detail(what)), position);
    }
}

// Puts a value where the document expects the next one and returns it in its place.
json& DomBuilder::place(json value)
{
    if (frames_.empty()) {
        result_.document = std::move(value);
        return result_.document;
    }

    Frame& top = frames_.back();
    if (top.node->is_array()) {
        auto& elements = top.node->get_ref<json::array_t&>();
        elements.push_back(std::move(value));
        return elements.back();
    }

    *top.slot = std::move(value);
    top.awaiting_value = false;
    return *top.slot;
}

bool DomBuilder::put(json value)
{
    place(std::move(value));
    return true;
}

bool DomBuilder::open(json container)
{
    // Refusing here keeps every later walk of the document shallow; returning false makes
    // nlohmann stop at once, so even a file of 100,000 brackets costs nothing more.
    if (frames_.size() >= max_json_depth) {
        report(JsonProblem::Kind::too_deep,
               "nesting deeper than " + std::to_string(max_json_depth) + " levels");
        return false;
    }
    json& node = place(std::move(container));
    frames_.push_back(Frame{&node});
    return true;
}

bool DomBuilder::close()
{
    frames_.pop_back();
    return true;
}

// The pointer of the value being read. Containers are entered as soon as they start, so
// an enclosing array's last element is the one being read; in the innermost array it is
// the next one, and in the innermost object it is the value of the last key, if pending.
std::string DomBuilder::pointer() const
{
    std::string out;
    for (size_t i = 0; i < frames_.size(); ++i) {
        const Frame& frame = frames_[i];
        const bool innermost = i + 1 == frames_.size();
        if (frame.node->is_array()) {
            const size_t count = frame.node->size();
            out += '/';
            out += std::to_string(innermost ? count : count - 1);
        } else if (!innermost || frame.awaiting_value) {
            out += '/';
            out += escape_pointer_token(*frame.key);
        }
    }
    return out;
}

// Whether the parser is in a key, not a value: the innermost container is an object whose
// last key has its value already.
bool DomBuilder::reading_key() const
{
    return !frames_.empty() && frames_.back().node->is_object() && !frames_.back().awaiting_value;
}

// The byte the parser stopped on, as nlohmann's own messages give it: that byte counts as
// read, and at the end of the input the position is one past the last byte.
std::pair<size_t, size_t> DomBuilder::line_and_column(size_t position) const
{
    const size_t stop = position - 1;  // 0-based; position is at least 1 here
    const std::string_view before = bytes_.substr(0, std::min(stop, bytes_.size()));
    const size_t line = 1 + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
    const size_t last_newline = before.rfind('\n');
    const size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
    return {line, stop - line_start + 1};
}

void DomBuilder::note_inexact(std::string literal)
{
    result_.inexact_integers.emplace(pointer(), std::move(literal));
}

void DomBuilder::report(JsonProblem::Kind kind, std::string message, size_t position)
{
    JsonProblem problem{kind, pointer(), std::move(message)};
    if (position > 0)
        std::tie(problem.line, problem.column) = line_and_column(position);
    result_.problems.push_back(std::move(problem));
}

}  // namespace

std::string describe(const JsonProblem& problem)
{
    if (problem.line == 0)
        return problem.message;
    return problem.message + " (line " + std::to_string(problem.line) + ", column " +
           std::to_string(problem.column) + ")";
}

JsonReadResult read_json(std::string_view bytes)
{
    JsonReadResult result;
    if (const std::string_view encoding = other_encoding(bytes); !encoding.empty()) {
        const std::string name(encoding);
        result.problems.push_back({JsonProblem::Kind::not_utf8_file, "",
                                   "the file is " + name + " (it starts with a " + name +
                                       " byte-order mark); an OKR cascade file is UTF-8"});
        return result;
    }

    DomBuilder builder(bytes, result);
    const char* begin = bytes.data();
    result.complete = json::sax_parse(begin, begin + bytes.size(), &builder);
    return result;
}

std::string escape_pointer_token(std::string_view token)
{
    std::string out;
    out.reserve(token.size());
    for (const char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

}  // namespace okr
