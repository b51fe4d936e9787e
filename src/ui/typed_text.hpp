#pragma once
// Reading what a person typed into a field, and writing numbers back into one, the same way
// in every form.

#include <optional>
#include <string>

namespace okr::ui {

// Without the spaces, tabs and line breaks around it.
std::string trimmed(const std::string& text);
// A number as typed, or null for anything else ("", "abc", "1.2.3", "inf", "1e999").
std::optional<double> typed_number(const std::string& text);
// The shortest text that reads back as the same number: a prefilled field saved untouched
// must store the figure it came from, not a rounded neighbour.
std::string exact_number_text(double value);

}  // namespace okr::ui
