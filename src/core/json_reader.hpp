#pragma once
// Reads JSON text into a nlohmann DOM while tracking where in the document the parser is,
// so that every problem carries an RFC 6901 pointer. It knows nothing of the OKR format.
//
// It goes through nlohmann's SAX interface instead of json::parse because the plain
// parser silently keeps the last of duplicate keys, gives no pointer for its errors, and
// has no depth limit (our DOM and the code that walks it must never recurse deeply).

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace okr {

struct JsonProblem {
    enum class Kind { syntax, not_utf8_file, invalid_utf8, not_finite, inexact_integer, too_deep, duplicate_key };

    Kind kind = Kind::syntax;
    std::string pointer;  // where the problem is; "" is the whole document
    std::string message;  // without the position, which is in line and column
    size_t line = 0;      // 1-based; 0 when the problem has no single position
    size_t column = 0;    // 1-based, in bytes as the parser counts them
};

// The message followed by " (line L, column C)" when the problem has a position.
std::string describe(const JsonProblem& problem);

struct JsonReadResult {
    // The whole document when `complete`; otherwise what was read before the parser
    // stopped, which still names the entity a late error belongs to.
    nlohmann::json document;
    bool complete = false;
    // Duplicate keys, numbers no double holds and integers not even 64 bits hold (reading
    // goes on after each), and the reason the parser stopped, if it did.
    std::vector<JsonProblem> problems;
    // Pointer -> literal of every integer with a magnitude beyond 2^53 that fits 64 bits: the
    // DOM keeps it exactly, a double cannot. Whether that matters depends on the field, so the
    // caller decides.
    std::unordered_map<std::string, std::string> inexact_integers;
};

inline constexpr size_t max_json_depth = 128;

// Never throws on malformed input; a UTF-8 byte-order mark at the start is skipped. Every
// message is valid UTF-8, whatever bytes the input holds.
JsonReadResult read_json(std::string_view bytes);

// One reference token of a JSON pointer: "~" becomes "~0" and "/" becomes "~1".
std::string escape_pointer_token(std::string_view token);

}  // namespace okr
