#include "core/progress.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "core/progress_index.hpp"

namespace okr {
namespace {

constexpr double largest = std::numeric_limits<double>::max();

// (a - b) / (c - d) for finite inputs, never NaN or infinite. The differences of two
// numbers near the limits of double overflow, so then both are taken of the halves;
// a quotient that still overflows saturates at the largest double of its sign.
double saturating_ratio(double a, double b, double c, double d)
{
    double numerator = a - b;
    double denominator = c - d;
    if (!std::isfinite(numerator) || !std::isfinite(denominator)) {
        numerator = a * 0.5 - b * 0.5;
        denominator = c * 0.5 - d * 0.5;
    }

    if (denominator != 0) {
        const double quotient = numerator / denominator;
        if (std::isfinite(quotient))
            return quotient;
    }
    if (a == b)
        return 0;
    const bool negative = (a < b) != (c < d);
    return negative ? -largest : largest;
}

std::optional<std::string> missing_number(const KeyResult& key_result)
{
    if (!key_result.baseline && !key_result.target)
        return "baseline and target are missing";
    if (!key_result.baseline)
        return "baseline is missing";
    if (!key_result.target)
        return "target is missing";
    if (!std::isfinite(*key_result.baseline))
        return "baseline is not a finite number";
    if (!std::isfinite(*key_result.target))
        return "target is not a finite number";
    return std::nullopt;
}

std::optional<std::string> range_problem(Direction direction, double baseline, double target)
{
    switch (direction) {
    case Direction::increase:
        if (baseline == target)
            return "baseline equals target: there is nothing to increase";
        if (target < baseline)
            return "direction is increase but the target is below the baseline";
        return std::nullopt;
    case Direction::decrease:
        if (baseline == target)
            return "baseline equals target: there is nothing to decrease";
        if (target > baseline)
            return "direction is decrease but the target is above the baseline";
        return std::nullopt;
    case Direction::milestone:
        if (baseline != 0 || target != 1)
            return "a milestone goes from 0 to 1 (baseline 0, target 1)";
        return std::nullopt;
    case Direction::at_least:
    case Direction::at_most:
        return std::nullopt;  // the baseline is only a reference
    }
    return std::nullopt;
}

double fraction_done(std::span<const Task* const> tasks)
{
    const auto done = std::count_if(tasks.begin(), tasks.end(), [](const Task* t) { return t->done; });
    return static_cast<double>(done) / static_cast<double>(tasks.size());
}

// Progress from the KR's effective check-ins and, for a milestone, its tasks (a milestone
// with tasks is driven by them; other KRs pass none).
KrProgress progress_from(const KeyResult& key_result, std::span<const CheckIn* const> check_ins,
                         std::span<const Task* const> milestone_tasks)
{
    KrProgress result;
    if (!check_ins.empty())
        result.latest = check_ins.back();

    const auto current = result.latest ? std::optional(result.latest->value) : key_result.baseline;
    if (current && std::isfinite(*current))
        result.current_value = current;

    if (auto reason = invalid_reason(key_result)) {
        result.invalid_reason = std::move(reason);
        return result;
    }

    if (key_result.direction == Direction::milestone && !milestone_tasks.empty())
        result.raw = fraction_done(milestone_tasks);
    else if (result.current_value)
        result.raw = raw_progress_of_value(key_result, *result.current_value);
    else {
        result.invalid_reason = "the latest reading is not a finite number";
        return result;
    }

    result.progress = std::clamp(*result.raw, 0.0, 1.0);
    return result;
}

template <typename ProgressOf>
ObjectiveRollup rollup_of(std::span<const KeyResult* const> key_results, ProgressOf progress_of)
{
    ObjectiveRollup rollup;
    std::vector<double> values;
    std::vector<double> weights;
    for (const KeyResult* key_result : key_results) {
        const KrProgress progress = progress_of(*key_result);
        if (!progress.progress)
            rollup.invalid.push_back(key_result);
        else if (effective_weight(*key_result) == 0)
            rollup.excluded.push_back(key_result);
        else {
            values.push_back(*progress.progress);
            weights.push_back(effective_weight(*key_result));
        }
    }

    rollup.progress = weighted_mean(values, weights);
    return rollup;
}

}  // namespace

bool in_reading_order(const CheckIn* a, const CheckIn* b)
{
    if (a->date != b->date)
        return a->date < b->date;
    if (a->recorded_at != b->recorded_at)
        return a->recorded_at < b->recorded_at;
    return a->id < b->id;
}

std::vector<const CheckIn*> effective_check_ins(const Workspace& workspace, const Id& key_result)
{
    std::vector<const CheckIn*> own;
    std::set<Id> replaced;
    for (const CheckIn& check_in : workspace.check_ins) {
        if (check_in.key_result != key_result)
            continue;
        own.push_back(&check_in);
        if (check_in.corrects)
            replaced.insert(*check_in.corrects);
    }

    // A correction only hides a reading of its own KR: a stray reference must not make
    // another KR's data disappear.
    std::erase_if(own, [&](const CheckIn* c) { return replaced.contains(c->id); });
    std::sort(own.begin(), own.end(), in_reading_order);
    return own;
}

std::optional<std::string> invalid_reason(const KeyResult& key_result)
{
    if (auto missing = missing_number(key_result))
        return missing;
    return range_problem(key_result.direction, *key_result.baseline, *key_result.target);
}

bool condition_holds(const KeyResult& key_result, double value)
{
    if (!key_result.target)
        return false;
    if (key_result.direction == Direction::at_most)
        return value <= *key_result.target;
    return value >= *key_result.target;
}

std::optional<double> raw_progress_of_value(const KeyResult& key_result, double value)
{
    if (invalid_reason(key_result) || !std::isfinite(value))
        return std::nullopt;

    const double b = *key_result.baseline;
    const double t = *key_result.target;
    switch (key_result.direction) {
    case Direction::increase:
    case Direction::milestone:  // b = 0, t = 1: the value itself
        return saturating_ratio(value, b, t, b);
    case Direction::decrease:
        return saturating_ratio(b, value, b, t);
    case Direction::at_least:
    case Direction::at_most:
        return condition_holds(key_result, value) ? 1.0 : 0.0;
    }
    return std::nullopt;
}

std::vector<const KeyResult*> key_results_of(const Workspace& workspace, const Id& objective)
{
    std::vector<const KeyResult*> result;
    for (const KeyResult& key_result : workspace.key_results)
        if (key_result.objective == objective)
            result.push_back(&key_result);
    return result;
}

std::vector<const Task*> tasks_of(const Workspace& workspace, const Id& key_result)
{
    std::vector<const Task*> result;
    for (const Task& task : workspace.tasks)
        if (task.key_result == key_result)
            result.push_back(&task);
    return result;
}

bool driven_by_tasks(const Workspace& workspace, const KeyResult& key_result)
{
    if (key_result.direction != Direction::milestone)
        return false;
    return std::any_of(workspace.tasks.begin(), workspace.tasks.end(),
                       [&](const Task& t) { return t.key_result == key_result.id; });
}

const Objective* objective_of(const Workspace& workspace, const KeyResult& key_result)
{
    return find_by_id(workspace.objectives, key_result.objective);
}

const Cycle* cycle_of(const Workspace& workspace, const Objective& objective)
{
    return find_by_id(workspace.cycles, objective.cycle);
}

const Cycle* cycle_of(const Workspace& workspace, const KeyResult& key_result)
{
    const Objective* objective = objective_of(workspace, key_result);
    return objective ? cycle_of(workspace, *objective) : nullptr;
}

std::optional<Date> deadline_of(const Workspace& workspace, const KeyResult& key_result)
{
    if (key_result.deadline)
        return key_result.deadline;
    const Cycle* cycle = cycle_of(workspace, key_result);
    return cycle ? std::optional(cycle->end) : std::nullopt;
}

double effective_weight(const KeyResult& key_result)
{
    const double weight = key_result.weight.value_or(1.0);
    return std::isfinite(weight) && weight > 0 ? weight : 0.0;
}

KrProgress key_result_progress(const Workspace& workspace, const KeyResult& key_result)
{
    const auto check_ins = effective_check_ins(workspace, key_result.id);
    const auto tasks = key_result.direction == Direction::milestone ? tasks_of(workspace, key_result.id)
                                                                    : std::vector<const Task*>();
    return progress_from(key_result, check_ins, tasks);
}

KrProgress key_result_progress(const ProgressIndex& index, const KeyResult& key_result)
{
    const auto tasks = key_result.direction == Direction::milestone ? index.tasks_of(key_result.id)
                                                                    : std::span<const Task* const>();
    return progress_from(key_result, index.effective_check_ins(key_result.id), tasks);
}

bool driven_by_tasks(const ProgressIndex& index, const KeyResult& key_result)
{
    return key_result.direction == Direction::milestone && !index.tasks_of(key_result.id).empty();
}

std::optional<double> weighted_mean(const std::vector<double>& values, const std::vector<double>& weights)
{
    if (values.empty())
        return std::nullopt;

    // Weights are scaled by the largest so that their sum cannot overflow; the result is
    // a convex combination, so it stays within the values' range.
    const double heaviest = *std::max_element(weights.begin(), weights.end());
    double weighted_sum = 0;
    double weight_sum = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        const double share = weights[i] / heaviest;
        weighted_sum += share * values[i];
        weight_sum += share;
    }
    // Rounding may step a hair outside the values' range; the mean never does.
    const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
    return std::clamp(weighted_sum / weight_sum, *lowest, *highest);
}

ObjectiveRollup objective_rollup(const Workspace& workspace, const Objective& objective)
{
    return rollup_of(key_results_of(workspace, objective.id),
                     [&](const KeyResult& key_result) { return key_result_progress(workspace, key_result); });
}

ObjectiveRollup objective_rollup(const ProgressIndex& index, const Objective& objective)
{
    return rollup_of(index.key_results_of(objective.id),
                     [&](const KeyResult& key_result) { return key_result_progress(index, key_result); });
}

std::optional<double> objective_progress(const Workspace& workspace, const Objective& objective)
{
    return objective_rollup(workspace, objective).progress;
}

std::optional<double> objective_progress(const ProgressIndex& index, const Objective& objective)
{
    return objective_rollup(index, objective).progress;
}

}  // namespace okr
