#pragma once
// The cycle workflow (docs/okr-method.md, "Cycle workflow") as edits: each function looks
// at the workspace and answers with the ChangeSet that performs the step, which the caller
// applies (and can undo), or with a message saying why the step is not allowed. Nothing
// here changes the workspace or reads the clock: `now` stamps updated_at.

#include <string>
#include <vector>

#include "core/changes.hpp"
#include "core/edits.hpp"
#include "core/entity_edits.hpp"

namespace okr {

// ---- planning the next cycle ----------------------------------------------------------------

// A calendar quarter: Q1 runs from January to March, Q4 from October to December.
struct Quarter {
    int year = 0;
    int number = 1;  // 1 to 4
    friend constexpr auto operator<=>(Quarter, Quarter) = default;
};

Quarter quarter_of(Date date);
Quarter quarter_after(Quarter quarter);
Date first_day_of(Quarter quarter);
Date last_day_of(Quarter quarter);
// "2027 Q3", as the method names cycles.
std::string name_of(Quarter quarter);

// The form for planning the next cycle: the calendar quarter after the one holding the
// latest end of any cycle (so it overlaps none of them), or the quarter holding `today`
// in a workspace without cycles. Name and dates as text, ready to edit.
CycleDraft next_quarter_draft(const Workspace& workspace, Date today);

// A readable id for a new cycle: "c-" and the name's ASCII letters and digits in lower case
// ("2027 Q3" -> "c-2027q3"; "c-cycle" when none), then "-2", "-3", ... until id_in_use
// says it is free.
Id new_cycle_id(const Workspace& workspace, const std::string& name);

// ---- the workflow's steps -------------------------------------------------------------------

// draft -> active. Refused for an unknown cycle, a cycle that is not a draft, or one whose
// end is before its start.
EditResult activate_cycle(const Workspace& workspace, const Id& cycle, const Timestamp& now);

// active -> closed. Freezes each KR's final score (see computed_final_score) into its
// final_score, except where a person already set one; KRs that cannot be measured stay
// without a score and the summary counts them.
EditResult close_cycle(const Workspace& workspace, const Id& cycle, const Timestamp& now);

// A person's grade for a KR, kept with the reason: score in [0, 1] and a note that is not
// blank. Refused otherwise.
EditResult override_final_score(const Workspace& workspace, const Id& key_result, double score,
                                const std::string& note, const Timestamp& now);

// Copies the chosen objectives into the draft cycle `target`: each copy links back with
// carried_from, its KRs start from their latest value (milestones restart at 0 of 1), are
// due at the target cycle's end and carry no score; open tasks come along, done ones stay.
// A parent link is kept when the parent's cycle overlaps the target, moved to the parent's
// copy when the parent is carried too, else dropped (the coach then asks to re-align).
// Refused as a whole when the target is not a draft or when an objective is unknown,
// already in the target cycle or already carried into it.
EditResult carry_forward(const Workspace& workspace, const std::vector<Id>& objectives, const Id& target,
                         const Timestamp& now);

// The id a copy of `source` gets in `cycle`: "<source>.<cycle>", cut to 64 characters with
// a hash of the full name when longer, then "-2", "-3", ... until no entity of any
// collection, no tombstone and nothing in `also_taken` uses it. Deterministic.
Id derived_id(const Workspace& workspace, const Id& source, const Id& cycle, const std::vector<Id>& also_taken);

// True when an entity of any collection, or a tombstone, uses `id`: a tombstone applies to
// every collection in a merge, so a fresh id must be free everywhere.
bool id_in_use(const Workspace& workspace, const Id& id);

}  // namespace okr
