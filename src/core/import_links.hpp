#pragma once
// Internal to the importer: the checks that need whole collections. Ids unique within a
// collection, no parent loops (both refused), references to ids the file does not hold and
// entities whose container is missing (both warnings).

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include "core/import_fields.hpp"
#include "core/model.hpp"

namespace okr::import_detail {

// Where each entity of a sorted collection stood in the file, so that problems found after
// sorting still point into the file.
struct FilePositions {
    std::vector<uint32_t> teams, people, cycles, objectives, key_results, check_ins, kpis, tasks,
        dependencies, retrospectives, deleted;
};

// "/teams/3" or, with a field, "/teams/3/parent".
std::string entity_pointer(std::string_view collection, uint32_t position, std::string_view field = {});
// How messages name one entity of a collection: "team", "key result", "check-in".
std::string_view entity_noun(std::string_view collection);

// Refuses each entity whose id an earlier entity of the collection already uses.
void report_duplicate_ids(const std::vector<std::string_view>& sorted_ids,
                          const std::vector<uint32_t>& positions, std::string_view collection,
                          Diagnostics& diagnostics);

// Sorts the collection by id (stable, so that of equal ids the first in the file comes
// first), refuses duplicate ids and returns the file position of each sorted entity.
template <typename Entity>
std::vector<uint32_t> sort_checking_ids(std::vector<Entity>& entities, std::string_view collection,
                                        Diagnostics& diagnostics)
{
    // Files this app writes are sorted already; only others pay for sorting.
    std::vector<uint32_t> positions(entities.size());
    std::iota(positions.begin(), positions.end(), uint32_t{0});
    if (!is_sorted_by_id(entities)) {
        positions = ascending_order(ids_of(entities));
        reorder(entities, positions);
    }

    const std::vector<std::string_view> ids = ids_of(entities);
    report_duplicate_ids(ids, positions, collection, diagnostics);
    return positions;
}

// Runs every check that needs the sorted workspace.
void check_links(const Workspace& workspace, const FilePositions& positions, Diagnostics& diagnostics);

}  // namespace okr::import_detail
