#include "core/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "core/progress.hpp"
#include "core/progress_links.hpp"

namespace okr {
namespace {

// Averages are compared with this much slack, so that scores a person reads as exactly on
// a threshold (1.0 and 0.9 average 0.95) land on the side the method names.
constexpr double tolerance = 1e-9;

// The cycle's check-ins for an at_least/at_most KR: from the cycle's start (when known)
// to the deadline.
template <typename Links>
std::vector<const CheckIn*> scored_check_ins(const Links& links, const KeyResult& key_result)
{
    const Cycle* cycle = cycle_of(links.workspace, key_result);
    const std::optional<Date> deadline = deadline_of(links.workspace, key_result);

    const auto effective = links.check_ins(key_result);
    std::vector<const CheckIn*> check_ins(effective.begin(), effective.end());
    std::erase_if(check_ins, [&](const CheckIn* c) {
        const bool before_cycle = cycle && c->date < cycle->start;
        const bool after_deadline = deadline && c->date > *deadline;
        return before_cycle || after_deadline;
    });
    return check_ins;
}

double share_held(const KeyResult& key_result, const std::vector<const CheckIn*>& check_ins)
{
    if (check_ins.empty())
        return 0;
    const auto held = std::count_if(check_ins.begin(), check_ins.end(),
                                    [&](const CheckIn* c) { return condition_holds(key_result, c->value); });
    return static_cast<double>(held) / static_cast<double>(check_ins.size());
}

// Progress as it stood at the deadline: the last reading on or before it counts.
template <typename Links>
std::optional<double> progress_at_deadline(const Links& links, const KeyResult& key_result)
{
    if (links.driven(key_result))
        return links.progress(key_result).progress;  // tasks carry no dates

    const std::optional<Date> deadline = deadline_of(links.workspace, key_result);
    std::optional<double> value = key_result.baseline;
    for (const CheckIn* check_in : links.check_ins(key_result))
        if (!deadline || check_in->date <= *deadline)
            value = check_in->value;

    const auto raw = value ? raw_progress_of_value(key_result, *value) : std::nullopt;
    return raw ? std::optional(std::clamp(*raw, 0.0, 1.0)) : std::nullopt;
}

template <typename Links>
std::optional<double> computed_final_score_with(const Links& links, const KeyResult& key_result)
{
    if (invalid_reason(key_result))
        return std::nullopt;

    if (key_result.direction == Direction::at_least || key_result.direction == Direction::at_most)
        return round_to_tenth(share_held(key_result, scored_check_ins(links, key_result)));

    const auto progress = progress_at_deadline(links, key_result);
    return progress ? std::optional(round_to_tenth(*progress)) : std::nullopt;
}

template <typename Links>
std::optional<double> final_score_with(const Links& links, const KeyResult& key_result)
{
    if (key_result.final_score && std::isfinite(*key_result.final_score))
        return std::clamp(*key_result.final_score, 0.0, 1.0);
    return computed_final_score_with(links, key_result);
}

template <typename Links>
std::optional<double> objective_final_score_with(const Links& links, const Objective& objective)
{
    std::vector<double> scores;
    std::vector<double> weights;
    for (const KeyResult* key_result : links.key_results(objective)) {
        const auto score = final_score_with(links, *key_result);
        if (!score || effective_weight(*key_result) == 0)
            continue;
        scores.push_back(*score);
        weights.push_back(effective_weight(*key_result));
    }
    return weighted_mean(scores, weights);
}

template <typename Links>
bool committed_okr_missed_with(const Links& links, const Objective& objective)
{
    const Cycle* cycle = cycle_of(links.workspace, objective);
    if (!cycle || cycle->state != CycleState::closed || commitment_of(objective) != Commitment::committed)
        return false;
    const auto score = objective_final_score_with(links, objective);
    return score && *score < 1.0;
}

std::string signal_message(TeamSignalKind kind, double average, int cycles)
{
    char figures[64];
    std::snprintf(figures, sizeof figures, "%.2f over %d closed cycles", average, cycles);
    if (kind == TeamSignalKind::targets_too_easy)
        return std::string("targets may be too easy: objectives averaged ") + figures +
               "; set stretch targets where 0.6-0.7 is the expected score";
    return std::string("something structural is broken, not just execution: objectives averaged ") + figures +
           "; look at capacity, dependencies and how targets are set before the next cycle";
}

struct TeamHistory {
    std::vector<double> scores;
    std::set<Id> cycles;
};

std::map<Id, TeamHistory> closed_cycle_history(const Workspace& workspace)
{
    std::map<Id, TeamHistory> history;
    const ProgressIndex index(workspace);
    for (const Objective& objective : workspace.objectives) {
        const Cycle* cycle = cycle_of(workspace, objective);
        if (!cycle || cycle->state != CycleState::closed)
            continue;
        const auto score = objective_final_score_with(detail::Indexed{index}, objective);
        if (!score)
            continue;
        history[objective.team].scores.push_back(*score);
        history[objective.team].cycles.insert(cycle->id);
    }
    return history;
}

}  // namespace

const char* to_string(Grade grade)
{
    switch (grade) {
    case Grade::red: return "red";
    case Grade::yellow: return "yellow";
    case Grade::green: return "green";
    }
    return "red";
}

double round_to_tenth(double value)
{
    const double tenths = std::round(value * 10);
    return std::isfinite(tenths) ? tenths / 10 : value;
}

Grade grade_of(double score)
{
    // round_to_tenth returns the double nearest to n/10, the same double as the literals.
    const double s = round_to_tenth(score);
    if (s < 0.4)
        return Grade::red;
    if (s < 0.7)
        return Grade::yellow;
    return Grade::green;
}

std::optional<double> computed_final_score(const Workspace& workspace, const KeyResult& key_result)
{
    return computed_final_score_with(detail::Scanned{workspace}, key_result);
}

std::optional<double> computed_final_score(const ProgressIndex& index, const KeyResult& key_result)
{
    return computed_final_score_with(detail::Indexed{index}, key_result);
}

std::optional<double> final_score(const Workspace& workspace, const KeyResult& key_result)
{
    return final_score_with(detail::Scanned{workspace}, key_result);
}

std::optional<double> final_score(const ProgressIndex& index, const KeyResult& key_result)
{
    return final_score_with(detail::Indexed{index}, key_result);
}

bool score_overridden(const KeyResult& key_result)
{
    return key_result.final_score && key_result.score_note && !key_result.score_note->empty();
}

std::optional<double> objective_final_score(const Workspace& workspace, const Objective& objective)
{
    return objective_final_score_with(detail::Scanned{workspace}, objective);
}

std::optional<double> objective_final_score(const ProgressIndex& index, const Objective& objective)
{
    return objective_final_score_with(detail::Indexed{index}, objective);
}

bool committed_okr_missed(const Workspace& workspace, const Objective& objective)
{
    return committed_okr_missed_with(detail::Scanned{workspace}, objective);
}

bool committed_okr_missed(const ProgressIndex& index, const Objective& objective)
{
    return committed_okr_missed_with(detail::Indexed{index}, objective);
}

std::vector<TeamSignal> team_signals(const Workspace& workspace)
{
    std::vector<TeamSignal> signals;
    for (const auto& [team, history] : closed_cycle_history(workspace)) {
        const int cycles = static_cast<int>(history.cycles.size());
        if (cycles < min_cycles_for_team_signal)
            continue;

        const std::vector<double> equal(history.scores.size(), 1.0);
        const double average = *weighted_mean(history.scores, equal);
        if (average >= too_easy_average - tolerance)
            signals.push_back({team, TeamSignalKind::targets_too_easy, average, cycles,
                               signal_message(TeamSignalKind::targets_too_easy, average, cycles)});
        else if (average < structural_average - tolerance)
            signals.push_back({team, TeamSignalKind::structural_problem, average, cycles,
                               signal_message(TeamSignalKind::structural_problem, average, cycles)});
    }
    return signals;
}

}  // namespace okr
