#include "app/insights.hpp"

namespace okr {
namespace {

KeyResultInsight key_result_insight(const Workspace& workspace, const KeyResult& kr, Date today)
{
    KeyResultInsight insight;
    insight.progress = key_result_progress(workspace, kr);
    insight.status = confidence_status_of(workspace, kr);
    insight.pace = pace_of(workspace, kr, today);
    insight.expected = expected_progress(workspace, kr, today);
    insight.check_in_due = check_in_due(workspace, kr, today);
    insight.forecast = forecast(workspace, kr);
    const Cycle* cycle = cycle_of(workspace, kr);
    if (cycle && cycle->state == CycleState::closed)
        insight.final_score = final_score(workspace, kr);
    return insight;
}

ObjectiveInsight objective_insight(const Workspace& workspace, const Objective& objective)
{
    ObjectiveInsight insight;
    insight.progress = objective_progress(workspace, objective);
    const Cycle* cycle = cycle_of(workspace, objective);
    if (cycle && cycle->state == CycleState::closed) {
        insight.final_score = objective_final_score(workspace, objective);
        insight.committed_missed = committed_okr_missed(workspace, objective);
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

    key_results_.clear();
    for (const KeyResult& kr : workspace.key_results)
        key_results_.emplace(kr.id, key_result_insight(workspace, kr, today));
    objectives_.clear();
    for (const Objective& objective : workspace.objectives)
        objectives_.emplace(objective.id, objective_insight(workspace, objective));
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
