// Writing the canonical OKR cascade file: docs/file-format.md, "Top level" and the
// preservation rules. A file read and written again must be the same JSON, and writing
// is deterministic to the byte.

#include <doctest/doctest.h>

#include <string>

#include "core/export.hpp"
#include "core/import.hpp"
#include "method_support.hpp"

using namespace okr;
using nlohmann::json;

namespace {

Workspace imported(const std::string& text)
{
    ImportResult result = import_workspace(text);
    REQUIRE_MESSAGE(!result.refused(), to_string(result.refusals.front()));
    return std::move(*result.workspace);
}

const char* const samples[] = {"northwind-it.json", "northwind-sales-offline.json"};

// A file with everything the typed model does not hold: unknown fields at each level, and
// optional fields written as null.
const char* const file_with_extras = R"({
  "format": "okr-cascade", "version": 1,
  "generator": {"name": "okr", "build": 9007199254740993},
  "workspace": {"id": "w-1", "name": "Test", "updated_at": null, "locale": "de-CH"},
  "teams": [{"id": "t-a", "name": "A", "parent": null, "colour": "teal",
             "updated_at": "2027-01-04T08:00:00.000Z"}],
  "key_results": [{"id": "kr-1", "objective": "o-1", "title": "T", "direction": "increase",
                   "baseline": null, "target": 5, "deadline": "2027-03-31", "unit": null,
                   "updated_at": "2027-01-04T08:00:00Z"}],
  "kpis": [{"id": "k-1", "name": "Churn", "direction": "lower_is_better", "floor": 2.5, "team": null,
            "readings": [{"date": "2027-01-31", "value": 1.2, "source": {"system": "CRM", "ids": [1, 2]}}],
            "updated_at": "2027-01-04T08:00:00.000Z"}],
  "objectives": [{"id": "o-1", "cycle": "c-1", "team": "t-a", "title": "Grow", "kpis": [],
                  "perspective": "planet", "updated_at": "2027-01-04T08:00:00.000Z"}]
})";

}  // namespace

TEST_CASE("each sample read and written again is the same JSON")
{
    for (const char* name : samples) {
        CAPTURE(name);
        const std::string text = test::read_sample(name);
        CHECK(to_json(imported(text)) == json::parse(text));
    }
}

TEST_CASE("writing a file read back from its own export gives the same bytes")
{
    for (const char* name : samples) {
        CAPTURE(name);
        const std::string first = export_workspace(imported(test::read_sample(name)));
        CHECK(export_workspace(imported(first)) == first);
    }
}

TEST_CASE("unknown fields and explicit nulls survive a round trip, at every level")
{
    const json written = to_json(imported(file_with_extras));
    json expected = json::parse(file_with_extras);
    // Collections the file left out are written empty.
    for (const char* name :
         {"people", "cycles", "check_ins", "tasks", "dependencies", "retrospectives", "deleted"})
        expected[name] = json::array();
    CHECK(written == expected);
    CHECK(written["generator"]["build"].get<uint64_t>() == 9007199254740993u);
    CHECK(written["kpis"][0]["readings"][0]["source"] == json{{"system", "CRM"}, {"ids", {1, 2}}});
}

TEST_CASE("the export is canonical: sorted ids, sorted keys, two-space indent, final newline")
{
    Workspace w;
    w.info.id = "w-1";
    w.info.name = "Équipe";
    for (const char* id : {"t-b", "t-a"}) {
        Team t;
        t.id = id;
        t.name = id;
        t.updated_at = Timestamp::from_unix_ms(0);
        w.teams.push_back(t);  // out of order on purpose
    }

    CHECK(export_workspace(w) == R"({
  "check_ins": [],
  "cycles": [],
  "deleted": [],
  "dependencies": [],
  "format": "okr-cascade",
  "key_results": [],
  "kpis": [],
  "objectives": [],
  "people": [],
  "retrospectives": [],
  "tasks": [],
  "teams": [
    {
      "id": "t-a",
      "name": "t-a",
      "updated_at": "1970-01-01T00:00:00.000Z"
    },
    {
      "id": "t-b",
      "name": "t-b",
      "updated_at": "1970-01-01T00:00:00.000Z"
    }
  ],
  "version": 1,
  "workspace": {
    "id": "w-1",
    "name": "Équipe"
  }
}
)");
}

TEST_CASE("integral numbers are written as integers, others in their shortest exact form")
{
    struct Row {
        double value;
        const char* written;
    };
    const Row rows[] = {
        {78.0, "78"},        {-3.0, "-3"},     {0.1, "0.1"},       {1.95, "1.95"},
        {-0.0, "0"},         {9007199254740992.0, "9007199254740992"},
        {1e20, "1e+20"},     {0.30000000000000004, "0.30000000000000004"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.value);
        CheckIn c;
        c.id = "ci-1";
        c.value = row.value;
        CHECK(to_json(AnyEntity(c))["value"].dump() == row.written);
    }
}

TEST_CASE("one entity is written as the file writes it, its preserved fields beneath")
{
    KeyResult kr;
    kr.id = "kr-1";
    kr.objective = "o-1";
    kr.title = "Sign 5 clients";
    kr.direction = Direction::at_least;
    kr.target = 5;
    kr.updated_at = *Timestamp::parse("2027-01-04T08:00:00Z");
    kr.preserved = {{"baseline", nullptr}, {"target", nullptr}, {"colour", "teal"}};

    CHECK(to_json(AnyEntity(kr)) == json{{"id", "kr-1"},
                                        {"objective", "o-1"},
                                        {"title", "Sign 5 clients"},
                                        {"direction", "at_least"},
                                        {"baseline", nullptr},
                                        {"target", 5},
                                        {"colour", "teal"},
                                        {"updated_at", "2027-01-04T08:00:00Z"}});
}

TEST_CASE("an absent optional array is left out and an empty one is written empty")
{
    Objective with_empty;
    with_empty.kpis = std::vector<Id>{};
    Objective without;
    CHECK(to_json(AnyEntity(with_empty))["kpis"] == json::array());
    CHECK_FALSE(to_json(AnyEntity(without)).contains("kpis"));
}

TEST_CASE("text that is not UTF-8 is written with replacement characters, not thrown")
{
    Workspace w;
    w.info.id = "w-1";
    w.info.name = "Caf\xC3";
    std::string text;
    CHECK_NOTHROW(text = export_workspace(w));
    CHECK(text.find("\"name\": \"Caf\xEF\xBF\xBD\"") != std::string::npos);
}
