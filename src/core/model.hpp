#pragma once
// The workspace as the core holds it: one typed struct per collection of the OKR cascade
// file (docs/file-format.md of the project). Nothing here knows of ImGui or the browser.
//
// Every entity keeps `preserved`: a JSON object holding the fields this version does not
// know, and the known optional fields that the file wrote as null. It stays null (no
// allocation) while there is nothing to keep, which is almost always; null and an empty
// object mean the same (see same_preserved). The exporter writes
// `preserved` first and the typed fields over it, so a newer writer's data and the
// file's own shape survive a round trip.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"

namespace okr {

using Id = std::string;
using Preserved = nlohmann::json;

// Equal kept fields; null and an empty object both hold none.
inline bool same_preserved(const Preserved& a, const Preserved& b)
{
    if (a.empty() && b.empty())
        return true;
    return a == b;
}

enum class CycleState { draft, active, closed };
enum class Direction { increase, decrease, at_least, at_most, milestone };
enum class KpiDirection { higher_is_better, lower_is_better };
// Optional enums keep the text as written; values this version does not know read as unknown.
enum class Commitment { aspirational, committed, unknown };
enum class Perspective { none, financial, customer, internal, learning, unknown };

struct WorkspaceInfo {
    Id id;
    std::string name;
    std::optional<Timestamp> updated_at;
    Preserved preserved{};
};

struct Team {
    Id id;
    std::string name;
    std::optional<Id> parent;
    Timestamp updated_at;
    Preserved preserved{};
};

struct Person {
    Id id;
    std::string name;
    std::optional<std::string> email;
    Timestamp updated_at;
    Preserved preserved{};
};

struct Cycle {
    Id id;
    std::string name;
    Date start;
    Date end;
    CycleState state = CycleState::draft;
    Timestamp updated_at;
    Preserved preserved{};
};

struct Objective {
    Id id;
    Id cycle;
    Id team;
    std::string title;
    std::optional<std::string> description;
    std::optional<Id> owner;
    std::optional<Id> parent;
    std::optional<std::string> commitment;   // as written; see commitment_of()
    std::optional<std::string> perspective;  // as written; see perspective_of()
    std::optional<std::vector<Id>> kpis;
    std::optional<Id> carried_from;
    Timestamp updated_at;
    Preserved preserved{};
};

struct KeyResult {
    Id id;
    Id objective;
    std::string title;
    Direction direction = Direction::increase;
    std::optional<std::string> unit;
    // The format requires these, but a draft may lack them: the coach reports it
    // (kr-missing-number) and the KR has no progress until they are set.
    std::optional<double> baseline;
    std::optional<double> target;
    std::optional<Date> deadline;
    std::optional<double> weight;  // absent means 1
    std::optional<Id> owner;
    std::optional<double> final_score;
    std::optional<std::string> score_note;
    Timestamp updated_at;
    Preserved preserved{};
};

struct CheckIn {
    Id id;
    Id key_result;
    Date date;
    double value = 0;
    double confidence = 0;
    std::optional<std::string> note;
    std::optional<Id> author;
    Timestamp recorded_at;
    std::optional<Id> corrects;
    Preserved preserved{};
};

struct KpiReading {
    Date date;
    double value = 0;
    Preserved preserved{};
};

struct Kpi {
    Id id;
    std::string name;
    std::optional<Id> team;
    std::optional<std::string> unit;
    KpiDirection direction = KpiDirection::higher_is_better;
    double floor = 0;
    std::optional<std::vector<KpiReading>> readings;
    Timestamp updated_at;
    Preserved preserved{};
};

struct Task {
    Id id;
    Id key_result;
    std::string title;
    bool done = false;
    std::optional<Id> owner;
    Timestamp updated_at;
    Preserved preserved{};
};

struct Dependency {
    Id id;
    Id from;  // objective or KR id
    Id to;    // objective or KR id
    std::optional<std::string> note;
    Timestamp updated_at;
    Preserved preserved{};
};

struct Retrospective {
    Id id;
    Id cycle;
    Id team;
    std::optional<std::string> learned;
    std::optional<std::string> change_next;
    std::optional<std::vector<Id>> carry_forward;
    Timestamp updated_at;
    Preserved preserved{};
};

struct Tombstone {
    Id id;
    Timestamp deleted_at;
    Preserved preserved{};
};

// Every collection is kept sorted by id (the importer sorts, edits insert in place), so
// lookups are binary searches and the export order is the stored order.
struct Workspace {
    int version = 1;
    WorkspaceInfo info;
    std::vector<Team> teams;
    std::vector<Person> people;
    std::vector<Cycle> cycles;
    std::vector<Objective> objectives;
    std::vector<KeyResult> key_results;
    std::vector<CheckIn> check_ins;
    std::vector<Kpi> kpis;
    std::vector<Task> tasks;
    std::vector<Dependency> dependencies;
    std::vector<Retrospective> retrospectives;
    std::vector<Tombstone> deleted;
    Preserved preserved{};  // unknown top-level fields
};

template <typename Entity>
const Entity* find_by_id(const std::vector<Entity>& collection, std::string_view id)
{
    const auto it = std::lower_bound(collection.begin(), collection.end(), id,
                                     [](const Entity& e, std::string_view key) { return e.id < key; });
    return it != collection.end() && it->id == id ? &*it : nullptr;
}

template <typename Entity>
Entity* find_by_id(std::vector<Entity>& collection, std::string_view id)
{
    return const_cast<Entity*>(find_by_id(std::as_const(collection), id));
}

// Inserts keeping the collection sorted; replaces an entity with the same id.
template <typename Entity>
Entity& upsert_by_id(std::vector<Entity>& collection, Entity entity)
{
    const auto it = std::lower_bound(collection.begin(), collection.end(), entity.id,
                                     [](const Entity& e, const Id& key) { return e.id < key; });
    if (it != collection.end() && it->id == entity.id) {
        *it = std::move(entity);
        return *it;
    }
    return *collection.insert(it, std::move(entity));
}

// The positions of `ids` in ascending order, equal ids keeping their given order. Every
// collection sorts through this one function: sorting entities directly instantiated a
// stable sort per entity type and call site, about a sixth of the page's code.
std::vector<uint32_t> ascending_order(std::span<const std::string_view> ids);

template <typename Entity>
std::vector<std::string_view> ids_of(const std::vector<Entity>& entities)
{
    std::vector<std::string_view> ids;
    ids.reserve(entities.size());
    for (const Entity& entity : entities)
        ids.push_back(entity.id);
    return ids;
}

template <typename Entity>
bool is_sorted_by_id(const std::vector<Entity>& entities)
{
    for (size_t i = 1; i < entities.size(); ++i)
        if (entities[i].id < entities[i - 1].id)
            return false;
    return true;
}

// Entities in the given order of their positions.
template <typename Entity>
void reorder(std::vector<Entity>& entities, const std::vector<uint32_t>& positions)
{
    std::vector<Entity> ordered;
    ordered.reserve(positions.size());
    for (const uint32_t position : positions)
        ordered.push_back(std::move(entities[position]));
    entities = std::move(ordered);
}

// Sorts by id; entities with the same id keep their order.
template <typename Entity>
void sort_by_id(std::vector<Entity>& collection)
{
    if (!is_sorted_by_id(collection))
        reorder(collection, ascending_order(ids_of(collection)));
}

// The model keeps collections sorted by id: the collection itself, or a sorted copy only
// when some edit broke that order.
template <typename Entity>
std::span<const Entity> in_id_order(const std::vector<Entity>& entities, std::vector<Entity>& sorted_copy)
{
    if (is_sorted_by_id(entities))
        return entities;
    sorted_copy = entities;
    sort_by_id(sorted_copy);
    return sorted_copy;
}

Commitment commitment_of(const Objective& objective);
Perspective perspective_of(const Objective& objective);

const char* to_string(CycleState state);
const char* to_string(Direction direction);
const char* to_string(KpiDirection direction);
std::optional<CycleState> cycle_state_from(std::string_view text);
std::optional<Direction> direction_from(std::string_view text);
std::optional<KpiDirection> kpi_direction_from(std::string_view text);

// Ids are 1-64 characters of A-Z a-z 0-9 . _ -
bool is_valid_id(std::string_view id);

}  // namespace okr
