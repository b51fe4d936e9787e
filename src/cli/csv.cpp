// `okr csv` and `okr import-check-ins`: the spreadsheet bridge of core/csv_export.hpp and
// core/csv_import.hpp on files.

#include <variant>

#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/text.hpp"
#include "core/csv_export.hpp"
#include "core/csv_import.hpp"
#include "core/export.hpp"
#include "core/import.hpp"
#include "core/merge.hpp"

namespace okr::cli {
namespace {

// "data.csv: refused  row 7, column confidence: 1.4 is outside 0 to 1"
std::string csv_problem_line(std::string_view csv_name, std::string_view label, const CsvProblem& problem)
{
    return std::string(csv_name) + ": " + padded(label, 8) + to_string(problem) + "\n";
}

std::string csv_refusal_lines(std::string_view csv_name, const CheckInCsvImport& imported)
{
    std::string lines;
    for (const CsvProblem& problem : imported.refusals)
        lines += csv_problem_line(csv_name, "refused", problem);
    const size_t count = imported.refusals.size();
    return lines + std::string(csv_name) + " refused: " + std::to_string(count) +
           (count == 1 ? " problem" : " problems") + "; nothing imported\n";
}

// "added 12 check-ins from data.csv to q1.json, 3 already present"
std::string summary_line(std::string_view name, std::string_view csv_name, const MergeResult& merged,
                         const CheckInCsvImport& imported)
{
    const size_t added = merged.count(MergeOutcome::added);
    return "added " + std::to_string(added) + (added == 1 ? " check-in" : " check-ins") + " from " +
           std::string(csv_name) + " to " + std::string(name) + ", " + std::to_string(imported.already_present) +
           " already present\n";
}

}  // namespace

Output csv_command(Command table, std::string_view name, std::string_view bytes)
{
    const ImportResult imported = import_workspace(bytes);
    if (imported.refused())
        return {exit_problems, "", refusal_lines(name, imported)};
    const Workspace& workspace = *imported.workspace;
    return {exit_ok, table == Command::csv_key_results ? key_results_csv(workspace) : check_ins_csv(workspace), ""};
}

Output csv_file(Command table, const std::string& path, const std::string& output_path)
{
    const auto bytes = read_file(path);
    if (!bytes)
        return cannot_read(path);
    return with_output_file(csv_command(table, path, *bytes), output_path);
}

Output import_check_ins_command(std::string_view name, std::string_view bytes, std::string_view csv_name,
                                std::string_view csv, const Timestamp& now)
{
    const ImportResult imported = import_workspace(bytes);
    if (imported.refused())
        return {exit_problems, "", refusal_lines(name, imported)};
    const Workspace& workspace = *imported.workspace;

    CheckInCsvImport check_ins = import_check_ins_csv(workspace, csv, now);
    if (check_ins.refused())
        return {exit_problems, "", csv_refusal_lines(csv_name, check_ins)};

    // Through the merge, as the app takes a CSV in: check-ins are a union there.
    const MergeResult merged = merge_workspaces(workspace, std::move(*check_ins.incoming));
    Output output{exit_ok, export_workspace(merged.merged), ""};
    for (const CsvProblem& warning : check_ins.warnings)
        output.err += csv_problem_line(csv_name, "warning", warning);
    output.err += summary_line(name, csv_name, merged, check_ins);
    return output;
}

Output import_check_ins_files(const std::string& path, const std::string& csv_path, const std::string& output_path,
                              const Timestamp& now)
{
    const auto contents = read_files({path, csv_path});
    if (const Output* unreadable = std::get_if<Output>(&contents))
        return *unreadable;
    const std::vector<std::string>& bytes = std::get<std::vector<std::string>>(contents);
    return with_output_file(import_check_ins_command(path, bytes[0], csv_path, bytes[1], now), output_path);
}

}  // namespace okr::cli
