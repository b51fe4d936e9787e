#include "core/progress_index.hpp"

#include <algorithm>

#include "core/progress.hpp"

namespace okr {
namespace {

// The run of `sorted` whose key is `key`; `sorted` is ordered by that key first.
template <typename Entity, typename KeyOf>
std::span<const Entity* const> run_of(const std::vector<const Entity*>& sorted, std::string_view key, KeyOf key_of)
{
    const auto first = std::partition_point(sorted.begin(), sorted.end(),
                                            [&](const Entity* e) { return std::string_view(key_of(*e)) < key; });
    const auto last = std::partition_point(first, sorted.end(),
                                           [&](const Entity* e) { return std::string_view(key_of(*e)) == key; });
    return {sorted.data() + (first - sorted.begin()), static_cast<std::size_t>(last - first)};
}

template <typename Entity, typename KeyOf>
std::vector<const Entity*> grouped(const std::vector<Entity>& collection, KeyOf key_of)
{
    std::vector<const Entity*> out;
    out.reserve(collection.size());
    for (const Entity& entity : collection)
        out.push_back(&entity);
    // Stable: within a group the collection's own order stays, as the scanning functions give it.
    std::stable_sort(out.begin(), out.end(), [&](const Entity* a, const Entity* b) { return key_of(*a) < key_of(*b); });
    return out;
}

// Drops, within each KR's run, the check-ins a correction of the same KR replaced: a stray
// reference must not hide another KR's data (as effective_check_ins does it).
void drop_corrected(std::vector<const CheckIn*>& check_ins)
{
    std::vector<std::string_view> replaced;
    std::size_t kept = 0;
    for (std::size_t begin = 0, end = 0; begin < check_ins.size(); begin = end) {
        end = begin;
        while (end < check_ins.size() && check_ins[end]->key_result == check_ins[begin]->key_result)
            ++end;
        replaced.clear();
        for (std::size_t i = begin; i < end; ++i)
            if (check_ins[i]->corrects)
                replaced.push_back(*check_ins[i]->corrects);
        for (std::size_t i = begin; i < end; ++i)
            if (std::find(replaced.begin(), replaced.end(), check_ins[i]->id) == replaced.end())
                check_ins[kept++] = check_ins[i];
    }
    check_ins.resize(kept);
}

const Id& key_result_of(const CheckIn& c) { return c.key_result; }
const Id& key_result_of(const Task& t) { return t.key_result; }
const Id& objective_of(const KeyResult& kr) { return kr.objective; }

}  // namespace

ProgressIndex::ProgressIndex(const Workspace& workspace) : workspace_(&workspace)
{
    check_ins_.reserve(workspace.check_ins.size());
    for (const CheckIn& check_in : workspace.check_ins)
        check_ins_.push_back(&check_in);
    std::sort(check_ins_.begin(), check_ins_.end(), [](const CheckIn* a, const CheckIn* b) {
        if (const int by_kr = a->key_result.compare(b->key_result); by_kr != 0)
            return by_kr < 0;
        return in_reading_order(a, b);
    });
    drop_corrected(check_ins_);

    tasks_ = grouped(workspace.tasks, [](const Task& t) -> const Id& { return t.key_result; });
    key_results_ = grouped(workspace.key_results, [](const KeyResult& kr) -> const Id& { return kr.objective; });
}

std::span<const CheckIn* const> ProgressIndex::effective_check_ins(std::string_view key_result) const
{
    return run_of(check_ins_, key_result, [](const CheckIn& c) -> const Id& { return key_result_of(c); });
}

std::span<const Task* const> ProgressIndex::tasks_of(std::string_view key_result) const
{
    return run_of(tasks_, key_result, [](const Task& t) -> const Id& { return key_result_of(t); });
}

std::span<const KeyResult* const> ProgressIndex::key_results_of(std::string_view objective) const
{
    return run_of(key_results_, objective, [](const KeyResult& kr) -> const Id& { return objective_of(kr); });
}

}  // namespace okr
