#pragma once
// UTF-8 checks shared by the readers of outside text (the JSON file, CSV files): where the
// bytes stop being UTF-8, how to show such bytes in a message, and which other Unicode
// encoding a file announces instead.

#include <cstddef>
#include <string>
#include <string_view>

namespace okr {

inline constexpr std::string_view utf8_byte_order_mark = "\xEF\xBB\xBF";

// The length of the valid UTF-8 sequence at `at`, or 0 when the bytes there are not one
// (RFC 3629: no overlong forms, no surrogates, nothing beyond U+10FFFF).
size_t utf8_sequence_length(std::string_view text, size_t at);

// The offset of the first byte that is not part of valid UTF-8, or npos when all are.
size_t first_invalid_utf8(std::string_view text);

// The text with each byte that is not part of valid UTF-8 written as \xNN, so that a
// message quoting outside bytes is itself valid UTF-8.
std::string printable(std::string_view text);

// The text with each byte that is not part of valid UTF-8 replaced by U+FFFD, as the
// exporters write text that reached the model from elsewhere.
std::string with_replacement_characters(std::string_view text);

// "UTF-16" or "UTF-32" for a file that starts with the byte-order mark of one; empty otherwise.
std::string_view other_encoding(std::string_view bytes);

}  // namespace okr
