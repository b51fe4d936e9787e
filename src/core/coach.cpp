#include "core/coach.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/kpi_health.hpp"
#include "core/pace.hpp"
#include "core/progress.hpp"
#include "core/progress_index.hpp"

namespace okr {
namespace {

using Findings = std::vector<Finding>;

std::string in_quotes(std::string_view text)
{
    return "'" + std::string(text) + "'";
}

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

void add(Findings& out, const char* rule, Severity severity, const char* collection, const Id& id,
         std::string message)
{
    out.push_back({rule, severity, {collection, id}, std::move(message)});
}

bool in_closed_cycle(const Workspace& workspace, const Objective& objective)
{
    const Cycle* cycle = cycle_of(workspace, objective);
    return cycle && cycle->state == CycleState::closed;
}

// Objectives and KRs the coach gives advice on: those outside closed cycles (see coach.hpp).
std::vector<const Objective*> live_objectives(const Workspace& workspace)
{
    std::vector<const Objective*> result;
    for (const Objective& objective : workspace.objectives)
        if (!in_closed_cycle(workspace, objective))
            result.push_back(&objective);
    return result;
}

std::vector<const KeyResult*> live_key_results(const Workspace& workspace)
{
    std::vector<const KeyResult*> result;
    for (const KeyResult& key_result : workspace.key_results) {
        const Objective* objective = objective_of(workspace, key_result);
        if (!objective || !in_closed_cycle(workspace, *objective))
            result.push_back(&key_result);
    }
    return result;
}

std::string cycle_name(const Workspace& workspace, const Id& cycle)
{
    const Cycle* found = find_by_id(workspace.cycles, cycle);
    return found ? found->name : cycle;
}

std::string team_name(const Workspace& workspace, const Id& team)
{
    const Team* found = find_by_id(workspace.teams, team);
    return found ? found->name : team;
}

// ---- objectives ----------------------------------------------------------------------

void objective_count(const Workspace& workspace, Findings& out)
{
    std::map<std::pair<Id, Id>, int> per_team_and_cycle;
    for (const Objective* objective : live_objectives(workspace))
        ++per_team_and_cycle[{objective->team, objective->cycle}];

    for (const auto& [key, count] : per_team_and_cycle) {
        if (count <= 3)
            continue;
        const auto& [team, cycle] = key;
        add(out, "objective-count", Severity::warning, "teams", team,
            team_name(workspace, team) + " has " + std::to_string(count) + " objectives in " +
                cycle_name(workspace, cycle) +
                ": keep three or fewer and move the rest to a later cycle, so that the team focuses");
    }
}

void kr_count(const ProgressIndex& index, Findings& out)
{
    for (const Objective* objective : live_objectives(index.workspace())) {
        const size_t count = index.key_results_of(objective->id).size();
        const std::string title = in_quotes(objective->title);
        if (count == 0)
            add(out, "kr-count", Severity::error, "objectives", objective->id,
                title + " has no key results: add 2 to 4 measurable outcomes that prove it was reached");
        else if (count == 1)
            add(out, "kr-count", Severity::warning, "objectives", objective->id,
                title + " has only one key result: add a second, so that one number alone does not decide it");
        else if (count > 4)
            add(out, "kr-count", Severity::warning, "objectives", objective->id,
                title + " has " + std::to_string(count) +
                    " key results: keep the 4 that best prove it; more dilutes focus");
    }
}

void objective_numeric(const Workspace& workspace, Findings& out)
{
    for (const Objective* objective : live_objectives(workspace)) {
        const std::string& title = objective->title;
        if (std::none_of(title.begin(), title.end(), [](char c) { return (c >= '0' && c <= '9') || c == '%'; }))
            continue;
        add(out, "objective-numeric", Severity::info, "objectives", objective->id,
            in_quotes(title) + " holds a number: say in words where the team wants to go and move the number "
                            "into a key result");
    }
}

void not_aligned(const Workspace& workspace, Findings& out)
{
    // (team, cycle) pairs that hold an objective, gathered once rather than per objective.
    std::set<std::pair<std::string_view, std::string_view>> teams_with_objectives;
    for (const Objective& o : workspace.objectives)
        teams_with_objectives.emplace(o.team, o.cycle);

    for (const Objective* objective : live_objectives(workspace)) {
        const Team* team = find_by_id(workspace.teams, objective->team);
        if (objective->parent || !team || !team->parent)
            continue;
        if (!teams_with_objectives.contains({*team->parent, objective->cycle}))
            continue;
        add(out, "not-aligned", Severity::warning, "objectives", objective->id,
            in_quotes(objective->title) + " has no parent objective while " + team_name(workspace, *team->parent) +
                " has objectives in " + cycle_name(workspace, objective->cycle) +
                ": connect it upward or cut it");
    }
}

void no_kpi(const Workspace& workspace, Findings& out)
{
    for (const Objective* objective : live_objectives(workspace)) {
        if (objective->kpis && !objective->kpis->empty())
            continue;
        add(out, "no-kpi", Severity::info, "objectives", objective->id,
            in_quotes(objective->title) + " lists no KPI: name the KPI it should move, so that ambition and "
                                       "health stay connected");
    }
}

// ---- key results -----------------------------------------------------------------------

std::string missing_fields(const KeyResult& key_result)
{
    std::vector<std::string> missing;
    if (!key_result.baseline)
        missing.push_back("baseline");
    if (!key_result.target)
        missing.push_back("target");
    if (!key_result.deadline)
        missing.push_back("deadline");

    std::string text;
    for (size_t i = 0; i < missing.size(); ++i)
        text += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
    return text;
}

void kr_missing_number(const Workspace& workspace, Findings& out)
{
    for (const KeyResult* key_result : live_key_results(workspace)) {
        const std::string missing = missing_fields(*key_result);
        if (missing.empty())
            continue;
        add(out, "kr-missing-number", Severity::error, "key_results", key_result->id,
            in_quotes(key_result->title) + " lacks " + missing + ": set them so that progress can be measured");
    }
}

void kr_invalid_range(const Workspace& workspace, Findings& out)
{
    for (const KeyResult* key_result : live_key_results(workspace)) {
        if (!key_result->baseline || !key_result->target)
            continue;  // kr-missing-number says it
        const auto reason = invalid_reason(*key_result);
        if (!reason)
            continue;
        add(out, "kr-invalid-range", Severity::error, "key_results", key_result->id,
            in_quotes(key_result->title) + ": " + *reason + "; correct the baseline, the target or the direction");
    }
}

void kr_activity(const Workspace& workspace, Findings& out)
{
    for (const KeyResult* key_result : live_key_results(workspace)) {
        if (!reads_as_activity(key_result->title))
            continue;
        add(out, "kr-activity", Severity::warning, "key_results", key_result->id,
            in_quotes(key_result->title) + " reads as an activity, not an outcome: state the result it should "
                                        "bring (from X to Y) and track the activity as a task");
    }
}

void kr_deadline_outside(const Workspace& workspace, Findings& out)
{
    for (const KeyResult* key_result : live_key_results(workspace)) {
        const Cycle* cycle = cycle_of(workspace, *key_result);
        if (!cycle || !key_result->deadline)
            continue;
        const Date deadline = *key_result->deadline;
        if (deadline >= cycle->start && deadline <= cycle->end)
            continue;
        add(out, "kr-deadline-outside", Severity::warning, "key_results", key_result->id,
            in_quotes(key_result->title) + " is due " + deadline.to_string() + ", outside " + cycle->name + " (" +
                cycle->start.to_string() + " to " + cycle->end.to_string() + "): move the deadline into the cycle");
    }
}

// ---- alignment -------------------------------------------------------------------------

// Each objective has at most one parent, so every loop is found by walking up from each
// objective until the walk meets itself or leaves the known objectives.
std::vector<std::vector<Id>> parent_loops(const Workspace& workspace)
{
    std::vector<std::vector<Id>> loops;
    std::set<Id> settled;
    for (const Objective& start : workspace.objectives) {
        std::vector<Id> path;
        const Objective* current = &start;
        while (current && !settled.contains(current->id)) {
            const auto seen = std::find(path.begin(), path.end(), current->id);
            if (seen != path.end()) {
                std::vector<Id> loop(seen, path.end());
                std::rotate(loop.begin(), std::min_element(loop.begin(), loop.end()), loop.end());
                loops.push_back(std::move(loop));
                break;
            }
            path.push_back(current->id);
            current = current->parent ? find_by_id(workspace.objectives, *current->parent) : nullptr;
        }
        settled.insert(path.begin(), path.end());
    }
    std::sort(loops.begin(), loops.end());
    return loops;
}

void alignment_cycle(const Workspace& workspace, Findings& out)
{
    for (const std::vector<Id>& loop : parent_loops(workspace)) {
        std::string chain;
        for (const Id& id : loop)
            chain += id + " -> ";
        chain += loop.front();
        add(out, "alignment-cycle", Severity::error, "objectives", loop.front(),
            "parent links form a loop (" + chain + "): remove one of these parent links");
    }
}

bool overlap(const Cycle& a, const Cycle& b)
{
    return a.start <= b.end && b.start <= a.end;
}

void alignment_cycle_mismatch(const Workspace& workspace, Findings& out)
{
    for (const Objective* objective : live_objectives(workspace)) {
        const Objective* parent = objective->parent ? find_by_id(workspace.objectives, *objective->parent) : nullptr;
        const Cycle* own = cycle_of(workspace, *objective);
        const Cycle* parents = parent ? cycle_of(workspace, *parent) : nullptr;
        if (!own || !parents || overlap(*own, *parents))
            continue;
        add(out, "alignment-cycle-mismatch", Severity::warning, "objectives", objective->id,
            in_quotes(objective->title) + " aligns to " + in_quotes(parent->title) + " of " + parents->name +
                ", which does not overlap " + own->name + ": align it to an objective of a cycle that overlaps");
    }
}

// ---- during the cycle -------------------------------------------------------------------

void check_in_due_rule(const ProgressIndex& index, Date today, Findings& out)
{
    for (const KeyResult& key_result : index.workspace().key_results) {
        if (!check_in_due(index, key_result, today))
            continue;
        const auto check_ins = index.effective_check_ins(key_result.id);
        const std::string last = check_ins.empty()
                                     ? "has no check-in yet"
                                     : "was last checked in on " + check_ins.back()->date.to_string() + " (" +
                                           std::to_string(today - check_ins.back()->date) + " days ago)";
        add(out, "check-in-due", Severity::warning, "key_results", key_result.id,
            in_quotes(key_result.title) + " " + last + ": record this week's value, confidence and a note");
    }
}

void act_now_rule(const ProgressIndex& index, Date today, Findings& out)
{
    for (const KeyResult& key_result : index.workspace().key_results) {
        if (!act_now(index, key_result, today))
            continue;
        const double confidence = index.effective_check_ins(key_result.id).back()->confidence;
        add(out, "act-now", Severity::warning, "key_results", key_result.id,
            in_quotes(key_result.title) + ": confidence is " + number(confidence) +
                ", below 0.3: act now while there is time; agree on a change of plan or ask for help");
    }
}

std::vector<Id> active_objectives_moving(const Workspace& workspace, const Id& kpi)
{
    std::vector<Id> result;
    for (const Objective& objective : workspace.objectives) {
        const Cycle* cycle = cycle_of(workspace, objective);
        const bool active = cycle && cycle->state == CycleState::active;
        if (active && objective.kpis && std::count(objective.kpis->begin(), objective.kpis->end(), kpi))
            result.push_back(objective.id);
    }
    return result;
}

void kpi_breached(const Workspace& workspace, Findings& out)
{
    for (const Kpi& kpi : workspace.kpis) {
        const std::vector<Id> objectives = active_objectives_moving(workspace, kpi.id);
        if (objectives.empty() || kpi_health(kpi) != KpiHealth::breached)
            continue;

        std::string linked;
        for (const Id& id : objectives)
            linked += (linked.empty() ? "" : ", ") + id;
        const char* side = kpi.direction == KpiDirection::higher_is_better ? "below" : "above";
        add(out, "kpi-breached", Severity::warning, "kpis", kpi.id,
            in_quotes(kpi.name) + " reads " + number(latest_reading(kpi)->value) + ", " + side + " its floor of " +
                number(kpi.floor) + " while active objectives rely on it (" + linked +
                "): restore the floor before pushing the ceiling");
    }
}

}  // namespace

const char* to_string(Severity severity)
{
    switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
    }
    return "info";
}

std::vector<Finding> coach_findings(const Workspace& workspace, Date today)
{
    // Rules that ask about every KR look its check-ins, tasks and siblings up here instead
    // of scanning the workspace for each: linear-logarithmic instead of quadratic.
    const ProgressIndex index(workspace);
    Findings findings;
    objective_count(workspace, findings);
    kr_count(index, findings);
    objective_numeric(workspace, findings);
    not_aligned(workspace, findings);
    no_kpi(workspace, findings);
    kr_missing_number(workspace, findings);
    kr_invalid_range(workspace, findings);
    kr_activity(workspace, findings);
    kr_deadline_outside(workspace, findings);
    alignment_cycle(workspace, findings);
    alignment_cycle_mismatch(workspace, findings);
    check_in_due_rule(index, today, findings);
    act_now_rule(index, today, findings);
    kpi_breached(workspace, findings);
    return findings;
}

bool has_error(const std::vector<Finding>& findings)
{
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::error; });
}

}  // namespace okr
