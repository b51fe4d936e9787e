#pragma once
// What the weekly check-in needs from the core (docs/okr-method.md, "Cycle workflow",
// step 3): a KR's reading of one ISO week, and correcting a reading. Check-ins are
// immutable events, so a correction is a new check-in whose `corrects` names the one it
// replaces; progress then ignores the replaced one, and both stay in the file.

#include "core/edits.hpp"

namespace okr {

// The KR's latest effective check-in (corrections applied) dated in the ISO week that
// holds `day`; null when the week has none.
const CheckIn* check_in_of_week(const Workspace& workspace, const Id& key_result, Date day);

// The check-in that replaces `check_in_id`, or null while it stands. When two copies of a
// workspace each corrected the same reading, the one recorded last is named.
const CheckIn* correction_of(const Workspace& workspace, const Id& check_in_id);

// Records `draft` as a correction of the check-in `original`: a new check-in of the same
// KR with `corrects` set. A reading that was already corrected is refused, so that every
// correction chain stays a single line (correct the correction instead).
EditResult record_correction(const Workspace& workspace, const Id& original, CheckInDraft draft, Id new_id,
                             Timestamp now);

}  // namespace okr
