// The forms' shared checks, and the organisation's kinds: teams, people, cycles and KPIs.
// The OKR kinds are in entity_edits_okrs.cpp, deleting in entity_edits_deletion.cpp.

#include "core/entity_edits.hpp"

#include <cctype>
#include <cmath>

#include "core/cycle_workflow.hpp"
#include "core/entity_edits_detail.hpp"
#include "core/utf8.hpp"

namespace okr {
namespace entity_edits_detail {

// ---- field checks -----------------------------------------------------------------------

void FieldChecks::problem(std::string field, std::string message)
{
    problems_.push_back({std::move(field), std::move(message)});
}

void FieldChecks::fresh_id(const Id& id)
{
    if (!is_valid_id(id))
        problem("id", "The id \"" + printable(id) + "\" is not 1-64 characters of A-Z a-z 0-9 . _ -");
    else if (id_in_use(workspace_, id))
        problem("id", "The id \"" + id + "\" is already used (or was used by something deleted); choose another.");
}

bool FieldChecks::well_formed(std::string_view field, const Id& id)
{
    if (is_valid_id(id))
        return true;
    problem(std::string(field), "\"" + printable(id) + "\" is not an id (1-64 characters of A-Z a-z 0-9 . _ -).");
    return false;
}

void FieldChecks::required_text(std::string_view field, const std::string& text)
{
    const bool blank = std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
    if (blank)
        problem(std::string(field), "Enter a " + std::string(field) + ".");
    else
        optional_text(field, text);
}

void FieldChecks::optional_text(std::string_view field, const std::string& text)
{
    if (first_invalid_utf8(text) != std::string_view::npos)
        problem(std::string(field), "The text is not valid UTF-8: \"" + printable(text) + "\".");
}

void FieldChecks::finite(std::string_view field, std::optional<double> value)
{
    if (value && !std::isfinite(*value))
        problem(std::string(field), "Enter a finite number.");
}

void FieldChecks::non_negative(std::string_view field, std::optional<double> value)
{
    if (value && !(std::isfinite(*value) && *value >= 0))
        problem(std::string(field), "Enter a number of 0 or more.");
}

std::optional<Date> FieldChecks::date(std::string_view field, const std::string& text, bool required)
{
    if (text.empty()) {
        if (required)
            problem(std::string(field), "Enter a date (YYYY-MM-DD).");
        return std::nullopt;
    }
    const auto parsed = Date::parse(text);
    if (!parsed)
        problem(std::string(field), "\"" + printable(text) + "\" is not a day of the calendar written as YYYY-MM-DD.");
    return parsed;
}

// ---- shared by every kind -------------------------------------------------------------------

std::optional<std::string> optional_text(const std::string& text, const std::optional<std::string>& before)
{
    if (!text.empty())
        return text;
    return before && before->empty() ? before : std::nullopt;
}

std::optional<std::vector<Id>> optional_list(const std::vector<Id>& ids, const std::optional<std::vector<Id>>& before)
{
    if (!ids.empty())
        return ids;
    return before && before->empty() ? before : std::nullopt;
}

std::string label_of(const AnyEntity& entity)
{
    return std::visit(
        [](const auto& e) -> std::string {
            using Entity = std::decay_t<decltype(e)>;
            if constexpr (requires { e.title; })
                return e.title;
            else if constexpr (requires { e.name; })
                return e.name;
            else if constexpr (std::is_same_v<Entity, Dependency>)
                return e.from + " needs " + e.to;
            else
                return e.id;
        },
        entity);
}

EditRefused refused_form(std::string_view noun, std::vector<FieldProblem> problems)
{
    const std::string count = problems.size() == 1 ? "1 field needs" : std::to_string(problems.size()) + " fields need";
    return EditRefused{"The " + std::string(noun) + " was not saved: " + count + " attention.", std::move(problems)};
}

bool same_content(const AnyEntity& before, const AnyEntity& after)
{
    nlohmann::json before_json = to_json(before);
    nlohmann::json after_json = to_json(after);
    before_json.erase("updated_at");
    after_json.erase("updated_at");
    return before_json == after_json;
}

// ---- teams, people, cycles, KPIs ------------------------------------------------------------

void fill(Team& after, const Team* before, const TeamDraft& draft, FieldChecks& checks)
{
    after.name = draft.name;
    after.parent = draft.parent;

    checks.required_text("name", after.name);
    checks.reference<Team>("parent", after.parent, was(before, &Team::parent));
    if (after.parent && would_loop(checks.workspace().teams, after.id, after.parent))
        checks.problem("parent", "\"" + *after.parent + "\" is part of this team's own tree: a team cannot sit "
                                                        "under itself or a team below it.");
}

void fill(Person& after, const Person* before, const PersonDraft& draft, FieldChecks& checks)
{
    after.name = draft.name;
    after.email = optional_text(draft.email, was(before, &Person::email));

    checks.required_text("name", after.name);
    checks.optional_text("email", draft.email);
    const size_t at = draft.email.find('@');
    const bool looks_like_address = at != std::string::npos && at > 0 && at + 1 < draft.email.size() &&
                                    draft.email.find(' ') == std::string::npos;
    if (!draft.email.empty() && !looks_like_address)
        checks.problem("email", "\"" + printable(draft.email) + "\" does not look like an email address.");
}

void fill(Cycle& after, const Cycle*, const CycleDraft& draft, FieldChecks& checks)
{
    after.name = draft.name;
    checks.required_text("name", after.name);
    const auto start = checks.date("start", draft.start, true);
    const auto end = checks.date("end", draft.end, true);
    if (start)
        after.start = *start;
    if (end)
        after.end = *end;
    if (start && end && *end < *start)
        checks.problem("end", "The cycle ends before it starts.");
}

// A reading the form kept unchanged keeps the unknown fields the file gave it.
Preserved preserved_reading(const Kpi* before, const KpiReading& reading)
{
    if (!before || !before->readings)
        return Preserved::object();
    for (const KpiReading& old : *before->readings)
        if (old.date == reading.date && old.value == reading.value)
            return old.preserved;
    return Preserved::object();
}

std::optional<std::vector<KpiReading>> readings_of(const Kpi* before, const KpiDraft& draft, FieldChecks& checks)
{
    const bool had_empty_list = before && before->readings && before->readings->empty();
    if (draft.readings.empty())
        return had_empty_list ? before->readings : std::nullopt;

    std::vector<KpiReading> readings;
    for (size_t i = 0; i < draft.readings.size(); ++i) {
        const std::string field = "readings/" + std::to_string(i);
        KpiReading reading;
        reading.date = checks.date(field + "/date", draft.readings[i].date, true).value_or(Date{});
        reading.value = draft.readings[i].value;
        checks.finite(field + "/value", reading.value);
        reading.preserved = preserved_reading(before, reading);
        readings.push_back(std::move(reading));
    }
    return readings;
}

void fill(Kpi& after, const Kpi* before, const KpiDraft& draft, FieldChecks& checks)
{
    after.name = draft.name;
    after.team = draft.team;
    after.unit = optional_text(draft.unit, was(before, &Kpi::unit));
    after.direction = draft.direction;
    after.floor = draft.floor;
    after.readings = readings_of(before, draft, checks);

    checks.required_text("name", after.name);
    checks.reference<Team>("team", after.team, was(before, &Kpi::team));
    checks.optional_text("unit", draft.unit);
    checks.finite("floor", after.floor);
}

}  // namespace entity_edits_detail

using entity_edits_detail::save;

TeamDraft draft_from(const Team& team)
{
    return {team.name, team.parent};
}

PersonDraft draft_from(const Person& person)
{
    return {person.name, person.email.value_or("")};
}

CycleDraft draft_from(const Cycle& cycle)
{
    return {cycle.name, cycle.start.to_string(), cycle.end.to_string()};
}

KpiDraft draft_from(const Kpi& kpi)
{
    KpiDraft draft{kpi.name, kpi.team, kpi.unit.value_or(""), kpi.direction, kpi.floor, {}};
    for (const KpiReading& reading : kpi.readings.value_or(std::vector<KpiReading>{}))
        draft.readings.push_back({reading.date.to_string(), reading.value});
    return draft;
}

EditResult save_team(const Workspace& workspace, const TeamDraft& draft, std::optional<Id> existing, Id new_id,
                     Timestamp now)
{
    return save<Team>(workspace, draft, existing, std::move(new_id), std::move(now));
}

EditResult save_person(const Workspace& workspace, const PersonDraft& draft, std::optional<Id> existing, Id new_id,
                       Timestamp now)
{
    return save<Person>(workspace, draft, existing, std::move(new_id), std::move(now));
}

EditResult save_cycle(const Workspace& workspace, const CycleDraft& draft, std::optional<Id> existing, Id new_id,
                      Timestamp now)
{
    return save<Cycle>(workspace, draft, existing, std::move(new_id), std::move(now));
}

EditResult save_kpi(const Workspace& workspace, const KpiDraft& draft, std::optional<Id> existing, Id new_id,
                    Timestamp now)
{
    return save<Kpi>(workspace, draft, existing, std::move(new_id), std::move(now));
}

}  // namespace okr
