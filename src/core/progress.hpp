#pragma once
// Progress of key results and objectives (docs/okr-method.md, "KR progress" and
// "Objective progress and score"). Pure functions of the workspace: no clock, no I/O.
//
// A KR that cannot be measured (missing numbers, baseline equal to target, a direction
// that contradicts them) has no progress and says why; it is never shown as 0 or NaN.
// Every figure returned here is finite.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace okr {

class ProgressIndex;  // core/progress_index.hpp

struct KrProgress {
    std::optional<double> progress;             // clamped to [0,1]; null when invalid
    std::optional<double> raw;                  // unclamped (1.25 shows as "125 %"); null when invalid
    std::optional<std::string> invalid_reason;  // set exactly when the KR is not valid
    std::optional<double> current_value;        // latest effective check-in's value (baseline if none)
    const CheckIn* latest = nullptr;            // latest effective check-in (corrections applied), null if none
};

KrProgress key_result_progress(const Workspace& workspace, const KeyResult& key_result);
// The same from an index of the workspace: for code that asks about many KRs.
KrProgress key_result_progress(const ProgressIndex& index, const KeyResult& key_result);

// Weighted mean of the objective's scorable KRs; null when none is scorable.
std::optional<double> objective_progress(const Workspace& workspace, const Objective& objective);
std::optional<double> objective_progress(const ProgressIndex& index, const Objective& objective);

// The KR's check-ins without those a correction replaced, sorted by date, then by
// recorded_at, then by id, so the last one is the current reading.
std::vector<const CheckIn*> effective_check_ins(const Workspace& workspace, const Id& key_result);

// The order of readings: by date, then by recorded_at, then by id.
bool in_reading_order(const CheckIn* a, const CheckIn* b);

// ---- building blocks, shared with scoring, forecast and the coach ----------------------

// Why the KR cannot have progress, or null when it can. Looks at the KR's own numbers only.
std::optional<std::string> invalid_reason(const KeyResult& key_result);

// The raw progress a reading `value` gives a valid KR: the direction's formula, or for
// at_least/at_most 1 when the condition holds, else 0. Milestones read the value itself
// (their tasks are taken into account by key_result_progress). Null for an invalid KR
// or a value that is not finite.
std::optional<double> raw_progress_of_value(const KeyResult& key_result, double value);

// True when `value` keeps an at_least/at_most KR on the right side of its target.
bool condition_holds(const KeyResult& key_result, double value);

// An objective's KRs are those whose `objective` is the objective's id, in id order.
std::vector<const KeyResult*> key_results_of(const Workspace& workspace, const Id& objective);
std::vector<const Task*> tasks_of(const Workspace& workspace, const Id& key_result);

// A milestone with linked tasks takes its progress from them, not from check-ins.
bool driven_by_tasks(const Workspace& workspace, const KeyResult& key_result);
bool driven_by_tasks(const ProgressIndex& index, const KeyResult& key_result);

// Where a KR or an objective sits; null for a reference the workspace does not hold.
const Objective* objective_of(const Workspace& workspace, const KeyResult& key_result);
const Cycle* cycle_of(const Workspace& workspace, const Objective& objective);
const Cycle* cycle_of(const Workspace& workspace, const KeyResult& key_result);

// The KR's deadline, or its cycle's end when the KR has none yet; null when neither is known.
std::optional<Date> deadline_of(const Workspace& workspace, const KeyResult& key_result);

// Weight as scored: absent means 1; zero, negative or non-finite weights exclude the KR.
double effective_weight(const KeyResult& key_result);

// Objective progress with the KRs it left out, for views that explain the figure.
struct ObjectiveRollup {
    std::optional<double> progress;
    std::vector<const KeyResult*> invalid;   // excluded because they cannot be measured
    std::vector<const KeyResult*> excluded;  // excluded by a weight of 0
};
ObjectiveRollup objective_rollup(const Workspace& workspace, const Objective& objective);
ObjectiveRollup objective_rollup(const ProgressIndex& index, const Objective& objective);

// Mean of `values` weighted by `weights` (same length, weights > 0); finite for any
// finite input, however large the weights. Null when `values` is empty.
std::optional<double> weighted_mean(const std::vector<double>& values, const std::vector<double>& weights);

}  // namespace okr
