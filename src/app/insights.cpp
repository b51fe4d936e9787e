#include "app/insights.hpp"

#include "core/progress_index.hpp"

namespace okr {
namespace {

// Every figure comes from one index of the workspace, built once per refresh: asking the
// workspace itself scans every check-in for each KR.
KeyResultInsight key_result_insight(const ProgressIndex& index, const KeyResult& kr, Date today)
{
    const Workspace& workspace = index.workspace();
    KeyResultInsight insight;
    insight.progress = key_result_progress(index, kr);
    insight.status = confidence_status_of(index, kr);
    insight.pace = pace_of(index, kr, today);
    insight.expected = expected_progress(workspace, kr, today);
    insight.check_in_due = check_in_due(index, kr, today);
    insight.forecast = forecast(index, kr);
    const Cycle* cycle = cycle_of(workspace, kr);
    if (cycle && cycle->state == CycleState::closed)
        insight.final_score = final_score(index, kr);
    return insight;
}

ObjectiveInsight objective_insight(const ProgressIndex& index, const Objective& objective)
{
    ObjectiveInsight insight;
    insight.progress = objective_progress(index, objective);
    const Cycle* cycle = cycle_of(index.workspace(), objective);
    if (cycle && cycle->state == CycleState::closed) {
        insight.final_score = objective_final_score(index, objective);
        insight.committed_missed = committed_okr_missed(index, objective);
    }
    return insight;
}

}  // namespace

void Insights::refresh(const Workspace& workspace, uint64_t revision, Date today)
{
    if (revision_ == revision && today_ == today)
        return;
    revision_ = revision;
    today_ = today;
    ++generation_;

    const ProgressIndex index(workspace);
    key_results_.clear();
    for (const KeyResult& kr : workspace.key_results)
        key_results_.emplace_hint(key_results_.end(), kr.id, key_result_insight(index, kr, today));
    objectives_.clear();
    for (const Objective& objective : workspace.objectives)
        objectives_.emplace_hint(objectives_.end(), objective.id, objective_insight(index, objective));
    findings_ = coach_findings(workspace, today);
    findings_by_entity_.clear();
    for (const Finding& finding : findings_)
        findings_by_entity_[{finding.entity.collection, finding.entity.id}].push_back(&finding);
}

const KeyResultInsight* Insights::key_result(const Id& id) const
{
    const auto it = key_results_.find(id);
    return it == key_results_.end() ? nullptr : &it->second;
}

const ObjectiveInsight* Insights::objective(const Id& id) const
{
    const auto it = objectives_.find(id);
    return it == objectives_.end() ? nullptr : &it->second;
}

std::vector<const Finding*> Insights::findings_for(const std::string& collection, const Id& id) const
{
    const auto it = findings_by_entity_.find({collection, id});
    return it == findings_by_entity_.end() ? std::vector<const Finding*>() : it->second;
}

}  // namespace okr
