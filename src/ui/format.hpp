#pragma once
// How figures read on screen.

#include <optional>
#include <string>

#include "core/pace.hpp"

namespace okr::ui {

// Up to two decimals, trailing zeros dropped: 84, 0.75, 1.95, 99.9
std::string format_number(double value);
// A value with its unit: "84 %" reads oddly, so percent sticks to the number ("84%").
std::string format_value(double value, const std::optional<std::string>& unit);
// A fraction as a whole percentage: 1.25 -> "125 %"
std::string format_percent(double fraction);
// A confidence status as a person says it: "on track", "at risk", "off track".
const char* status_words(ConfidenceStatus status);

}  // namespace okr::ui
