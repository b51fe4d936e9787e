#pragma once
// The pieces every form is built of: a label over its field, the core's problems for a
// field under it in red, one-line text fields that save on Enter, and pickers of people.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/edits.hpp"
#include "core/model.hpp"

namespace okr::ui {

void field_label(const char* text);
// The problems of `field` and of its parts ("kpis" shows "kpis/1" too), in red, wrapped
// where the caller's PushTextWrapPos says.
void field_problems(const std::vector<FieldProblem>& problems, std::string_view field);
bool has_problem(const std::vector<FieldProblem>& problems, std::string_view field);
// A one-line field as wide as the form's item width; true when Enter was pressed in it.
bool one_line_field(const char* id, std::string& text, const char* hint = "");
// A combo of the workspace's people with "No owner" first; `id` names the combo and,
// with the person's id, its entries. A width of 0 or less takes the form's item width.
void person_picker(const char* id, const std::vector<Person>& people, std::optional<Id>& chosen, float width = 0);
// "12.5" or " -3 " read as numbers; empty text is none; anything else is not a number.
std::optional<double> parsed_number(const std::string& text, bool& readable);
// The shortest text that reads back as `value`: 12.5, not 12.500000.
std::string number_text(std::optional<double> value);

}  // namespace okr::ui
