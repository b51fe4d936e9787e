#include "core/merge.hpp"

#include <algorithm>
#include <compare>
#include <span>
#include <type_traits>
#include <utility>

#include "core/export.hpp"

namespace okr {
namespace {

using json = nlohmann::json;

// ---- the same content, without writing JSON ------------------------------------------------
//
// Most pairs in a merge are identical copies. Writing both as JSON to compare them would
// cost seconds on a large workspace, so equal content is recognised field by field first,
// and only pairs found different are written out. A field missing here would make two
// different entities look the same: every field of the model must be compared.

// The file writes a timestamp's text, so two texts of the same instant are different content.
bool same_written(const Timestamp& a, const Timestamp& b)
{
    if (a.unix_ms != b.unix_ms)
        return false;
    if (a.text.empty() == b.text.empty())
        return a.text == b.text;
    // A timestamp without its text was written in the canonical form.
    return (a.text.empty() ? b.text : a.text) == Timestamp::from_unix_ms(a.unix_ms).text;
}

bool same(const KpiReading& a, const KpiReading& b)
{
    return a.date == b.date && a.value == b.value && same_preserved(a.preserved, b.preserved);
}

bool same(const std::optional<std::vector<KpiReading>>& a, const std::optional<std::vector<KpiReading>>& b)
{
    if (!a || !b)
        return a.has_value() == b.has_value();
    return std::equal(a->begin(), a->end(), b->begin(), b->end(),
                      [](const KpiReading& x, const KpiReading& y) { return same(x, y); });
}

bool same(const Team& a, const Team& b)
{
    return a.id == b.id && a.name == b.name && a.parent == b.parent && same_written(a.updated_at, b.updated_at) &&
           same_preserved(a.preserved, b.preserved);
}

bool same(const Person& a, const Person& b)
{
    return a.id == b.id && a.name == b.name && a.email == b.email && same_written(a.updated_at, b.updated_at) &&
           same_preserved(a.preserved, b.preserved);
}

bool same(const Cycle& a, const Cycle& b)
{
    return a.id == b.id && a.name == b.name && a.start == b.start && a.end == b.end && a.state == b.state &&
           same_written(a.updated_at, b.updated_at) && same_preserved(a.preserved, b.preserved);
}

bool same(const Objective& a, const Objective& b)
{
    return a.id == b.id && a.cycle == b.cycle && a.team == b.team && a.title == b.title &&
           a.description == b.description && a.owner == b.owner && a.parent == b.parent &&
           a.commitment == b.commitment && a.perspective == b.perspective && a.kpis == b.kpis &&
           a.carried_from == b.carried_from && same_written(a.updated_at, b.updated_at) &&
           same_preserved(a.preserved, b.preserved);
}

bool same(const KeyResult& a, const KeyResult& b)
{
    return a.id == b.id && a.objective == b.objective && a.title == b.title && a.direction == b.direction &&
           a.unit == b.unit && a.baseline == b.baseline && a.target == b.target && a.deadline == b.deadline &&
           a.weight == b.weight && a.owner == b.owner && a.final_score == b.final_score &&
           a.score_note == b.score_note && same_written(a.updated_at, b.updated_at) && same_preserved(a.preserved, b.preserved);
}

bool same(const CheckIn& a, const CheckIn& b)
{
    return a.id == b.id && a.key_result == b.key_result && a.date == b.date && a.value == b.value &&
           a.confidence == b.confidence && a.note == b.note && a.author == b.author &&
           same_written(a.recorded_at, b.recorded_at) && a.corrects == b.corrects && same_preserved(a.preserved, b.preserved);
}

bool same(const Kpi& a, const Kpi& b)
{
    return a.id == b.id && a.name == b.name && a.team == b.team && a.unit == b.unit &&
           a.direction == b.direction && a.floor == b.floor && same(a.readings, b.readings) &&
           same_written(a.updated_at, b.updated_at) && same_preserved(a.preserved, b.preserved);
}

bool same(const Task& a, const Task& b)
{
    return a.id == b.id && a.key_result == b.key_result && a.title == b.title && a.done == b.done &&
           a.owner == b.owner && same_written(a.updated_at, b.updated_at) && same_preserved(a.preserved, b.preserved);
}

bool same(const Dependency& a, const Dependency& b)
{
    return a.id == b.id && a.from == b.from && a.to == b.to && a.note == b.note &&
           same_written(a.updated_at, b.updated_at) && same_preserved(a.preserved, b.preserved);
}

bool same(const Retrospective& a, const Retrospective& b)
{
    return a.id == b.id && a.cycle == b.cycle && a.team == b.team && a.learned == b.learned &&
           a.change_next == b.change_next && a.carry_forward == b.carry_forward &&
           same_written(a.updated_at, b.updated_at) && same_preserved(a.preserved, b.preserved);
}

bool same(const WorkspaceInfo& a, const WorkspaceInfo& b)
{
    const bool same_instant = a.updated_at && b.updated_at ? same_written(*a.updated_at, *b.updated_at)
                                                           : a.updated_at.has_value() == b.updated_at.has_value();
    return a.id == b.id && a.name == b.name && same_instant && same_preserved(a.preserved, b.preserved);
}

bool same(const Tombstone& a, const Tombstone& b)
{
    return a.id == b.id && same_written(a.deleted_at, b.deleted_at) && same_preserved(a.preserved, b.preserved);
}

// ---- which of a pair wins ------------------------------------------------------------------

// The instant that orders versions of an entity: when it was last edited, recorded or deleted.
template <typename Entity>
const Timestamp& stamp(const Entity& entity)
{
    return entity.updated_at;
}
const Timestamp& stamp(const CheckIn& check_in) { return check_in.recorded_at; }
const Timestamp& stamp(const Tombstone& tombstone) { return tombstone.deleted_at; }

// The file's text, which settles ties. Invalid UTF-8 (which the importer never lets in) is
// replaced as export_workspace replaces it, so this never throws.
std::string canonical_text(const json& value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

template <typename Entity>
std::string canonical_text(const Entity& entity)
{
    return canonical_text(to_json(AnyEntity(entity)));
}

struct Verdict {
    bool differ = false;
    bool theirs_win = false;
    bool conflict = false;  // both sides changed the entity and one change is dropped
    bool identical = false;  // the same in memory, field by field
};

template <typename Entity>
Verdict judge(const Entity& ours, const Entity& theirs)
{
    // Check-ins are never edited: two versions of one are always a conflict.
    constexpr bool immutable = std::is_same_v<Entity, CheckIn>;
    const int64_t ours_ms = stamp(ours).unix_ms;
    const int64_t theirs_ms = stamp(theirs).unix_ms;
    if (ours_ms != theirs_ms)
        return {true, theirs_ms > ours_ms, immutable};

    if (same(ours, theirs))
        return {false, false, false, true};
    const std::string ours_text = canonical_text(ours);
    const std::string theirs_text = canonical_text(theirs);
    // Different in memory but written the same (a timestamp with and without its text, say):
    // the file cannot tell them apart, so neither can the merge.
    if (ours_text == theirs_text)
        return {};
    return {true, theirs_text > ours_text, true};
}

// ---- notes on what happened to ours --------------------------------------------------------

template <typename Entity>
std::string label_of(const Entity& entity)
{
    if constexpr (requires { entity.title; }) {
        if (!entity.title.empty())
            return entity.title;
    } else if constexpr (requires { entity.name; }) {
        if (!entity.name.empty())
            return entity.name;
    }
    return entity.id;
}

json field_or_null(const json& object, const std::string& field)
{
    const auto it = object.find(field);
    return it == object.end() ? json() : *it;
}

std::vector<FieldDifference> differences(const json& ours, const json& theirs)
{
    std::vector<FieldDifference> out;
    for (const auto& [field, value] : ours.items())
        if (const auto other = theirs.find(field); other == theirs.end() || *other != value)
            out.push_back({field, value, field_or_null(theirs, field)});
    for (const auto& [field, value] : theirs.items())
        if (!ours.contains(field))
            out.push_back({field, json(), value});

    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.field < b.field; });
    return out;
}

template <typename Entity>
std::vector<FieldDifference> differences_of(const Entity& ours, const Entity& theirs)
{
    if constexpr (std::is_same_v<Entity, Tombstone>)
        return {};  // never shown
    else
        return differences(to_json(AnyEntity(ours)), to_json(AnyEntity(theirs)));
}

// ---- one collection, walked in step with the other side and the tombstones -----------------

// Where one merge writes its result; shared by every collection.
struct Output {
    std::vector<EntityMergeNote>& notes;
    ChangeSet& changes;
};

template <typename Entity>
const char* collection_name()
{
    return collection_of(AnyEntity(std::in_place_type<Entity>));
}

// The merged tombstones, looked up in ascending id order as a collection is walked.
class TombstoneCursor {
public:
    explicit TombstoneCursor(std::span<const Tombstone> tombstones) : rest_(tombstones) {}

    const Tombstone* find(const Id& id)
    {
        while (!rest_.empty() && rest_.front().id < id)
            rest_ = rest_.subspan(1);
        return !rest_.empty() && rest_.front().id == id ? &rest_.front() : nullptr;
    }

private:
    std::span<const Tombstone> rest_;
};

template <typename Entity>
class CollectionMerge {
public:
    CollectionMerge(std::span<const Tombstone> tombstones, Output output, std::size_t expected)
        : tombstones_(tombstones), output_(output)
    {
        merged_.reserve(expected);
    }

    // Settles one id held by ours, theirs or both; ids arrive in ascending order. With
    // `consume_theirs` the caller gives theirs up: the version kept moves out of it when it is
    // theirs or the same as ours, instead of being copied.
    void settle(const Entity* ours, const Entity* theirs, bool consume_theirs)
    {
        const Verdict verdict = ours && theirs ? judge(*ours, *theirs) : Verdict{};
        const Entity& winner = !ours || verdict.theirs_win ? *theirs : *ours;
        if (removed(winner)) {
            if (ours)
                record(MergeOutcome::deleted, *ours, Change{AnyEntity(*ours), std::nullopt});
            return;
        }

        // The notes copy what they need first: the winner may move below.
        if (!ours)
            record(MergeOutcome::added, winner, Change{std::nullopt, AnyEntity(winner)});
        else if (verdict.theirs_win)  // a newer version of ours simply stays: nothing happened to ours
            record(verdict.conflict ? MergeOutcome::conflict : MergeOutcome::changed, *theirs,
                   Change{AnyEntity(*ours), AnyEntity(*theirs)}, differences_of(*ours, *theirs));
        else if (verdict.conflict)
            record(MergeOutcome::conflict, *ours, std::nullopt, differences_of(*ours, *theirs));

        const bool take_theirs = consume_theirs && theirs && (!ours || verdict.theirs_win || verdict.identical);
        if (take_theirs)
            merged_.push_back(std::move(const_cast<Entity&>(*theirs)));  // see merge_collection
        else
            merged_.push_back(winner);
    }

    std::vector<Entity> take() { return std::move(merged_); }

private:
    // A tombstone removes what was last touched before the deletion; an entity edited after
    // it was deleted elsewhere stays.
    bool removed(const Entity& winner)
    {
        if constexpr (std::is_same_v<Entity, Tombstone>) {
            return false;
        } else {
            const Tombstone* tombstone = tombstones_.find(winner.id);
            return tombstone && tombstone->deleted_at.unix_ms > stamp(winner).unix_ms;
        }
    }

    // `shown` is the version the merged workspace holds (ours, for a deletion).
    void record(MergeOutcome outcome, const Entity& shown, std::optional<Change> change,
                std::vector<FieldDifference> differences = {})
    {
        if (change)
            output_.changes.changes.push_back(std::move(*change));
        // Tombstones are bookkeeping; the notes name the entities they remove.
        if constexpr (!std::is_same_v<Entity, Tombstone>)
            output_.notes.push_back(
                {outcome, collection_name<Entity>(), shown.id, label_of(shown), std::move(differences)});
    }

    TombstoneCursor tombstones_;
    Output output_;
    std::vector<Entity> merged_;
};

// A merge-join of the two sorted collections: linear, whatever their size. With
// `consume_theirs`, `theirs_in` must be a collection the caller may give up (not a const
// object): its entities are moved from.
template <typename Entity>
std::vector<Entity> merge_collection(const std::vector<Entity>& ours_in, const std::vector<Entity>& theirs_in,
                                     std::span<const Tombstone> tombstones, Output output,
                                     bool consume_theirs)
{
    std::vector<Entity> ours_copy, theirs_copy;
    const std::span<const Entity> ours = in_id_order(ours_in, ours_copy);
    const std::span<const Entity> theirs = in_id_order(theirs_in, theirs_copy);

    CollectionMerge<Entity> merge(tombstones, output, std::max(ours.size(), theirs.size()));
    auto o = ours.begin();
    auto t = theirs.begin();
    while (o != ours.end() || t != theirs.end()) {
        const bool from_ours = t == theirs.end() || (o != ours.end() && o->id <= t->id);
        const bool from_theirs = o == ours.end() || (t != theirs.end() && t->id <= o->id);
        merge.settle(from_ours ? &*o++ : nullptr, from_theirs ? &*t++ : nullptr, consume_theirs);
    }
    return merge.take();
}

// ---- the workspace itself ------------------------------------------------------------------

json info_json(const WorkspaceInfo& info)
{
    Workspace header;
    header.info = info;
    return to_json(header)["workspace"];
}

// Absent updated_at loses; then the later instant; then the text that sorts last.
std::strong_ordering compare_info(const WorkspaceInfo& a, const WorkspaceInfo& b)
{
    if (a.updated_at.has_value() != b.updated_at.has_value())
        return a.updated_at ? std::strong_ordering::greater : std::strong_ordering::less;
    if (a.updated_at && a.updated_at->unix_ms != b.updated_at->unix_ms)
        return a.updated_at->unix_ms <=> b.updated_at->unix_ms;
    if (same(a, b))
        return std::strong_ordering::equal;
    // Spelled out: Emscripten 3.1.6's libc++ has no <=> for std::string.
    return canonical_text(info_json(a)).compare(canonical_text(info_json(b))) <=> 0;
}

// The header (workspace info and unknown top-level fields) is one entity: the later one
// wins whole, as any entity does. Uniting the unknown fields instead would need a time per
// field, which the file does not keep: without one, a field missing from the later copy
// cannot be told from a field it never had, and the result would depend on the order of
// the merges. On equal info, the unknown fields whose text sorts last win.
std::string kept_text(const Preserved& preserved)
{
    return preserved.empty() ? std::string("{}") : canonical_text(preserved);
}

void merge_header(const Workspace& ours, const Workspace& theirs, Workspace& merged)
{
    std::strong_ordering order = compare_info(ours.info, theirs.info);
    if (order == 0)
        order = kept_text(ours.preserved).compare(kept_text(theirs.preserved)) <=> 0;
    const Workspace& winner = order < 0 ? theirs : ours;
    merged.version = std::max(ours.version, theirs.version);
    merged.info = winner.info;
    merged.preserved = winner.preserved;
}

void merge_collections(const Workspace& ours, const Workspace& theirs, Workspace& merged, Output output,
                       bool consume_theirs)
{
    const auto merge = [&](const auto& ours_collection, const auto& theirs_collection,
                           std::span<const Tombstone> tombstones) {
        return merge_collection(ours_collection, theirs_collection, tombstones, output, consume_theirs);
    };
    // Tombstones first: they are united like any collection, then judge every other
    // collection's united winners.
    merged.deleted = merge(ours.deleted, theirs.deleted, {});
    const std::span<const Tombstone> tombstones = merged.deleted;

    merged.teams = merge(ours.teams, theirs.teams, tombstones);
    merged.people = merge(ours.people, theirs.people, tombstones);
    merged.cycles = merge(ours.cycles, theirs.cycles, tombstones);
    merged.objectives = merge(ours.objectives, theirs.objectives, tombstones);
    merged.key_results = merge(ours.key_results, theirs.key_results, tombstones);
    merged.check_ins = merge(ours.check_ins, theirs.check_ins, tombstones);
    merged.kpis = merge(ours.kpis, theirs.kpis, tombstones);
    merged.tasks = merge(ours.tasks, theirs.tasks, tombstones);
    merged.dependencies = merge(ours.dependencies, theirs.dependencies, tombstones);
    merged.retrospectives = merge(ours.retrospectives, theirs.retrospectives, tombstones);
}

std::string summary_of(const MergeResult& result)
{
    std::string counts;
    for (MergeOutcome outcome :
         {MergeOutcome::added, MergeOutcome::changed, MergeOutcome::deleted, MergeOutcome::conflict}) {
        const std::size_t n = result.count(outcome);
        if (n == 0)
            continue;
        const bool plural = n > 1 && outcome == MergeOutcome::conflict;
        counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + to_string(outcome);
        counts += plural ? "s" : "";
    }
    return "Merge: " + (counts.empty() ? std::string("nothing new") : counts);
}

}  // namespace

const char* to_string(MergeOutcome outcome)
{
    switch (outcome) {
    case MergeOutcome::added: return "added";
    case MergeOutcome::changed: return "changed";
    case MergeOutcome::deleted: return "deleted";
    case MergeOutcome::conflict: return "conflict";
    }
    return "changed";
}

std::size_t MergeResult::count(MergeOutcome outcome) const
{
    const auto with_outcome = [&](const EntityMergeNote& note) { return note.outcome == outcome; };
    return static_cast<std::size_t>(std::count_if(notes.begin(), notes.end(), with_outcome));
}

MergeResult merge_workspaces(const Workspace& ours, const Workspace& theirs)
{
    MergeResult result;
    merge_header(ours, theirs, result.merged);
    merge_collections(ours, theirs, result.merged, Output{result.notes, result.changes}, false);
    result.changes.summary = summary_of(result);
    return result;
}

MergeResult merge_workspaces(const Workspace& ours, Workspace&& theirs)
{
    MergeResult result;
    merge_header(ours, theirs, result.merged);
    merge_collections(ours, theirs, result.merged, Output{result.notes, result.changes}, true);
    result.changes.summary = summary_of(result);
    return result;
}

}  // namespace okr
