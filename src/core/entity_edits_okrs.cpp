// Saving the OKR kinds: objectives, key results, tasks, dependencies and retrospectives.

#include <algorithm>

#include "core/entity_edits.hpp"
#include "core/entity_edits_detail.hpp"

namespace okr {
namespace entity_edits_detail {
namespace {

// An optional enum of the file: one of `known`, or what the entity already held (an
// unknown value a newer writer wrote is kept as written, see docs/file-format.md).
void check_choice(FieldChecks& checks, std::string_view field, const std::string& value,
                  const std::optional<std::string>& before, std::initializer_list<std::string_view> known)
{
    if (value.empty() || value == before || std::find(known.begin(), known.end(), value) != known.end())
        return;
    std::string allowed;
    for (const std::string_view option : known)
        allowed += (allowed.empty() ? "" : ", ") + std::string(option);
    checks.problem(std::string(field), "Choose one of " + allowed + ".");
}

bool holds_objective_or_kr(const Workspace& workspace, const Id& id)
{
    return find_by_id(workspace.objectives, id) || find_by_id(workspace.key_results, id);
}

void check_end(FieldChecks& checks, std::string_view field, const Id& id, const std::optional<Id>& before)
{
    if (id.empty())
        checks.problem(std::string(field), "Choose an objective or a key result.");
    else if (id != before && !holds_objective_or_kr(checks.workspace(), id))
        checks.problem(std::string(field), "There is no objective or key result \"" + id + "\".");
}

const Dependency* same_link(const Workspace& workspace, const Dependency& dependency)
{
    for (const Dependency& other : workspace.dependencies)
        if (other.id != dependency.id && other.from == dependency.from && other.to == dependency.to)
            return &other;
    return nullptr;
}

const Retrospective* retrospective_for(const Workspace& workspace, const Retrospective& retrospective)
{
    for (const Retrospective& other : workspace.retrospectives)
        if (other.id != retrospective.id && other.team == retrospective.team && other.cycle == retrospective.cycle)
            return &other;
    return nullptr;
}

// The cycle rule applies when the cycle is chosen, so that an imported retrospective of a
// cycle that is not closed can still be edited.
void check_retrospective_cycle(FieldChecks& checks, const Retrospective& after, const Retrospective* before)
{
    const Cycle* cycle = find_by_id(checks.workspace().cycles, after.cycle);
    const bool newly_chosen = !before || before->cycle != after.cycle;
    if (cycle && newly_chosen && cycle->state != CycleState::closed)
        checks.problem("cycle", "A retrospective looks back on a closed cycle; " + cycle->name + " is " +
                                    to_string(cycle->state) + ".");
}

void check_carried_objectives(FieldChecks& checks, const Retrospective& after, const Retrospective* before)
{
    if (!after.carry_forward)
        return;
    for (size_t i = 0; i < after.carry_forward->size(); ++i) {
        const Id& id = (*after.carry_forward)[i];
        const bool listed_before = before && before->carry_forward &&
                                   std::count(before->carry_forward->begin(), before->carry_forward->end(), id);
        const Objective* objective = find_by_id(checks.workspace().objectives, id);
        if (listed_before || !objective)
            continue;  // an unknown id is reported by the reference check
        if (objective->team != after.team || objective->cycle != after.cycle)
            checks.problem("carry_forward/" + std::to_string(i),
                           "'" + objective->title + "' is not an objective of this team in this cycle.");
    }
}

}  // namespace

void fill(Objective& after, const Objective* before, const ObjectiveDraft& draft, FieldChecks& checks)
{
    after.cycle = draft.cycle;
    after.team = draft.team;
    after.title = draft.title;
    after.description = optional_text(draft.description, was(before, &Objective::description));
    after.owner = draft.owner;
    after.parent = draft.parent;
    after.commitment = optional_text(draft.commitment, was(before, &Objective::commitment));
    after.perspective = optional_text(draft.perspective, was(before, &Objective::perspective));
    after.kpis = optional_list(draft.kpis, was(before, &Objective::kpis));

    checks.required_reference<Cycle>("cycle", after.cycle, was(before, &Objective::cycle));
    checks.required_reference<Team>("team", after.team, was(before, &Objective::team));
    checks.required_text("title", after.title);
    checks.optional_text("description", draft.description);
    checks.reference<Person>("owner", after.owner, was(before, &Objective::owner));
    checks.reference<Objective>("parent", after.parent, was(before, &Objective::parent));
    if (after.parent && would_loop(checks.workspace().objectives, after.id, after.parent))
        checks.problem("parent", "\"" + *after.parent + "\" is aligned below this objective (or is this objective): "
                                                        "choose one above it, so that alignment does not loop.");
    check_choice(checks, "commitment", draft.commitment, was(before, &Objective::commitment),
                 {"aspirational", "committed"});
    check_choice(checks, "perspective", draft.perspective, was(before, &Objective::perspective),
                 {"financial", "customer", "internal", "learning"});
    checks.references<Kpi>("kpis", draft.kpis, was(before, &Objective::kpis));
}

// Direction against baseline and target, and the deadline against the cycle, are the
// coach's to say (kr-invalid-range, kr-deadline-outside): they never block saving.
void fill(KeyResult& after, const KeyResult* before, const KeyResultDraft& draft, FieldChecks& checks)
{
    after.objective = draft.objective;
    after.title = draft.title;
    after.direction = draft.direction;
    after.unit = optional_text(draft.unit, was(before, &KeyResult::unit));
    after.baseline = draft.baseline;
    after.target = draft.target;
    after.deadline = checks.date("deadline", draft.deadline, false);
    after.weight = draft.weight;
    after.owner = draft.owner;

    checks.required_reference<Objective>("objective", after.objective,
                                         was(before, &KeyResult::objective));
    checks.required_text("title", after.title);
    checks.optional_text("unit", draft.unit);
    checks.finite("baseline", after.baseline);
    checks.finite("target", after.target);
    checks.non_negative("weight", after.weight);
    checks.reference<Person>("owner", after.owner, was(before, &KeyResult::owner));
}

void fill(Task& after, const Task* before, const TaskDraft& draft, FieldChecks& checks)
{
    after.key_result = draft.key_result;
    after.title = draft.title;
    after.done = draft.done;
    after.owner = draft.owner;

    checks.required_reference<KeyResult>("key_result", after.key_result,
                                         was(before, &Task::key_result));
    checks.required_text("title", after.title);
    checks.reference<Person>("owner", after.owner, was(before, &Task::owner));
}

void fill(Dependency& after, const Dependency* before, const DependencyDraft& draft, FieldChecks& checks)
{
    after.from = draft.from;
    after.to = draft.to;
    after.note = optional_text(draft.note, was(before, &Dependency::note));

    check_end(checks, "from", after.from, was(before, &Dependency::from));
    check_end(checks, "to", after.to, was(before, &Dependency::to));
    checks.optional_text("note", draft.note);
    if (!after.from.empty() && after.from == after.to)
        checks.problem("to", "A dependency links two different objectives or key results.");
    else if (const Dependency* other = same_link(checks.workspace(), after))
        checks.problem("to", "This dependency is already recorded (" + other->id + ").");
}

void fill(Retrospective& after, const Retrospective* before, const RetrospectiveDraft& draft,
          FieldChecks& checks)
{
    after.cycle = draft.cycle;
    after.team = draft.team;
    after.learned = optional_text(draft.learned, was(before, &Retrospective::learned));
    after.change_next = optional_text(draft.change_next, was(before, &Retrospective::change_next));
    after.carry_forward = optional_list(draft.carry_forward, was(before, &Retrospective::carry_forward));

    checks.required_reference<Cycle>("cycle", after.cycle, was(before, &Retrospective::cycle));
    checks.required_reference<Team>("team", after.team, was(before, &Retrospective::team));
    checks.optional_text("learned", draft.learned);
    checks.optional_text("change_next", draft.change_next);
    checks.references<Objective>("carry_forward", draft.carry_forward, was(before, &Retrospective::carry_forward));
    check_retrospective_cycle(checks, after, before);
    check_carried_objectives(checks, after, before);
    if (const Retrospective* other = retrospective_for(checks.workspace(), after))
        checks.problem("team", "This team already has a retrospective of this cycle (" + other->id +
                                   "): edit that one.");
}

}  // namespace entity_edits_detail

using entity_edits_detail::save;

ObjectiveDraft draft_from(const Objective& o)
{
    return {o.cycle,
            o.team,
            o.title,
            o.description.value_or(""),
            o.owner,
            o.parent,
            o.commitment.value_or(""),
            o.perspective.value_or(""),
            o.kpis.value_or(std::vector<Id>{})};
}

KeyResultDraft draft_from(const KeyResult& kr)
{
    return {kr.objective, kr.title,  kr.direction,
            kr.unit.value_or(""), kr.baseline, kr.target,
            kr.deadline ? kr.deadline->to_string() : "", kr.weight, kr.owner};
}

TaskDraft draft_from(const Task& task)
{
    return {task.key_result, task.title, task.done, task.owner};
}

DependencyDraft draft_from(const Dependency& dependency)
{
    return {dependency.from, dependency.to, dependency.note.value_or("")};
}

RetrospectiveDraft draft_from(const Retrospective& r)
{
    return {r.cycle, r.team, r.learned.value_or(""), r.change_next.value_or(""),
            r.carry_forward.value_or(std::vector<Id>{})};
}

EditResult save_objective(const Workspace& workspace, const ObjectiveDraft& draft, std::optional<Id> existing,
                          Id new_id, Timestamp now)
{
    return save<Objective>(workspace, draft, existing, std::move(new_id), std::move(now));
}

EditResult save_key_result(const Workspace& workspace, const KeyResultDraft& draft, std::optional<Id> existing,
                           Id new_id, Timestamp now)
{
    return save<KeyResult>(workspace, draft, existing, std::move(new_id), std::move(now));
}

EditResult save_task(const Workspace& workspace, const TaskDraft& draft, std::optional<Id> existing, Id new_id,
                     Timestamp now)
{
    return save<Task>(workspace, draft, existing, std::move(new_id), std::move(now));
}

EditResult save_dependency(const Workspace& workspace, const DependencyDraft& draft, std::optional<Id> existing,
                           Id new_id, Timestamp now)
{
    return save<Dependency>(workspace, draft, existing, std::move(new_id), std::move(now));
}

EditResult save_retrospective(const Workspace& workspace, const RetrospectiveDraft& draft,
                              std::optional<Id> existing, Id new_id, Timestamp now)
{
    return save<Retrospective>(workspace, draft, existing, std::move(new_id), std::move(now));
}

}  // namespace okr
