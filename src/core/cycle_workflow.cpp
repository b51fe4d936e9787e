#include "core/cycle_workflow.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/progress.hpp"
#include "core/scoring.hpp"

namespace okr {
namespace {

constexpr size_t max_id_length = 64;

EditRefused refuse(std::string message)
{
    return EditRefused{std::move(message)};
}

std::vector<const Objective*> objectives_in(const Workspace& workspace, const Id& cycle)
{
    std::vector<const Objective*> result;
    for (const Objective& objective : workspace.objectives)
        if (objective.cycle == cycle)
            result.push_back(&objective);
    return result;
}

// ---- ids -----------------------------------------------------------------------------

uint32_t fnv1a(std::string_view text)
{
    uint32_t hash = 2166136261u;
    for (char c : text)
        hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return hash;
}

// Keeps an id within 64 characters; a long one keeps its start and gains a hash of the
// whole, so that two long ids with the same start stay apart.
Id fitted(const Id& id)
{
    if (id.size() <= max_id_length)
        return id;
    char hash[10];
    std::snprintf(hash, sizeof hash, ".%08x", static_cast<unsigned>(fnv1a(id)));
    return id.substr(0, max_id_length - 9) + hash;
}

// ---- carry forward ----------------------------------------------------------------------

// Hands out derived ids for one change set, remembering those already given.
class IdAllocator {
public:
    IdAllocator(const Workspace& workspace, Id cycle) : workspace_(workspace), cycle_(std::move(cycle)) {}

    Id operator()(const Id& source)
    {
        Id id = derived_id(workspace_, source, cycle_, given_);
        given_.push_back(id);
        return id;
    }

private:
    const Workspace& workspace_;
    Id cycle_;
    std::vector<Id> given_;
};

const Objective* carried_copy_in(const Workspace& workspace, const Id& source, const Id& cycle)
{
    for (const Objective& objective : workspace.objectives)
        if (objective.cycle == cycle && objective.carried_from == source)
            return &objective;
    return nullptr;
}

std::optional<std::string> carry_problem(const Workspace& workspace, const Id& source, const Cycle& target)
{
    const Objective* objective = find_by_id(workspace.objectives, source);
    if (!objective)
        return "there is no objective " + source;
    if (objective->cycle == target.id)
        return "'" + objective->title + "' is already in " + target.name;
    if (const Objective* copy = carried_copy_in(workspace, source, target.id))
        return "'" + objective->title + "' was already carried forward into " + target.name + " as " + copy->id;
    return std::nullopt;
}

struct CarryPlan {
    const Cycle& target;
    std::vector<std::pair<Id, Id>> copies;  // source objective id -> new id
};

std::optional<Id> carried_parent(const Workspace& workspace, const CarryPlan& plan, const Objective& source)
{
    if (!source.parent)
        return std::nullopt;
    for (const auto& [from, to] : plan.copies)
        if (from == *source.parent)
            return to;
    if (const Objective* copy = carried_copy_in(workspace, *source.parent, plan.target.id))
        return copy->id;

    const Objective* parent = find_by_id(workspace.objectives, *source.parent);
    const Cycle* parent_cycle = parent ? cycle_of(workspace, *parent) : nullptr;
    const bool overlaps =
        parent_cycle && parent_cycle->start <= plan.target.end && plan.target.start <= parent_cycle->end;
    return overlaps ? source.parent : std::nullopt;
}

KeyResult rebaselined(const Workspace& workspace, const KeyResult& source, const Id& objective, const Id& id,
                      const Cycle& target, const Timestamp& now)
{
    KeyResult copy = source;
    copy.id = id;
    copy.objective = objective;
    copy.deadline = target.end;
    copy.final_score.reset();
    copy.score_note.reset();
    copy.updated_at = now;
    // A milestone restarts at 0 of 1; a measured KR starts where the last cycle left it.
    if (source.direction != Direction::milestone)
        if (const auto latest = key_result_progress(workspace, source).current_value)
            copy.baseline = latest;
    return copy;
}

void carry_tasks(const Workspace& workspace, const Id& from, const Id& to, IdAllocator& new_id,
                 const Timestamp& now, ChangeSet& change_set)
{
    for (const Task* task : tasks_of(workspace, from)) {
        if (task->done)
            continue;
        Task copy = *task;
        copy.id = new_id(task->id);
        copy.key_result = to;
        copy.updated_at = now;
        change_set.changes.push_back({std::nullopt, std::move(copy)});
    }
}

void carry_objective(const Workspace& workspace, const CarryPlan& plan, const Objective& source, const Id& id,
                     IdAllocator& new_id, const Timestamp& now, ChangeSet& change_set)
{
    Objective copy = source;
    copy.id = id;
    copy.cycle = plan.target.id;
    copy.parent = carried_parent(workspace, plan, source);
    copy.carried_from = source.id;
    copy.updated_at = now;
    change_set.changes.push_back({std::nullopt, std::move(copy)});

    for (const KeyResult* key_result : key_results_of(workspace, source.id)) {
        KeyResult kr = rebaselined(workspace, *key_result, id, new_id(key_result->id), plan.target, now);
        const Id kr_id = kr.id;
        change_set.changes.push_back({std::nullopt, std::move(kr)});
        carry_tasks(workspace, key_result->id, kr_id, new_id, now, change_set);
    }
}

std::string plural(size_t count, const char* one, const char* many)
{
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

}  // namespace

Quarter quarter_of(Date date)
{
    return {date.year(), static_cast<int>((date.month() - 1) / 3 + 1)};
}

Quarter quarter_after(Quarter quarter)
{
    if (quarter.number == 4)
        return {quarter.year + 1, 1};
    return {quarter.year, quarter.number + 1};
}

Date first_day_of(Quarter quarter)
{
    return Date::from_civil(quarter.year, static_cast<unsigned>(quarter.number * 3 - 2), 1);
}

Date last_day_of(Quarter quarter)
{
    // The day before the next quarter starts: no table of month lengths to get wrong.
    return first_day_of(quarter_after(quarter)).plus_days(-1);
}

std::string name_of(Quarter quarter)
{
    return std::to_string(quarter.year) + " Q" + std::to_string(quarter.number);
}

CycleDraft next_quarter_draft(const Workspace& workspace, Date today)
{
    Quarter quarter = quarter_of(today);
    if (!workspace.cycles.empty()) {
        const auto latest = std::max_element(workspace.cycles.begin(), workspace.cycles.end(),
                                             [](const Cycle& a, const Cycle& b) { return a.end < b.end; });
        quarter = quarter_after(quarter_of(latest->end));
    }
    return {name_of(quarter), first_day_of(quarter).to_string(), last_day_of(quarter).to_string()};
}

Id new_cycle_id(const Workspace& workspace, const std::string& name)
{
    Id base = "c-";
    for (char c : name)
        if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80)
            base += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (base.size() == 2)
        base += "cycle";
    base = fitted(base);

    Id candidate = base;
    for (int n = 2; id_in_use(workspace, candidate); ++n)
        candidate = fitted(base + "-" + std::to_string(n));
    return candidate;
}

bool id_in_use(const Workspace& workspace, const Id& id)
{
    const auto in = [&](const auto& collection) { return find_by_id(collection, id) != nullptr; };
    return in(workspace.teams) || in(workspace.people) || in(workspace.cycles) || in(workspace.objectives) ||
           in(workspace.key_results) || in(workspace.check_ins) || in(workspace.kpis) || in(workspace.tasks) ||
           in(workspace.dependencies) || in(workspace.retrospectives) || in(workspace.deleted);
}

Id derived_id(const Workspace& workspace, const Id& source, const Id& cycle, const std::vector<Id>& also_taken)
{
    const Id base = source + "." + cycle;
    const auto taken = [&](const Id& id) {
        return id_in_use(workspace, id) || std::find(also_taken.begin(), also_taken.end(), id) != also_taken.end();
    };

    Id candidate = fitted(base);
    for (int n = 2; taken(candidate); ++n)
        candidate = fitted(base + "-" + std::to_string(n));
    return candidate;
}

EditResult activate_cycle(const Workspace& workspace, const Id& cycle_id, const Timestamp& now)
{
    const Cycle* cycle = find_by_id(workspace.cycles, cycle_id);
    if (!cycle)
        return refuse("there is no cycle " + cycle_id);
    if (cycle->state != CycleState::draft)
        return refuse(cycle->name + " is " + to_string(cycle->state) + ": only a draft cycle can be activated");
    if (cycle->end < cycle->start)
        return refuse(cycle->name + " ends before it starts: correct its dates first");

    Cycle after = *cycle;
    after.state = CycleState::active;
    after.updated_at = now;
    return replaced("Activate " + cycle->name, *cycle, std::move(after));
}

EditResult close_cycle(const Workspace& workspace, const Id& cycle_id, const Timestamp& now)
{
    const Cycle* cycle = find_by_id(workspace.cycles, cycle_id);
    if (!cycle)
        return refuse("there is no cycle " + cycle_id);
    if (cycle->state != CycleState::active)
        return refuse(cycle->name + " is " + to_string(cycle->state) + ": only an active cycle can be closed");

    ChangeSet change_set;
    size_t frozen = 0;
    size_t unscored = 0;
    for (const Objective* objective : objectives_in(workspace, cycle_id)) {
        for (const KeyResult* key_result : key_results_of(workspace, objective->id)) {
            if (key_result->final_score)
                continue;  // a person's grade stands
            const auto score = computed_final_score(workspace, *key_result);
            if (!score) {
                ++unscored;
                continue;
            }
            KeyResult after = *key_result;
            after.final_score = score;
            after.updated_at = now;
            change_set.changes.push_back({*key_result, std::move(after)});
            ++frozen;
        }
    }

    Cycle after = *cycle;
    after.state = CycleState::closed;
    after.updated_at = now;
    change_set.changes.push_back({*cycle, std::move(after)});

    change_set.summary = "Close " + cycle->name + ": " + plural(frozen, "final score", "final scores") + " frozen";
    if (unscored > 0)
        change_set.summary += ", " + plural(unscored, "KR", "KRs") + " without a score (not measurable)";
    return change_set;
}

EditResult override_final_score(const Workspace& workspace, const Id& key_result_id, double score,
                                const std::string& note, const Timestamp& now)
{
    const KeyResult* key_result = find_by_id(workspace.key_results, key_result_id);
    if (!key_result)
        return refuse("there is no key result " + key_result_id);
    if (!std::isfinite(score) || score < 0 || score > 1)
        return refuse("a score lies between 0 and 1");
    if (std::all_of(note.begin(), note.end(), [](unsigned char c) { return std::isspace(c); }))
        return refuse("grading is a judgement: write down why the score differs from the computed one");

    KeyResult after = *key_result;
    after.final_score = score;
    after.score_note = note;
    after.updated_at = now;
    return replaced("Grade '" + key_result->title + "'", *key_result, std::move(after));
}

EditResult carry_forward(const Workspace& workspace, const std::vector<Id>& objectives, const Id& target_id,
                         const Timestamp& now)
{
    const Cycle* target = find_by_id(workspace.cycles, target_id);
    if (!target)
        return refuse("there is no cycle " + target_id);
    if (target->state != CycleState::draft)
        return refuse(target->name + " is " + to_string(target->state) +
                      ": objectives are carried forward into a draft cycle");
    if (objectives.empty())
        return refuse("choose at least one objective to carry forward");

    CarryPlan plan{*target, {}};
    IdAllocator new_id(workspace, target_id);
    for (const Id& source : objectives) {
        if (auto problem = carry_problem(workspace, source, *target))
            return refuse(*problem);
        const bool chosen_twice = std::any_of(plan.copies.begin(), plan.copies.end(),
                                              [&](const auto& copy) { return copy.first == source; });
        if (!chosen_twice)
            plan.copies.emplace_back(source, new_id(source));
    }

    ChangeSet change_set;
    change_set.summary = "Carry " + plural(plan.copies.size(), "objective", "objectives") + " forward into " +
                         target->name;
    for (const auto& [source, id] : plan.copies)
        carry_objective(workspace, plan, *find_by_id(workspace.objectives, source), id, new_id, now, change_set);
    return change_set;
}

}  // namespace okr
