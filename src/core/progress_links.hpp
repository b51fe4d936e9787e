#pragma once
// Internal to the core: a KR's links (effective check-ins, tasks, an objective's KRs) found
// by scanning the workspace or looked up in a ProgressIndex. Rules written once as a
// template over these serve both the per-KR functions and their index overloads, so the
// two cannot drift apart.

#include <span>
#include <vector>

#include "core/progress.hpp"
#include "core/progress_index.hpp"

namespace okr::detail {

struct Scanned {
    const Workspace& workspace;
    std::vector<const CheckIn*> check_ins(const KeyResult& kr) const { return effective_check_ins(workspace, kr.id); }
    std::vector<const KeyResult*> key_results(const Objective& o) const { return key_results_of(workspace, o.id); }
    bool driven(const KeyResult& kr) const { return driven_by_tasks(workspace, kr); }
    KrProgress progress(const KeyResult& kr) const { return key_result_progress(workspace, kr); }
};

struct Indexed {
    const ProgressIndex& index;
    const Workspace& workspace = index.workspace();
    std::span<const CheckIn* const> check_ins(const KeyResult& kr) const { return index.effective_check_ins(kr.id); }
    std::span<const KeyResult* const> key_results(const Objective& o) const { return index.key_results_of(o.id); }
    bool driven(const KeyResult& kr) const { return driven_by_tasks(index, kr); }
    KrProgress progress(const KeyResult& kr) const { return key_result_progress(index, kr); }
};

}  // namespace okr::detail
