// Hostile and odd files (issue "Nothing is ever lost", part 6): each one ends in a clear
// message naming where (JSON pointer, line and column) and what, or is accepted as
// docs/file-format.md says. Never an abort, never a hang. Large inputs are built here.

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/export.hpp"
#include "core/import.hpp"
#include "hostile_inputs.hpp"

using namespace okr;
using namespace okr::hostile;

namespace {

// A UTF-8 check written apart from the JSON library's, so that the two can disagree.
// Refuses overlong forms, surrogates and code points beyond U+10FFFF (RFC 3629).
bool is_valid_utf8(std::string_view text)
{
    size_t i = 0;
    while (i < text.size()) {
        const auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
        const unsigned lead = byte(i);
        size_t length = 0;
        unsigned low = 0x80, high = 0xBF;  // the range of the second byte
        if (lead < 0x80) {
            ++i;
            continue;
        }
        if (lead >= 0xC2 && lead <= 0xDF)
            length = 2;
        else if (lead >= 0xE0 && lead <= 0xEF)
            length = 3, low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
        else if (lead >= 0xF0 && lead <= 0xF4)
            length = 4, low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
        else
            return false;
        if (i + length > text.size() || byte(i + 1) < low || byte(i + 1) > high)
            return false;
        for (size_t k = 2; k < length; ++k)
            if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
                return false;
        i += length;
    }
    return true;
}

// A message a person can read anywhere: valid UTF-8, one line, no control characters.
bool is_readable(std::string_view message)
{
    for (const char c : message)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            return false;
    return is_valid_utf8(message);
}

std::string lines(const std::vector<Problem>& problems)
{
    std::string text;
    for (const Problem& problem : problems)
        text += (text.empty() ? "" : "\n") + to_string(problem);
    return text;
}

// Every refusal of the input, one "pointer: message" a line; checks that the import was
// refused and that each message is readable.
std::string refusals_of(std::string_view input)
{
    const ImportResult result = import_workspace(input);
    CHECK_FALSE(result.workspace);
    for (const Problem& problem : result.refusals) {
        CAPTURE(problem.message);
        CHECK(is_readable(problem.message));
        CHECK(is_valid_utf8(problem.pointer));
    }
    return lines(result.refusals);
}

// The workspace of an accepted file; fails the test with the refusals otherwise.
Workspace accepted(std::string_view input)
{
    ImportResult result = import_workspace(input);
    REQUIRE_MESSAGE(!result.refused(), lines(result.refusals));
    return std::move(*result.workspace);
}

// Exporting and importing again gives the same text: nothing was lost on the way.
void check_round_trip(const Workspace& workspace)
{
    const std::string exported = export_workspace(workspace);
    CHECK(export_workspace(accepted(exported)) == exported);
}

std::string repeated(std::string_view unit, size_t times)
{
    std::string text;
    text.reserve(unit.size() * times);
    for (size_t i = 0; i < times; ++i)
        text += unit;
    return text;
}

const std::string id_rule = " is not 1-64 characters of A-Z a-z 0-9 . _ -";
const std::string reference_rule = " is not an id (1-64 characters of A-Z a-z 0-9 . _ -)";
const std::string inexact = " cannot be represented exactly (integers beyond 2^53 lose digits)";

}  // namespace

TEST_CASE("deeply nested arrays are refused at 128 levels, at once and with the place")
{
    // The root object is the first level; the unknown field "x" holds the rest.
    std::string deepest = "/x";
    for (int level = 2; level <= 128; ++level)
        deepest += "/0";
    const std::string refusal = deepest + ": nesting deeper than 128 levels";

    CHECK(refusals_of(nested_arrays(128)) == refusal);
    CHECK(refusals_of(nested_arrays(1'000'000)) == refusal);
    // Unclosed, as a file that is nothing but brackets.
    CHECK(refusals_of(std::string(1'000'000, '[')) ==
          std::string(deepest.substr(2)) + "/0: nesting deeper than 128 levels");

    std::string nested_objects = "{\"a\": " + repeated("{\"a\": ", 200) + "1" + std::string(201, '}');
    std::string deepest_object;
    for (int level = 1; level <= 128; ++level)
        deepest_object += "/a";
    CHECK(refusals_of(nested_objects) == deepest_object + ": nesting deeper than 128 levels");
}

TEST_CASE("arrays nested up to the limit are accepted and kept as written")
{
    const Workspace workspace = accepted(nested_arrays(127));
    CHECK(workspace.preserved["x"].dump() == std::string(127, '[') + std::string(127, ']'));
    check_round_trip(workspace);
}

TEST_CASE("invalid UTF-8 in a title is refused, naming the objective, the field and the byte")
{
    struct Row {
        const char* what;
        std::string title;
        size_t column;  // of the byte that cannot continue the text
    };
    // The title's text starts at column 17 of line 15.
    const Row rows[] = {
        {"Latin-1 é", "Caf\xE9s", 21},
        {"a lone continuation byte", "Caf\x80", 20},
        {"a byte UTF-8 never uses", "Caf\xFF", 20},
        {"an overlong slash", "a\xC0\xAF", 18},
        {"an encoded surrogate", "a\xED\xA0\x80", 19},
        {"a code point beyond U+10FFFF", "a\xF4\x90\x80\x80", 19},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        CHECK(refusals_of(objective_title(row.title)) ==
              "/objectives/1/title: invalid UTF-8 in the title of objective \"o-x\" (line 15, column " +
                  std::to_string(row.column) + ")");
    }
}

TEST_CASE("invalid UTF-8 in a field name or an escaped lone surrogate is refused where it is")
{
    CHECK(refusals_of(file_with({{"objectives", {objective("o-x", {{"@", 1}})}}}, "\"f\xFF\"")) ==
          "/objectives/0: invalid UTF-8 in a field name (line 5, column 9)");
    CHECK(refusals_of(objective_title("Caf\\ud800")) ==
          "/objectives/1/title: an unpaired surrogate escape (\\uD800 to \\uDFFF) is not text in the title of "
          "objective \"o-x\" (line 15, column 26)");
}

TEST_CASE("a title cut in the middle of a multi-byte character is invalid UTF-8")
{
    // "é" is C3 A9, "€" is E2 82 AC, "😀" is F0 9F 98 80: each title stops before its last byte.
    for (const char* cut : {"Caf\xC3", "5 \xE2\x82", "\xF0\x9F\x98"}) {
        CAPTURE(cut);
        const size_t column = 17 + std::string_view(cut).size();
        CHECK(refusals_of(objective_title(cut)) ==
              "/objectives/1/title: invalid UTF-8 in the title of objective \"o-x\" (line 15, column " +
                  std::to_string(column) + ")");
    }
    // The whole file cut there, as an interrupted download leaves it.
    const std::string whole = objective_title("Caf\xC3\xA9");
    const std::string cut = whole.substr(0, whole.find("Caf\xC3") + 4);
    CHECK(refusals_of(cut) ==
          "/objectives/1/title: invalid UTF-8 in the title of objective \"o-x\" (line 15, column 21)");
}

TEST_CASE("NaN, Infinity and numbers beyond the double range are refused as numbers")
{
    struct Row {
        const char* literal;
        std::string refusal;
    };
    const std::string at = "/check_ins/0/value: ";
    const Row rows[] = {
        {"NaN", at + "NaN is not a number JSON can hold; write a finite number (line 9, column 16)"},
        {"nan", at + "nan is not a number JSON can hold; write a finite number (line 9, column 17)"},
        {"Infinity", at + "Infinity is not a number JSON can hold; write a finite number (line 9, column 16)"},
        {"-Infinity", at + "-Infinity is not a number JSON can hold; write a finite number (line 9, column 17)"},
        {"1e400", at + "the number 1e400 is beyond the range of a double (line 9, column 20)"},
        {"-1.5E+999", at + "the number -1.5E+999 is beyond the range of a double (line 9, column 24)"},
        {"1e-400", at + "the number 1e-400 is too small for a double: it would read as 0"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.literal);
        CHECK(refusals_of(check_in_value(row.literal)) == row.refusal);
    }
    // Written as text, it is a string where a number belongs.
    CHECK(refusals_of(file_with({{"check_ins", {check_in({{"value", "NaN"}})}}})) ==
          at + "expected a number, found a string");
    // Outside the model's fields too: such a number cannot be written back.
    CHECK(refusals_of(file_with({{"x", "@"}}, "1e400")) ==
          "/x: the number 1e400 is beyond the range of a double (line 8, column 12)");
}

TEST_CASE("the smallest double and zero written with an exponent are numbers")
{
    const Workspace workspace = accepted(file_with({{"x", "@"}}, "[4.9e-324, 0e-400, -0.0e5]"));
    CHECK(workspace.preserved["x"][0].get<double>() > 0);
    CHECK(workspace.preserved["x"][1].get<double>() == 0);
    CHECK(workspace.preserved["x"][2].get<double>() == 0);
}

TEST_CASE("integers beyond 2^53 are refused where the model reads a number")
{
    struct Row {
        const char* literal;
        std::string refusal;
    };
    const Row rows[] = {
        {"9007199254740993", "/check_ins/0/value: 9007199254740993" + inexact},
        {"-9007199254740993", "/check_ins/0/value: -9007199254740993" + inexact},
        {"18446744073709551615", "/check_ins/0/value: 18446744073709551615" + inexact},
        {"18446744073709551616", "/check_ins/0/value: 18446744073709551616" + inexact},
        {"-9223372036854775809", "/check_ins/0/value: -9223372036854775809" + inexact},
    };
    for (const Row& row : rows) {
        CAPTURE(row.literal);
        CHECK(refusals_of(check_in_value(row.literal)) == row.refusal);
    }
    CHECK(accepted(check_in_value("9007199254740992")).check_ins[0].value == 9007199254740992.0);
}

TEST_CASE("integers beyond 2^53 elsewhere are kept exactly, or refused when 64 bits cannot hold them")
{
    const Workspace kept = accepted(file_with({{"ticket", "@"}}, "[9007199254740993, -9223372036854775808]"));
    const std::string exported = export_workspace(kept);
    CHECK(exported.find("9007199254740993,") != std::string::npos);
    CHECK(exported.find("-9223372036854775808\n") != std::string::npos);
    check_round_trip(kept);

    CHECK(refusals_of(file_with({{"ticket", "@"}}, "123456789012345678901234")) ==
          "/ticket: 123456789012345678901234" + inexact);
    CHECK(refusals_of(file_with({{"ticket", "@"}}, "[1, -99999999999999999999]")) ==
          "/ticket/1: -99999999999999999999" + inexact);
}

TEST_CASE("duplicate keys in one object are refused, each one at its place")
{
    CHECK(refusals_of(R"({"format": "okr-cascade", "version": 1, "workspace": {"id": "w-1", "name": "A"},
        "objectives": [{"id": "o-1", "id": "o-2", "cycle": "c", "team": "t", "title": "A",
                        "updated_at": "2027-01-04T08:00:00.000Z"}]})") ==
          "/objectives/0/id: duplicate key \"id\"; a key may appear only once in an object");

    // "t\u0069tle" is "title" once the escape is read.
    CHECK(refusals_of(file_with({{"objectives", {objective("o-1", {{"@", 1}})}}}, "\"t\\u0069tle\"")) ==
          "/objectives/0/title: duplicate key \"title\"; a key may appear only once in an object");

    CHECK(refusals_of(file_with({{"x", "@"}}, R"({"a": {"b": 1, "b": 2}, "a": 3, "c": [{"d": 1, "d": 1}]})")) ==
          "/x/a/b: duplicate key \"b\"; a key may appear only once in an object\n"
          "/x/a: duplicate key \"a\"; a key may appear only once in an object\n"
          "/x/c/0/d: duplicate key \"d\"; a key may appear only once in an object");
}

TEST_CASE("a byte-order mark is accepted at the start only, and is not written back")
{
    const std::string plain = file_with({{"objectives", {objective("o-1", {{"title", "Übergabe"}})}}});
    const Workspace with_mark = accepted("\xEF\xBB\xBF" + plain);
    CHECK(with_mark.objectives[0].title == "Übergabe");
    CHECK(export_workspace(with_mark) == export_workspace(accepted(plain)));
    CHECK(export_workspace(with_mark).front() == '{');

    CHECK(refusals_of("\xEF\xBB\xBF\xEF\xBB\xBF" + plain) ==
          "not valid JSON: a byte-order mark is allowed only at the very start of the file (line 1, column 4)");
    CHECK(refusals_of("{\"x\": \xEF\xBB\xBF 1}") ==
          "/x: not valid JSON: a byte-order mark is allowed only at the very start of the file "
          "(line 1, column 7)");
}

TEST_CASE("a UTF-16 or UTF-32 file is refused as not UTF-8")
{
    const std::string utf16 = std::string("\xFF\xFE{\0\"\0", 6);
    CHECK(refusals_of(utf16) ==
          "the file is UTF-16 (it starts with a UTF-16 byte-order mark); an OKR cascade file is UTF-8");
    CHECK(refusals_of(std::string("\xFE\xFF\0{", 4)) ==
          "the file is UTF-16 (it starts with a UTF-16 byte-order mark); an OKR cascade file is UTF-8");
    CHECK(refusals_of(std::string("\xFF\xFE\0\0{\0\0\0", 8)) ==
          "the file is UTF-32 (it starts with a UTF-32 byte-order mark); an OKR cascade file is UTF-8");
}

TEST_CASE("a 50 MB file imports whole")
{
    // No time is asserted: a slow machine must not fail this. What shows that nothing
    // hangs is that the import returns, with every check-in.
    const std::string& big = fifty_megabytes().text;
    const size_t added = fifty_megabytes().added;
    REQUIRE(big.size() >= 50'000'000);

    const ImportResult result = import_workspace(big);
    REQUIRE_MESSAGE(!result.refused(), lines(result.refusals));
    CHECK(result.warnings.empty());
    CHECK(result.workspace->check_ins.size() == 99 + added);
    const std::string last_id = "ci-zz-" + std::string(7 - std::to_string(added - 1).size(), '0') +
                                std::to_string(added - 1);
    const CheckIn* last = find_by_id(result.workspace->check_ins, last_id);
    REQUIRE(last != nullptr);
    CHECK(last->note == "Weekly review with the Kovač team; renewals on track, "
                        "Übergabe to operations planned for next week.");
}

TEST_CASE("a 50 MB file cut short is refused at the place where it ends")
{
    const std::string& big = fifty_megabytes().text;
    const size_t added = fifty_megabytes().added;
    const std::string cut = big.substr(0, big.rfind("\"recorded_at\"") + 5);
    const size_t line = 1 + static_cast<size_t>(std::count(cut.begin(), cut.end(), '\n'));
    const size_t column = cut.size() - cut.rfind('\n');

    const ImportResult result = import_workspace(cut);
    REQUIRE(result.refusals.size() == 1);
    const Problem& refusal = result.refusals[0];
    // The cut falls in a key of the file's last check-in, after the sample's 99.
    CHECK(refusal.pointer == "/check_ins/" + std::to_string(99 + added - 1));
    CHECK(refusal.message == "not valid JSON: invalid string: missing closing quote; last read: '\"reco'; expected string literal (line " +
                                 std::to_string(line) + ", column " + std::to_string(column) + ")");
}

TEST_CASE("a 1 MB note is accepted and kept byte for byte: the format sets no length on text")
{
    // 2-byte and 3-byte characters, so that any cut inside them would show.
    const std::string note = repeated("Kovač € ", 1024 * 1024 / 11 + 1);
    REQUIRE(note.size() > 1024 * 1024);
    const Workspace workspace = accepted(file_with({{"check_ins", {check_in({{"note", note}})}}}));
    CHECK(workspace.check_ins[0].note == note);
    check_round_trip(workspace);
}

TEST_CASE("a 1 MB text that breaks a rule is refused with a message that stays short")
{
    const std::string long_id(1024 * 1024, 'x');
    const std::string shown = "\"" + std::string(80, 'x') + "...\"";
    CHECK(refusals_of(file_with({{"objectives", {objective(long_id)}}})) ==
          "/objectives/0/id: the id " + shown + id_rule);

    const std::string bad_end = repeated("é", 512 * 1024) + "\xC3";
    const std::string refusal = refusals_of(objective_title(bad_end));
    CHECK(refusal == "/objectives/1/title: invalid UTF-8 in the title of objective \"o-x\" (line 15, column " +
                         std::to_string(17 + bad_end.size()) + ")");
}

TEST_CASE("ids with forbidden characters are refused, and the message shows them as written")
{
    struct Row {
        std::string id;
        std::string shown;
    };
    const Row rows[] = {
        {"o 1", "\"o 1\""},
        {"o/1", "\"o/1\""},
        {"o~1", "\"o~1\""},
        {"café", "\"café\""},
        {"o\n1", "\"o\\n1\""},
        {std::string("o\0001", 3), "\"o\\u00001\""},
        {"o\t1\x7F", "\"o\\t1\\u007F\""},
        {"", "\"\""},
        {std::string(65, 'o'), "\"" + std::string(65, 'o') + "\""},
    };
    for (const Row& row : rows) {
        CAPTURE(row.shown);
        CHECK(refusals_of(file_with({{"objectives", {objective(row.id)}}})) ==
              "/objectives/0/id: the id " + row.shown + id_rule);
    }
    CHECK(refusals_of(file_with({{"objectives", {objective("o-1", {{"id", 17}})}}})) ==
          "/objectives/0/id: expected a string, found a number");
}

TEST_CASE("references that cannot be ids are refused, wherever the file refers")
{
    const std::string input = file_with({
        {"teams", {{{"id", "t-a"}, {"name", "A"}, {"parent", "Head Office"}, {"updated_at", stamp}}}},
        {"objectives", {objective("o-1", {{"owner", "Ana Kovač"}, {"kpis", {"k-1", "k 2"}}})}},
        {"check_ins", {check_in({{"key_result", "kr/1"}})}},
    });
    CHECK(refusals_of(input) ==
          "/teams/0/parent: the reference \"Head Office\"" + reference_rule + "\n" +
              "/objectives/0/owner: the reference \"Ana Kovač\"" + reference_rule + "\n" +
              "/objectives/0/kpis/1: the reference \"k 2\"" + reference_rule + "\n" +
              "/check_ins/0/key_result: the reference \"kr/1\"" + reference_rule);
}

TEST_CASE("every refused hostile file is refused, and readably")
{
    for (const HostileFile& file : refused_files()) {
        CAPTURE(file.what);
        CHECK_FALSE(refusals_of(file.bytes).empty());
    }
}
