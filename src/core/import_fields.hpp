#pragma once
// Internal to the importer: reads the fields of one JSON object of the file into typed
// values, reporting each problem with the pointer of the field.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/import.hpp"
#include "core/model.hpp"

namespace okr::import_detail {

// The problems of one import, in the order found.
struct Diagnostics {
    std::vector<Problem> refusals;
    std::vector<Problem> warnings;
    // Integer literals beyond 2^53, by pointer (from the JSON reader): refused where the
    // model reads them as numbers, kept exactly anywhere else.
    const std::unordered_map<std::string, std::string>* inexact_integers = nullptr;

    void refuse(std::string pointer, std::string message);
    void warn(std::string pointer, std::string message);
};

// "a number", "an object", "null": how a message names what the file holds.
std::string found(const nlohmann::json& value);
// The text in double quotes, shortened when long and with control characters, quotes and
// backslashes escaped as JSON writes them, so that messages stay readable on one line.
std::string in_quotes(std::string_view text);

enum class Range { any, unit_interval, non_negative };

class FieldReader {
public:
    // `object` must be a JSON object; `pointer` is its place in the file. Values are moved
    // out of `object` as they are read.
    FieldReader(nlohmann::json& object, std::string pointer, Diagnostics& diagnostics);

    // Required fields: absent or null is refused, and `out` keeps its value.
    void own_id(Id& out);
    void text(std::string_view key, std::string& out);
    // The id of another entity: refused unless it could be one.
    void reference(std::string_view key, Id& out);
    void number(std::string_view key, double& out, Range range = Range::any);
    void date(std::string_view key, Date& out);
    void timestamp(std::string_view key, Timestamp& out);
    void flag(std::string_view key, bool& out);
    template <typename Enum>
    void choice(std::string_view key, Enum& out, std::optional<Enum> (*parse)(std::string_view),
                std::string_view allowed);

    // Optional fields: absent and null both read as empty; a null is kept in `preserved`
    // so that the file's shape survives a round trip.
    void text(std::string_view key, std::optional<std::string>& out);
    void reference(std::string_view key, std::optional<Id>& out);
    void number(std::string_view key, std::optional<double>& out, Range range = Range::any);
    void date(std::string_view key, std::optional<Date>& out);
    void timestamp(std::string_view key, std::optional<Timestamp>& out);
    // References, each refused unless it could be an id.
    void id_list(std::string_view key, std::optional<std::vector<Id>>& out);
    // An optional enum kept as written; a value outside `known` only warns.
    void open_choice(std::string_view key, std::optional<std::string>& out,
                     std::initializer_list<std::string_view> known);

    // The value of a field, now known; null when absent.
    nlohmann::json* field(std::string_view key);
    // As field(), but null also when the file wrote null (which is kept in `preserved`).
    nlohmann::json* optional_field(std::string_view key);

    const std::string& pointer() const { return pointer_; }
    std::string pointer_to(std::string_view key) const;
    Diagnostics& diagnostics() { return diagnostics_; }

    // Moves the unknown fields (with a warning each) and the nulls kept into `preserved`.
    void finish(Preserved& preserved);

private:
    template <typename Convert>
    auto read_required(std::string_view key, Convert convert);
    template <typename Convert>
    auto read_optional(std::string_view key, Convert convert);
    std::optional<std::string> required_text(std::string_view key);
    void refuse_choice(std::string_view key, std::string_view written, std::string_view allowed);
    void check_reference(std::string pointer, const Id& id);

    std::optional<std::string> as_text(nlohmann::json& value, std::string_view key);
    std::optional<double> as_number(const nlohmann::json& value, std::string_view key, Range range);
    std::optional<Date> as_date(const nlohmann::json& value, std::string_view key);
    std::optional<Timestamp> as_timestamp(const nlohmann::json& value, std::string_view key);
    bool is_known(std::string_view key) const;

    nlohmann::json& object_;
    std::string pointer_;
    Diagnostics& diagnostics_;
    std::vector<std::string_view> known_;  // field names are string literals of the readers
    std::vector<std::string_view> nulls_;
};

template <typename Enum>
void FieldReader::choice(std::string_view key, Enum& out, std::optional<Enum> (*parse)(std::string_view),
                         std::string_view allowed)
{
    const auto written = required_text(key);
    if (!written)
        return;
    if (const auto value = parse(*written))
        out = *value;
    else
        refuse_choice(key, *written, allowed);
}

}  // namespace okr::import_detail
