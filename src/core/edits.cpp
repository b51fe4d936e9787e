#include "core/edits.hpp"

#include <cmath>

namespace okr {

EditResult record_check_in(const Workspace& workspace, const CheckInDraft& draft, Id new_id, Timestamp now)
{
    const KeyResult* key_result = find_by_id(workspace.key_results, draft.key_result);
    if (!key_result)
        return EditRefused{"There is no key result \"" + draft.key_result + "\" in this workspace."};
    if (!std::isfinite(draft.value))
        return EditRefused{"The value must be a finite number."};
    if (!(draft.confidence >= 0.0 && draft.confidence <= 1.0))
        return EditRefused{"Confidence must be between 0 and 1."};
    if (!is_valid_id(new_id) || find_by_id(workspace.check_ins, new_id))
        return EditRefused{"Could not give the check-in a fresh id (\"" + new_id + "\"); try again."};

    CheckIn check_in;
    check_in.id = std::move(new_id);
    check_in.key_result = draft.key_result;
    check_in.date = draft.date;
    check_in.value = draft.value;
    check_in.confidence = draft.confidence;
    if (!draft.note.empty())
        check_in.note = draft.note;
    check_in.author = draft.author;
    check_in.recorded_at = std::move(now);

    return added("Check-in on \"" + key_result->title + "\"", std::move(check_in));
}

}  // namespace okr
