#pragma once
// Creating, editing and deleting the entities of a workspace, as edits: every function
// looks at the workspace and answers with the ChangeSet that does the work (which the
// session applies, with undo) or with the reasons it cannot, field by field. Nothing here
// changes the workspace, reads the clock or throws; the interface only draws the forms.
//
// Saving validates as the importer refuses: required fields, id characters, references,
// parent loops, numbers and dates. What the importer only warns about, the quality coach
// says, and it never blocks saving (docs/okr-method.md, "Quality coach"): a KR whose
// direction contradicts its numbers, or whose deadline falls outside its cycle, is saved
// and findings_for_draft() tells the person while they type.
//
// A reference must name an entity the workspace holds, or be the one the entity already
// had: a team's file may refer to entities it does not hold (docs/file-format.md), and
// such a reference is kept as written rather than blocking every other edit of the entity.

#include <optional>
#include <string>
#include <vector>

#include "core/changes.hpp"
#include "core/coach.hpp"
#include "core/edits.hpp"
#include "core/model.hpp"

namespace okr {

// ---- drafts: the editable fields of each kind, as the model names them ----------------------
//
// Text is plain std::string, empty meaning "none" for optional fields, and dates are text
// (YYYY-MM-DD) so that a day the calendar does not have comes back as a field problem.
// Fields a form does not edit (final scores, carried_from, a cycle's state) are kept from
// the entity being edited: they change through the cycle workflow (core/cycle_workflow.hpp).

struct TeamDraft {
    std::string name;
    std::optional<Id> parent;
};

struct PersonDraft {
    std::string name;
    std::string email;
};

// A new cycle starts as a draft; activating and closing it are the workflow's steps.
struct CycleDraft {
    std::string name;
    std::string start;
    std::string end;
};

struct ObjectiveDraft {
    Id cycle;
    Id team;
    std::string title;
    std::string description;
    std::optional<Id> owner;
    std::optional<Id> parent;
    std::string commitment;   // "", "aspirational" or "committed"
    std::string perspective;  // "", "financial", "customer", "internal" or "learning"
    std::vector<Id> kpis;
};

struct KeyResultDraft {
    Id objective;
    std::string title;
    Direction direction = Direction::increase;
    std::string unit;
    std::optional<double> baseline;
    std::optional<double> target;
    std::string deadline;
    std::optional<double> weight;  // none means 1
    std::optional<Id> owner;
};

struct KpiReadingDraft {
    std::string date;
    double value = 0;
};

struct KpiDraft {
    std::string name;
    std::optional<Id> team;
    std::string unit;
    KpiDirection direction = KpiDirection::higher_is_better;
    double floor = 0;
    std::vector<KpiReadingDraft> readings;
};

struct TaskDraft {
    Id key_result;
    std::string title;
    bool done = false;
    std::optional<Id> owner;
};

struct DependencyDraft {
    Id from;  // objective or KR id: this one needs ...
    Id to;    // ... that one
    std::string note;
};

struct RetrospectiveDraft {
    Id cycle;
    Id team;
    std::string learned;
    std::string change_next;
    std::vector<Id> carry_forward;
};

// The draft a form starts from when it edits an existing entity.
TeamDraft draft_from(const Team& team);
PersonDraft draft_from(const Person& person);
CycleDraft draft_from(const Cycle& cycle);
ObjectiveDraft draft_from(const Objective& objective);
KeyResultDraft draft_from(const KeyResult& key_result);
KpiDraft draft_from(const Kpi& kpi);
TaskDraft draft_from(const Task& task);
DependencyDraft draft_from(const Dependency& dependency);
RetrospectiveDraft draft_from(const Retrospective& retrospective);

// ---- saving -------------------------------------------------------------------------------
//
// `existing` empty: creates the entity under `new_id`, which must be a valid id no entity
// and no tombstone uses (problem on field "id"). Otherwise updates that entity and ignores
// `new_id`. Either way updated_at becomes `now`. A refusal lists every problem found, each
// on its field; an update that changes nothing is an empty ChangeSet (the session ignores it).

EditResult save_team(const Workspace& workspace, const TeamDraft& draft, std::optional<Id> existing, Id new_id,
                     Timestamp now);
EditResult save_person(const Workspace& workspace, const PersonDraft& draft, std::optional<Id> existing, Id new_id,
                       Timestamp now);
EditResult save_cycle(const Workspace& workspace, const CycleDraft& draft, std::optional<Id> existing, Id new_id,
                      Timestamp now);
EditResult save_objective(const Workspace& workspace, const ObjectiveDraft& draft, std::optional<Id> existing,
                          Id new_id, Timestamp now);
EditResult save_key_result(const Workspace& workspace, const KeyResultDraft& draft, std::optional<Id> existing,
                           Id new_id, Timestamp now);
EditResult save_kpi(const Workspace& workspace, const KpiDraft& draft, std::optional<Id> existing, Id new_id,
                    Timestamp now);
EditResult save_task(const Workspace& workspace, const TaskDraft& draft, std::optional<Id> existing, Id new_id,
                     Timestamp now);
EditResult save_dependency(const Workspace& workspace, const DependencyDraft& draft, std::optional<Id> existing,
                           Id new_id, Timestamp now);
// A retrospective looks back on a closed cycle, one per team and cycle; it carries forward
// objectives of that team and cycle.
EditResult save_retrospective(const Workspace& workspace, const RetrospectiveDraft& draft,
                              std::optional<Id> existing, Id new_id, Timestamp now);

// ---- deleting -----------------------------------------------------------------------------
//
// What goes with an entity:
//   objective      its KRs with their check-ins and tasks, and every dependency touching
//                  it or its KRs; objectives aligned to it lose their parent, copies carried
//                  from it lose carried_from, retrospectives stop carrying it forward
//   key result     its check-ins, its tasks, the dependencies touching it
//   team           refused while it has child teams, objectives or retrospectives (they
//                  are a team's history: move or delete them first); KPIs lose their team
//   cycle          refused while it has objectives or retrospectives
//   person         nothing: the objectives, KRs and tasks they own lose their owner; the
//                  check-ins they wrote keep the author as written (check-ins are immutable)
//   KPI            its readings; objectives stop listing it
//   check-in       refused: check-ins are immutable events, so a wrong reading is corrected
//                  (record_correction in core/check_in_week.hpp) and check-ins go only with
//                  their KR
//   task, dependency, retrospective: only themselves
// Every removed entity leaves a tombstone, so a merge with an old copy does not bring it back.

enum class EntityKind { team, person, cycle, objective, key_result, check_in, kpi, task, dependency, retrospective };

struct DeletionPlan {
    EntityKind kind = EntityKind::objective;
    Id id;
    std::string refusal;               // why it cannot be deleted; empty when it can
    std::vector<AnyEntity> removed;    // the entity first, then what goes with it
    std::vector<AnyEntity> unlinked;   // entities that stay but lose their link to it, as they are now
    // One line for the confirmation: "Deletes the objective 'X' with its 3 key results,
    // 24 check-ins and 2 tasks"; the refusal when refused.
    std::string summary;

    bool allowed() const { return refusal.empty(); }
};

DeletionPlan plan_deletion(const Workspace& workspace, EntityKind kind, const Id& id);

// Performs a plan: removals, unlinks (updated_at = now) and one tombstone per removed entity
// (deleted_at = now). Refused when the plan is refused, or when the workspace changed since
// the plan was made so that it would now remove or unlink something else.
EditResult delete_entity(const Workspace& workspace, const DeletionPlan& plan, Timestamp now);

// ---- helping the forms ----------------------------------------------------------------------

struct ParentCandidate {
    Id objective;
    std::string title;
    Id team;
    std::string team_name;
    int levels_up = 0;  // 1: the parent team's, 2: its parent's, ...; 0: a team outside the chain
};

// The objectives of `cycle` an objective of `team` may align to: those of the enclosing
// teams first, nearest first, then those of other teams by team name; within a team by
// title. The team's own objectives are left out (alignment goes to another team), and so
// are `editing_objective` and every objective aligned below it, which would close a loop.
std::vector<ParentCandidate> parent_candidates(const Workspace& workspace, const Id& team, const Id& cycle,
                                               std::optional<Id> editing_objective);

// The coach's findings about the entity as the draft would make it (with `existing` empty,
// a new one), found by applying the draft to a copy of the workspace: the entity's own
// findings, and those about its container it affects (objective-count for an objective's
// team in its cycle, kr-count for a KR's objective), leaving out check-in-due and act-now,
// which are about running the KR, not writing it. Drafts that saving would refuse are
// judged as far as they can be read. Costs a copy of the workspace per call.
std::vector<Finding> findings_for_draft(const Workspace& workspace, const ObjectiveDraft& draft,
                                        std::optional<Id> existing, Date today);
std::vector<Finding> findings_for_draft(const Workspace& workspace, const KeyResultDraft& draft,
                                        std::optional<Id> existing, Date today);

}  // namespace okr
