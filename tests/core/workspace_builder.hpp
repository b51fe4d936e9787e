#pragma once
// Workspaces for the merge tests: the samples read through the importer, small edits a
// person makes on one copy (each stamped with the minute it happened), and the canonical
// text two workspaces are compared by.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/export.hpp"
#include "core/import.hpp"
#include "method_support.hpp"

namespace okr::test {

inline Workspace imported(const std::string& text)
{
    ImportResult result = import_workspace(text);
    REQUIRE_MESSAGE(!result.refused(), to_string(result.refusals.front()));
    return std::move(*result.workspace);
}

inline Workspace sample(const char* name)
{
    return imported(read_sample(name));
}

// Minutes after the instant every builder of method_support.hpp stamps its entities with.
inline Timestamp minute(int n)
{
    return Timestamp::from_unix_ms(at("2027-01-01T00:00:00.000Z").unix_ms + int64_t{n} * 60'000);
}

inline Tombstone tombstone(Id id, Timestamp deleted_at)
{
    Tombstone t;
    t.id = std::move(id);
    t.deleted_at = std::move(deleted_at);
    return t;
}

// Deletes as the app does: the entity goes, a tombstone stays (the later one, if the id
// was deleted before).
template <typename Entity>
void delete_entity(Workspace& w, std::vector<Entity>& collection, const Id& id, Timestamp now)
{
    if (const Entity* found = find_by_id(collection, id))
        collection.erase(collection.begin() + (found - collection.data()));
    const Tombstone* earlier = find_by_id(w.deleted, id);
    if (!earlier || earlier->deleted_at < now)
        upsert_by_id(w.deleted, tombstone(id, std::move(now)));
}

inline CheckIn check_in_at(Id id, Id key_result_id, double value, Timestamp recorded_at)
{
    CheckIn c = check_in(std::move(id), std::move(key_result_id), "2027-01-08", value);
    c.recorded_at = std::move(recorded_at);
    return c;
}

inline std::string text_of(const Workspace& w)
{
    return export_workspace(w);
}

}  // namespace okr::test
