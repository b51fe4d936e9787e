#include "core/kpi_health.hpp"

#include <cmath>

namespace okr {

const char* to_string(KpiHealth health)
{
    switch (health) {
    case KpiHealth::healthy: return "healthy";
    case KpiHealth::breached: return "breached";
    case KpiHealth::unknown: return "unknown";
    }
    return "unknown";
}

const KpiReading* latest_reading(const Kpi& kpi)
{
    if (!kpi.readings)
        return nullptr;
    const KpiReading* latest = nullptr;
    for (const KpiReading& reading : *kpi.readings)
        if (!latest || reading.date >= latest->date)
            latest = &reading;
    return latest;
}

KpiHealth kpi_health(const Kpi& kpi)
{
    const KpiReading* latest = latest_reading(kpi);
    if (!latest || !std::isfinite(latest->value) || !std::isfinite(kpi.floor))
        return KpiHealth::unknown;

    const bool good_side = kpi.direction == KpiDirection::higher_is_better ? latest->value >= kpi.floor
                                                                            : latest->value <= kpi.floor;
    return good_side ? KpiHealth::healthy : KpiHealth::breached;
}

}  // namespace okr
