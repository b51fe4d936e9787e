#include "core/model.hpp"

#include <algorithm>
#include <numeric>

namespace okr {

Commitment commitment_of(const Objective& objective)
{
    if (!objective.commitment || *objective.commitment == "aspirational")
        return Commitment::aspirational;
    if (*objective.commitment == "committed")
        return Commitment::committed;
    return Commitment::unknown;
}

Perspective perspective_of(const Objective& objective)
{
    if (!objective.perspective)
        return Perspective::none;
    const std::string& p = *objective.perspective;
    if (p == "financial")
        return Perspective::financial;
    if (p == "customer")
        return Perspective::customer;
    if (p == "internal")
        return Perspective::internal;
    if (p == "learning")
        return Perspective::learning;
    return Perspective::unknown;
}

const char* to_string(CycleState state)
{
    switch (state) {
    case CycleState::draft: return "draft";
    case CycleState::active: return "active";
    case CycleState::closed: return "closed";
    }
    return "draft";
}

const char* to_string(Direction direction)
{
    switch (direction) {
    case Direction::increase: return "increase";
    case Direction::decrease: return "decrease";
    case Direction::at_least: return "at_least";
    case Direction::at_most: return "at_most";
    case Direction::milestone: return "milestone";
    }
    return "increase";
}

const char* to_string(KpiDirection direction)
{
    return direction == KpiDirection::higher_is_better ? "higher_is_better" : "lower_is_better";
}

std::optional<CycleState> cycle_state_from(std::string_view text)
{
    for (CycleState s : {CycleState::draft, CycleState::active, CycleState::closed})
        if (text == to_string(s))
            return s;
    return std::nullopt;
}

std::optional<Direction> direction_from(std::string_view text)
{
    for (Direction d : {Direction::increase, Direction::decrease, Direction::at_least, Direction::at_most,
                        Direction::milestone})
        if (text == to_string(d))
            return d;
    return std::nullopt;
}

std::optional<KpiDirection> kpi_direction_from(std::string_view text)
{
    for (KpiDirection d : {KpiDirection::higher_is_better, KpiDirection::lower_is_better})
        if (text == to_string(d))
            return d;
    return std::nullopt;
}

std::vector<uint32_t> ascending_order(std::span<const std::string_view> ids)
{
    std::vector<uint32_t> positions(ids.size());
    std::iota(positions.begin(), positions.end(), uint32_t{0});
    std::stable_sort(positions.begin(), positions.end(), [&](uint32_t a, uint32_t b) { return ids[a] < ids[b]; });
    return positions;
}

bool is_valid_id(std::string_view id)
{
    if (id.empty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
               c == '_' || c == '-';
    });
}

}  // namespace okr
