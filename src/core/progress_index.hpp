#pragma once
// Who links to whom in a workspace, grouped once so that code asking about every KR of a
// cycle (views, reports, the coach) does not scan every check-in for each KR. The free
// functions of progress.hpp and pace.hpp that take a Workspace scan it on every call:
// fine for one KR, quadratic over a cycle. Their overloads that take a ProgressIndex give
// the same answers from the groups.
//
// The index points into the workspace it was built from: build it again after any edit,
// and do not let it outlive the workspace.

#include <span>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace okr {

class ProgressIndex {
public:
    // O(n log n) in the size of the workspace.
    explicit ProgressIndex(const Workspace& workspace);

    const Workspace& workspace() const { return *workspace_; }

    // As the free functions of the same name in progress.hpp, in the same order.
    std::span<const CheckIn* const> effective_check_ins(std::string_view key_result) const;
    std::span<const Task* const> tasks_of(std::string_view key_result) const;
    std::span<const KeyResult* const> key_results_of(std::string_view objective) const;

private:
    const Workspace* workspace_;
    std::vector<const CheckIn*> check_ins_;  // by key_result, then in reading order
    std::vector<const Task*> tasks_;         // by key_result, then id
    std::vector<const KeyResult*> key_results_;  // by objective, then id
};

}  // namespace okr
