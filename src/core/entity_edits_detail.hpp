#pragma once
// Internal to the entity edits: the field checks every form shares, what each kind is
// called and where it is kept, and the one save routine all kinds go through.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/entity_edits.hpp"
#include "core/export.hpp"

namespace okr::entity_edits_detail {

// ---- the kinds --------------------------------------------------------------------------

template <typename Entity>
struct Kind;

#define OKR_ENTITY_KIND(Type, member, singular)                                              \
    template <>                                                                              \
    struct Kind<Type> {                                                                      \
        static constexpr std::string_view noun = singular;                                   \
        static const std::vector<Type>& of(const Workspace& w) { return w.member; }          \
    };
OKR_ENTITY_KIND(Team, teams, "team")
OKR_ENTITY_KIND(Person, people, "person")
OKR_ENTITY_KIND(Cycle, cycles, "cycle")
OKR_ENTITY_KIND(Objective, objectives, "objective")
OKR_ENTITY_KIND(KeyResult, key_results, "key result")
OKR_ENTITY_KIND(CheckIn, check_ins, "check-in")
OKR_ENTITY_KIND(Kpi, kpis, "KPI")
OKR_ENTITY_KIND(Task, tasks, "task")
OKR_ENTITY_KIND(Dependency, dependencies, "dependency")
OKR_ENTITY_KIND(Retrospective, retrospectives, "retrospective")
#undef OKR_ENTITY_KIND

// How a summary names one entity: its name or title, else its id.
std::string label_of(const AnyEntity& entity);

// ---- field checks -----------------------------------------------------------------------

// Collects the problems of one form. A reference passes when the workspace holds it or
// when it is the value the entity had before (kept as written, see entity_edits.hpp).
class FieldChecks {
public:
    explicit FieldChecks(const Workspace& workspace) : workspace_(workspace) {}

    const Workspace& workspace() const { return workspace_; }
    bool ok() const { return problems_.empty(); }
    std::vector<FieldProblem> take() { return std::move(problems_); }

    void problem(std::string field, std::string message);

    void fresh_id(const Id& id);
    void required_text(std::string_view field, const std::string& text);
    void optional_text(std::string_view field, const std::string& text);
    void finite(std::string_view field, std::optional<double> value);
    void non_negative(std::string_view field, std::optional<double> value);
    // Blank text is no date; `required` makes that a problem too.
    std::optional<Date> date(std::string_view field, const std::string& text, bool required);

    template <typename Target>
    void reference(std::string_view field, const std::optional<Id>& id, const std::optional<Id>& before);
    // A required reference: blank is a problem.
    template <typename Target>
    void required_reference(std::string_view field, const Id& id, const std::optional<Id>& before);
    // Each id of a list, checked as a reference; ids the entity listed before pass.
    template <typename Target>
    void references(std::string_view field, const std::vector<Id>& ids, const std::optional<std::vector<Id>>& before);

private:
    bool well_formed(std::string_view field, const Id& id);

    const Workspace& workspace_;
    std::vector<FieldProblem> problems_;
};

template <typename Target>
void FieldChecks::reference(std::string_view field, const std::optional<Id>& id, const std::optional<Id>& before)
{
    if (!id || id == before || !well_formed(field, *id))
        return;
    if (!find_by_id(Kind<Target>::of(workspace_), *id))
        problem(std::string(field), "There is no " + std::string(Kind<Target>::noun) + " \"" + *id + "\".");
}

template <typename Target>
void FieldChecks::required_reference(std::string_view field, const Id& id, const std::optional<Id>& before)
{
    const std::string_view noun = Kind<Target>::noun;
    const bool vowel = std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
    if (id.empty())
        problem(std::string(field), std::string(vowel ? "Choose an " : "Choose a ") + std::string(noun) + ".");
    else
        reference<Target>(field, id, before);
}

template <typename Target>
void FieldChecks::references(std::string_view field, const std::vector<Id>& ids,
                             const std::optional<std::vector<Id>>& before)
{
    for (size_t i = 0; i < ids.size(); ++i) {
        const bool listed_before = before && std::find(before->begin(), before->end(), ids[i]) != before->end();
        reference<Target>(std::string(field) + "/" + std::to_string(i), ids[i],
                          listed_before ? std::optional<Id>(ids[i]) : std::nullopt);
    }
}

// ---- turning draft values into model values ---------------------------------------------------

template <typename T>
inline constexpr bool is_optional = false;
template <typename T>
inline constexpr bool is_optional<std::optional<T>> = true;

// The value a field held before the edit, as an optional: none when creating.
template <typename Entity, typename Value>
auto was(const Entity* before, Value Entity::*field)
{
    if constexpr (is_optional<Value>)
        return before ? before->*field : Value{};
    else
        return before ? std::optional<Value>(before->*field) : std::nullopt;
}

// Empty text is no value, except that an entity which held an empty text keeps it (so
// that saving an untouched form changes nothing).
std::optional<std::string> optional_text(const std::string& text, const std::optional<std::string>& before);
std::optional<std::vector<Id>> optional_list(const std::vector<Id>& ids, const std::optional<std::vector<Id>>& before);

// True when following parents up from `parent` reaches `self`: with `self` given that
// parent, the collection would hold a loop. Stops at an id it has seen, so that even a
// collection that already holds a loop cannot keep it walking.
template <typename Entity>
bool would_loop(const std::vector<Entity>& entities, const Id& self, const std::optional<Id>& parent)
{
    std::vector<Id> seen;
    for (std::optional<Id> at = parent; at; ) {
        if (*at == self)
            return true;
        if (std::find(seen.begin(), seen.end(), *at) != seen.end())
            return false;
        seen.push_back(*at);
        const Entity* next = find_by_id(entities, *at);
        at = next ? next->parent : std::nullopt;
    }
    return false;
}

// ---- the save routine -------------------------------------------------------------------

// Each kind's own rules: fills `after` (a copy of `before`, or a fresh entity with its id)
// from the draft and checks it. Defined beside each kind; objectives and KRs also serve
// findings_for_draft.
void fill(Team& after, const Team* before, const TeamDraft& draft, FieldChecks& checks);
void fill(Person& after, const Person* before, const PersonDraft& draft, FieldChecks& checks);
void fill(Cycle& after, const Cycle* before, const CycleDraft& draft, FieldChecks& checks);
void fill(Objective& after, const Objective* before, const ObjectiveDraft& draft, FieldChecks& checks);
void fill(KeyResult& after, const KeyResult* before, const KeyResultDraft& draft, FieldChecks& checks);
void fill(Kpi& after, const Kpi* before, const KpiDraft& draft, FieldChecks& checks);
void fill(Task& after, const Task* before, const TaskDraft& draft, FieldChecks& checks);
void fill(Dependency& after, const Dependency* before, const DependencyDraft& draft, FieldChecks& checks);
void fill(Retrospective& after, const Retrospective* before, const RetrospectiveDraft& draft,
          FieldChecks& checks);

EditRefused refused_form(std::string_view noun, std::vector<FieldProblem> problems);
// True when the two differ in nothing but updated_at.
bool same_content(const AnyEntity& before, const AnyEntity& after);

// The entity as the draft makes it, and whether it could be saved (`checks` says why not).
template <typename Entity, typename Draft>
Entity drafted(const Entity* before, const Draft& draft, const Id& new_id, FieldChecks& checks)
{
    Entity after = before ? *before : Entity{};
    if (!before)
        after.id = new_id;
    fill(after, before, draft, checks);
    return after;
}

template <typename Entity, typename Draft>
EditResult save(const Workspace& workspace, const Draft& draft, const std::optional<Id>& existing, Id new_id,
                Timestamp now)
{
    const std::string noun(Kind<Entity>::noun);
    const Entity* before = existing ? find_by_id(Kind<Entity>::of(workspace), *existing) : nullptr;
    if (existing && !before)
        return EditRefused{"There is no " + noun + " \"" + *existing + "\" to edit."};

    FieldChecks checks(workspace);
    if (!before)
        checks.fresh_id(new_id);
    Entity after = drafted(before, draft, new_id, checks);
    if (!checks.ok())
        return refused_form(noun, checks.take());

    if (before && same_content(*before, after))
        return ChangeSet{"No changes to the " + noun + " '" + label_of(*before) + "'", {}};
    after.updated_at = std::move(now);
    const std::string label = label_of(after);
    if (before)
        return replaced("Edit the " + noun + " '" + label + "'", *before, std::move(after));
    return added("Add the " + noun + " '" + label + "'", std::move(after));
}

}  // namespace okr::entity_edits_detail
