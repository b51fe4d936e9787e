#include "core/forecast.hpp"

#include <algorithm>
#include <cmath>

#include "core/progress.hpp"
#include "core/progress_links.hpp"

namespace okr {
namespace {

double mean(const std::vector<double>& values)
{
    double sum = 0;
    for (double v : values)
        sum += v / static_cast<double>(values.size());  // divided first: no overflow
    return sum;
}

template <typename Links>
std::vector<const CheckIn*> cycle_check_ins(const Links& links, const KeyResult& key_result)
{
    const auto effective = links.check_ins(key_result);
    std::vector<const CheckIn*> check_ins(effective.begin(), effective.end());
    if (const Cycle* cycle = cycle_of(links.workspace, key_result))
        std::erase_if(check_ins, [&](const CheckIn* c) { return c->date < cycle->start || c->date > cycle->end; });
    std::erase_if(check_ins, [](const CheckIn* c) { return !std::isfinite(c->value); });
    return check_ins;
}

Forecast without_forecast(std::string reason)
{
    Forecast result;
    result.reason = std::move(reason);
    return result;
}

}  // namespace

std::optional<double> least_squares_at(const std::vector<double>& x, const std::vector<double>& y, double at)
{
    // Readings are scaled into [-1, 1] so that squares and sums stay finite even for
    // values near the limits of double; the line is fitted about the means.
    double scale = 0;
    for (double v : y)
        scale = std::max(scale, std::abs(v));
    if (scale == 0)
        scale = 1;
    std::vector<double> scaled(y.size());
    std::transform(y.begin(), y.end(), scaled.begin(), [&](double v) { return v / scale; });

    const double x_mean = mean(x);
    const double y_mean = mean(scaled);
    double sxx = 0;
    double sxy = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        sxx += (x[i] - x_mean) * (x[i] - x_mean);
        sxy += (x[i] - x_mean) * (scaled[i] - y_mean);
    }
    if (!(sxx > 0))
        return std::nullopt;  // fewer than two distinct x

    const double projected = (y_mean + sxy / sxx * (at - x_mean)) * scale;
    return std::isfinite(projected) ? std::optional(projected) : std::nullopt;
}

namespace {

// Uses least_squares_at, hence after it.
template <typename Links>
Forecast forecast_with(const Links& links, const KeyResult& key_result)
{
    if (links.driven(key_result))
        return without_forecast("this milestone moves with its tasks, not with readings");
    const std::optional<Date> deadline = deadline_of(links.workspace, key_result);
    if (!deadline)
        return without_forecast("the KR has no deadline to project to");

    const auto check_ins = cycle_check_ins(links, key_result);
    std::vector<double> days;
    std::vector<double> values;
    for (const CheckIn* check_in : check_ins) {
        days.push_back(check_in->date - check_ins.front()->date);
        values.push_back(check_in->value);
    }
    const bool two_dates = !check_ins.empty() && check_ins.back()->date != check_ins.front()->date;
    if (!two_dates)
        return without_forecast("a forecast needs check-ins on at least two different dates");

    Forecast result;
    result.value = least_squares_at(days, values, *deadline - check_ins.front()->date);
    if (!result.value)
        return without_forecast("the trend leaves the range of numbers this tool can hold");
    result.trend_from = check_ins.back()->date;
    result.trend_from_value = least_squares_at(days, values, days.back());

    if (const auto raw = raw_progress_of_value(key_result, *result.value))
        result.score = std::clamp(*raw, 0.0, 1.0);
    else
        result.reason = invalid_reason(key_result).value_or("the projected reading gives no progress");
    return result;
}

}  // namespace

Forecast forecast(const Workspace& workspace, const KeyResult& key_result)
{
    return forecast_with(detail::Scanned{workspace}, key_result);
}

Forecast forecast(const ProgressIndex& index, const KeyResult& key_result)
{
    return forecast_with(detail::Indexed{index}, key_result);
}

}  // namespace okr
