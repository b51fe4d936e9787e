#include "core/pace.hpp"

#include <algorithm>

#include "core/progress.hpp"

namespace okr {
namespace {

// Thresholds are compared with this much slack, so that figures a person reads as equal
// to the threshold land on the side the method names.
constexpr double tolerance = 1e-9;

const Cycle* active_cycle_of(const Workspace& workspace, const KeyResult& key_result)
{
    const Cycle* cycle = cycle_of(workspace, key_result);
    return cycle && cycle->state == CycleState::active ? cycle : nullptr;
}

}  // namespace

double elapsed_fraction(Date cycle_start, Date deadline, Date today)
{
    const int span = deadline - cycle_start;
    if (span <= 0)
        return 1.0;
    const double fraction = static_cast<double>(today - cycle_start) / static_cast<double>(span);
    return std::clamp(fraction, 0.0, 1.0);
}

std::optional<double> expected_progress(const Workspace& workspace, const KeyResult& key_result, Date today)
{
    const Cycle* cycle = cycle_of(workspace, key_result);
    if (!cycle)
        return std::nullopt;
    return elapsed_fraction(cycle->start, key_result.deadline.value_or(cycle->end), today);
}

const char* to_string(Pace pace)
{
    return pace == Pace::behind ? "behind" : "on_pace";
}

Pace pace_for(double progress, double elapsed)
{
    return progress < elapsed - behind_pace_margin - tolerance ? Pace::behind : Pace::on_pace;
}

std::optional<Pace> pace_of(const Workspace& workspace, const KeyResult& key_result, Date today)
{
    if (!active_cycle_of(workspace, key_result))
        return std::nullopt;
    const auto progress = key_result_progress(workspace, key_result).progress;
    const auto expected = expected_progress(workspace, key_result, today);
    if (!progress || !expected)
        return std::nullopt;
    return pace_for(*progress, *expected);
}

const char* to_string(ConfidenceStatus status)
{
    switch (status) {
    case ConfidenceStatus::on_track: return "on_track";
    case ConfidenceStatus::at_risk: return "at_risk";
    case ConfidenceStatus::off_track: return "off_track";
    }
    return "off_track";
}

ConfidenceStatus confidence_status(double confidence)
{
    if (confidence >= on_track_confidence - tolerance)
        return ConfidenceStatus::on_track;
    if (confidence >= at_risk_confidence - tolerance)
        return ConfidenceStatus::at_risk;
    return ConfidenceStatus::off_track;
}

std::optional<ConfidenceStatus> confidence_status_of(const Workspace& workspace, const KeyResult& key_result)
{
    const auto check_ins = effective_check_ins(workspace, key_result.id);
    if (check_ins.empty())
        return std::nullopt;
    return confidence_status(check_ins.back()->confidence);
}

bool check_in_due(const Workspace& workspace, const KeyResult& key_result, Date today)
{
    const Cycle* cycle = active_cycle_of(workspace, key_result);
    if (!cycle || today - cycle->start < check_in_interval_days || driven_by_tasks(workspace, key_result))
        return false;

    const auto check_ins = effective_check_ins(workspace, key_result.id);
    return check_ins.empty() || today - check_ins.back()->date >= check_in_interval_days;
}

bool act_now(const Workspace& workspace, const KeyResult& key_result, Date today)
{
    const auto deadline = deadline_of(workspace, key_result);
    if (!active_cycle_of(workspace, key_result) || (deadline && today > *deadline))
        return false;
    return confidence_status_of(workspace, key_result) == ConfidenceStatus::off_track;
}

}  // namespace okr
