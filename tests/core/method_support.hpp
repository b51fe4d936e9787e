#pragma once
// Small workspaces built in C++ for the method's tests: one active cycle (2027 Q1), one
// team and one objective unless a test adds more.

#include <fstream>
#include <sstream>
#include <string>

#include "core/model.hpp"

namespace okr::test {

inline Date day(const char* text)
{
    return *Date::parse(text);
}

inline Timestamp at(const char* text)
{
    return *Timestamp::parse(text);
}

inline Cycle cycle(Id id, const char* start, const char* end, CycleState state = CycleState::active)
{
    Cycle c;
    c.id = id;
    c.name = id;
    c.start = day(start);
    c.end = day(end);
    c.state = state;
    c.updated_at = at("2027-01-01T00:00:00.000Z");
    return c;
}

inline Team team(Id id, std::optional<Id> parent = std::nullopt)
{
    Team t;
    t.id = id;
    t.name = id;
    t.parent = std::move(parent);
    t.updated_at = at("2027-01-01T00:00:00.000Z");
    return t;
}

inline Objective objective(Id id, Id cycle_id = "c-q1", Id team_id = "t-1", std::string title = "Delight our clients")
{
    Objective o;
    o.id = id;
    o.cycle = cycle_id;
    o.team = team_id;
    o.title = std::move(title);
    o.kpis = std::vector<Id>{"k-1"};
    o.updated_at = at("2027-01-01T00:00:00.000Z");
    return o;
}

inline KeyResult key_result(Id id, Direction direction, std::optional<double> baseline, std::optional<double> target,
                            Id objective_id = "o-1")
{
    KeyResult kr;
    kr.id = id;
    kr.objective = objective_id;
    kr.title = "Lift client retention from 78% to 90%";
    kr.direction = direction;
    kr.baseline = baseline;
    kr.target = target;
    kr.deadline = day("2027-03-31");
    kr.updated_at = at("2027-01-01T00:00:00.000Z");
    return kr;
}

inline CheckIn check_in(Id id, Id key_result_id, const char* date, double value, double confidence = 0.5)
{
    CheckIn c;
    c.id = id;
    c.key_result = key_result_id;
    c.date = day(date);
    c.value = value;
    c.confidence = confidence;
    c.recorded_at = at((std::string(date) + "T12:00:00.000Z").c_str());
    return c;
}

inline Task task(Id id, Id key_result_id, bool done)
{
    Task t;
    t.id = id;
    t.key_result = key_result_id;
    t.title = "Step " + id;
    t.done = done;
    t.updated_at = at("2027-01-01T00:00:00.000Z");
    return t;
}

// 2027 Q1 (active), team t-1, objective o-1.
inline Workspace quarter()
{
    Workspace w;
    upsert_by_id(w.cycles, cycle("c-q1", "2027-01-01", "2027-03-31"));
    upsert_by_id(w.teams, team("t-1"));
    upsert_by_id(w.objectives, objective("o-1"));
    return w;
}

// The quarter with one KR.
inline Workspace quarter_with(const KeyResult& kr)
{
    Workspace w = quarter();
    upsert_by_id(w.key_results, kr);
    return w;
}

inline std::string read_sample(const std::string& name)
{
    std::ifstream file(std::string(OKR_SAMPLES_DIR) + "/" + name, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace okr::test
