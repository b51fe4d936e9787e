#include "core/difference.hpp"

#include <algorithm>
#include <span>

#include "core/export.hpp"

namespace okr {
namespace {

template <typename Entity>
bool same_content(const Entity& a, const Entity& b)
{
    return to_json(AnyEntity(a)) == to_json(AnyEntity(b));
}

// A merge-join of the two sorted collections.
template <typename Entity>
void add_differences(const std::vector<Entity>& from_in, const std::vector<Entity>& to_in, ChangeSet& out)
{
    std::vector<Entity> from_copy, to_copy;
    const std::span<const Entity> from = in_id_order(from_in, from_copy);
    const std::span<const Entity> to = in_id_order(to_in, to_copy);

    auto f = from.begin();
    auto t = to.begin();
    while (f != from.end() || t != to.end()) {
        if (t == to.end() || (f != from.end() && f->id < t->id)) {
            out.changes.push_back({AnyEntity(*f++), std::nullopt});
        } else if (f == from.end() || t->id < f->id) {
            out.changes.push_back({std::nullopt, AnyEntity(*t++)});
        } else {
            if (!same_content(*f, *t))
                out.changes.push_back({AnyEntity(*f), AnyEntity(*t)});
            ++f;
            ++t;
        }
    }
}

}  // namespace

ChangeSet difference(const Workspace& from, const Workspace& to, std::string summary)
{
    ChangeSet result{std::move(summary), {}};
    add_differences(from.teams, to.teams, result);
    add_differences(from.people, to.people, result);
    add_differences(from.cycles, to.cycles, result);
    add_differences(from.objectives, to.objectives, result);
    add_differences(from.key_results, to.key_results, result);
    add_differences(from.check_ins, to.check_ins, result);
    add_differences(from.kpis, to.kpis, result);
    add_differences(from.tasks, to.tasks, result);
    add_differences(from.dependencies, to.dependencies, result);
    add_differences(from.retrospectives, to.retrospectives, result);
    add_differences(from.deleted, to.deleted, result);
    return result;
}

}  // namespace okr
