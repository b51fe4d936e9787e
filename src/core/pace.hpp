#pragma once
// During a cycle (docs/okr-method.md, "During a cycle"): how far the cycle has run, whether
// a KR keeps pace, what its owner's confidence says and whether a check-in is due.
// "Today" is always a parameter: the core never reads the clock.

#include <optional>

#include "core/model.hpp"

namespace okr {

class ProgressIndex;  // core/progress_index.hpp: the overloads taking one answer the same, faster

inline constexpr double behind_pace_margin = 0.15;
inline constexpr double on_track_confidence = 0.7;
inline constexpr double at_risk_confidence = 0.3;
inline constexpr int check_in_interval_days = 7;

// e = (today - start) / (deadline - start) in days, clamped to [0, 1]; 1 when the
// deadline is not after the start.
double elapsed_fraction(Date cycle_start, Date deadline, Date today);

// Expected (linear) progress of the KR today: the elapsed fraction of its cycle up to its
// deadline (the cycle's end when it has none). Null when its cycle is unknown.
std::optional<double> expected_progress(const Workspace& workspace, const KeyResult& key_result, Date today);

enum class Pace { on_pace, behind };
const char* to_string(Pace pace);

// Behind when progress < e - 0.15. A hair of tolerance keeps a figure that sits exactly
// on the line (0.35 against e = 0.5) on pace despite binary rounding.
Pace pace_for(double progress, double elapsed);

// Null outside an active cycle and for a KR that cannot be measured.
std::optional<Pace> pace_of(const Workspace& workspace, const KeyResult& key_result, Date today);
std::optional<Pace> pace_of(const ProgressIndex& index, const KeyResult& key_result, Date today);

enum class ConfidenceStatus { on_track, at_risk, off_track };
const char* to_string(ConfidenceStatus status);

// c >= 0.7 on track, 0.3 <= c < 0.7 at risk, c < 0.3 off track ("act now").
ConfidenceStatus confidence_status(double confidence);

// From the latest effective check-in; null before the first one.
std::optional<ConfidenceStatus> confidence_status_of(const Workspace& workspace, const KeyResult& key_result);
std::optional<ConfidenceStatus> confidence_status_of(const ProgressIndex& index, const KeyResult& key_result);

// The KR's cycle is active and started 7 or more days ago, and its latest check-in is
// 7 or more days old, or it has none. Milestones driven by tasks are exempt.
bool check_in_due(const Workspace& workspace, const KeyResult& key_result, Date today);
bool check_in_due(const ProgressIndex& index, const KeyResult& key_result, Date today);

// Latest confidence below 0.3 while there is still time to act: the KR's cycle is active
// and today is not after its deadline.
bool act_now(const Workspace& workspace, const KeyResult& key_result, Date today);
bool act_now(const ProgressIndex& index, const KeyResult& key_result, Date today);

}  // namespace okr
