// libFuzzer target: two documents, separated by the first NUL byte, merged both ways. It
// checks the merge's promises on whatever the importer accepts: commutative, idempotent,
// and every check-in of either side survives unless a newer tombstone names it.

#include <cstdint>
#include <set>
#include <string_view>

#include "core/export.hpp"
#include "core/import.hpp"
#include "core/merge.hpp"

namespace {

bool check_in_survives(const okr::Workspace& merged, const okr::CheckIn& check_in)
{
    if (okr::find_by_id(merged.check_ins, check_in.id))
        return true;
    const okr::Tombstone* tombstone = okr::find_by_id(merged.deleted, check_in.id);
    return tombstone && tombstone->deleted_at > check_in.recorded_at;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const size_t split = bytes.find('\0');
    if (split == std::string_view::npos)
        return 0;
    const okr::ImportResult a = okr::import_workspace(bytes.substr(0, split));
    const okr::ImportResult b = okr::import_workspace(bytes.substr(split + 1));
    if (a.refused() || b.refused())
        return 0;

    const okr::MergeResult ab = okr::merge_workspaces(*a.workspace, *b.workspace);
    const okr::MergeResult ba = okr::merge_workspaces(*b.workspace, *a.workspace);
    const std::string merged = okr::export_workspace(ab.merged);
    if (merged != okr::export_workspace(ba.merged))
        __builtin_trap();
    if (okr::export_workspace(okr::merge_workspaces(ab.merged, *b.workspace).merged) != merged)
        __builtin_trap();

    for (const okr::Workspace* side : {&*a.workspace, &*b.workspace})
        for (const okr::CheckIn& check_in : side->check_ins)
            if (!check_in_survives(ab.merged, check_in))
                __builtin_trap();

    // The change set carries the entities; the workspace header travels beside it.
    okr::Workspace replayed = *a.workspace;
    okr::apply(replayed, ab.changes);
    replayed.info = ab.merged.info;
    replayed.preserved = ab.merged.preserved;
    if (okr::export_workspace(replayed) != merged)
        __builtin_trap();
    return 0;
}
