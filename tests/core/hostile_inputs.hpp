#pragma once
// Hostile and odd cascade files, built in the test instead of committed (the large ones
// would weigh megabytes). tests/core/hostile_files_test.cpp checks what the importer says
// of each; tests/app/import_twice_test.cpp checks that a session refusing one keeps the
// workspace and storage byte for byte.

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "method_support.hpp"

namespace okr::hostile {

using nlohmann::json;

inline const char* const stamp = "2027-01-04T08:00:00.000Z";

// The text of a valid file holding `content` besides its header. `literal` replaces the
// string "@" in the text, for bytes no JSON library writes: NaN, 1e400, invalid UTF-8.
inline std::string file_with(const json& content, const std::string& literal = "")
{
    json file = {{"format", "okr-cascade"}, {"version", 1}, {"workspace", {{"id", "w-1"}, {"name", "Test"}}}};
    file.update(content);
    std::string text = file.dump(2);
    if (const size_t at = text.find("\"@\""); at != std::string::npos)
        text.replace(at, 3, literal);
    return text;
}

inline json objective(const std::string& id, const json& more = json::object())
{
    json o = {{"id", id}, {"cycle", "c-q1"}, {"team", "t-a"}, {"title", "Grow"}, {"updated_at", stamp}};
    o.update(more);
    return o;
}

inline json check_in(const json& more = json::object())
{
    json c = {{"id", "ci-1"}, {"key_result", "kr-1"}, {"date", "2027-01-08"},
              {"value", 1},   {"confidence", 0.5},    {"recorded_at", "2027-01-08T10:00:00Z"}};
    c.update(more);
    return c;
}

// A check-in's value written as `literal`, for the numbers JSON libraries refuse to write.
inline std::string check_in_value(const std::string& literal)
{
    return file_with({{"check_ins", {check_in({{"value", "@"}})}}}, literal);
}

// A title written as `bytes` (between the quotes), in the second objective, after its id.
inline std::string objective_title(const std::string& bytes)
{
    return file_with({{"objectives", {objective("o-1"), objective("o-x", {{"title", "@"}})}}},
                     "\"" + bytes + "\"");
}

// `depth` arrays, one inside the other, as the value of an unknown top-level field.
inline std::string nested_arrays(size_t depth)
{
    return file_with({{"x", "@"}}, std::string(depth, '[') + std::string(depth, ']'));
}

// The Northwind sample grown to at least `size` bytes with check-ins of its key results,
// each with a note. The added ids sort after the sample's, so the file stays canonical.
// Written with snprintf: building 300,000 JSON objects would take longer than the import.
inline std::string northwind_grown_to(size_t size, size_t* added = nullptr)
{
    std::string text = test::read_sample("northwind-it.json");
    const size_t collection = text.find("\n  \"check_ins\": [");
    const size_t end = text.find("\n  ]", collection);

    std::string grown;
    grown.reserve(size + 512);
    size_t count = 0;
    char entry[512];
    while (text.size() + grown.size() < size) {
        std::snprintf(entry, sizeof entry,
                      ",\n    {\"author\": \"p-ana\", \"confidence\": 0.75, \"date\": \"%s\", "
                      "\"id\": \"ci-zz-%07zu\", \"key_result\": \"%s\", "
                      "\"note\": \"Weekly review with the Kovač team; renewals on track, Übergabe to "
                      "operations planned for next week.\", \"recorded_at\": \"2027-02-26T10:00:00.000Z\", "
                      "\"value\": %.2f}",
                      count % 3 ? "2027-02-26" : "2027-01-04", count, count % 2 ? "kr-retention" : "kr-uptime",
                      80 + static_cast<double>(count % 1000) / 100);
        grown += entry;
        ++count;
    }
    text.insert(end, grown);
    if (added)
        *added = count;
    return text;
}

// The 50 MB file of the issue, built once for all the tests that read it.
struct BigFile {
    std::string text;
    size_t added = 0;  // check-ins beyond the sample's 99
};

inline const BigFile& fifty_megabytes()
{
    static const BigFile file = [] {
        BigFile big;
        big.text = northwind_grown_to(50'000'000, &big.added);
        return big;
    }();
    return file;
}

struct HostileFile {
    const char* what;
    std::string bytes;
};

// One file for each input of the issue that the importer refuses.
inline std::vector<HostileFile> refused_files()
{
    const json duplicate_id = {{"id", "o-1"}, {"cycle", "c-q1"}, {"team", "t-a"}, {"title", "A"},
                               {"updated_at", stamp}};
    return {
        {"100000 nested arrays", nested_arrays(100000)},
        {"invalid UTF-8 in a title", objective_title("Caf\xE9s")},
        {"a title cut in a multi-byte character", objective_title("Caf\xC3")},
        {"NaN", check_in_value("NaN")},
        {"Infinity", check_in_value("Infinity")},
        {"1e400", check_in_value("1e400")},
        {"an integer beyond 2^53", check_in_value("9007199254740993")},
        {"duplicate keys",
         R"({"format": "okr-cascade", "version": 1, "workspace": {"id": "w-1", "name": "A", "name": "B"}})"},
        {"a byte-order mark twice", "\xEF\xBB\xBF\xEF\xBB\xBF" + file_with(json::object())},
        {"an id with forbidden characters", file_with({{"objectives", {objective("o 1/2")}}})},
        {"a 50 MB file cut short", fifty_megabytes().text.substr(0, fifty_megabytes().text.size() - 10)},
        {"a duplicate id", file_with({{"objectives", {duplicate_id, duplicate_id}}})},
    };
}

}  // namespace okr::hostile
