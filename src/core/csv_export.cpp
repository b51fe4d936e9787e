#include "core/csv_export.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "core/csv.hpp"
#include "core/pace.hpp"
#include "core/progress.hpp"
#include "core/progress_index.hpp"

namespace okr {
namespace {

// Each column once: its header and how it fills a cell, so the two cannot drift apart.
template <typename Row>
struct Column {
    std::string_view name;
    void (*write)(const Row& row, CsvWriter& out);
};

template <typename Row, size_t N>
constexpr std::array<std::string_view, N> names_of(const Column<Row> (&columns)[N])
{
    std::array<std::string_view, N> names{};
    for (size_t i = 0; i < N; ++i)
        names[i] = columns[i].name;
    return names;
}

template <typename Row, size_t N>
std::string table(const Column<Row> (&columns)[N], const std::vector<Row>& rows)
{
    CsvWriter out;
    for (const Column<Row>& column : columns)
        out.text(column.name);
    out.end_row();
    for (const Row& row : rows) {
        for (const Column<Row>& column : columns)
            column.write(row, out);
        out.end_row();
    }
    return out.bytes();
}

// A field of an entity the row refers to; empty when the workspace does not hold it.
template <typename Entity>
std::string_view or_empty(const Entity* entity, std::string Entity::*field)
{
    return entity ? std::string_view(entity->*field) : std::string_view();
}

std::string date_text(const std::optional<Date>& date)
{
    return date ? date->to_string() : "";
}

// ---- key results ---------------------------------------------------------------------------

struct KrRow {
    const KeyResult* kr = nullptr;
    const Objective* objective = nullptr;
    const Team* team = nullptr;
    const Cycle* cycle = nullptr;
    KrProgress progress;
    std::optional<ConfidenceStatus> status;
};

const CheckIn* latest(const KrRow& row) { return row.progress.latest; }

constexpr Column<KrRow> key_result_columns[] = {
    {"id", [](const KrRow& r, CsvWriter& out) { out.text(r.kr->id); }},
    {"title", [](const KrRow& r, CsvWriter& out) { out.text(r.kr->title); }},
    {"objective", [](const KrRow& r, CsvWriter& out) { out.text(r.kr->objective); }},
    {"objective_title", [](const KrRow& r, CsvWriter& out) { out.text(or_empty(r.objective, &Objective::title)); }},
    {"team", [](const KrRow& r, CsvWriter& out) { out.text(or_empty(r.objective, &Objective::team)); }},
    {"team_name", [](const KrRow& r, CsvWriter& out) { out.text(or_empty(r.team, &Team::name)); }},
    {"cycle", [](const KrRow& r, CsvWriter& out) { out.text(or_empty(r.objective, &Objective::cycle)); }},
    {"cycle_name", [](const KrRow& r, CsvWriter& out) { out.text(or_empty(r.cycle, &Cycle::name)); }},
    {"direction", [](const KrRow& r, CsvWriter& out) { out.text(to_string(r.kr->direction)); }},
    {"unit", [](const KrRow& r, CsvWriter& out) { out.text(r.kr->unit.value_or("")); }},
    {"baseline", [](const KrRow& r, CsvWriter& out) { out.number(r.kr->baseline); }},
    {"target", [](const KrRow& r, CsvWriter& out) { out.number(r.kr->target); }},
    {"deadline", [](const KrRow& r, CsvWriter& out) { out.text(date_text(r.kr->deadline)); }},
    {"weight", [](const KrRow& r, CsvWriter& out) { out.number(r.kr->weight); }},
    {"owner", [](const KrRow& r, CsvWriter& out) { out.text(r.kr->owner.value_or("")); }},
    {"current_value", [](const KrRow& r, CsvWriter& out) { out.number(r.progress.current_value); }},
    {"last_check_in",
     [](const KrRow& r, CsvWriter& out) { out.text(latest(r) ? latest(r)->date.to_string() : ""); }},
    {"confidence",
     [](const KrRow& r, CsvWriter& out) {
         out.number(latest(r) ? std::optional(latest(r)->confidence) : std::nullopt);
     }},
    {"status", [](const KrRow& r, CsvWriter& out) { out.text(r.status ? to_string(*r.status) : ""); }},
    {"progress", [](const KrRow& r, CsvWriter& out) { out.number(r.progress.progress); }},
    {"raw_progress", [](const KrRow& r, CsvWriter& out) { out.number(r.progress.raw); }},
    {"invalid_reason",
     [](const KrRow& r, CsvWriter& out) { out.text(r.progress.invalid_reason.value_or("")); }},
    {"final_score", [](const KrRow& r, CsvWriter& out) { out.number(r.kr->final_score); }},
    {"score_note", [](const KrRow& r, CsvWriter& out) { out.text(r.kr->score_note.value_or("")); }},
};
constexpr auto key_result_names = names_of(key_result_columns);

// One index for every KR: asking the workspace scans all check-ins per KR.
std::vector<KrRow> key_result_rows(const Workspace& workspace)
{
    const ProgressIndex index(workspace);
    std::vector<KrRow> rows;
    rows.reserve(workspace.key_results.size());
    for (const KeyResult& kr : workspace.key_results) {
        KrRow row;
        row.kr = &kr;
        row.objective = objective_of(workspace, kr);
        row.team = row.objective ? find_by_id(workspace.teams, row.objective->team) : nullptr;
        row.cycle = row.objective ? cycle_of(workspace, *row.objective) : nullptr;
        row.progress = key_result_progress(index, kr);
        row.status = confidence_status_of(index, kr);
        rows.push_back(std::move(row));
    }
    return rows;
}

// ---- check-ins -----------------------------------------------------------------------------

struct CheckInRow {
    const CheckIn* check_in = nullptr;
    const KeyResult* kr = nullptr;
};

// As the file writes it: a timestamp made in code may carry only its value.
std::string timestamp_text(const Timestamp& timestamp)
{
    return timestamp.to_text();
}

constexpr Column<CheckInRow> check_in_columns[] = {
    {check_in_column::id, [](const CheckInRow& r, CsvWriter& out) { out.text(r.check_in->id); }},
    {check_in_column::key_result, [](const CheckInRow& r, CsvWriter& out) { out.text(r.check_in->key_result); }},
    {check_in_column::key_result_title, [](const CheckInRow& r, CsvWriter& out) { out.text(or_empty(r.kr, &KeyResult::title)); }},
    {check_in_column::date, [](const CheckInRow& r, CsvWriter& out) { out.text(r.check_in->date.to_string()); }},
    {check_in_column::value, [](const CheckInRow& r, CsvWriter& out) { out.number(r.check_in->value); }},
    {check_in_column::confidence, [](const CheckInRow& r, CsvWriter& out) { out.number(r.check_in->confidence); }},
    {check_in_column::note, [](const CheckInRow& r, CsvWriter& out) { out.text(r.check_in->note.value_or("")); }},
    {check_in_column::author, [](const CheckInRow& r, CsvWriter& out) { out.text(r.check_in->author.value_or("")); }},
    {check_in_column::recorded_at,
     [](const CheckInRow& r, CsvWriter& out) { out.text(timestamp_text(r.check_in->recorded_at)); }},
    {check_in_column::corrects, [](const CheckInRow& r, CsvWriter& out) { out.text(r.check_in->corrects.value_or("")); }},
};
constexpr auto check_in_names = names_of(check_in_columns);

// By key result, then as readings follow each other, so a KR's history reads down the sheet.
std::vector<CheckInRow> check_in_rows(const Workspace& workspace)
{
    std::vector<const CheckIn*> ordered;
    ordered.reserve(workspace.check_ins.size());
    for (const CheckIn& check_in : workspace.check_ins)
        ordered.push_back(&check_in);
    std::sort(ordered.begin(), ordered.end(), [](const CheckIn* a, const CheckIn* b) {
        return a->key_result != b->key_result ? a->key_result < b->key_result : in_reading_order(a, b);
    });

    std::vector<CheckInRow> rows;
    rows.reserve(ordered.size());
    for (const CheckIn* check_in : ordered)
        rows.push_back({check_in, find_by_id(workspace.key_results, check_in->key_result)});
    return rows;
}

}  // namespace

std::string key_results_csv(const Workspace& workspace)
{
    return table(key_result_columns, key_result_rows(workspace));
}

std::string check_ins_csv(const Workspace& workspace)
{
    return table(check_in_columns, check_in_rows(workspace));
}

std::span<const std::string_view> key_result_csv_columns()
{
    return key_result_names;
}

std::span<const std::string_view> check_in_csv_columns()
{
    return check_in_names;
}

}  // namespace okr
