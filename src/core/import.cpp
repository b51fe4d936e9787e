#include "core/import.hpp"

#include <algorithm>
#include <charconv>

#include "core/import_fields.hpp"
#include "core/import_links.hpp"
#include "core/json_reader.hpp"

namespace okr {
namespace {

using json = nlohmann::json;
using namespace import_detail;

constexpr std::string_view format_name = "okr-cascade";
constexpr int newest_version = 1;

// ---- one object per kind: the fields of docs/file-format.md -------------------------------

void read(FieldReader& r, WorkspaceInfo& info)
{
    r.own_id(info.id);
    r.text("name", info.name);
    r.timestamp("updated_at", info.updated_at);
}

void read(FieldReader& r, Team& team)
{
    r.own_id(team.id);
    r.text("name", team.name);
    r.reference("parent", team.parent);
    r.timestamp("updated_at", team.updated_at);
}

void read(FieldReader& r, Person& person)
{
    r.own_id(person.id);
    r.text("name", person.name);
    r.text("email", person.email);
    r.timestamp("updated_at", person.updated_at);
}

void read(FieldReader& r, Cycle& cycle)
{
    r.own_id(cycle.id);
    r.text("name", cycle.name);
    r.date("start", cycle.start);
    r.date("end", cycle.end);
    r.choice("state", cycle.state, cycle_state_from, "draft, active, closed");
    r.timestamp("updated_at", cycle.updated_at);
}

void read(FieldReader& r, Objective& objective)
{
    r.own_id(objective.id);
    r.reference("cycle", objective.cycle);
    r.reference("team", objective.team);
    r.text("title", objective.title);
    r.text("description", objective.description);
    r.reference("owner", objective.owner);
    r.reference("parent", objective.parent);
    r.open_choice("commitment", objective.commitment, {"aspirational", "committed"});
    r.open_choice("perspective", objective.perspective, {"financial", "customer", "internal", "learning"});
    r.id_list("kpis", objective.kpis);
    r.reference("carried_from", objective.carried_from);
    r.timestamp("updated_at", objective.updated_at);
}

void read(FieldReader& r, KeyResult& kr)
{
    r.own_id(kr.id);
    r.reference("objective", kr.objective);
    r.text("title", kr.title);
    r.choice("direction", kr.direction, direction_from, "increase, decrease, at_least, at_most, milestone");
    r.text("unit", kr.unit);
    // Required by the format, but a draft may lack them; the coach reports that.
    r.number("baseline", kr.baseline);
    r.number("target", kr.target);
    r.date("deadline", kr.deadline);
    r.number("weight", kr.weight, Range::non_negative);
    r.reference("owner", kr.owner);
    r.number("final_score", kr.final_score, Range::unit_interval);
    r.text("score_note", kr.score_note);
    r.timestamp("updated_at", kr.updated_at);
}

void read(FieldReader& r, CheckIn& check_in)
{
    r.own_id(check_in.id);
    r.reference("key_result", check_in.key_result);
    r.date("date", check_in.date);
    r.number("value", check_in.value);
    r.number("confidence", check_in.confidence, Range::unit_interval);
    r.text("note", check_in.note);
    r.reference("author", check_in.author);
    r.timestamp("recorded_at", check_in.recorded_at);
    r.reference("corrects", check_in.corrects);
}

void read(FieldReader& r, KpiReading& reading)
{
    r.date("date", reading.date);
    r.number("value", reading.value);
}

void read(FieldReader& r, Task& task)
{
    r.own_id(task.id);
    r.reference("key_result", task.key_result);
    r.text("title", task.title);
    r.flag("done", task.done);
    r.reference("owner", task.owner);
    r.timestamp("updated_at", task.updated_at);
}

void read(FieldReader& r, Dependency& dependency)
{
    r.own_id(dependency.id);
    r.reference("from", dependency.from);
    r.reference("to", dependency.to);
    r.text("note", dependency.note);
    r.timestamp("updated_at", dependency.updated_at);
}

void read(FieldReader& r, Retrospective& retrospective)
{
    r.own_id(retrospective.id);
    r.reference("cycle", retrospective.cycle);
    r.reference("team", retrospective.team);
    r.text("learned", retrospective.learned);
    r.text("change_next", retrospective.change_next);
    r.id_list("carry_forward", retrospective.carry_forward);
    r.timestamp("updated_at", retrospective.updated_at);
}

void read(FieldReader& r, Tombstone& tombstone)
{
    r.own_id(tombstone.id);
    r.timestamp("deleted_at", tombstone.deleted_at);
}

// Declared ahead: a KPI holds objects of its own (readings), read by read_object below.
void read(FieldReader& r, Kpi& kpi);

template <typename Entity>
void read_object(json& value, std::string pointer, Diagnostics& diagnostics, Entity& entity)
{
    if (!value.is_object()) {
        diagnostics.refuse(std::move(pointer), "expected an object, found " + found(value));
        return;
    }
    FieldReader r(value, std::move(pointer), diagnostics);
    read(r, entity);
    r.finish(entity.preserved);
}

void read_readings(FieldReader& r, std::optional<std::vector<KpiReading>>& out)
{
    json* value = r.optional_field("readings");
    if (!value)
        return;
    const std::string pointer = r.pointer_to("readings");
    if (!value->is_array()) {
        r.diagnostics().refuse(pointer, "expected an array, found " + found(*value));
        return;
    }

    out.emplace();
    out->reserve(value->size());
    for (size_t i = 0; i < value->size(); ++i)
        read_object((*value)[i], pointer + "/" + std::to_string(i), r.diagnostics(), out->emplace_back());
}

void read(FieldReader& r, Kpi& kpi)
{
    r.own_id(kpi.id);
    r.text("name", kpi.name);
    r.reference("team", kpi.team);
    r.text("unit", kpi.unit);
    r.choice("direction", kpi.direction, kpi_direction_from, "higher_is_better, lower_is_better");
    r.number("floor", kpi.floor);
    read_readings(r, kpi.readings);
    r.timestamp("updated_at", kpi.updated_at);
}

// ---- the document ------------------------------------------------------------------------

// A missing collection reads as empty. Returns the file position of each sorted entity.
template <typename Entity>
std::vector<uint32_t> read_collection(FieldReader& root, std::string_view name, std::vector<Entity>& out)
{
    json* value = root.field(name);
    if (!value)
        return {};
    const std::string pointer = root.pointer_to(name);
    if (!value->is_array()) {
        root.diagnostics().refuse(pointer, "expected an array, found " + found(*value));
        return {};
    }

    out.reserve(value->size());
    for (size_t i = 0; i < value->size(); ++i)
        read_object((*value)[i], pointer + "/" + std::to_string(i), root.diagnostics(), out.emplace_back());
    // The elements were moved out; dropping their shells now lowers the peak memory of large files.
    *value = json::array();
    return sort_checking_ids(out, name, root.diagnostics());
}

FilePositions read_collections(FieldReader& root, Workspace& workspace)
{
    FilePositions positions;
    positions.teams = read_collection(root, "teams", workspace.teams);
    positions.people = read_collection(root, "people", workspace.people);
    positions.cycles = read_collection(root, "cycles", workspace.cycles);
    positions.objectives = read_collection(root, "objectives", workspace.objectives);
    positions.key_results = read_collection(root, "key_results", workspace.key_results);
    positions.check_ins = read_collection(root, "check_ins", workspace.check_ins);
    positions.kpis = read_collection(root, "kpis", workspace.kpis);
    positions.tasks = read_collection(root, "tasks", workspace.tasks);
    positions.dependencies = read_collection(root, "dependencies", workspace.dependencies);
    positions.retrospectives = read_collection(root, "retrospectives", workspace.retrospectives);
    positions.deleted = read_collection(root, "deleted", workspace.deleted);
    return positions;
}

// How a refusal names what the file gives as its format.
std::string format_found(const json* value)
{
    if (!value)
        return "no format";
    if (value->is_string())
        return "format " + in_quotes(value->get_ref<const std::string&>());
    return "format " + found(*value);
}

bool is_our_format(FieldReader& root)
{
    const json* value = root.field("format");
    if (value && *value == format_name)
        return true;
    root.diagnostics().refuse(root.pointer_to("format"), "not an OKR cascade file: expected format \"" +
                                                             std::string(format_name) + "\", found " +
                                                             format_found(value));
    return false;
}

std::optional<int> readable_version(FieldReader& root)
{
    const json* value = root.field("version");
    const std::string pointer = root.pointer_to("version");
    if (!value) {
        root.diagnostics().refuse(pointer, "required field \"version\" is missing");
        return std::nullopt;
    }
    if (!value->is_number_integer()) {
        root.diagnostics().refuse(pointer, "expected an integer version, found " + found(*value));
        return std::nullopt;
    }

    // nlohmann reads every non-negative integer as unsigned, so a signed one is negative.
    const bool negative = !value->is_number_unsigned();
    if (!negative && value->get<uint64_t>() > uint64_t{newest_version}) {
        root.diagnostics().refuse(pointer, "version " + value->dump() + " is newer than this app reads (" +
                                               std::to_string(newest_version) + ")");
        return std::nullopt;
    }
    if (negative || value->get<uint64_t>() == 0) {
        root.diagnostics().refuse(pointer,
                                  "version " + value->dump() + " does not exist; versions start at 1");
        return std::nullopt;
    }
    return static_cast<int>(value->get<uint64_t>());
}

void read_info(FieldReader& root, WorkspaceInfo& info)
{
    json* value = root.field("workspace");
    if (!value) {
        root.diagnostics().refuse(root.pointer_to("workspace"), "required field \"workspace\" is missing");
        return;
    }
    read_object(*value, root.pointer_to("workspace"), root.diagnostics(), info);
}

// ---- problems of the JSON text itself ----------------------------------------------------

std::vector<std::string> split_pointer(std::string_view pointer)
{
    std::vector<std::string> tokens;
    size_t start = 1;
    while (start <= pointer.size()) {
        const size_t end = std::min(pointer.find('/', start), pointer.size());
        std::string token(pointer.substr(start, end - start));
        for (size_t at = token.find('~'); at != std::string::npos; at = token.find('~', at + 1))
            token.replace(at, 2, token.compare(at, 2, "~1") == 0 ? "/" : "~");
        tokens.push_back(std::move(token));
        start = end + 1;
    }
    return tokens;
}

// Names the entity and field a pointer lies in, such as `the title of objective "o-x"`,
// when the entity's id was read before the parser stopped; empty otherwise.
std::string entity_context(std::string_view pointer, const json& partial)
{
    const std::vector<std::string> tokens = split_pointer(pointer);
    if (tokens.size() < 2 || !partial.is_object())
        return {};
    const auto collection = partial.find(tokens[0]);
    size_t index = 0;
    const auto [end, error] = std::from_chars(tokens[1].data(), tokens[1].data() + tokens[1].size(), index);
    if (collection == partial.end() || !collection->is_array() || error != std::errc() ||
        index >= collection->size())
        return {};

    const json& entity = (*collection)[index];
    const auto id = entity.is_object() ? entity.find("id") : entity.end();
    if (id == entity.end() || !id->is_string())
        return {};
    const std::string subject = std::string(entity_noun(tokens[0])) + " " + in_quotes(id->get<std::string>());
    return tokens.size() > 2 ? "the " + tokens[2] + " of " + subject : subject;
}

void report_reader_problems(const JsonReadResult& read, Diagnostics& diagnostics)
{
    for (const JsonProblem& problem : read.problems) {
        if (problem.kind != JsonProblem::Kind::invalid_utf8) {
            diagnostics.refuse(problem.pointer, describe(problem));
            continue;
        }
        JsonProblem named = problem;
        if (const std::string context = entity_context(problem.pointer, read.document); !context.empty())
            named.message += (named.message.ends_with("field name") ? " of " : " in ") + context;
        diagnostics.refuse(problem.pointer, describe(named));
    }
}

ImportResult conclude(Diagnostics diagnostics, std::optional<Workspace> workspace = std::nullopt)
{
    ImportResult result;
    result.refusals = std::move(diagnostics.refusals);
    result.warnings = std::move(diagnostics.warnings);
    if (result.refusals.empty())
        result.workspace = std::move(workspace);
    return result;
}

ImportResult import_document(std::string_view bytes)
{
    JsonReadResult read = read_json(bytes);
    Diagnostics diagnostics;
    diagnostics.inexact_integers = &read.inexact_integers;
    report_reader_problems(read, diagnostics);
    if (!read.complete)
        return conclude(std::move(diagnostics));
    if (!read.document.is_object()) {
        diagnostics.refuse("", "expected the top level to be an object, found " + found(read.document));
        return conclude(std::move(diagnostics));
    }

    FieldReader root(read.document, "", diagnostics);
    const bool ours = is_our_format(root);
    const auto version = readable_version(root);
    // Another format, or a newer version of ours, is not judged further by rules that are
    // not its own: that would bury the one message that matters.
    if (!ours || !version)
        return conclude(std::move(diagnostics));

    Workspace workspace;
    workspace.version = *version;
    read_info(root, workspace.info);
    const FilePositions positions = read_collections(root, workspace);
    root.finish(workspace.preserved);
    check_links(workspace, positions, diagnostics);
    return conclude(std::move(diagnostics), std::move(workspace));
}

}  // namespace

std::string to_string(const Problem& problem)
{
    if (problem.pointer.empty())
        return problem.message;
    return problem.pointer + ": " + problem.message;
}

ImportResult import_workspace(std::string_view bytes)
{
    // The reader reports malformed input as values; this catch is only the last line of
    // defence, so that no exception of the JSON library ever leaves the core.
    try {
        return import_document(bytes);
    } catch (const nlohmann::json::exception& error) {
        ImportResult result;
        result.refusals.push_back({"", std::string("the file could not be read: ") + error.what()});
        return result;
    }
}

}  // namespace okr
