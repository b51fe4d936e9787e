#pragma once
// Finding things in a workspace: a text search across what people write (titles, notes,
// descriptions) and the filters that narrow a cycle's cascade to some objectives.
//
// Matching ignores letter case for the scripts the interface draws: ASCII, the Latin-1 and
// Latin Extended-A letters (so "kovač" finds "Kovač", "ÜBERGABE" finds "Übergabe"), Greek
// and basic Cyrillic. Accents are not folded: "kovac" does not find "Kovač".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/pace.hpp"

namespace okr {

// The text with every letter of the scripts above in lower case; other bytes as they are
// (invalid UTF-8 included), so folded texts compare as the originals would.
std::string fold_case(std::string_view text);
// Whether `text` holds `query` ignoring case; an empty query is in every text.
bool contains_ignoring_case(std::string_view text, std::string_view query);

enum class HitKind { objective, key_result, check_in, task, kpi };
const char* to_string(HitKind kind);  // "Objective", "Key result", ...

struct SearchHit {
    HitKind kind = HitKind::objective;
    Id id;          // the entity that matched
    // Where the hit is opened: the objective or KR of the cascade ("objectives",
    // "key_results") or a KPI ("kpis").
    std::string open_collection;
    Id open_id;
    std::string title;    // what the entity is called (for a check-in, its KR's title)
    std::string context;  // where it sits: "Sales · 2027 Q1", "Check-in of 2027-02-26"
    std::string excerpt;  // the matched field's text, when it is not the title
};

// Every entity whose text holds `query` (ignoring case, surrounding spaces dropped), in the
// order objectives, key results, check-ins, tasks, KPIs, each by id; at most `limit`. An
// empty query finds nothing.
std::vector<SearchHit> search_workspace(const Workspace& workspace, std::string_view query, size_t limit = 200);

// Which objectives of a cycle the cascade shows. Empty fields match everything.
struct ObjectiveFilter {
    Id team;  // the objective's own team
    // The objective's owner, or the owner of one of its KRs or of a task of them.
    Id owner;
    // Some KR's status from its latest check-in (docs/okr-method.md, "During a cycle").
    std::optional<ConfidenceStatus> status;
    // Some KR at risk or off track.
    bool at_risk_only = false;

    bool narrows() const { return !team.empty() || !owner.empty() || status || at_risk_only; }
    bool operator==(const ObjectiveFilter&) const = default;
};

bool objective_passes(const Workspace& workspace, const Objective& objective, const ObjectiveFilter& filter);
// The passing objectives of `cycle`, in id order.
std::vector<Id> objectives_passing(const Workspace& workspace, const Id& cycle, const ObjectiveFilter& filter);

}  // namespace okr
