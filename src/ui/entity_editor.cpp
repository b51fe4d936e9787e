// The editor's shell: opening a form, the modal around it, saving, the team and person
// forms, and the deletion confirmation. The objective and key result forms are in
// entity_editor_okrs.cpp.

#include "ui/entity_editor.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/cycle_workflow.hpp"
#include "ui/form_fields.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

constexpr const char* form_popup = "###entity-editor";
constexpr const char* deletion_popup = "###delete-confirm";

const char* noun_of(EntityKind kind)
{
    switch (kind) {
    case EntityKind::team: return "team";
    case EntityKind::person: return "person";
    case EntityKind::cycle: return "cycle";
    case EntityKind::objective: return "objective";
    case EntityKind::key_result: return "key result";
    case EntityKind::check_in: return "check-in";
    case EntityKind::kpi: return "KPI";
    case EntityKind::task: return "task";
    case EntityKind::dependency: return "dependency";
    case EntityKind::retrospective: return "retrospective";
    }
    return "entity";
}

// A random suffix is drawn again in the unlikely case it is taken, or a tombstone holds it.
Id fresh_id(const Workspace& workspace, Platform& platform, const char* prefix)
{
    Id id = prefix + platform.unique_suffix();
    while (id_in_use(workspace, id))
        id = prefix + platform.unique_suffix();
    return id;
}

// True when `team` is `root` or sits somewhere below it.
bool team_within(const Workspace& workspace, const Team& team, const Id& root)
{
    const Team* at = &team;
    for (size_t steps = 0; at && steps <= workspace.teams.size(); ++steps) {
        if (at->id == root)
            return true;
        at = at->parent ? find_by_id(workspace.teams, *at->parent) : nullptr;
    }
    return false;
}

bool escape_pressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false); }

}  // namespace

// ---- opening ------------------------------------------------------------------------------

void EntityEditor::start(Form kind, std::optional<Id> existing)
{
    form_ = FormState{};
    form_.kind = kind;
    form_.existing = std::move(existing);
    form_.open_requested = true;
    coach_ = CoachCache{};
}

void EntityEditor::close()
{
    form_ = FormState{};
    coach_ = CoachCache{};
}

void EntityEditor::new_team(const std::optional<Id>& parent)
{
    start(Form::team, std::nullopt);
    form_.team.parent = parent;
}

void EntityEditor::edit_team(const Team& team)
{
    start(Form::team, team.id);
    form_.team = draft_from(team);
}

void EntityEditor::new_person() { start(Form::person, std::nullopt); }

void EntityEditor::edit_person(const Person& person)
{
    start(Form::person, person.id);
    form_.person = draft_from(person);
}

void EntityEditor::confirm_deletion(const Workspace& workspace, EntityKind kind, const Id& id)
{
    deletion_ = Deletion{plan_deletion(workspace, kind, id), noun_of(kind), {}, true};
}

// ---- the modal --------------------------------------------------------------------------------

void EntityEditor::draw(Session& session, Platform& platform, ViewState& view, const Fonts& fonts)
{
    if (!session.has_workspace()) {
        close();
        deletion_.reset();
        return;
    }
    if (form_.kind != Form::none)
        draw_form(session, platform, view, fonts);
    if (deletion_)
        draw_deletion(session, platform, fonts);
}

void EntityEditor::draw_form(Session& session, Platform& platform, ViewState& view, const Fonts& fonts)
{
    if (form_.open_requested) {
        ImGui::OpenPopup(form_popup);
        form_.open_requested = false;
    }
    static constexpr const char* nouns[] = {"", "team", "person", "objective", "key result"};
    const std::string noun = nouns[static_cast<int>(form_.kind)];
    const std::string title = (form_.existing ? "Edit " : "New ") + noun + form_popup;
    const bool with_coach = form_.kind == Form::objective || form_.kind == Form::key_result;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = form_width + (with_coach ? coach_width + 24 : 0) + style.WindowPadding.x * 2;
    // Taller than the page, the form scrolls rather than hiding its buttons.
    const float most = ImGui::GetMainViewport()->Size.y - 40;
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, most));
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        close();  // closed from outside, as when the workspace was switched
        return;
    }
    widget_probe_note_window_title(title.c_str());
    const Workspace& workspace = session.workspace();

    if (with_coach)
        refresh_coach(workspace, session.revision(), platform.today());
    // Problems belong to the draft that was saved: once it is edited, they may be fixed.
    if (!form_.problems_key.empty() && form_.problems_key != draft_key()) {
        form_.problems.clear();
        form_.refusal.clear();
        form_.problems_key.clear();
    }
    ImGui::BeginGroup();
    ImGui::PushItemWidth(form_width);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + form_width);
    bool submitted = draw_fields(workspace, fonts);
    draw_form_problems();
    ImGui::PopTextWrapPos();

    ImGui::Spacing();
    ImGui::Spacing();
    const std::string save_label = std::string(form_.existing ? "Save" : "Create ") +
                                   (form_.existing ? "" : noun) + "###editor-save";
    submitted = primary_button(save_label.c_str()) || submitted;
    ImGui::SameLine();
    const bool cancelled = ImGui::Button("Cancel###editor-cancel") ||
                           (escape_pressed() && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    ImGui::SameLine();
    muted_text("Enter saves, Esc cancels");
    ImGui::PopItemWidth();
    ImGui::EndGroup();

    if (with_coach) {
        ImGui::SameLine(0, 24);
        draw_coach(fonts);
    }

    if (cancelled) {
        ImGui::CloseCurrentPopup();
        close();
    } else if (submitted) {
        save(session, platform, view);
        if (form_.kind == Form::none)
            ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

bool EntityEditor::draw_fields(const Workspace& workspace, const Fonts& fonts)
{
    switch (form_.kind) {
    case Form::team: return draw_team_fields(workspace);
    case Form::person: return draw_person_fields();
    case Form::objective: return draw_objective_fields(workspace, fonts);
    case Form::key_result: return draw_key_result_fields(workspace, fonts);
    case Form::none: break;
    }
    return false;
}

// Problems on fields the form does not show (a clashing id, a cycle that went away) and
// the refusal's own line.
void EntityEditor::draw_form_problems()
{
    if (form_.refusal.empty())
        return;
    static constexpr const char* hidden_fields[] = {"id", "cycle", "objective"};
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
    ImGui::TextUnformatted(form_.refusal.c_str());
    widget_probe_note_last_item((form_.refusal + "###editor-refusal").c_str());
    ImGui::PopStyleColor();
    for (const char* field : hidden_fields)
        field_problems(form_.problems, field);
}

// ---- saving -------------------------------------------------------------------------------------

void EntityEditor::save(Session& session, Platform& platform, ViewState& view)
{
    const Workspace& workspace = session.workspace();
    static constexpr const char* prefixes[] = {"", "t-", "p-", "o-", "kr-"};
    const Id new_id = fresh_id(workspace, platform, prefixes[static_cast<int>(form_.kind)]);
    read_numbers();
    std::vector<FieldProblem> problems = number_problems();
    EditResult result = saved(workspace, new_id, platform.now());

    if (auto* refused = std::get_if<EditRefused>(&result)) {
        problems.insert(problems.end(), refused->problems.begin(), refused->problems.end());
        form_.refusal = refused->message;
    } else if (!problems.empty()) {
        form_.refusal = "The key result was not saved: " +
                        (problems.size() == 1 ? std::string("1 field needs") : std::to_string(problems.size()) +
                                                                                   " fields need") +
                        " attention.";
    }
    if (!problems.empty() || std::holds_alternative<EditRefused>(result)) {
        form_.problems = std::move(problems);
        form_.problems_key = draft_key();
        return;
    }

    const bool created = !form_.existing;
    const Form kind = form_.kind;
    session.apply(std::get<ChangeSet>(std::move(result)), platform.now());
    if (created && (kind == Form::objective || kind == Form::key_result))
        view.scroll_to = new_id;
    close();
}

EditResult EntityEditor::saved(const Workspace& workspace, const Id& new_id, Timestamp now)
{
    switch (form_.kind) {
    case Form::team: return save_team(workspace, form_.team, form_.existing, new_id, now);
    case Form::person: return save_person(workspace, form_.person, form_.existing, new_id, now);
    case Form::objective: return save_objective(workspace, form_.objective, form_.existing, new_id, now);
    case Form::key_result: return save_key_result(workspace, form_.key_result, form_.existing, new_id, now);
    case Form::none: break;
    }
    return EditRefused{"Nothing to save."};
}

// ---- teams and people ---------------------------------------------------------------------------

bool EntityEditor::draw_team_fields(const Workspace& workspace)
{
    TeamDraft& draft = form_.team;
    field_label("Name");
    if (ImGui::IsWindowAppearing())
        ImGui::SetKeyboardFocusHere();
    const bool entered = one_line_field("###editor-name", draft.name, "Engineering, Sales EMEA, …");
    field_problems(form_.problems, "name");

    field_label("Part of");
    const Team* parent = draft.parent ? find_by_id(workspace.teams, *draft.parent) : nullptr;
    const std::string shown = parent ? parent->name : draft.parent ? *draft.parent : "Nothing: the top of the organisation";
    const bool picking = ImGui::BeginCombo("###editor-parent", shown.c_str());
    widget_probe_note_last_item("###editor-parent");
    if (picking) {
        if (ImGui::Selectable("Nothing: the top of the organisation###editor-parent-none", !draft.parent))
            draft.parent.reset();
        for (const Team& team : workspace.teams) {
            // A team cannot sit under itself or under a team below it.
            if (form_.existing && team_within(workspace, team, *form_.existing))
                continue;
            const std::string label = team.name + "###editor-parent-" + team.id;
            if (ImGui::Selectable(label.c_str(), draft.parent == team.id))
                draft.parent = team.id;
        }
        ImGui::EndCombo();
    }
    field_problems(form_.problems, "parent");
    return entered;
}

bool EntityEditor::draw_person_fields()
{
    PersonDraft& draft = form_.person;
    field_label("Name");
    if (ImGui::IsWindowAppearing())
        ImGui::SetKeyboardFocusHere();
    bool entered = one_line_field("###editor-name", draft.name);
    field_problems(form_.problems, "name");

    field_label("Email (optional)");
    entered = one_line_field("###editor-email", draft.email, "name@example.com") || entered;
    field_problems(form_.problems, "email");
    return entered;
}

// ---- deleting -----------------------------------------------------------------------------------

void EntityEditor::draw_deletion(Session& session, Platform& platform, const Fonts& fonts)
{
    Deletion& deletion = *deletion_;
    if (deletion.open_requested) {
        ImGui::OpenPopup(deletion_popup);
        deletion.open_requested = false;
    }
    const bool allowed = deletion.plan.allowed() && deletion.refusal.empty();
    const std::string title =
        (allowed ? "Delete this " + deletion.noun + "?" : "This " + deletion.noun + " cannot be deleted") +
        deletion_popup;
    ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Always);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        deletion_.reset();
        return;
    }
    widget_probe_note_window_title(title.c_str());

    ImGui::PushTextWrapPos(0);
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(deletion.plan.summary.c_str());
    widget_probe_note_last_item((deletion.plan.summary + "###delete-summary").c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    if (!deletion.refusal.empty())
        ImGui::TextUnformatted(deletion.refusal.c_str());
    else if (allowed)
        muted_text("Undo (Ctrl+Z) brings it all back. A merge with an older copy of the file will not.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Spacing();

    bool done = false;
    if (allowed) {
        ImGui::PushStyleColor(ImGuiCol_Button, colour::red);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour::red);
        ImGui::PushStyleColor(ImGuiCol_Text, colour::on_accent);
        const bool confirmed = ImGui::Button("Delete###delete-confirm-yes");
        ImGui::PopStyleColor(3);
        if (confirmed) {
            EditResult result = delete_entity(session.workspace(), deletion.plan, platform.now());
            if (auto* refused = std::get_if<EditRefused>(&result)) {
                deletion.refusal = refused->message;
            } else {
                session.apply(std::get<ChangeSet>(std::move(result)), platform.now());
                done = true;
            }
        }
        ImGui::SameLine();
    }
    if (ImGui::Button(allowed ? "Cancel###delete-cancel" : "Close###delete-cancel") || escape_pressed())
        done = true;
    if (done) {
        ImGui::CloseCurrentPopup();
        deletion_.reset();
    }
    ImGui::EndPopup();
}

}  // namespace okr::ui
