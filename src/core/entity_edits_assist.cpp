// What the forms show beside the fields: the objectives a parent picker offers, and the
// coach's findings about a draft while it is typed.

#include <algorithm>
#include <limits>
#include <tuple>

#include "core/coach.hpp"
#include "core/entity_edits.hpp"
#include "core/entity_edits_detail.hpp"

namespace okr {
namespace {

using entity_edits_detail::drafted;
using entity_edits_detail::FieldChecks;
using entity_edits_detail::Kind;

// ---- parent candidates ----------------------------------------------------------------------

// The teams above `team`, nearest first. Stops at a team met before, should a file have
// slipped a loop past the importer.
std::vector<Id> enclosing_teams(const Workspace& workspace, const Id& team)
{
    std::vector<Id> chain;
    const Team* at = find_by_id(workspace.teams, team);
    while (at && at->parent && *at->parent != team &&
           std::find(chain.begin(), chain.end(), *at->parent) == chain.end()) {
        chain.push_back(*at->parent);
        at = find_by_id(workspace.teams, *at->parent);
    }
    return chain;
}

// True when `objective` is `root` or aligned below it.
bool within(const Workspace& workspace, const Objective& objective, const Id& root)
{
    std::vector<Id> seen;
    for (const Objective* at = &objective; at; ) {
        if (at->id == root)
            return true;
        if (!at->parent || std::find(seen.begin(), seen.end(), at->id) != seen.end())
            return false;
        seen.push_back(at->id);
        at = find_by_id(workspace.objectives, *at->parent);
    }
    return false;
}

int levels_up(const std::vector<Id>& enclosing, const Id& team)
{
    const auto found = std::find(enclosing.begin(), enclosing.end(), team);
    return found == enclosing.end() ? 0 : static_cast<int>(found - enclosing.begin()) + 1;
}

// Enclosing teams nearest first, then the other teams by name; within a team by title.
bool offered_before(const ParentCandidate& a, const ParentCandidate& b)
{
    const auto rank = [](const ParentCandidate& c) { return c.levels_up == 0 ? std::numeric_limits<int>::max() : c.levels_up; };
    return std::forward_as_tuple(rank(a), a.team_name, a.team, a.title, a.objective) <
           std::forward_as_tuple(rank(b), b.team_name, b.team, b.title, b.objective);
}

// ---- findings for a draft ---------------------------------------------------------------------

// The id a new entity has while it is a draft: not a valid id, so no entity can hold it.
const Id draft_id = "(draft)";

// The workspace as the draft would make it, and the id the drafted entity has there; no
// workspace when the entity to edit does not exist.
template <typename Entity, typename Draft>
std::optional<std::pair<Workspace, Entity>> with_draft(const Workspace& workspace, const Draft& draft,
                                                       const std::optional<Id>& existing)
{
    const Entity* before = existing ? find_by_id(Kind<Entity>::of(workspace), *existing) : nullptr;
    if (existing && !before)
        return std::nullopt;

    FieldChecks ignored(workspace);  // a draft that saving would refuse is still judged
    Entity after = drafted(before, draft, draft_id, ignored);
    Workspace drafted_workspace = workspace;
    apply(drafted_workspace, before ? replaced("", *before, after) : added("", after));
    return std::pair{std::move(drafted_workspace), std::move(after)};
}

// Check-in-due and act-now are about running a KR, not about how it is written: a form
// being typed has no use for them.
bool about(const Finding& finding, std::string_view collection, const Id& id)
{
    const bool about_running = finding.rule == "check-in-due" || finding.rule == "act-now";
    return !about_running && finding.entity.collection == collection && finding.entity.id == id;
}

size_t objectives_of(const Workspace& workspace, const Id& team, const Id& cycle)
{
    return static_cast<size_t>(std::count_if(workspace.objectives.begin(), workspace.objectives.end(),
                                             [&](const Objective& o) { return o.team == team && o.cycle == cycle; }));
}

}  // namespace

std::vector<ParentCandidate> parent_candidates(const Workspace& workspace, const Id& team, const Id& cycle,
                                               std::optional<Id> editing_objective)
{
    const std::vector<Id> enclosing = enclosing_teams(workspace, team);
    std::vector<ParentCandidate> candidates;
    for (const Objective& objective : workspace.objectives) {
        if (objective.cycle != cycle || objective.team == team)
            continue;
        if (editing_objective && within(workspace, objective, *editing_objective))
            continue;
        const Team* owner = find_by_id(workspace.teams, objective.team);
        candidates.push_back({objective.id, objective.title, objective.team, owner ? owner->name : objective.team,
                              levels_up(enclosing, objective.team)});
    }
    std::sort(candidates.begin(), candidates.end(), offered_before);
    return candidates;
}

// objective-count is about the team; it is the draft's concern when the draft's cycle is
// the one with too many (with too many in another live cycle too, that shows as well).
std::vector<Finding> findings_for_draft(const Workspace& workspace, const ObjectiveDraft& draft,
                                        std::optional<Id> existing, Date today)
{
    const auto drafted_state = with_draft<Objective>(workspace, draft, existing);
    if (!drafted_state)
        return {};
    const auto& [drafted_workspace, objective] = *drafted_state;
    const bool too_many = objectives_of(drafted_workspace, objective.team, objective.cycle) > 3;

    std::vector<Finding> findings;
    for (Finding& finding : coach_findings(drafted_workspace, today))
        if (about(finding, "objectives", objective.id) ||
            (too_many && finding.rule == "objective-count" && about(finding, "teams", objective.team)))
            findings.push_back(std::move(finding));
    return findings;
}

std::vector<Finding> findings_for_draft(const Workspace& workspace, const KeyResultDraft& draft,
                                        std::optional<Id> existing, Date today)
{
    const auto drafted_state = with_draft<KeyResult>(workspace, draft, existing);
    if (!drafted_state)
        return {};
    const auto& [drafted_workspace, key_result] = *drafted_state;

    std::vector<Finding> findings;
    for (Finding& finding : coach_findings(drafted_workspace, today))
        if (about(finding, "key_results", key_result.id) ||
            (finding.rule == "kr-count" && about(finding, "objectives", key_result.objective)))
            findings.push_back(std::move(finding));
    return findings;
}

}  // namespace okr
