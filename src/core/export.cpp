#include "core/export.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace okr {
namespace {

using json = nlohmann::json;

// 2^53: below it every integer has an exact double.
constexpr double exact_integer_limit = 9007199254740992.0;

// An integral value within ±2^53 is written as an integer (78, not 78.0), as people write
// such numbers; anything else in nlohmann's shortest round-trip form. A non-finite value
// (which the importer never lets in) comes out as null instead of breaking the file.
json encode(double value)
{
    if (std::trunc(value) == value && std::fabs(value) <= exact_integer_limit)
        return static_cast<int64_t>(value);
    return value;
}

json encode(const std::string& text) { return text; }
json encode(const Date& date) { return date.to_string(); }
json encode(const std::vector<Id>& ids) { return ids; }

json encode(const Timestamp& timestamp)
{
    return timestamp.to_text();
}

template <typename Value>
void set(json& out, const char* key, const Value& value)
{
    out[key] = encode(value);
}

// An empty optional writes nothing, leaving a null kept in `preserved` as the file had it.
template <typename Value>
void set(json& out, const char* key, const std::optional<Value>& value)
{
    if (value)
        out[key] = encode(*value);
}

// Where every entity starts: the fields this version does not know, and the nulls it kept.
json base(const Preserved& preserved) { return preserved.is_object() ? preserved : json::object(); }

json entity_json(const WorkspaceInfo& info)
{
    json out = base(info.preserved);
    set(out, "id", info.id);
    set(out, "name", info.name);
    set(out, "updated_at", info.updated_at);
    return out;
}

json entity_json(const Team& team)
{
    json out = base(team.preserved);
    set(out, "id", team.id);
    set(out, "name", team.name);
    set(out, "parent", team.parent);
    set(out, "updated_at", team.updated_at);
    return out;
}

json entity_json(const Person& person)
{
    json out = base(person.preserved);
    set(out, "id", person.id);
    set(out, "name", person.name);
    set(out, "email", person.email);
    set(out, "updated_at", person.updated_at);
    return out;
}

json entity_json(const Cycle& cycle)
{
    json out = base(cycle.preserved);
    set(out, "id", cycle.id);
    set(out, "name", cycle.name);
    set(out, "start", cycle.start);
    set(out, "end", cycle.end);
    out["state"] = to_string(cycle.state);
    set(out, "updated_at", cycle.updated_at);
    return out;
}

json entity_json(const Objective& objective)
{
    json out = base(objective.preserved);
    set(out, "id", objective.id);
    set(out, "cycle", objective.cycle);
    set(out, "team", objective.team);
    set(out, "title", objective.title);
    set(out, "description", objective.description);
    set(out, "owner", objective.owner);
    set(out, "parent", objective.parent);
    set(out, "commitment", objective.commitment);
    set(out, "perspective", objective.perspective);
    set(out, "kpis", objective.kpis);
    set(out, "carried_from", objective.carried_from);
    set(out, "updated_at", objective.updated_at);
    return out;
}

json entity_json(const KeyResult& kr)
{
    json out = base(kr.preserved);
    set(out, "id", kr.id);
    set(out, "objective", kr.objective);
    set(out, "title", kr.title);
    out["direction"] = to_string(kr.direction);
    set(out, "unit", kr.unit);
    set(out, "baseline", kr.baseline);
    set(out, "target", kr.target);
    set(out, "deadline", kr.deadline);
    set(out, "weight", kr.weight);
    set(out, "owner", kr.owner);
    set(out, "final_score", kr.final_score);
    set(out, "score_note", kr.score_note);
    set(out, "updated_at", kr.updated_at);
    return out;
}

json entity_json(const CheckIn& check_in)
{
    json out = base(check_in.preserved);
    set(out, "id", check_in.id);
    set(out, "key_result", check_in.key_result);
    set(out, "date", check_in.date);
    set(out, "value", check_in.value);
    set(out, "confidence", check_in.confidence);
    set(out, "note", check_in.note);
    set(out, "author", check_in.author);
    set(out, "recorded_at", check_in.recorded_at);
    set(out, "corrects", check_in.corrects);
    return out;
}

json entity_json(const KpiReading& reading)
{
    json out = base(reading.preserved);
    set(out, "date", reading.date);
    set(out, "value", reading.value);
    return out;
}

json entity_json(const Kpi& kpi)
{
    json out = base(kpi.preserved);
    set(out, "id", kpi.id);
    set(out, "name", kpi.name);
    set(out, "team", kpi.team);
    set(out, "unit", kpi.unit);
    out["direction"] = to_string(kpi.direction);
    set(out, "floor", kpi.floor);
    if (kpi.readings) {
        json readings = json::array();
        for (const KpiReading& reading : *kpi.readings)
            readings.push_back(entity_json(reading));
        out["readings"] = std::move(readings);
    }
    set(out, "updated_at", kpi.updated_at);
    return out;
}

json entity_json(const Task& task)
{
    json out = base(task.preserved);
    set(out, "id", task.id);
    set(out, "key_result", task.key_result);
    set(out, "title", task.title);
    out["done"] = task.done;
    set(out, "owner", task.owner);
    set(out, "updated_at", task.updated_at);
    return out;
}

json entity_json(const Dependency& dependency)
{
    json out = base(dependency.preserved);
    set(out, "id", dependency.id);
    set(out, "from", dependency.from);
    set(out, "to", dependency.to);
    set(out, "note", dependency.note);
    set(out, "updated_at", dependency.updated_at);
    return out;
}

json entity_json(const Retrospective& retrospective)
{
    json out = base(retrospective.preserved);
    set(out, "id", retrospective.id);
    set(out, "cycle", retrospective.cycle);
    set(out, "team", retrospective.team);
    set(out, "learned", retrospective.learned);
    set(out, "change_next", retrospective.change_next);
    set(out, "carry_forward", retrospective.carry_forward);
    set(out, "updated_at", retrospective.updated_at);
    return out;
}

json entity_json(const Tombstone& tombstone)
{
    json out = base(tombstone.preserved);
    set(out, "id", tombstone.id);
    set(out, "deleted_at", tombstone.deleted_at);
    return out;
}

// The model keeps collections sorted by id; sorting a view here as well keeps the file
// canonical even if some edit broke that order.
template <typename Entity>
json collection_json(const std::vector<Entity>& entities)
{
    std::vector<uint32_t> order(entities.size());
    std::iota(order.begin(), order.end(), uint32_t{0});
    if (!is_sorted_by_id(entities))
        order = ascending_order(ids_of(entities));

    json out = json::array();
    out.get_ref<json::array_t&>().reserve(order.size());
    for (const uint32_t position : order)
        out.push_back(entity_json(entities[position]));
    return out;
}

}  // namespace

nlohmann::json to_json(const Workspace& workspace)
{
    json out = base(workspace.preserved);
    out["format"] = "okr-cascade";
    out["version"] = workspace.version;
    out["workspace"] = entity_json(workspace.info);
    out["teams"] = collection_json(workspace.teams);
    out["people"] = collection_json(workspace.people);
    out["cycles"] = collection_json(workspace.cycles);
    out["objectives"] = collection_json(workspace.objectives);
    out["key_results"] = collection_json(workspace.key_results);
    out["check_ins"] = collection_json(workspace.check_ins);
    out["kpis"] = collection_json(workspace.kpis);
    out["tasks"] = collection_json(workspace.tasks);
    out["dependencies"] = collection_json(workspace.dependencies);
    out["retrospectives"] = collection_json(workspace.retrospectives);
    out["deleted"] = collection_json(workspace.deleted);
    return out;
}

nlohmann::json to_json(const AnyEntity& entity)
{
    return std::visit([](const auto& e) { return entity_json(e); }, entity);
}

std::string number_text(double value)
{
    return encode(value).dump();
}

std::string export_workspace(const Workspace& workspace)
{
    // `replace` turns any invalid UTF-8 that reached the model into U+FFFD instead of throwing.
    return to_json(workspace).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace okr
