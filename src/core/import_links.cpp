#include "core/import_links.hpp"

#include <optional>

namespace okr::import_detail {
namespace {

template <typename Entity>
bool holds(const std::vector<Entity>& entities, const Id& id)
{
    return find_by_id(entities, id) != nullptr;
}

// ---- parent loops ------------------------------------------------------------------------

template <typename Entity>
std::optional<size_t> parent_index(const std::vector<Entity>& entities, const Entity& entity)
{
    if (!entity.parent)
        return std::nullopt;
    const Entity* parent = find_by_id(entities, *entity.parent);
    if (!parent)
        return std::nullopt;
    return static_cast<size_t>(parent - entities.data());
}

template <typename Entity>
void report_loop(const std::vector<Entity>& entities, std::vector<size_t> loop,
                 const std::vector<uint32_t>& positions, std::string_view collection,
                 Diagnostics& diagnostics)
{
    // Told from its smallest id (the collection is sorted), so the message does not depend
    // on where the walk happened to enter the loop.
    std::rotate(loop.begin(), std::min_element(loop.begin(), loop.end()), loop.end());

    std::string message = "parent loop: ";
    for (const size_t index : loop)
        message += entities[index].id + " -> ";
    message += entities[loop.front()].id;
    diagnostics.refuse(entity_pointer(collection, positions[loop.front()], "parent"), std::move(message));
}

// Follows parent links iteratively; every entity is walked once, since a walk stops at the
// first entity already seen. Reaching one on the current walk closes a loop.
template <typename Entity>
void check_parent_loops(const std::vector<Entity>& entities, const std::vector<uint32_t>& positions,
                        std::string_view collection, Diagnostics& diagnostics)
{
    enum class Mark : uint8_t { unseen, on_walk, done };
    std::vector<Mark> marks(entities.size(), Mark::unseen);
    std::vector<size_t> walk;

    for (size_t start = 0; start < entities.size(); ++start) {
        walk.clear();
        std::optional<size_t> at = start;
        while (at && marks[*at] == Mark::unseen) {
            marks[*at] = Mark::on_walk;
            walk.push_back(*at);
            at = parent_index(entities, entities[*at]);
        }

        if (at && marks[*at] == Mark::on_walk)
            report_loop(entities, std::vector<size_t>(std::find(walk.begin(), walk.end(), *at), walk.end()),
                        positions, collection, diagnostics);
        for (const size_t index : walk)
            marks[index] = Mark::done;
    }
}

// ---- references --------------------------------------------------------------------------

// The entity whose references are checked, by its place in the file.
struct Referrer {
    std::string_view collection;
    uint32_t position;
    const Id& id;
};

class LinkChecker {
public:
    LinkChecker(const Workspace& workspace, Diagnostics& diagnostics)
        : ws_(workspace), diagnostics_(diagnostics)
    {
    }

    void check(const FilePositions& positions);

private:
    template <typename Entity, typename Check>
    void each(const std::vector<Entity>& entities, const std::vector<uint32_t>& positions,
              std::string_view collection, Check check);

    template <typename Target>
    void refer(const Referrer& from, std::string_view field, const Id& id, const std::vector<Target>& targets,
               std::string_view noun);
    template <typename Target>
    void refer(const Referrer& from, std::string_view field, const std::optional<Id>& id,
               const std::vector<Target>& targets, std::string_view noun);
    template <typename Target>
    void refer_each(const Referrer& from, std::string_view field, const std::optional<std::vector<Id>>& ids,
                    const std::vector<Target>& targets, std::string_view noun);
    void refer_objective_or_kr(const Referrer& from, std::string_view field, const Id& id);
    template <typename Container>
    void attach(const Referrer& from, std::string_view field, const Id& id,
                const std::vector<Container>& containers, std::string_view noun);

    void unresolved(std::string pointer, const Id& id, std::string_view noun);

    const Workspace& ws_;
    Diagnostics& diagnostics_;
};

void LinkChecker::check(const FilePositions& positions)
{
    each(ws_.teams, positions.teams, "teams", [&](const Referrer& from, const Team& team) {
        refer(from, "parent", team.parent, ws_.teams, "team");
    });
    each(ws_.objectives, positions.objectives, "objectives",
         [&](const Referrer& from, const Objective& objective) {
             refer(from, "cycle", objective.cycle, ws_.cycles, "cycle");
             refer(from, "team", objective.team, ws_.teams, "team");
             refer(from, "owner", objective.owner, ws_.people, "person");
             refer(from, "parent", objective.parent, ws_.objectives, "objective");
             refer_each(from, "kpis", objective.kpis, ws_.kpis, "KPI");
             refer(from, "carried_from", objective.carried_from, ws_.objectives, "objective");
         });
    each(ws_.key_results, positions.key_results, "key_results",
         [&](const Referrer& from, const KeyResult& kr) {
             attach(from, "objective", kr.objective, ws_.objectives, "objective");
             refer(from, "owner", kr.owner, ws_.people, "person");
         });
    each(ws_.check_ins, positions.check_ins, "check_ins", [&](const Referrer& from, const CheckIn& check_in) {
        attach(from, "key_result", check_in.key_result, ws_.key_results, "key result");
        refer(from, "author", check_in.author, ws_.people, "person");
        refer(from, "corrects", check_in.corrects, ws_.check_ins, "check-in");
    });
    each(ws_.kpis, positions.kpis, "kpis",
         [&](const Referrer& from, const Kpi& kpi) { refer(from, "team", kpi.team, ws_.teams, "team"); });
    each(ws_.tasks, positions.tasks, "tasks", [&](const Referrer& from, const Task& task) {
        attach(from, "key_result", task.key_result, ws_.key_results, "key result");
        refer(from, "owner", task.owner, ws_.people, "person");
    });
    each(ws_.dependencies, positions.dependencies, "dependencies",
         [&](const Referrer& from, const Dependency& dep) {
             refer_objective_or_kr(from, "from", dep.from);
             refer_objective_or_kr(from, "to", dep.to);
         });
    each(ws_.retrospectives, positions.retrospectives, "retrospectives",
         [&](const Referrer& from, const Retrospective& retro) {
             refer(from, "cycle", retro.cycle, ws_.cycles, "cycle");
             refer(from, "team", retro.team, ws_.teams, "team");
             refer_each(from, "carry_forward", retro.carry_forward, ws_.objectives, "objective");
         });
}

template <typename Entity, typename Check>
void LinkChecker::each(const std::vector<Entity>& entities, const std::vector<uint32_t>& positions,
                       std::string_view collection, Check check)
{
    for (size_t i = 0; i < entities.size(); ++i)
        check(Referrer{collection, positions[i], entities[i].id}, entities[i]);
}

template <typename Target>
void LinkChecker::refer(const Referrer& from, std::string_view field, const Id& id,
                        const std::vector<Target>& targets, std::string_view noun)
{
    // An empty id is a missing required field, refused already.
    if (!id.empty() && !holds(targets, id))
        unresolved(entity_pointer(from.collection, from.position, field), id, noun);
}

template <typename Target>
void LinkChecker::refer(const Referrer& from, std::string_view field, const std::optional<Id>& id,
                        const std::vector<Target>& targets, std::string_view noun)
{
    if (id)
        refer(from, field, *id, targets, noun);
}

template <typename Target>
void LinkChecker::refer_each(const Referrer& from, std::string_view field,
                             const std::optional<std::vector<Id>>& ids, const std::vector<Target>& targets,
                             std::string_view noun)
{
    if (!ids)
        return;
    for (size_t i = 0; i < ids->size(); ++i)
        if (!holds(targets, (*ids)[i]))
            unresolved(entity_pointer(from.collection, from.position, field) + "/" + std::to_string(i),
                       (*ids)[i], noun);
}

void LinkChecker::refer_objective_or_kr(const Referrer& from, std::string_view field, const Id& id)
{
    if (!id.empty() && !holds(ws_.objectives, id) && !holds(ws_.key_results, id))
        unresolved(entity_pointer(from.collection, from.position, field), id, "objective or key result");
}

// A missing container is told apart from other references: the entity is shown
// as unattached, not under its container, until a merge brings the container in.
template <typename Container>
void LinkChecker::attach(const Referrer& from, std::string_view field, const Id& id,
                         const std::vector<Container>& containers, std::string_view noun)
{
    if (id.empty() || holds(containers, id))
        return;
    diagnostics_.warn(
        entity_pointer(from.collection, from.position, field),
        std::string(entity_noun(from.collection)) + " " + in_quotes(from.id) + " is unattached: its " +
            std::string(noun) + " " + in_quotes(id) +
            " is not in this file; kept, and attached once merged into a workspace that holds it");
}

void LinkChecker::unresolved(std::string pointer, const Id& id, std::string_view noun)
{
    diagnostics_.warn(std::move(pointer),
                      "refers to " + std::string(noun) + " " + in_quotes(id) +
                          ", which this file does not hold; kept, and resolved once merged "
                          "into a workspace that holds it");
}

}  // namespace

std::string entity_pointer(std::string_view collection, uint32_t position, std::string_view field)
{
    std::string pointer = "/" + std::string(collection) + "/" + std::to_string(position);
    if (!field.empty())
        pointer += "/" + std::string(field);
    return pointer;
}

std::string_view entity_noun(std::string_view collection)
{
    static constexpr std::pair<std::string_view, std::string_view> nouns[] = {
        {"teams", "team"},
        {"people", "person"},
        {"cycles", "cycle"},
        {"objectives", "objective"},
        {"key_results", "key result"},
        {"check_ins", "check-in"},
        {"kpis", "KPI"},
        {"tasks", "task"},
        {"dependencies", "dependency"},
        {"retrospectives", "retrospective"},
        {"deleted", "deletion record"}};
    for (const auto& [name, noun] : nouns)
        if (name == collection)
            return noun;
    return "entity";
}

void report_duplicate_ids(const std::vector<std::string_view>& sorted_ids,
                          const std::vector<uint32_t>& positions, std::string_view collection,
                          Diagnostics& diagnostics)
{
    size_t first = 0;
    for (size_t i = 1; i < sorted_ids.size(); ++i) {
        if (sorted_ids[i] != sorted_ids[first]) {
            first = i;
            continue;
        }
        // An empty id is a missing id, refused already.
        if (sorted_ids[i].empty())
            continue;
        diagnostics.refuse(entity_pointer(collection, positions[i], "id"),
                           "duplicate id " + in_quotes(sorted_ids[i]) + ", first used at " +
                               entity_pointer(collection, positions[first]));
    }
}

void check_links(const Workspace& workspace, const FilePositions& positions, Diagnostics& diagnostics)
{
    check_parent_loops(workspace.teams, positions.teams, "teams", diagnostics);
    check_parent_loops(workspace.objectives, positions.objectives, "objectives", diagnostics);
    LinkChecker(workspace, diagnostics).check(positions);
}

}  // namespace okr::import_detail
