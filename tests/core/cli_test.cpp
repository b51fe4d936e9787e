// The `okr` command-line tool, run in-process: what it prints and how it exits.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "method_support.hpp"

using namespace okr;
using namespace okr::cli;
using namespace okr::test;
using nlohmann::json;

namespace {

const Date today = day("2027-02-26");

std::string sample_path(const char* name)
{
    return std::string(OKR_SAMPLES_DIR) + "/" + name;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// northwind-it with o-prod-portal's only KR removed: a kr-count error.
std::string northwind_with_empty_objective()
{
    json file = json::parse(read_sample("northwind-it.json"));
    auto& krs = file["key_results"];
    krs.erase(std::remove_if(krs.begin(), krs.end(), [](const json& kr) { return kr["objective"] == "o-prod-portal"; }),
              krs.end());
    auto& check_ins = file["check_ins"];
    check_ins.erase(std::remove_if(check_ins.begin(), check_ins.end(),
                                   [](const json& c) { return c["key_result"] == "kr-portal-mau"; }),
                    check_ins.end());
    return file.dump(2);
}

const char* refused_file = R"({"format": "okr-cascade", "version": 99})";

}  // namespace

TEST_CASE("okr check on northwind-it lists the coach's findings and exits 0")
{
    const Output output = check_command("northwind-it.json", read_sample("northwind-it.json"), today);
    CHECK(output.exit_code == exit_ok);
    CHECK(contains(output.out, "warning kr-activity              key_results/kr-checkins-held: 'Hold 10 client "
                               "check-ins' reads as an activity"));
    CHECK(contains(output.out, "info    no-kpi                   objectives/o-q2-sd-selfservice: "));
    CHECK(contains(output.out, "northwind-it.json: 0 import warnings, 9 coach findings (0 errors)\n"));
}

TEST_CASE("okr check on the offline sales file shows its import warnings and exits 0")
{
    const Output output =
        check_command("northwind-sales-offline.json", read_sample("northwind-sales-offline.json"), day("2027-03-05"));
    CHECK(output.exit_code == exit_ok);
    CHECK(contains(output.out, "warning /objectives/0/parent: refers to objective \"o-co-logistics\""));
    CHECK(contains(output.out, "2 import warnings, 0 coach findings (0 errors)"));
}

TEST_CASE("okr check exits 1 on a refused file and on an error-level finding")
{
    const Output refused_output = check_command("future.json", refused_file, today);
    CHECK(refused_output.exit_code == exit_problems);
    CHECK(contains(refused_output.out, "refused "));
    CHECK(contains(refused_output.err, "future.json refused: "));

    const Output error_output = check_command("empty.json", northwind_with_empty_objective(), today);
    CHECK(error_output.exit_code == exit_problems);
    CHECK(contains(error_output.out, "error   kr-count                 objectives/o-prod-portal: 'Give clients a "
                                     "window into their IT' has no key results"));
    CHECK(contains(error_output.out, "(1 errors)"));
}

TEST_CASE("okr report --json holds every KR, objective and finding, with null where a figure does not exist")
{
    const Output output = report_command("northwind-it.json", read_sample("northwind-it.json"), today, true);
    REQUIRE(output.exit_code == exit_ok);
    const json report = json::parse(output.out);

    CHECK(report["today"] == "2027-02-26");
    REQUIRE(report["key_results"].size() == 20);
    REQUIRE(report["objectives"].size() == 9);
    REQUIRE(report["findings"].size() == 9);

    const auto kr = [&](const char* id) {
        for (const json& k : report["key_results"])
            if (k["id"] == id)
                return k;
        return json();
    };
    const json held = kr("kr-checkins-held");
    CHECK(held["progress"] == 0.4);
    CHECK(held["raw_progress"] == 0.4);
    CHECK(held["status"] == "on_track");
    CHECK(held["pace"] == "behind");
    CHECK(held["forecast_value"].is_null());
    CHECK(held["forecast_score"].is_null());
    CHECK(held["invalid_reason"].is_null());

    const json win = kr("kr-win-rate");
    CHECK(win["status"] == "off_track");
    CHECK(win["forecast_value"].get<double>() == doctest::Approx(21.21270408163265));

    const json draft = kr("kr-q2-kb");
    CHECK(draft["status"].is_null());  // before the first check-in
    CHECK(draft["pace"].is_null());    // outside an active cycle

    CHECK(report["objectives"][0]["id"] == "o-co-logistics");
    CHECK(report["objectives"][0]["progress"].get<double>() == doctest::Approx(0.46875));

    const json& finding = report["findings"][0];
    CHECK(finding["rule"] == "kr-count");
    CHECK(finding["severity"] == "warning");
    CHECK(finding["entity"] == json{{"collection", "objectives"}, {"id", "o-prod-portal"}});
    CHECK(contains(finding["message"].get<std::string>(), "has only one key result"));
}

TEST_CASE("okr report --json shows an invalid KR's reason instead of a progress")
{
    json file = json::parse(read_sample("northwind-it.json"));
    for (json& kr : file["key_results"])
        if (kr["id"] == "kr-nps")
            kr["target"] = 31;
    const Output output = report_command("changed.json", file.dump(), today, true);
    const json report = json::parse(output.out);
    for (const json& kr : report["key_results"]) {
        if (kr["id"] != "kr-nps")
            continue;
        CHECK(kr["progress"].is_null());
        CHECK(kr["raw_progress"].is_null());
        CHECK(kr["invalid_reason"] == "baseline equals target: there is nothing to increase");
    }
}

TEST_CASE("okr report prints an aligned table")
{
    const Output output = report_command("northwind-it.json", read_sample("northwind-it.json"), today, false);
    CHECK(output.exit_code == exit_ok);
    CHECK(contains(output.out, "Northwind IT, 2027-02-26\n\nKey results\n"
                               "id                    progress  raw    expected  status     pace     forecast       "
                               "score  note\n"
                               "kr-checkins-held      40 %      40 %   63 %      on_track   behind   -              "
                               "-      check-in due\n"));
    CHECK(contains(output.out,
                   "kr-win-rate           30 %      30 %   63 %      off_track  behind   21.21 %        46 %\n"));
    CHECK(contains(output.out, "o-co-logistics       47 %      Grow into the logistics sector\n"));
    CHECK(contains(output.out, "Findings (9)\n"));
}

TEST_CASE("okr report on the offline sales file warns about unresolved references on stderr")
{
    const Output output = report_command("northwind-sales-offline.json", read_sample("northwind-sales-offline.json"),
                                         day("2027-03-05"), true);
    CHECK(output.exit_code == exit_ok);
    CHECK(json::parse(output.out)["key_results"].size() == 3);
    CHECK(contains(output.err, "refers to objective \"o-co-logistics\""));
}

TEST_CASE("okr report exits 1 on a refused file")
{
    const Output output = report_command("future.json", refused_file, today, true);
    CHECK(output.exit_code == exit_problems);
    CHECK(output.out.rfind("refused ", 0) == 0);
}

TEST_CASE("arguments: commands, --today and --json")
{
    const Date local = day("2027-05-05");
    const auto report =
        std::get<Arguments>(parse_arguments({"report", "f.json", "--today", "2027-02-26", "--json"}, local));
    CHECK(report.command == Command::report);
    CHECK(report.files == std::vector<std::string>{"f.json"});
    CHECK(report.today == today);
    CHECK(report.json);

    const auto check = std::get<Arguments>(parse_arguments({"check", "f.json"}, local));
    CHECK(check.command == Command::check);
    CHECK(check.today == local);  // --today defaults to the local date
    CHECK_FALSE(check.json);
}

TEST_CASE("usage errors exit 2 with a message")
{
    struct Row {
        std::vector<std::string> args;
        const char* message;
    };
    const Row rows[] = {
        {{}, "okr: a command is needed\n"},
        {{"grade", "f.json"}, "okr: unknown command 'grade'\n"},
        {{"check"}, "okr: which file? give the path of an OKR cascade file\n"},
        {{"report", "f.json", "--today"}, "okr: --today needs a date (YYYY-MM-DD)\n"},
        {{"report", "f.json", "--today", "2027-02-30"},
         "okr: --today needs an existing date written as YYYY-MM-DD, not '2027-02-30'\n"},
        {{"check", "f.json", "--json"}, "okr: --json goes with report\n"},
        {{"check", "a.json", "b.json"}, "okr: one file at a time: 'b.json' is one too many\n"},
        {{"report", "f.json", "--verbose"}, "okr: unknown option --verbose\n"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.message);
        const Output output = run(row.args, today);
        CHECK(output.exit_code == exit_usage);
        CHECK(output.err.rfind(row.message, 0) == 0);
        CHECK(contains(output.err, "usage: okr check FILE"));
    }
}

TEST_CASE("an unreadable file exits 2; help exits 0")
{
    const Output missing = run({"check", "/no/such/file.json"}, today);
    CHECK(missing.exit_code == exit_usage);
    CHECK(missing.err == "okr: cannot read /no/such/file.json\n");
    CHECK(run({"report", OKR_SAMPLES_DIR}, today).exit_code == exit_usage);  // a folder

    const Output help = run({"--help"}, today);
    CHECK(help.exit_code == exit_ok);
    CHECK(help.out == usage());
}

TEST_CASE("run reads the file and dispatches to the command")
{
    CHECK(run({"check", sample_path("northwind-it.json"), "--today", "2027-02-26"}, today).exit_code == exit_ok);
    const Output report = run({"report", sample_path("northwind-it.json"), "--json"}, today);
    CHECK(report.exit_code == exit_ok);
    CHECK(json::parse(report.out)["today"] == "2027-02-26");
}
