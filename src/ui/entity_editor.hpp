#pragma once
// The forms that create and edit teams, people, objectives and key results, and the
// confirmation before something is deleted. Each is a modal dialog over whatever opened it;
// the core (core/entity_edits.hpp) checks every field and builds the change, which the
// session applies as one undoable step. Nothing is saved while a field has a problem.

#include <optional>
#include <string>
#include <vector>

#include "app/platform.hpp"
#include "app/session.hpp"
#include "core/entity_edits.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace okr::ui {

class EntityEditor {
public:
    void new_team(const std::optional<Id>& parent);
    void edit_team(const Team& team);
    void new_person();
    void edit_person(const Person& person);
    void new_objective(const Id& team, const Id& cycle);
    void edit_objective(const Objective& objective);
    void new_key_result(const Workspace& workspace, const Objective& objective);
    void edit_key_result(const KeyResult& key_result);
    // Opens the confirmation, which says what goes with the entity (or why it cannot go).
    void confirm_deletion(const Workspace& workspace, EntityKind kind, const Id& id);

    // Call once a frame, from inside the dialog that opened the form when one did, so that
    // the form stacks over it.
    void draw(Session& session, Platform& platform, ViewState& view, const Fonts& fonts);
    bool is_open() const { return form_.kind != Form::none || deletion_.has_value(); }

private:
    enum class Form { none, team, person, objective, key_result };
    // The form on the left, what the coach says on the right.
    static constexpr float form_width = 470.0f;
    static constexpr float coach_width = 300.0f;

    struct FormState {
        Form kind = Form::none;
        std::optional<Id> existing;  // empty while creating
        bool open_requested = false;
        TeamDraft team;
        PersonDraft person;
        ObjectiveDraft objective;
        KeyResultDraft key_result;
        // Numbers as typed, so that a half-typed "1." or an empty field reads as itself.
        std::string baseline;
        std::string target;
        std::string weight;
        std::vector<FieldProblem> problems;
        std::string refusal;
        std::string problems_key;  // the draft the problems are about
    };

    // The coach's view of the draft, worked out again only when the draft or the workspace
    // changed: each time costs a copy of the workspace.
    struct CoachCache {
        std::string draft_key;
        uint64_t revision = 0;
        std::vector<Finding> findings;
        std::vector<ParentCandidate> parents;
    };

    struct Deletion {
        DeletionPlan plan;
        std::string noun;
        std::string refusal;  // set when the workspace changed under the plan
        bool open_requested = true;
    };

    void start(Form kind, std::optional<Id> existing);
    void close();
    void draw_form(Session& session, Platform& platform, ViewState& view, const Fonts& fonts);
    bool draw_fields(const Workspace& workspace, const Fonts& fonts);
    bool draw_team_fields(const Workspace& workspace);
    bool draw_person_fields();
    bool draw_objective_fields(const Workspace& workspace, const Fonts& fonts);
    bool draw_key_result_fields(const Workspace& workspace, const Fonts& fonts);
    void draw_parent_picker(const Workspace& workspace);
    void draw_kpi_links(const Workspace& workspace);
    void draw_coach(const Fonts& fonts);
    void refresh_coach(const Workspace& workspace, uint64_t revision, Date today);
    void draw_form_problems();
    void save(Session& session, Platform& platform, ViewState& view);
    EditResult saved(const Workspace& workspace, const Id& new_id, Timestamp now);
    std::vector<FieldProblem> number_problems() const;
    void read_numbers();
    // The draft in one line of text, to tell when it changed.
    std::string draft_key() const;

    void draw_deletion(Session& session, Platform& platform, const Fonts& fonts);

    FormState form_;
    CoachCache coach_;
    std::optional<Deletion> deletion_;
};

}  // namespace okr::ui
