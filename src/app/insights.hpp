#pragma once
// The figures the interface shows beside the data: progress, status, pace, forecast,
// scores and the coach's findings. They are computed once per change of the workspace or
// of the day, never per frame.

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "core/coach.hpp"
#include "core/forecast.hpp"
#include "core/pace.hpp"
#include "core/progress.hpp"
#include "core/scoring.hpp"

namespace okr {

struct KeyResultInsight {
    KrProgress progress;
    std::optional<ConfidenceStatus> status;  // null before the first check-in
    std::optional<Pace> pace;                // null outside an active cycle
    std::optional<double> expected;          // expected progress today
    bool check_in_due = false;
    Forecast forecast;
    std::optional<double> final_score;       // closed cycles: frozen or computed score
};

struct ObjectiveInsight {
    std::optional<double> progress;
    std::optional<double> final_score;
    bool committed_missed = false;
};

class Insights {
public:
    // Recomputes when the workspace revision or the day changed since the last call.
    void refresh(const Workspace& workspace, uint64_t revision, Date today);
    // Counts the refreshes that recomputed: views keep what they derive from the data
    // until it changes.
    uint64_t generation() const { return generation_; }

    const KeyResultInsight* key_result(const Id& id) const;
    const ObjectiveInsight* objective(const Id& id) const;
    const std::vector<Finding>& findings() const { return findings_; }
    // Findings about one entity, in the coach's order.
    std::vector<const Finding*> findings_for(const std::string& collection, const Id& id) const;

private:
    std::optional<uint64_t> revision_;
    uint64_t generation_ = 0;
    Date today_;
    std::map<Id, KeyResultInsight> key_results_;
    std::map<Id, ObjectiveInsight> objectives_;
    std::vector<Finding> findings_;
    // Findings by (collection, id), built once per refresh: the cascade asks per row per frame.
    std::map<std::pair<std::string, Id>, std::vector<const Finding*>> findings_by_entity_;
};

}  // namespace okr
