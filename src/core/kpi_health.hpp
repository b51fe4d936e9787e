#pragma once
// KPI health (docs/okr-method.md, "KPIs"): KPIs guard the floor while OKRs raise the
// ceiling. A KPI is healthy when its latest reading is on the good side of its floor,
// the floor itself included.

#include "core/model.hpp"

namespace okr {

enum class KpiHealth { healthy, breached, unknown };
const char* to_string(KpiHealth health);

// The reading with the latest date; of two on the same date, the one listed last.
// Null without readings.
const KpiReading* latest_reading(const Kpi& kpi);

// Unknown without a reading (or with a reading that is not a finite number).
KpiHealth kpi_health(const Kpi& kpi);

}  // namespace okr
