#include "core/import_fields.hpp"

#include <algorithm>

#include "core/json_reader.hpp"

namespace okr::import_detail {

using json = nlohmann::json;

void Diagnostics::refuse(std::string pointer, std::string message)
{
    refusals.push_back({std::move(pointer), std::move(message)});
}

void Diagnostics::warn(std::string pointer, std::string message)
{
    warnings.push_back({std::move(pointer), std::move(message)});
}

std::string found(const json& value)
{
    switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "a number";  // the reader produces no binary or discarded values
    }
}

namespace {

// The text as a JSON string writes it, so that a message shows a newline, a NUL or a quote
// inside an id instead of breaking its line or ending early where it is drawn.
std::string escaped(std::string_view text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (byte < 0x20 || byte == 0x7F) {
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0xF];
            } else {
                out += c;
            }
        }
    }
    return out;
}

}  // namespace

std::string in_quotes(std::string_view text)
{
    constexpr size_t limit = 80;
    if (text.size() <= limit)
        return "\"" + escaped(text) + "\"";

    // Back up to the start of a UTF-8 sequence so that the message stays valid UTF-8.
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return "\"" + escaped(text.substr(0, cut)) + "...\"";
}

FieldReader::FieldReader(json& object, std::string pointer, Diagnostics& diagnostics)
    : object_(object), pointer_(std::move(pointer)), diagnostics_(diagnostics)
{
}

// ---- required fields ---------------------------------------------------------------------

template <typename Convert>
auto FieldReader::read_required(std::string_view key, Convert convert)
{
    json* value = field(key);
    if (!value) {
        diagnostics_.refuse(pointer_to(key), "required field " + in_quotes(key) + " is missing");
        return decltype(convert(*value)){};
    }
    return convert(*value);
}

std::optional<std::string> FieldReader::required_text(std::string_view key)
{
    return read_required(key, [&](json& value) { return as_text(value, key); });
}

void FieldReader::own_id(Id& out)
{
    auto id = required_text("id");
    if (!id)
        return;
    if (!is_valid_id(*id))
        diagnostics_.refuse(pointer_to("id"),
                            "the id " + in_quotes(*id) + " is not 1-64 characters of A-Z a-z 0-9 . _ -");
    // Kept even when invalid: later messages about this entity still name it.
    out = std::move(*id);
}

void FieldReader::text(std::string_view key, std::string& out)
{
    if (auto value = required_text(key))
        out = std::move(*value);
}

void FieldReader::reference(std::string_view key, Id& out)
{
    if (auto value = required_text(key)) {
        check_reference(pointer_to(key), *value);
        out = std::move(*value);
    }
}

void FieldReader::number(std::string_view key, double& out, Range range)
{
    if (const auto value = read_required(key, [&](json& v) { return as_number(v, key, range); }))
        out = *value;
}

void FieldReader::date(std::string_view key, Date& out)
{
    if (const auto value = read_required(key, [&](json& v) { return as_date(v, key); }))
        out = *value;
}

void FieldReader::timestamp(std::string_view key, Timestamp& out)
{
    if (auto value = read_required(key, [&](json& v) { return as_timestamp(v, key); }))
        out = std::move(*value);
}

void FieldReader::flag(std::string_view key, bool& out)
{
    const auto value = read_required(key, [&](json& v) -> std::optional<bool> {
        if (v.is_boolean())
            return v.get<bool>();
        diagnostics_.refuse(pointer_to(key), "expected true or false, found " + found(v));
        return std::nullopt;
    });
    if (value)
        out = *value;
}

// A reference that no entity can have as its id would never resolve: a person's name where
// a person's id belongs, or text that breaks JSON pointers and file names.
void FieldReader::check_reference(std::string pointer, const Id& id)
{
    if (!is_valid_id(id))
        diagnostics_.refuse(std::move(pointer), "the reference " + in_quotes(id) +
                                                    " is not an id (1-64 characters of A-Z a-z 0-9 . _ -)");
}

void FieldReader::refuse_choice(std::string_view key, std::string_view written, std::string_view allowed)
{
    diagnostics_.refuse(pointer_to(key),
                        "expected one of " + std::string(allowed) + ", found " + in_quotes(written));
}

// ---- optional fields ---------------------------------------------------------------------

template <typename Convert>
auto FieldReader::read_optional(std::string_view key, Convert convert)
{
    json* value = optional_field(key);
    return value ? convert(*value) : decltype(convert(*value)){};
}

void FieldReader::text(std::string_view key, std::optional<std::string>& out)
{
    out = read_optional(key, [&](json& value) { return as_text(value, key); });
}

void FieldReader::reference(std::string_view key, std::optional<Id>& out)
{
    text(key, out);
    if (out)
        check_reference(pointer_to(key), *out);
}

void FieldReader::number(std::string_view key, std::optional<double>& out, Range range)
{
    out = read_optional(key, [&](json& value) { return as_number(value, key, range); });
}

void FieldReader::date(std::string_view key, std::optional<Date>& out)
{
    out = read_optional(key, [&](json& value) { return as_date(value, key); });
}

void FieldReader::timestamp(std::string_view key, std::optional<Timestamp>& out)
{
    out = read_optional(key, [&](json& value) { return as_timestamp(value, key); });
}

void FieldReader::id_list(std::string_view key, std::optional<std::vector<Id>>& out)
{
    json* value = optional_field(key);
    if (!value)
        return;
    if (!value->is_array()) {
        diagnostics_.refuse(pointer_to(key), "expected an array of ids, found " + found(*value));
        return;
    }

    std::vector<Id> ids;
    ids.reserve(value->size());
    for (size_t i = 0; i < value->size(); ++i) {
        json& element = (*value)[i];
        const std::string pointer = pointer_to(key) + "/" + std::to_string(i);
        if (!element.is_string()) {
            diagnostics_.refuse(pointer, "expected an id, found " + found(element));
            continue;
        }
        check_reference(pointer, element.get_ref<const std::string&>());
        ids.push_back(std::move(element.get_ref<std::string&>()));
    }
    out = std::move(ids);
}

void FieldReader::open_choice(std::string_view key, std::optional<std::string>& out,
                              std::initializer_list<std::string_view> known)
{
    text(key, out);
    if (!out || std::find(known.begin(), known.end(), *out) != known.end())
        return;

    std::string list;
    for (const std::string_view name : known)
        list += (list.empty() ? "" : ", ") + std::string(name);
    diagnostics_.warn(pointer_to(key), in_quotes(*out) + " is not a known " + std::string(key) + " (" + list +
                                           "); kept as written");
}

// ---- raw access --------------------------------------------------------------------------

json* FieldReader::field(std::string_view key)
{
    known_.push_back(key);
    const auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
}

json* FieldReader::optional_field(std::string_view key)
{
    json* value = field(key);
    if (value && value->is_null()) {
        nulls_.push_back(key);
        return nullptr;
    }
    return value;
}

std::string FieldReader::pointer_to(std::string_view key) const
{
    return pointer_ + "/" + escape_pointer_token(key);
}

void FieldReader::finish(Preserved& preserved)
{
    for (const std::string_view key : nulls_) {
        if (!preserved.is_object())
            preserved = Preserved::object();
        preserved[std::string(key)] = nullptr;
    }

    for (auto& [key, value] : object_.get_ref<json::object_t&>()) {
        if (is_known(key))
            continue;
        diagnostics_.warn(pointer_to(key), "unknown field " + in_quotes(key) + "; kept as written");
        preserved[key] = std::move(value);
    }
}

bool FieldReader::is_known(std::string_view key) const
{
    return std::find(known_.begin(), known_.end(), key) != known_.end();
}

// ---- conversions -------------------------------------------------------------------------

std::optional<std::string> FieldReader::as_text(json& value, std::string_view key)
{
    // Moved out: the document is read once and dropped, and texts are most of its bytes.
    if (value.is_string())
        return std::move(value.get_ref<std::string&>());
    diagnostics_.refuse(pointer_to(key), "expected a string, found " + found(value));
    return std::nullopt;
}

std::optional<double> FieldReader::as_number(const json& value, std::string_view key, Range range)
{
    if (!value.is_number()) {
        diagnostics_.refuse(pointer_to(key), "expected a number, found " + found(value));
        return std::nullopt;
    }

    const auto* inexact = diagnostics_.inexact_integers;
    if (inexact && !inexact->empty()) {
        if (const auto it = inexact->find(pointer_to(key)); it != inexact->end()) {
            diagnostics_.refuse(it->first, it->second +
                                               " cannot be represented exactly (integers beyond 2^53 "
                                               "lose digits)");
            return std::nullopt;
        }
    }

    const double number = value.get<double>();
    if (range == Range::unit_interval && !(number >= 0 && number <= 1)) {
        diagnostics_.refuse(pointer_to(key), "expected a number from 0 to 1, found " + value.dump());
        return std::nullopt;
    }
    if (range == Range::non_negative && number < 0) {
        diagnostics_.refuse(pointer_to(key), "expected a number of 0 or more, found " + value.dump());
        return std::nullopt;
    }
    return number;
}

std::optional<Date> FieldReader::as_date(const json& value, std::string_view key)
{
    if (!value.is_string()) {
        diagnostics_.refuse(pointer_to(key), "expected a date (YYYY-MM-DD), found " + found(value));
        return std::nullopt;
    }
    const auto& text = value.get_ref<const std::string&>();
    const auto date = Date::parse(text);
    if (!date)
        diagnostics_.refuse(pointer_to(key),
                            "expected an existing day written as YYYY-MM-DD, found " + in_quotes(text));
    return date;
}

std::optional<Timestamp> FieldReader::as_timestamp(const json& value, std::string_view key)
{
    if (!value.is_string()) {
        diagnostics_.refuse(pointer_to(key), "expected an RFC 3339 timestamp, found " + found(value));
        return std::nullopt;
    }
    const auto& text = value.get_ref<const std::string&>();
    auto timestamp = Timestamp::parse(text);
    if (!timestamp)
        diagnostics_.refuse(pointer_to(key),
                            "expected an RFC 3339 timestamp such as 2027-02-26T09:12:00.000Z, "
                            "found " +
                                in_quotes(text));
    return timestamp;
}

}  // namespace okr::import_detail
