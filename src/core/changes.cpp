#include "core/changes.hpp"

namespace okr {
namespace {

template <typename Entity>
std::vector<Entity>& collection_for(Workspace& w);
template <> std::vector<Team>& collection_for(Workspace& w) { return w.teams; }
template <> std::vector<Person>& collection_for(Workspace& w) { return w.people; }
template <> std::vector<Cycle>& collection_for(Workspace& w) { return w.cycles; }
template <> std::vector<Objective>& collection_for(Workspace& w) { return w.objectives; }
template <> std::vector<KeyResult>& collection_for(Workspace& w) { return w.key_results; }
template <> std::vector<CheckIn>& collection_for(Workspace& w) { return w.check_ins; }
template <> std::vector<Kpi>& collection_for(Workspace& w) { return w.kpis; }
template <> std::vector<Task>& collection_for(Workspace& w) { return w.tasks; }
template <> std::vector<Dependency>& collection_for(Workspace& w) { return w.dependencies; }
template <> std::vector<Retrospective>& collection_for(Workspace& w) { return w.retrospectives; }
template <> std::vector<Tombstone>& collection_for(Workspace& w) { return w.deleted; }

void put(Workspace& workspace, const AnyEntity& entity)
{
    std::visit([&](const auto& e) { upsert_by_id(collection_for<std::decay_t<decltype(e)>>(workspace), e); },
               entity);
}

void erase(Workspace& workspace, const AnyEntity& entity)
{
    std::visit(
        [&](const auto& e) {
            auto& collection = collection_for<std::decay_t<decltype(e)>>(workspace);
            if (auto* found = find_by_id(collection, e.id))
                collection.erase(collection.begin() + (found - collection.data()));
        },
        entity);
}

// Moves the workspace from one side of a change to the other.
void transition(Workspace& workspace, const std::optional<AnyEntity>& from, const std::optional<AnyEntity>& to)
{
    if (to)
        put(workspace, *to);
    else if (from)
        erase(workspace, *from);
}

}  // namespace

const Id& id_of(const AnyEntity& entity)
{
    return std::visit([](const auto& e) -> const Id& { return e.id; }, entity);
}

const char* collection_of(const AnyEntity& entity)
{
    static constexpr const char* names[] = {"teams",  "people", "cycles",       "objectives",     "key_results", "check_ins",
                                            "kpis",   "tasks",  "dependencies", "retrospectives", "deleted"};
    return names[entity.index()];
}

void apply(Workspace& workspace, const ChangeSet& change_set)
{
    for (const Change& change : change_set.changes)
        transition(workspace, change.before, change.after);
}

void revert(Workspace& workspace, const ChangeSet& change_set)
{
    for (auto it = change_set.changes.rbegin(); it != change_set.changes.rend(); ++it)
        transition(workspace, it->after, it->before);
}

ChangeSet added(std::string summary, AnyEntity entity)
{
    return {std::move(summary), {Change{std::nullopt, std::move(entity)}}};
}

ChangeSet replaced(std::string summary, AnyEntity before, AnyEntity after)
{
    return {std::move(summary), {Change{std::move(before), std::move(after)}}};
}

ChangeSet removed(std::string summary, AnyEntity entity)
{
    return {std::move(summary), {Change{std::move(entity), std::nullopt}}};
}

}  // namespace okr
