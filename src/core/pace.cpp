#include "core/pace.hpp"

#include <algorithm>

#include "core/progress.hpp"
#include "core/progress_links.hpp"

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

using detail::Indexed;
using detail::Scanned;

template <typename Links>
std::optional<Pace> pace_with(const Links& links, const KeyResult& key_result, Date today)
{
    if (!active_cycle_of(links.workspace, key_result))
        return std::nullopt;
    const auto progress = links.progress(key_result).progress;
    const auto expected = expected_progress(links.workspace, key_result, today);
    if (!progress || !expected)
        return std::nullopt;
    return pace_for(*progress, *expected);
}

template <typename Links>
std::optional<ConfidenceStatus> confidence_status_with(const Links& links, const KeyResult& key_result)
{
    const auto check_ins = links.check_ins(key_result);
    if (check_ins.empty())
        return std::nullopt;
    return confidence_status(check_ins.back()->confidence);
}

template <typename Links>
bool check_in_due_with(const Links& links, const KeyResult& key_result, Date today)
{
    const Cycle* cycle = active_cycle_of(links.workspace, key_result);
    if (!cycle || today - cycle->start < check_in_interval_days || links.driven(key_result))
        return false;

    const auto check_ins = links.check_ins(key_result);
    return check_ins.empty() || today - check_ins.back()->date >= check_in_interval_days;
}

template <typename Links>
bool act_now_with(const Links& links, const KeyResult& key_result, Date today)
{
    const auto deadline = deadline_of(links.workspace, key_result);
    if (!active_cycle_of(links.workspace, key_result) || (deadline && today > *deadline))
        return false;
    return confidence_status_with(links, key_result) == ConfidenceStatus::off_track;
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
    return pace_with(Scanned{workspace}, key_result, today);
}

std::optional<Pace> pace_of(const ProgressIndex& index, const KeyResult& key_result, Date today)
{
    return pace_with(Indexed{index}, key_result, today);
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
    return confidence_status_with(Scanned{workspace}, key_result);
}

std::optional<ConfidenceStatus> confidence_status_of(const ProgressIndex& index, const KeyResult& key_result)
{
    return confidence_status_with(Indexed{index}, key_result);
}

bool check_in_due(const Workspace& workspace, const KeyResult& key_result, Date today)
{
    return check_in_due_with(Scanned{workspace}, key_result, today);
}

bool check_in_due(const ProgressIndex& index, const KeyResult& key_result, Date today)
{
    return check_in_due_with(Indexed{index}, key_result, today);
}

bool act_now(const Workspace& workspace, const KeyResult& key_result, Date today)
{
    return act_now_with(Scanned{workspace}, key_result, today);
}

bool act_now(const ProgressIndex& index, const KeyResult& key_result, Date today)
{
    return act_now_with(Indexed{index}, key_result, today);
}

}  // namespace okr
