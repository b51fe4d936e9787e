#include "ui/format.hpp"

#include <cmath>
#include <cstdio>

namespace okr::ui {

std::string format_number(double value)
{
    if (!std::isfinite(value))
        return "–";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    std::string text = buffer;
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    return text == "-0" ? "0" : text;
}

std::string format_value(double value, const std::optional<std::string>& unit)
{
    const std::string number = format_number(value);
    if (!unit || unit->empty())
        return number;
    if (*unit == "%")
        return number + "%";
    return number + " " + *unit;
}

std::string format_percent(double fraction)
{
    if (!std::isfinite(fraction))
        return "–";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f %%", std::round(fraction * 100.0));
    return buffer;
}

const char* status_words(ConfidenceStatus status)
{
    switch (status) {
    case ConfidenceStatus::on_track: return "on track";
    case ConfidenceStatus::at_risk: return "at risk";
    case ConfidenceStatus::off_track: return "off track";
    }
    return "unknown";
}

}  // namespace okr::ui
