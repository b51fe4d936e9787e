#include "ui/typed_text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace okr::ui {

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::optional<double> typed_number(const std::string& text)
{
    const std::string number = trimmed(text);
    if (number.empty())
        return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(number.c_str(), &end);
    if (end != number.c_str() + number.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::string exact_number_text(double value)
{
    // From six digits up: fewer would write 100 as "1e+02".
    char buffer[40];
    for (int digits = 6; digits <= 17; ++digits) {
        std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
        if (std::strtod(buffer, nullptr) == value)
            break;
    }
    return buffer;
}

}  // namespace okr::ui
