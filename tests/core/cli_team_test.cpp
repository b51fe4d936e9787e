// `okr team`, run in-process: the team file it writes, what it says on standard error, how
// it exits, and its arguments.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "core/export.hpp"
#include "core/team_part.hpp"
#include "temp_folder.hpp"
#include "workspace_builder.hpp"

using namespace okr;
using namespace okr::cli;
using namespace okr::test;

namespace {

const Date today = day("2027-03-05");

std::string team_file_text(const char* team, const TeamPartOptions& options = {})
{
    const TeamPartResult part = team_part(sample("northwind-it.json"), team, options);
    REQUIRE(std::holds_alternative<Workspace>(part));
    return export_workspace(std::get<Workspace>(part));
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("okr team writes the canonical export of the team's part and says what it holds")
{
    const std::string it = read_sample("northwind-it.json");

    const Output every_cycle = team_command("northwind-it.json", it, "t-servicedesk", "");
    CHECK(every_cycle.exit_code == exit_ok);
    CHECK(every_cycle.out == team_file_text("t-servicedesk"));
    CHECK(every_cycle.err == "team t-servicedesk of northwind-it.json: 3 own objectives, 2 referred to\n");

    const Output one_cycle = team_command("northwind-it.json", it, "t-servicedesk", "c-2027q1");
    CHECK(one_cycle.exit_code == exit_ok);
    CHECK(one_cycle.out == team_file_text("t-servicedesk", {"c-2027q1"}));
    CHECK(one_cycle.err == "team t-servicedesk of northwind-it.json, cycle c-2027q1: 1 own objective, 2 referred to\n");
}

TEST_CASE("okr team exits 1, writing nothing, for an unknown team or cycle and for a refused file")
{
    const std::string it = read_sample("northwind-it.json");

    const Output no_team = team_command("northwind-it.json", it, "t-nobody", "");
    CHECK(no_team.exit_code == exit_problems);
    CHECK(no_team.out.empty());
    CHECK(no_team.err == "okr: northwind-it.json: no team \"t-nobody\" in this workspace; its teams are t-company, "
                         "t-engineering, t-product, t-sales, t-servicedesk\n");

    const Output no_cycle = team_command("northwind-it.json", it, "t-sales", "c-1999");
    CHECK(no_cycle.exit_code == exit_problems);
    CHECK(no_cycle.out.empty());
    CHECK(no_cycle.err == "okr: northwind-it.json: no cycle \"c-1999\" in this workspace; its cycles are c-2026q4, "
                          "c-2027q1, c-2027q2\n");

    const Output refused = team_command("future.json", R"({"format": "okr-cascade", "version": 99})", "t-sales", "");
    CHECK(refused.exit_code == exit_problems);
    CHECK(refused.out.empty());
    CHECK(contains(refused.err, "future.json refused: 1 problem\n"));
}

TEST_CASE("okr team on files: -o writes OUT, which okr merge takes back into the file unchanged")
{
    const Folder folder;
    const std::string it = folder.sample("northwind-it.json");
    const std::string out = folder.file("sales.okr.json");

    const Output written = run({"team", it, "t-sales", "-o", out}, today);
    CHECK(written.exit_code == exit_ok);
    CHECK(written.out.empty());
    CHECK(read_file(out) == team_file_text("t-sales"));

    const Output merged = run({"merge", it, out}, today);
    CHECK(merged.exit_code == exit_ok);
    CHECK(merged.out == text_of(sample("northwind-it.json")));
    CHECK(contains(merged.err, ": 0 added, 0 changed, 0 deleted, 0 conflicts\n"));

    const std::string kept = folder.file("kept.json", "unchanged");
    CHECK(run({"team", it, "t-nobody", "-o", kept}, today).exit_code == exit_problems);
    CHECK(read_file(kept) == "unchanged");
    CHECK(run({"team", folder.file("missing.json"), "t-sales"}, today).exit_code == exit_usage);
}

TEST_CASE("team arguments: the file, the team, --cycle and -o; the options of other commands")
{
    const auto team = std::get<Arguments>(
        parse_arguments({"team", "f.json", "t-sales", "--cycle", "c-2027q1", "-o", "sales.json"}, today));
    CHECK(team.command == Command::team);
    CHECK(team.files == std::vector<std::string>{"f.json"});
    CHECK(team.team == "t-sales");
    CHECK(team.cycle == "c-2027q1");
    CHECK(team.output == "sales.json");

    const auto every_cycle = std::get<Arguments>(parse_arguments({"team", "f.json", "t-sales"}, today));
    CHECK(every_cycle.cycle.empty());
    CHECK(every_cycle.output.empty());

    struct Row {
        std::vector<std::string> args;
        const char* message;
    };
    const Row rows[] = {
        {{"team", "f.json"}, "okr: which file and team? okr team FILE TEAM_ID [--cycle CYCLE_ID] [-o OUT]\n"},
        {{"team", "f.json", "t-sales", "t-product"},
         "okr: team takes a file and a team id: 't-product' is one too many\n"},
        {{"team", "f.json", "t-sales", "--cycle"}, "okr: --cycle needs the id of a cycle\n"},
        {{"team", "f.json", "t-sales", "--today", "2027-03-05"}, "okr: --today goes with check and report\n"},
        {{"team", "f.json", "t-sales", "--json"}, "okr: --json goes with report\n"},
        {{"report", "f.json", "--cycle", "c-2027q1"}, "okr: --cycle goes with team and report --markdown\n"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.message);
        const Output output = run(row.args, today);
        CHECK(output.exit_code == exit_usage);
        CHECK(output.err.rfind(row.message, 0) == 0);
    }
    CHECK(contains(usage(), "okr team FILE TEAM_ID [--cycle CYCLE_ID] [-o OUT]\n"));
}
