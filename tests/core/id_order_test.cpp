// Collections are kept in id order; the helpers that restore it when an edit broke it.

#include <doctest/doctest.h>

#include "core/model.hpp"

namespace okr {
namespace {

Task task(const char* id, const char* title)
{
    Task t;
    t.id = id;
    t.title = title;
    return t;
}

std::vector<std::string> titles(std::span<const Task> tasks)
{
    std::vector<std::string> out;
    for (const Task& t : tasks)
        out.push_back(t.title);
    return out;
}

TEST_CASE("ascending_order gives the positions in id order, equal ids in their given order")
{
    const std::vector<std::string_view> ids = {"t-c", "t-a", "t-b", "t-a", "T-z", "t-a"};
    CHECK(ascending_order(ids) == std::vector<uint32_t>{4, 1, 3, 5, 2, 0});
    CHECK(ascending_order({}).empty());
}

TEST_CASE("sort_by_id sorts by id and keeps entities with the same id in their order")
{
    std::vector<Task> tasks = {task("t-3", "third"), task("t-1", "first"), task("t-2", "second a"),
                               task("t-2", "second b")};
    sort_by_id(tasks);
    CHECK(titles(tasks) == std::vector<std::string>{"first", "second a", "second b", "third"});
}

TEST_CASE("in_id_order hands back a sorted collection itself and sorts a copy of any other")
{
    const std::vector<Task> sorted = {task("t-1", "a"), task("t-2", "b")};
    std::vector<Task> copy;
    CHECK(in_id_order(sorted, copy).data() == sorted.data());
    CHECK(copy.empty());

    const std::vector<Task> unsorted = {task("t-2", "b"), task("t-1", "a")};
    const std::span<const Task> ordered = in_id_order(unsorted, copy);
    CHECK(ordered.data() == copy.data());
    CHECK(titles(ordered) == std::vector<std::string>{"a", "b"});
    CHECK(titles(unsorted) == std::vector<std::string>{"b", "a"});
}

}  // namespace
}  // namespace okr
