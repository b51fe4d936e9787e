#include "core/check_in_week.hpp"

#include "core/progress.hpp"

namespace okr {

const CheckIn* check_in_of_week(const Workspace& workspace, const Id& key_result, Date day)
{
    const IsoWeek week = iso_week_of(day);
    const std::vector<const CheckIn*> readings = effective_check_ins(workspace, key_result);
    // Sorted oldest first: the last match is the week's current reading.
    for (auto it = readings.rbegin(); it != readings.rend(); ++it)
        if (iso_week_of((*it)->date) == week)
            return *it;
    return nullptr;
}

const CheckIn* correction_of(const Workspace& workspace, const Id& check_in_id)
{
    const CheckIn* latest = nullptr;
    for (const CheckIn& check_in : workspace.check_ins)
        if (check_in.corrects == check_in_id && (!latest || latest->recorded_at < check_in.recorded_at))
            latest = &check_in;
    return latest;
}

EditResult record_correction(const Workspace& workspace, const Id& original, CheckInDraft draft, Id new_id,
                             Timestamp now)
{
    const CheckIn* replaced = find_by_id(workspace.check_ins, original);
    if (!replaced)
        return EditRefused{"There is no check-in \"" + original + "\" to correct in this workspace."};
    if (const CheckIn* correction = correction_of(workspace, original))
        return EditRefused{"This check-in was already corrected (by the reading recorded at " +
                           correction->recorded_at.to_text() + "); correct that one instead."};

    // A correction replaces a reading of its own KR; it cannot move the reading elsewhere.
    draft.key_result = replaced->key_result;
    EditResult result = record_check_in(workspace, draft, std::move(new_id), std::move(now));
    auto* change_set = std::get_if<ChangeSet>(&result);
    if (!change_set)
        return result;
    std::get<CheckIn>(*change_set->changes.front().after).corrects = original;
    const KeyResult* key_result = find_by_id(workspace.key_results, replaced->key_result);
    change_set->summary = "Correction of the check-in of " + replaced->date.to_string() + " on \"" +
                          key_result->title + "\"";
    return result;
}

}  // namespace okr
