// `okr merge` and `okr merge-driver`, run in-process on files in a temporary folder: what
// they print, how they exit, and which files they write or leave alone.

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "core/import.hpp"
#include "method_support.hpp"
#include "temp_folder.hpp"

using namespace okr;
using namespace okr::cli;
using namespace okr::test;
namespace fs = std::filesystem;

namespace {

const Date today = day("2027-03-05");

const char* future_file = R"({"format": "okr-cascade", "version": 99})";
const char* conflicted_file = "<<<<<<< HEAD\n{\"format\": \"okr-cascade\"}\n=======\n>>>>>>> theirs\n";

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

std::string content_of(const std::string& path)
{
    return read_file(path).value_or("(unreadable)");
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("okr merge of the two samples gives the same file whichever comes first")
{
    const std::string it = read_sample("northwind-it.json");
    const std::string sales = read_sample("northwind-sales-offline.json");
    const Output it_first = merge_command("northwind-it.json", it, "northwind-sales-offline.json", sales);
    const Output sales_first = merge_command("northwind-sales-offline.json", sales, "northwind-it.json", it);

    REQUIRE(it_first.exit_code == exit_ok);
    REQUIRE(sales_first.exit_code == exit_ok);
    CHECK(it_first.out == sales_first.out);
    CHECK_FALSE(import_workspace(it_first.out).refused());

    CHECK(it_first.err == "merged northwind-sales-offline.json into northwind-it.json: 4 added, 1 changed, "
                          "1 deleted, 1 conflict\n"
                          "conflict: key_results/kr-win-rate 'Raise win rate from 18% to 25%' fields: target\n");
    CHECK(contains(sales_first.err, "merged northwind-it.json into northwind-sales-offline.json: "));
}

TEST_CASE("okr merge of a merged file with either side changes nothing")
{
    const std::string it = read_sample("northwind-it.json");
    const std::string merged = merge_command("a", it, "b", read_sample("northwind-sales-offline.json")).out;
    const Output again = merge_command("merged", merged, "a", it);
    CHECK(again.out == merged);
    CHECK(again.err == "merged a into merged: 0 added, 0 changed, 0 deleted, 0 conflicts\n");
}

TEST_CASE("okr merge exits 1 and lists the problems of every refused file on stderr")
{
    const Output output = merge_command("future.json", future_file, "conflicted.json", conflicted_file);
    CHECK(output.exit_code == exit_problems);
    CHECK(output.out.empty());
    CHECK(contains(output.err, "future.json: refused /version: version 99 is newer than this app reads (1)\n"
                               "future.json refused: 1 problem\n"));
    CHECK(contains(output.err, "conflicted.json: refused not valid JSON: "));
    CHECK(contains(output.err, "conflicted.json holds conflict markers (<<<<<<<) from a merge made line by line"));
}

TEST_CASE("okr merge -o writes the merged file and nothing else; without -o it goes to stdout")
{
    const Folder folder;
    const std::string it = folder.sample("northwind-it.json");
    const std::string sales = folder.sample("northwind-sales-offline.json");
    const std::string expected =
        merge_command("a", read_sample("northwind-it.json"), "b", read_sample("northwind-sales-offline.json")).out;

    const Output written = run({"merge", it, sales, "-o", folder.file("merged.okr.json")}, today);
    CHECK(written.exit_code == exit_ok);
    CHECK(written.out.empty());
    CHECK(contains(written.err, " 1 conflict\nconflict: key_results/kr-win-rate "));
    CHECK(content_of(folder.file("merged.okr.json")) == expected);
    CHECK(folder.names() == Names{"merged.okr.json", "northwind-it.json", "northwind-sales-offline.json"});

    const Output printed = run({"merge", sales, it}, today);
    CHECK(printed.exit_code == exit_ok);
    CHECK(printed.out == expected);
}

TEST_CASE("okr merge writes nothing when a file is refused")
{
    const Folder folder;
    const std::string it = folder.sample("northwind-it.json");
    const std::string future = folder.file("future.json", future_file);

    const Output fresh = run({"merge", it, future, "-o", folder.file("new.json")}, today);
    CHECK(fresh.exit_code == exit_problems);
    CHECK(contains(fresh.err, "future.json: refused /version: "));
    CHECK(folder.names() == Names{"future.json", "northwind-it.json"});

    const std::string kept = folder.file("kept.json", "old content\n");
    CHECK(run({"merge", future, it, "-o", kept}, today).exit_code == exit_problems);
    CHECK(content_of(kept) == "old content\n");
}

TEST_CASE("okr merge exits 2 when a file cannot be read or the result cannot be written")
{
    const Folder folder;
    const std::string it = folder.sample("northwind-it.json");

    const Output missing = run({"merge", it, "/no/such/file.json"}, today);
    CHECK(missing.exit_code == exit_usage);
    CHECK(missing.err == "okr: cannot read /no/such/file.json\n");

    const Output unwritable = run({"merge", it, it, "-o", "/no/such/folder/out.json"}, today);
    CHECK(unwritable.exit_code == exit_usage);
    CHECK(unwritable.err == "okr: cannot create a file beside /no/such/folder/out.json: No such file or directory; "
                            "nothing written\n");
}

TEST_CASE("write_atomically replaces a file whole and keeps its permissions")
{
    const Folder folder;
    const std::string path = folder.file("team.okr.json", "old\n");
    REQUIRE(chmod(path.c_str(), 0640) == 0);

    CHECK_FALSE(write_atomically(path, "new\n"));
    CHECK(content_of(path) == "new\n");
    struct stat status {};
    REQUIRE(stat(path.c_str(), &status) == 0);
    CHECK((status.st_mode & 07777) == 0640);
    CHECK(folder.names() == Names{"team.okr.json"});

    // A folder cannot be replaced by a file: the error says so and nothing is left behind.
    const std::string folder_path = folder.file("sub");
    fs::create_directory(folder_path);
    CHECK(write_atomically(folder_path, "x").has_value());
    CHECK(folder.names() == Names{"sub", "team.okr.json"});
}

TEST_CASE("okr merge-driver writes the merge over ours and exits 0")
{
    const Folder folder;
    const std::string base = folder.sample("northwind-it.json");
    const std::string ours = folder.file("ours", read_sample("northwind-it.json").c_str());
    const std::string theirs = folder.sample("northwind-sales-offline.json");

    const Output output = run({"merge-driver", base, ours, theirs}, today);
    CHECK(output.exit_code == exit_ok);
    CHECK(output.out.empty());
    CHECK(output.err == "merged theirs into ours: 4 added, 1 changed, 1 deleted, 1 conflict\n"
                        "conflict: key_results/kr-win-rate 'Raise win rate from 18% to 25%' fields: target\n");
    CHECK(content_of(ours) ==
          merge_command("a", read_sample("northwind-it.json"), "b", read_sample("northwind-sales-offline.json")).out);
    CHECK(folder.names() == Names{"northwind-it.json", "northwind-sales-offline.json", "ours"});
}

TEST_CASE("okr merge-driver leaves ours as it was and exits 1 when a side is refused")
{
    const Folder folder;
    const std::string base = folder.sample("northwind-it.json");
    const std::string good = read_sample("northwind-sales-offline.json");

    SUBCASE("theirs is a file in the middle of a line-by-line merge")
    {
        const std::string ours = folder.file("ours", good.c_str());
        const Output output = run({"merge-driver", base, ours, folder.file("theirs", conflicted_file)}, today);
        CHECK(output.exit_code == exit_problems);
        CHECK(contains(output.err, "theirs holds conflict markers"));
        CHECK(contains(output.err, "okr merge-driver: ours is left as it was, for git to report a conflict"));
        CHECK(content_of(ours) == good);
    }
    SUBCASE("ours is from a newer version of the app")
    {
        const std::string ours = folder.file("ours", future_file);
        const Output output = run({"merge-driver", base, ours, folder.file("theirs", good.c_str())}, today);
        CHECK(output.exit_code == exit_problems);
        CHECK(contains(output.err, "ours: refused /version: version 99 is newer than this app reads (1)\n"));
        CHECK(content_of(ours) == future_file);
    }
}

TEST_CASE("okr merge-driver reports a refused base but merges without it; an empty base passes quietly")
{
    const Folder folder;
    const std::string it = read_sample("northwind-it.json");
    const std::string theirs = folder.sample("northwind-sales-offline.json");

    const std::string ours = folder.file("ours", it.c_str());
    const Output broken_base = run({"merge-driver", folder.file("base", conflicted_file), ours, theirs}, today);
    CHECK(broken_base.exit_code == exit_ok);
    CHECK(contains(broken_base.err, "base: refused not valid JSON: "));
    CHECK(contains(broken_base.err, "note: the merge does not need the base, so it goes on without it\n"
                                    "merged theirs into ours: "));

    const std::string ours_again = folder.file("ours-again", it.c_str());
    const Output empty_base = run({"merge-driver", folder.file("empty", ""), ours_again, theirs}, today);
    CHECK(empty_base.exit_code == exit_ok);
    CHECK(empty_base.err.starts_with("merged theirs into ours: "));
    CHECK(content_of(ours_again) == content_of(ours));
}

TEST_CASE("merge arguments: the files, -o, and the options that belong to other commands")
{
    const auto merge = std::get<Arguments>(parse_arguments({"merge", "a.json", "b.json", "-o", "c.json"}, today));
    CHECK(merge.command == Command::merge);
    CHECK(merge.files == Names{"a.json", "b.json"});
    CHECK(merge.output == "c.json");

    const auto driver = std::get<Arguments>(parse_arguments({"merge-driver", "o", "a", "b"}, today));
    CHECK(driver.command == Command::merge_driver);
    CHECK(driver.files == Names{"o", "a", "b"});

    struct Row {
        std::vector<std::string> args;
        const char* message;
    };
    const Row rows[] = {
        {{"merge", "a.json"}, "okr: which two files? okr merge A B [-o OUT]\n"},
        {{"merge", "a", "b", "c"}, "okr: merge takes two files: 'c' is one too many\n"},
        {{"merge", "a", "b", "-o"}, "okr: -o needs the path of the file to write\n"},
        {{"merge", "a", "b", "--today", "2027-03-05"}, "okr: --today goes with check and report\n"},
        {{"merge-driver", "o", "a"},
         "okr: merge-driver takes the three files git passes: BASE OURS THEIRS (%O %A %B)\n"},
        {{"merge-driver", "o", "a", "b", "-o", "x"}, "okr: -o goes with merge, team, csv and import-check-ins\n"},
        {{"check", "f.json", "--output", "x"}, "okr: --output goes with merge, team, csv and import-check-ins\n"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.message);
        const Output output = run(row.args, today);
        CHECK(output.exit_code == exit_usage);
        CHECK(output.err.rfind(row.message, 0) == 0);
    }
}
