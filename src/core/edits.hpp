#pragma once
// Edits a person makes, as change sets the session applies (and can undo). Each function
// checks its input and answers with a message instead of a change when it cannot be done.

#include <string>
#include <variant>
#include <vector>

#include "core/changes.hpp"

namespace okr {

// A problem with one field of a form, named as the model names the field ("title",
// "parent", "readings/2/date"), so that the form can show it beside that field.
struct FieldProblem {
    std::string field;
    std::string message;
};

struct EditRefused {
    std::string message;
    std::vector<FieldProblem> problems = {};  // empty for edits that are not forms
};

using EditResult = std::variant<ChangeSet, EditRefused>;

struct CheckInDraft {
    Id key_result;
    Date date;
    double value = 0;
    double confidence = 0.5;
    std::string note;
    std::optional<Id> author;
};

// Records a new check-in under `new_id`. Check-ins are never overwritten; a later reading
// of the same week is simply a newer event.
EditResult record_check_in(const Workspace& workspace, const CheckInDraft& draft, Id new_id, Timestamp now);

}  // namespace okr
