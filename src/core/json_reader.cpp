#include "core/json_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>

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
    std::pair<size_t, size_t> line_and_column(size_t position) const;
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
    // An integer literal arrives here only when it does not fit 64 bits.
    if (is_integer_literal(literal))
        note_inexact(literal);
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
    const std::string_view what = error.what();
    if (error.id == number_overflow_id)
        report(JsonProblem::Kind::not_finite, "the number " + last_token + " is beyond the range of a double",
               position);
    else if (what.find("ill-formed UTF-8") != std::string_view::npos)
        report(JsonProblem::Kind::invalid_utf8, "invalid UTF-8", position);
    else
        report(JsonProblem::Kind::syntax, "not valid JSON: " + parser_detail(what), position);
    return false;
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
