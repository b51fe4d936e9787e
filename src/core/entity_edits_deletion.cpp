// Deleting entities: what goes with each kind, what merely loses its link, and the
// tombstones that keep it all deleted (the rules are listed in entity_edits.hpp).

#include <array>
#include <set>
#include <utility>

#include "core/entity_edits.hpp"
#include "core/entity_edits_detail.hpp"

namespace okr {
namespace {

using entity_edits_detail::Kind;
using entity_edits_detail::label_of;

// ---- links to removed entities ---------------------------------------------------------------

// The ids removed, by the collections whose ids other entities refer to without belonging
// to them. Ids are unique within a collection only, so each is kept apart.
struct Gone {
    std::set<Id> teams, people, objectives, kpis;
};

Gone gone_of(const std::vector<AnyEntity>& removed)
{
    Gone gone;
    for (const AnyEntity& entity : removed)
        std::visit(
            [&](const auto& e) {
                using Entity = std::decay_t<decltype(e)>;
                if constexpr (std::is_same_v<Entity, Team>)
                    gone.teams.insert(e.id);
                else if constexpr (std::is_same_v<Entity, Person>)
                    gone.people.insert(e.id);
                else if constexpr (std::is_same_v<Entity, Objective>)
                    gone.objectives.insert(e.id);
                else if constexpr (std::is_same_v<Entity, Kpi>)
                    gone.kpis.insert(e.id);
            },
            entity);
    return gone;
}

bool clear_if_gone(std::optional<Id>& link, const std::set<Id>& gone)
{
    if (!link || !gone.contains(*link))
        return false;
    link.reset();
    return true;
}

bool drop_gone(std::optional<std::vector<Id>>& links, const std::set<Id>& gone)
{
    if (!links)
        return false;
    return std::erase_if(*links, [&](const Id& id) { return gone.contains(id); }) > 0;
}

// Each clears the entity's links to removed entities and says whether it had any.
bool strip_links(Team& team, const Gone& gone)
{
    return clear_if_gone(team.parent, gone.teams);
}

// Every link is cleared, not just the first found.
bool strip_links(Objective& objective, const Gone& gone)
{
    const bool owner = clear_if_gone(objective.owner, gone.people);
    const bool parent = clear_if_gone(objective.parent, gone.objectives);
    const bool carried_from = clear_if_gone(objective.carried_from, gone.objectives);
    const bool kpis = drop_gone(objective.kpis, gone.kpis);
    return owner || parent || carried_from || kpis;
}

bool strip_links(KeyResult& key_result, const Gone& gone)
{
    return clear_if_gone(key_result.owner, gone.people);
}

bool strip_links(Task& task, const Gone& gone)
{
    return clear_if_gone(task.owner, gone.people);
}

bool strip_links(Kpi& kpi, const Gone& gone)
{
    return clear_if_gone(kpi.team, gone.teams);
}

bool strip_links(Retrospective& retrospective, const Gone& gone)
{
    return drop_gone(retrospective.carry_forward, gone.objectives);
}

// Check-ins have no overload on purpose: they are immutable, so an author who is deleted
// stays named as written.
bool strip_links(AnyEntity& entity, const Gone& gone)
{
    return std::visit(
        [&](auto& e) {
            if constexpr (requires { strip_links(e, gone); })
                return strip_links(e, gone);
            else
                return false;
        },
        entity);
}

// ---- the plan --------------------------------------------------------------------------------

using EntityKey = std::pair<size_t, Id>;  // alternative of AnyEntity, id

EntityKey key_of(const AnyEntity& entity)
{
    return {entity.index(), id_of(entity)};
}

std::vector<EntityKey> keys_of(const std::vector<AnyEntity>& entities)
{
    std::vector<EntityKey> keys;
    for (const AnyEntity& entity : entities)
        keys.push_back(key_of(entity));
    return keys;
}

constexpr std::array<std::pair<const char*, const char*>, std::variant_size_v<AnyEntity>> nouns = {{
    {"team", "teams"},
    {"person", "people"},
    {"cycle", "cycles"},
    {"objective", "objectives"},
    {"key result", "key results"},
    {"check-in", "check-ins"},
    {"KPI", "KPIs"},
    {"task", "tasks"},
    {"dependency", "dependencies"},
    {"retrospective", "retrospectives"},
    {"deletion record", "deletion records"},
}};

std::string counted(size_t count, size_t alternative)
{
    return std::to_string(count) + " " + (count == 1 ? nouns[alternative].first : nouns[alternative].second);
}

// "a", "a and b", "a, b and c"
std::string listed(const std::vector<std::string>& parts)
{
    std::string text;
    for (size_t i = 0; i < parts.size(); ++i)
        text += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return text;
}

// "2 objectives and 1 task", by collection in the file's order.
std::string counts_of(const std::vector<AnyEntity>& entities, size_t skip_first)
{
    std::array<size_t, std::variant_size_v<AnyEntity>> per_collection{};
    for (size_t i = skip_first; i < entities.size(); ++i)
        ++per_collection[entities[i].index()];

    std::vector<std::string> parts;
    for (size_t alternative = 0; alternative < per_collection.size(); ++alternative)
        if (per_collection[alternative] > 0)
            parts.push_back(counted(per_collection[alternative], alternative));
    return listed(parts);
}

// "the objective 'X' with its 3 key results and 17 check-ins; 1 objective loses its link to it"
std::string what_goes(const DeletionPlan& plan)
{
    const AnyEntity& target = plan.removed.front();
    std::string text = "the " + std::string(nouns[target.index()].first) + " '" + label_of(target) + "'";

    std::string with = counts_of(plan.removed, 1);
    if (const Kpi* kpi = std::get_if<Kpi>(&target); kpi && kpi->readings && !kpi->readings->empty()) {
        const size_t readings = kpi->readings->size();
        with = std::to_string(readings) + (readings == 1 ? " reading" : " readings");
    }
    if (!with.empty())
        text += " with its " + with;

    if (!plan.unlinked.empty())
        text += "; " + counts_of(plan.unlinked, 0) + (plan.unlinked.size() == 1 ? " loses its" : " lose their") +
                " link to it";
    return text;
}

class PlanBuilder {
public:
    PlanBuilder(const Workspace& workspace, EntityKind kind, const Id& id) : workspace_(workspace)
    {
        plan_.kind = kind;
        plan_.id = id;
    }

    DeletionPlan build();

private:
    template <typename Entity>
    const Entity* find(const Id& id) const { return find_by_id(Kind<Entity>::of(workspace_), id); }

    void remove(AnyEntity entity) { plan_.removed.push_back(std::move(entity)); }
    bool is_removed(const AnyEntity& entity) const;
    void refuse(std::string reason) { plan_.refusal = std::move(reason); }
    void refuse_missing(std::string_view noun);

    void plan_objective(const Objective& objective);
    void plan_key_result(const KeyResult& key_result);
    void plan_dependencies_touching(const Id& id);
    void plan_team(const Team& team);
    void plan_cycle(const Cycle& cycle);
    void refuse_while_holding(const std::string& label, const std::vector<AnyEntity>& held);

    template <typename Entity>
    void plan_alone(const Id& id);
    void find_unlinked();
    template <typename Entity>
    void find_unlinked_in(const Gone& gone);

    const Workspace& workspace_;
    DeletionPlan plan_;
};

DeletionPlan PlanBuilder::build()
{
    switch (plan_.kind) {
    case EntityKind::objective:
        if (const Objective* objective = find<Objective>(plan_.id))
            plan_objective(*objective);
        else
            refuse_missing("objective");
        break;
    case EntityKind::key_result:
        if (const KeyResult* key_result = find<KeyResult>(plan_.id))
            plan_key_result(*key_result);
        else
            refuse_missing("key result");
        break;
    case EntityKind::team:
        if (const Team* team = find<Team>(plan_.id))
            plan_team(*team);
        else
            refuse_missing("team");
        break;
    case EntityKind::cycle:
        if (const Cycle* cycle = find<Cycle>(plan_.id))
            plan_cycle(*cycle);
        else
            refuse_missing("cycle");
        break;
    case EntityKind::check_in:
        refuse("Check-ins are immutable: record a correction of the reading instead (it replaces it in progress, "
               "and both stay in the history). Check-ins go only with their key result.");
        break;
    case EntityKind::person: plan_alone<Person>(plan_.id); break;
    case EntityKind::kpi: plan_alone<Kpi>(plan_.id); break;
    case EntityKind::task: plan_alone<Task>(plan_.id); break;
    case EntityKind::dependency: plan_alone<Dependency>(plan_.id); break;
    case EntityKind::retrospective: plan_alone<Retrospective>(plan_.id); break;
    }

    if (plan_.allowed())
        find_unlinked();
    plan_.summary = plan_.allowed() ? "Deletes " + what_goes(plan_) : plan_.refusal;
    return std::move(plan_);
}

bool PlanBuilder::is_removed(const AnyEntity& entity) const
{
    const EntityKey key = key_of(entity);
    return std::any_of(plan_.removed.begin(), plan_.removed.end(),
                       [&](const AnyEntity& removed) { return key_of(removed) == key; });
}

void PlanBuilder::refuse_missing(std::string_view noun)
{
    refuse("There is no " + std::string(noun) + " \"" + plan_.id + "\" to delete.");
}

void PlanBuilder::plan_objective(const Objective& objective)
{
    remove(objective);
    for (const KeyResult& key_result : workspace_.key_results)
        if (key_result.objective == objective.id)
            plan_key_result(key_result);
    plan_dependencies_touching(objective.id);
}

void PlanBuilder::plan_key_result(const KeyResult& key_result)
{
    remove(key_result);
    for (const CheckIn& check_in : workspace_.check_ins)
        if (check_in.key_result == key_result.id)
            remove(check_in);
    for (const Task& task : workspace_.tasks)
        if (task.key_result == key_result.id)
            remove(task);
    plan_dependencies_touching(key_result.id);
}

// A dependency between two removed entities is met twice; it is removed once.
void PlanBuilder::plan_dependencies_touching(const Id& id)
{
    for (const Dependency& dependency : workspace_.dependencies)
        if ((dependency.from == id || dependency.to == id) && !is_removed(dependency))
            remove(dependency);
}

void PlanBuilder::plan_team(const Team& team)
{
    std::vector<AnyEntity> held;
    for (const Team& child : workspace_.teams)
        if (child.parent == team.id)
            held.push_back(child);
    for (const Objective& objective : workspace_.objectives)
        if (objective.team == team.id)
            held.push_back(objective);
    for (const Retrospective& retrospective : workspace_.retrospectives)
        if (retrospective.team == team.id)
            held.push_back(retrospective);
    refuse_while_holding(team.name, held);
    remove(team);
}

void PlanBuilder::plan_cycle(const Cycle& cycle)
{
    std::vector<AnyEntity> held;
    for (const Objective& objective : workspace_.objectives)
        if (objective.cycle == cycle.id)
            held.push_back(objective);
    for (const Retrospective& retrospective : workspace_.retrospectives)
        if (retrospective.cycle == cycle.id)
            held.push_back(retrospective);
    refuse_while_holding(cycle.name, held);
    remove(cycle);
}

// What a team or cycle holds is its history; deleting it in passing would be a silent loss.
void PlanBuilder::refuse_while_holding(const std::string& label, const std::vector<AnyEntity>& held)
{
    if (!held.empty())
        refuse("'" + label + "' still holds " + counts_of(held, 0) + ": move or delete them first.");
}

template <typename Entity>
void PlanBuilder::plan_alone(const Id& id)
{
    if (const Entity* entity = find<Entity>(id))
        remove(*entity);
    else
        refuse_missing(Kind<Entity>::noun);
}

void PlanBuilder::find_unlinked()
{
    const Gone gone = gone_of(plan_.removed);
    find_unlinked_in<Team>(gone);
    find_unlinked_in<Objective>(gone);
    find_unlinked_in<KeyResult>(gone);
    find_unlinked_in<Kpi>(gone);
    find_unlinked_in<Task>(gone);
    find_unlinked_in<Retrospective>(gone);
}

template <typename Entity>
void PlanBuilder::find_unlinked_in(const Gone& gone)
{
    for (const Entity& entity : Kind<Entity>::of(workspace_)) {
        Entity copy = entity;
        if (strip_links(copy, gone) && !is_removed(entity))
            plan_.unlinked.push_back(entity);
    }
}

// ---- performing it ---------------------------------------------------------------------------

Tombstone tombstone_for(const AnyEntity& entity, const Timestamp& now)
{
    Tombstone tombstone;
    tombstone.id = id_of(entity);
    tombstone.deleted_at = now;
    return tombstone;
}

void stamp(AnyEntity& entity, const Timestamp& now)
{
    std::visit(
        [&](auto& e) {
            if constexpr (requires { e.updated_at; })
                e.updated_at = now;
        },
        entity);
}

// One tombstone per id, replacing an older one left when the id was deleted before.
void add_tombstones(const Workspace& workspace, const std::vector<AnyEntity>& removed, const Timestamp& now,
                    ChangeSet& change_set)
{
    std::set<Id> done;
    for (const AnyEntity& entity : removed) {
        if (!done.insert(id_of(entity)).second)
            continue;
        std::optional<AnyEntity> earlier;
        if (const Tombstone* found = find_by_id(workspace.deleted, id_of(entity)))
            earlier = *found;
        change_set.changes.push_back({std::move(earlier), tombstone_for(entity, now)});
    }
}

}  // namespace

DeletionPlan plan_deletion(const Workspace& workspace, EntityKind kind, const Id& id)
{
    return PlanBuilder(workspace, kind, id).build();
}

EditResult delete_entity(const Workspace& workspace, const DeletionPlan& plan, Timestamp now)
{
    const DeletionPlan current = plan_deletion(workspace, plan.kind, plan.id);
    if (!current.allowed())
        return EditRefused{current.refusal};
    if (keys_of(current.removed) != keys_of(plan.removed) || keys_of(current.unlinked) != keys_of(plan.unlinked))
        return EditRefused{"The workspace changed since this deletion was planned: review it again."};

    ChangeSet change_set;
    change_set.summary = "Delete " + what_goes(current);
    for (const AnyEntity& entity : current.removed)
        change_set.changes.push_back({entity, std::nullopt});

    const Gone gone = gone_of(current.removed);
    for (const AnyEntity& entity : current.unlinked) {
        AnyEntity after = entity;
        strip_links(after, gone);
        stamp(after, now);
        change_set.changes.push_back({entity, std::move(after)});
    }

    add_tombstones(workspace, current.removed, now, change_set);
    return change_set;
}

}  // namespace okr
