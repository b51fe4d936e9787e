#include "core/team_part.hpp"

#include <set>

namespace okr {
namespace {

// The ids the part holds, collection by collection.
struct Chosen {
    std::set<Id> teams, people, cycles, objectives, key_results, check_ins, kpis, tasks, dependencies,
        retrospectives;
};

// The entity with `id` the first time it is asked for; null when it is taken already or the
// workspace does not hold it (a dangling reference stays as written, as in the workspace).
template <typename Entity>
const Entity* first_time(const std::vector<Entity>& collection, std::set<Id>& taken, const Id& id)
{
    const Entity* entity = find_by_id(collection, id);
    return entity && taken.insert(id).second ? entity : nullptr;
}

// Takes entities into the part with everything they name, and what that names in turn, so
// that every reference of the part resolves within it (the importer's references, see
// import_links.cpp). Taking each entity once also ends reference loops: the importer
// refuses parent loops, but not a loop of carried_from links.
class Closure {
public:
    explicit Closure(const Workspace& workspace) : w_(workspace) {}

    void take_team(const Id& id)
    {
        if (const Team* team = first_time(w_.teams, chosen_.teams, id))
            take_team(team->parent);
    }

    void take_cycle(const Id& id) { first_time(w_.cycles, chosen_.cycles, id); }

    void take_objective(const Id& id)
    {
        const Objective* objective = first_time(w_.objectives, chosen_.objectives, id);
        if (!objective)
            return;
        take_cycle(objective->cycle);
        take_team(objective->team);
        take_person(objective->owner);
        take_objective(objective->parent);
        take_objective(objective->carried_from);
        take_kpis(objective->kpis);
    }

    void take_key_result(const Id& id)
    {
        if (const KeyResult* key_result = first_time(w_.key_results, chosen_.key_results, id)) {
            take_objective(key_result->objective);
            take_person(key_result->owner);
        }
    }

    void take_check_in(const Id& id)
    {
        if (const CheckIn* check_in = first_time(w_.check_ins, chosen_.check_ins, id)) {
            take_key_result(check_in->key_result);
            take_person(check_in->author);
            take_check_in(check_in->corrects);
        }
    }

    void take_task(const Id& id)
    {
        if (const Task* task = first_time(w_.tasks, chosen_.tasks, id)) {
            take_key_result(task->key_result);
            take_person(task->owner);
        }
    }

    void take_kpi(const Id& id)
    {
        if (const Kpi* kpi = first_time(w_.kpis, chosen_.kpis, id))
            take_team(kpi->team);
    }

    void take_dependency(const Id& id)
    {
        if (const Dependency* dependency = first_time(w_.dependencies, chosen_.dependencies, id)) {
            take_dependency_end(dependency->from);
            take_dependency_end(dependency->to);
        }
    }

    void take_retrospective(const Id& id)
    {
        if (const Retrospective* retrospective = first_time(w_.retrospectives, chosen_.retrospectives, id)) {
            take_cycle(retrospective->cycle);
            take_team(retrospective->team);
            take_objectives(retrospective->carry_forward);
        }
    }

    const Chosen& chosen() const { return chosen_; }

private:
    void take_team(const std::optional<Id>& id)
    {
        if (id)
            take_team(*id);
    }

    void take_person(const std::optional<Id>& id)
    {
        if (id)
            first_time(w_.people, chosen_.people, *id);
    }

    void take_objective(const std::optional<Id>& id)
    {
        if (id)
            take_objective(*id);
    }

    void take_check_in(const std::optional<Id>& id)
    {
        if (id)
            take_check_in(*id);
    }

    void take_kpis(const std::optional<std::vector<Id>>& ids)
    {
        if (ids)
            for (const Id& id : *ids)
                take_kpi(id);
    }

    void take_objectives(const std::optional<std::vector<Id>>& ids)
    {
        if (ids)
            for (const Id& id : *ids)
                take_objective(id);
    }

    // An objective or a key result; the collection that holds the id says which.
    void take_dependency_end(const Id& id)
    {
        take_objective(id);
        take_key_result(id);
    }

    const Workspace& w_;
    Chosen chosen_;
};

// ---- the team's own entities ---------------------------------------------------------------

// Picks what is the team's own (in the cycle asked for) and hands each to the closure, which
// adds what it refers to. Own objectives and key results are remembered: they decide which
// key results, check-ins, tasks and dependencies belong to the team.
class OwnPart {
public:
    OwnPart(const Workspace& workspace, const Id& team, const TeamPartOptions& options)
        : w_(workspace), team_(team), options_(options), closure_(workspace)
    {
    }

    const Chosen& take()
    {
        closure_.take_team(team_);
        if (options_.cycle)
            closure_.take_cycle(*options_.cycle);  // even with no objective in it yet, to plan in
        take_objectives_and_key_results();
        take_work_on_key_results();
        take_kpis_and_retrospectives();
        take_dependencies();
        return closure_.chosen();
    }

private:
    bool in_cycle(const Id& cycle) const { return !options_.cycle || cycle == *options_.cycle; }

    void take_objectives_and_key_results()
    {
        for (const Objective& objective : w_.objectives)
            if (objective.team == team_ && in_cycle(objective.cycle)) {
                objectives_.insert(objective.id);
                closure_.take_objective(objective.id);
            }
        for (const KeyResult& key_result : w_.key_results)
            if (objectives_.contains(key_result.objective)) {
                key_results_.insert(key_result.id);
                closure_.take_key_result(key_result.id);
            }
    }

    void take_work_on_key_results()
    {
        for (const CheckIn& check_in : w_.check_ins)
            if (key_results_.contains(check_in.key_result))
                closure_.take_check_in(check_in.id);
        for (const Task& task : w_.tasks)
            if (key_results_.contains(task.key_result))
                closure_.take_task(task.id);
    }

    // The KPIs the team owns; those its objectives name came with the objectives.
    void take_kpis_and_retrospectives()
    {
        for (const Kpi& kpi : w_.kpis)
            if (kpi.team == team_)
                closure_.take_kpi(kpi.id);
        for (const Retrospective& retrospective : w_.retrospectives)
            if (retrospective.team == team_ && in_cycle(retrospective.cycle))
                closure_.take_retrospective(retrospective.id);
    }

    void take_dependencies()
    {
        const auto own = [&](const Id& id) { return objectives_.contains(id) || key_results_.contains(id); };
        for (const Dependency& dependency : w_.dependencies)
            if (own(dependency.from) || own(dependency.to))
                closure_.take_dependency(dependency.id);
    }

    const Workspace& w_;
    const Id& team_;
    const TeamPartOptions& options_;
    Closure closure_;
    std::set<Id> objectives_;
    std::set<Id> key_results_;
};

// ---- the part as a workspace ---------------------------------------------------------------

// The chosen entities in the workspace's order, which is by id.
template <typename Entity>
std::vector<Entity> kept(const std::vector<Entity>& collection, const std::set<Id>& ids)
{
    std::vector<Entity> out;
    out.reserve(ids.size());
    for (const Entity& entity : collection)
        if (ids.contains(entity.id))
            out.push_back(entity);
    return out;
}

Workspace assembled(const Workspace& workspace, const Chosen& chosen)
{
    // The header whole: the merge takes the part for the same workspace, and on merging back
    // finds both headers equal and keeps the workspace's.
    Workspace part;
    part.version = workspace.version;
    part.info = workspace.info;
    part.preserved = workspace.preserved;

    part.teams = kept(workspace.teams, chosen.teams);
    part.people = kept(workspace.people, chosen.people);
    part.cycles = kept(workspace.cycles, chosen.cycles);
    part.objectives = kept(workspace.objectives, chosen.objectives);
    part.key_results = kept(workspace.key_results, chosen.key_results);
    part.check_ins = kept(workspace.check_ins, chosen.check_ins);
    part.kpis = kept(workspace.kpis, chosen.kpis);
    part.tasks = kept(workspace.tasks, chosen.tasks);
    part.dependencies = kept(workspace.dependencies, chosen.dependencies);
    part.retrospectives = kept(workspace.retrospectives, chosen.retrospectives);

    // Every tombstone, unchanged. A tombstone holds an id and a time only, so whose entity
    // it deleted can no longer be told, and leaving out the team's own would let a stale
    // copy bring a deleted task or objective back into the team file. Another team's
    // tombstone does no harm: merged back, the tombstones united are the workspace's own,
    // so nothing more is deleted; merged elsewhere, it deletes only what the workspace had
    // deleted already, and whatever was re-created or edited since is later and stays.
    // Nothing the part leaves out gets a tombstone: absent from a team file means "not
    // shared", never "deleted", so merging back removes nothing of other teams.
    part.deleted = workspace.deleted;
    return part;
}

// ---- asking for what is not there ----------------------------------------------------------

// "no team "t-x" in this workspace; its teams are t-a, t-b"
TeamPartError unknown(TeamPartError::Kind kind, const Id& id, const std::vector<std::string_view>& ids)
{
    std::vector<Id> known(ids.begin(), ids.end());
    const std::string noun = kind == TeamPartError::Kind::unknown_team ? "team" : "cycle";
    std::string message = "no " + noun + " \"" + id + "\" in this workspace; ";
    if (known.empty())
        message += "it has no " + noun + "s";
    else
        message += "its " + noun + "s are ";
    for (std::size_t i = 0; i < known.size(); ++i)
        message += (i == 0 ? "" : ", ") + known[i];
    return {kind, id, std::move(known), std::move(message)};
}

}  // namespace

TeamPartResult team_part(const Workspace& workspace, const Id& team, const TeamPartOptions& options)
{
    if (!find_by_id(workspace.teams, team))
        return unknown(TeamPartError::Kind::unknown_team, team, ids_of(workspace.teams));
    if (options.cycle && !find_by_id(workspace.cycles, *options.cycle))
        return unknown(TeamPartError::Kind::unknown_cycle, *options.cycle, ids_of(workspace.cycles));

    OwnPart own(workspace, team, options);
    return assembled(workspace, own.take());
}

}  // namespace okr
