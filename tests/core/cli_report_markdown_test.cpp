// `okr report FILE --markdown [--cycle ID]`: the cycle report as the page shows it.

#include <doctest/doctest.h>

#include "cli/commands.hpp"
#include "core/cycle_report.hpp"
#include "method_support.hpp"
#include "workspace_builder.hpp"

using namespace okr;
using namespace okr::cli;
using namespace okr::test;

TEST_CASE("okr report --markdown writes the active cycle's report, or the one --cycle names")
{
    const std::string path = std::string(OKR_SAMPLES_DIR) + "/northwind-it.json";
    const Workspace w = sample("northwind-it.json");

    const Output current = run({"report", "--markdown", path}, day("2027-03-03"));
    CHECK(current.exit_code == exit_ok);
    CHECK(current.err == "");
    CHECK(current.out == report_markdown(*cycle_report(w, "c-2027q1")));
    CHECK(current.out.starts_with("# Northwind IT: 2027 Q1\n\n2027-01-01 to 2027-03-31 · active\n\n## Grades\n"));

    const Output closed = run({"report", path, "--markdown", "--cycle", "c-2026q4"}, day("2027-03-03"));
    CHECK(closed.exit_code == exit_ok);
    CHECK(closed.out == report_markdown(*cycle_report(w, "c-2026q4")));
    CHECK(closed.out.find("### Retrospective\n\n- Learned: Backlog work pays off only with a fixed weekly slot.\n") !=
          std::string::npos);
}

TEST_CASE("okr report --markdown refuses an unknown cycle and options that do not go with it")
{
    const std::string path = std::string(OKR_SAMPLES_DIR) + "/northwind-it.json";
    const Output unknown = run({"report", path, "--markdown", "--cycle", "c-1999"}, day("2027-03-03"));
    CHECK(unknown.exit_code == exit_problems);
    CHECK(unknown.out == "");
    CHECK(unknown.err == path + " has no cycle 'c-1999'; its cycles: c-2026q4, c-2027q1, c-2027q2\n");

    const Output both = run({"report", path, "--markdown", "--json"}, day("2027-03-03"));
    CHECK(both.exit_code == exit_usage);
    CHECK(both.err.starts_with("okr: report writes --json or --markdown, not both\n"));
    const Output misplaced = run({"check", path, "--markdown"}, day("2027-03-03"));
    CHECK(misplaced.err.starts_with("okr: --markdown goes with report\n"));
}
