// `okr report`: where every KR and objective stands on a given day, as an aligned table
// for people or as JSON for scripts. Figures that do not exist are null in JSON and "-"
// in the table, never 0.

#include <algorithm>
#include <cstdio>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/text.hpp"
#include "core/coach.hpp"
#include "core/cycle_report.hpp"
#include "core/forecast.hpp"
#include "core/import.hpp"
#include "core/pace.hpp"
#include "core/progress.hpp"
#include "core/progress_index.hpp"
#include "core/scoring.hpp"

namespace okr::cli {
namespace {

using nlohmann::json;

// Everything the report says about one KR on `today`.
struct KrLine {
    const KeyResult* key_result = nullptr;
    KrProgress progress;
    std::optional<double> expected;
    std::optional<ConfidenceStatus> status;
    std::optional<Pace> pace;
    Forecast forecast;
    bool check_in_due = false;
};

// Figures come from one index of the workspace: asking the workspace scans it per KR.
KrLine kr_line(const ProgressIndex& index, const KeyResult& key_result, Date today)
{
    KrLine line;
    line.key_result = &key_result;
    line.progress = key_result_progress(index, key_result);
    line.expected = expected_progress(index.workspace(), key_result, today);
    line.status = confidence_status_of(index, key_result);
    line.pace = pace_of(index, key_result, today);
    line.forecast = forecast(index, key_result);
    line.check_in_due = check_in_due(index, key_result, today);
    return line;
}

template <typename T>
json or_null(const std::optional<T>& value)
{
    return value ? json(*value) : json(nullptr);
}

template <typename Enum>
json name_or_null(const std::optional<Enum>& value)
{
    return value ? json(to_string(*value)) : json(nullptr);
}

// ---- JSON ------------------------------------------------------------------------------

json kr_json(const KrLine& line)
{
    const KeyResult& kr = *line.key_result;
    return {{"id", kr.id},
            {"objective", kr.objective},
            {"title", kr.title},
            {"direction", to_string(kr.direction)},
            {"progress", or_null(line.progress.progress)},
            {"raw_progress", or_null(line.progress.raw)},
            {"current_value", or_null(line.progress.current_value)},
            {"expected_progress", or_null(line.expected)},
            {"status", name_or_null(line.status)},
            {"pace", name_or_null(line.pace)},
            {"forecast_value", or_null(line.forecast.value)},
            {"forecast_score", or_null(line.forecast.score)},
            {"forecast_note", or_null(line.forecast.reason)},
            {"check_in_due", line.check_in_due},
            {"invalid_reason", or_null(line.progress.invalid_reason)}};
}

json objective_json(const ProgressIndex& index, const Objective& objective)
{
    const Cycle* cycle = cycle_of(index.workspace(), objective);
    const bool closed = cycle && cycle->state == CycleState::closed;
    const auto score = closed ? objective_final_score(index, objective) : std::nullopt;
    return {{"id", objective.id},
            {"title", objective.title},
            {"cycle", objective.cycle},
            {"team", objective.team},
            {"progress", or_null(objective_progress(index, objective))},
            {"final_score", or_null(score)},
            {"grade", score ? json(to_string(grade_of(*score))) : json(nullptr)},
            {"committed_missed", committed_okr_missed(index, objective)}};
}

json finding_json(const Finding& finding)
{
    return {{"rule", finding.rule},
            {"severity", to_string(finding.severity)},
            {"entity", {{"collection", finding.entity.collection}, {"id", finding.entity.id}}},
            {"message", finding.message}};
}

json report_json(const ProgressIndex& index, const std::vector<KrLine>& lines, const std::vector<Finding>& findings,
                 Date today)
{
    const Workspace& workspace = index.workspace();
    json report = {{"today", today.to_string()}, {"workspace", workspace.info.id}};
    report["key_results"] = json::array();
    for (const KrLine& line : lines)
        report["key_results"].push_back(kr_json(line));
    report["objectives"] = json::array();
    for (const Objective& objective : workspace.objectives)
        report["objectives"].push_back(objective_json(index, objective));
    report["findings"] = json::array();
    for (const Finding& finding : findings)
        report["findings"].push_back(finding_json(finding));
    report["team_signals"] = json::array();
    for (const TeamSignal& signal : team_signals(workspace))
        report["team_signals"].push_back({{"team", signal.team}, {"message", signal.message}});
    return report;
}

// ---- table -------------------------------------------------------------------------------

using Row = std::vector<std::string>;

std::string percent(const std::optional<double>& fraction)
{
    if (!fraction)
        return "-";
    char text[48];
    std::snprintf(text, sizeof text, "%.0f %%", *fraction * 100);
    return text;
}

std::string reading(const std::optional<double>& value, const std::optional<std::string>& unit)
{
    if (!value)
        return "-";
    char text[48];
    std::snprintf(text, sizeof text, "%.4g", *value);
    return unit && !unit->empty() ? text + (" " + *unit) : text;
}

template <typename Enum>
std::string name_or_dash(const std::optional<Enum>& value)
{
    return value ? to_string(*value) : "-";
}

// Columns padded to their widest cell, two spaces apart; the last column runs free.
std::string aligned(const Row& header, const std::vector<Row>& rows)
{
    std::vector<Row> all{header};
    all.insert(all.end(), rows.begin(), rows.end());

    std::vector<size_t> widths(header.size());
    for (const Row& row : all)
        for (size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], columns(row[c]));

    std::string text;
    for (const Row& row : all) {
        std::string line;
        for (size_t c = 0; c < row.size(); ++c)
            line += c + 1 == row.size() ? row[c] : padded(row[c], widths[c] + 2);
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        text += line + "\n";
    }
    return text;
}

Row kr_row(const KrLine& line)
{
    const KeyResult& kr = *line.key_result;
    const std::string note = line.progress.invalid_reason ? "invalid: " + *line.progress.invalid_reason
                             : line.check_in_due          ? "check-in due"
                                                          : "";
    return {kr.id,
            percent(line.progress.progress),
            percent(line.progress.raw),
            percent(line.expected),
            name_or_dash(line.status),
            name_or_dash(line.pace),
            reading(line.forecast.value, kr.unit),
            percent(line.forecast.score),
            note};
}

std::string report_table(const ProgressIndex& index, const std::vector<KrLine>& lines,
                         const std::vector<Finding>& findings, Date today)
{
    const Workspace& workspace = index.workspace();
    std::string text = workspace.info.name + ", " + today.to_string() + "\n\nKey results\n";
    std::vector<Row> kr_rows;
    for (const KrLine& line : lines)
        kr_rows.push_back(kr_row(line));
    text += aligned({"id", "progress", "raw", "expected", "status", "pace", "forecast", "score", "note"}, kr_rows);

    text += "\nObjectives\n";
    std::vector<Row> objective_rows;
    for (const Objective& objective : workspace.objectives)
        objective_rows.push_back({objective.id, percent(objective_progress(index, objective)), objective.title});
    text += aligned({"id", "progress", "title"}, objective_rows);

    text += "\nFindings (" + std::to_string(findings.size()) + ")\n";
    for (const Finding& finding : findings)
        text += finding_line(finding) + "\n";
    for (const TeamSignal& signal : team_signals(workspace))
        text += "\nTeam " + signal.team + ": " + signal.message + "\n";
    return text;
}

}  // namespace

Output report_command(std::string_view name, std::string_view bytes, Date today, bool as_json)
{
    const ImportResult imported = import_workspace(bytes);
    if (imported.refused())
        return refused(name, imported);

    const Workspace& workspace = *imported.workspace;
    const ProgressIndex index(workspace);
    std::vector<KrLine> lines;
    for (const KeyResult& key_result : workspace.key_results)
        lines.push_back(kr_line(index, key_result, today));
    const std::vector<Finding> findings = coach_findings(workspace, today);

    Output output;
    output.out = as_json ? report_json(index, lines, findings, today).dump(2) + "\n"
                         : report_table(index, lines, findings, today);
    for (const Problem& warning : imported.warnings)
        output.err += problem_line("warning", warning) + "\n";
    return output;
}

}  // namespace okr::cli

namespace okr::cli {

Output markdown_report_command(std::string_view name, std::string_view bytes, const std::string& cycle)
{
    const ImportResult imported = import_workspace(bytes);
    if (imported.refused())
        return refused(name, imported);
    const Workspace& workspace = *imported.workspace;

    // The active cycle first; among the others, the one that starts last.
    Id chosen = cycle;
    if (chosen.empty()) {
        const auto rank = [](const Cycle& c) { return std::pair(c.state == CycleState::active, c.start); };
        const auto best = std::max_element(workspace.cycles.begin(), workspace.cycles.end(),
                                           [&](const Cycle& a, const Cycle& b) { return rank(a) < rank(b); });
        if (best != workspace.cycles.end())
            chosen = best->id;
    }
    const std::optional<CycleReport> report = cycle_report(workspace, chosen);
    if (!report) {
        std::string known;
        for (const Cycle& c : workspace.cycles)
            known += (known.empty() ? "" : ", ") + c.id;
        const std::string what = chosen.empty() ? std::string("no cycle") : "no cycle '" + chosen + "'";
        return {exit_problems, "",
                std::string(name) + " has " + what + (known.empty() ? "" : "; its cycles: " + known) + "\n"};
    }
    Output output;
    output.out = report_markdown(*report);
    for (const Problem& warning : imported.warnings)
        output.err += problem_line("warning", warning) + "\n";
    return output;
}

}  // namespace okr::cli
