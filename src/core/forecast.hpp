#pragma once
// Forecast of a KR (docs/okr-method.md, "During a cycle"): a least-squares line through
// the cycle's effective check-ins, extrapolated to the deadline. With fewer than two
// distinct dates there is no forecast, and the reason says so: no guessing.

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace okr {

class ProgressIndex;

struct Forecast {
    std::optional<double> value;  // projected reading at the deadline
    std::optional<double> score;  // progress that reading gives, clamped to [0,1]
    // Where the projection starts, for a chart: the latest reading's date and the fitted
    // line's value there. Set with `value`.
    std::optional<Date> trend_from;
    std::optional<double> trend_from_value;
    // Set whenever value or score is null: why there is no figure.
    std::optional<std::string> reason;
};

Forecast forecast(const Workspace& workspace, const KeyResult& key_result);
// The same from an index of the workspace (core/progress_index.hpp): for many KRs.
Forecast forecast(const ProgressIndex& index, const KeyResult& key_result);

// The value at `at` of the least-squares line through the points (x[i], y[i]). Null with
// fewer than two distinct x, or when the projection leaves the range of double.
std::optional<double> least_squares_at(const std::vector<double>& x, const std::vector<double>& y, double at);

}  // namespace okr
