// The objective and key result forms, with the coach's findings about the draft beside
// them while it is typed.

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/progress.hpp"
#include "ui/entity_editor.hpp"
#include "ui/form_fields.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

struct Choice {
    const char* value;
    const char* label;
};

constexpr Choice perspectives[] = {
    {"", "None"},           {"financial", "Financial"}, {"customer", "Customer"},
    {"internal", "Internal"}, {"learning", "Learning"},
};

struct DirectionChoice {
    Direction direction;
    const char* label;
};

constexpr DirectionChoice directions[] = {
    {Direction::increase, "Increase to the target"},
    {Direction::decrease, "Decrease to the target"},
    {Direction::at_least, "Stay at or above the target"},
    {Direction::at_most, "Stay at or below the target"},
    {Direction::milestone, "Milestone (from 0 to 1, or its tasks done)"},
};

// Drafts in one line of text, to tell when one changed since the coach last looked.
std::string key_of(const ObjectiveDraft& d)
{
    std::string key = d.cycle + '\x1f' + d.team + '\x1f' + d.title + '\x1f' + d.description + '\x1f' +
                      d.owner.value_or("") + '\x1f' + d.parent.value_or("") + '\x1f' + d.commitment + '\x1f' +
                      d.perspective;
    for (const Id& kpi : d.kpis)
        key += '\x1f' + kpi;
    return key;
}

std::string key_of(const KeyResultDraft& d)
{
    return d.objective + '\x1f' + d.title + '\x1f' + to_string(d.direction) + '\x1f' + d.unit + '\x1f' +
           number_text(d.baseline) + '\x1f' + number_text(d.target) + '\x1f' + d.deadline + '\x1f' +
           number_text(d.weight) + '\x1f' + d.owner.value_or("");
}

// Said at the top of a form whose cycle is closed: the core lets such an objective be
// edited (a wrong title in last quarter's history can be fixed), but its scores are frozen.
void closed_cycle_note(const Cycle* cycle)
{
    if (!cycle || cycle->state != CycleState::closed)
        return;
    ImGui::PushStyleColor(ImGuiCol_Text, colour::yellow);
    ImGui::TextWrapped("%s is closed and its scores are frozen. What you change here rewrites that "
                       "quarter's history; Ctrl+Z undoes it.",
                       cycle->name.c_str());
    ImGui::PopStyleColor();
}

ImU32 severity_colour(Severity severity)
{
    switch (severity) {
    case Severity::error: return colour::red;
    case Severity::warning: return colour::yellow;
    case Severity::info: return colour::accent;
    }
    return colour::muted_text;
}

std::string levels_text(const ParentCandidate& candidate)
{
    if (candidate.levels_up == 0)
        return candidate.team_name;
    return candidate.team_name + ", " + std::to_string(candidate.levels_up) +
           (candidate.levels_up == 1 ? " level up" : " levels up");
}

}  // namespace

// ---- opening ------------------------------------------------------------------------------

void EntityEditor::new_objective(const Id& team, const Id& cycle)
{
    start(Form::objective, std::nullopt);
    form_.objective.team = team;
    form_.objective.cycle = cycle;
    form_.objective.commitment = "aspirational";
}

void EntityEditor::edit_objective(const Objective& objective)
{
    start(Form::objective, objective.id);
    form_.objective = draft_from(objective);
}

// A new KR is due when its cycle ends, the usual case; the form shows it to change.
void EntityEditor::new_key_result(const Workspace& workspace, const Objective& objective)
{
    start(Form::key_result, std::nullopt);
    form_.key_result.objective = objective.id;
    if (const Cycle* cycle = find_by_id(workspace.cycles, objective.cycle))
        form_.key_result.deadline = cycle->end.to_string();
}

void EntityEditor::edit_key_result(const KeyResult& key_result)
{
    start(Form::key_result, key_result.id);
    form_.key_result = draft_from(key_result);
    form_.baseline = number_text(key_result.baseline);
    form_.target = number_text(key_result.target);
    form_.weight = number_text(key_result.weight);
}

std::string EntityEditor::draft_key() const
{
    switch (form_.kind) {
    case Form::team: return form_.team.name + '\x1f' + form_.team.parent.value_or("");
    case Form::person: return form_.person.name + '\x1f' + form_.person.email;
    case Form::objective: return key_of(form_.objective);
    case Form::key_result:
        return key_of(form_.key_result) + '\x1f' + form_.baseline + '\x1f' + form_.target + '\x1f' + form_.weight;
    case Form::none: break;
    }
    return {};
}

// ---- numbers ------------------------------------------------------------------------------------

void EntityEditor::read_numbers()
{
    bool readable = true;
    form_.key_result.baseline = parsed_number(form_.baseline, readable);
    form_.key_result.target = parsed_number(form_.target, readable);
    form_.key_result.weight = parsed_number(form_.weight, readable);
}

std::vector<FieldProblem> EntityEditor::number_problems() const
{
    if (form_.kind != Form::key_result)
        return {};
    std::vector<FieldProblem> problems;
    const std::pair<const char*, const std::string*> fields[] = {
        {"baseline", &form_.baseline}, {"target", &form_.target}, {"weight", &form_.weight}};
    for (const auto& [field, text] : fields) {
        bool readable = true;
        parsed_number(*text, readable);
        if (!readable)
            problems.push_back({field, "\"" + *text + "\" is not a number; write it like 42 or 12.5."});
    }
    return problems;
}

// ---- the coach ----------------------------------------------------------------------------------

void EntityEditor::refresh_coach(const Workspace& workspace, uint64_t revision, Date today)
{
    if (form_.kind == Form::key_result)
        read_numbers();
    const std::string key =
        form_.kind == Form::objective ? key_of(form_.objective) : key_of(form_.key_result);
    if (key == coach_.draft_key && revision == coach_.revision)
        return;
    coach_.draft_key = key;
    coach_.revision = revision;
    if (form_.kind == Form::objective) {
        coach_.findings = findings_for_draft(workspace, form_.objective, form_.existing, today);
        coach_.parents = parent_candidates(workspace, form_.objective.team, form_.objective.cycle, form_.existing);
    } else {
        coach_.findings = findings_for_draft(workspace, form_.key_result, form_.existing, today);
    }
}

void EntityEditor::draw_coach(const Fonts& fonts)
{
    ImGui::BeginGroup();
    begin_card("editor-coach");
    // Kept clear of the card's edge by a little more than its padding.
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + coach_width - 40);
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Coach");
    ImGui::PopFont();
    muted_text("Tips on the draft, as you type. They never block saving.");
    ImGui::Spacing();
    if (coach_.findings.empty())
        ImGui::TextUnformatted("Nothing to improve: this reads well.");
    for (const Finding& finding : coach_.findings) {
        ImGui::Spacing();
        ImGui::PushFont(fonts.small);
        badge(to_string(finding.severity), severity_colour(finding.severity), false);
        widget_probe_note_last_item(("finding###editor-finding-" + finding.rule).c_str());
        ImGui::PopFont();
        ImGui::TextUnformatted(finding.message.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(coach_width - 28, 0));
    end_card();
    ImGui::EndGroup();
}

// ---- objectives ---------------------------------------------------------------------------------

bool EntityEditor::draw_objective_fields(const Workspace& workspace, const Fonts& fonts)
{
    ObjectiveDraft& draft = form_.objective;
    const Cycle* cycle = find_by_id(workspace.cycles, draft.cycle);
    const Team* team = find_by_id(workspace.teams, draft.team);
    ImGui::PushFont(fonts.small);
    muted_text(((cycle ? cycle->name : draft.cycle) + "  ·  " + (team ? team->name : draft.team)).c_str());
    ImGui::PopFont();
    closed_cycle_note(cycle);

    field_label("Title: where the team wants to go, in words");
    if (ImGui::IsWindowAppearing())
        ImGui::SetKeyboardFocusHere();
    const bool entered = one_line_field("###editor-title", draft.title, "Become the partner clients recommend");
    field_problems(form_.problems, "title");

    field_label("Description (optional)");
    ImGui::InputTextMultiline("###editor-description", &draft.description,
                              ImVec2(ImGui::CalcItemWidth(), ImGui::GetTextLineHeight() * 2.6f));
    field_problems(form_.problems, "description");

    const float half = (ImGui::CalcItemWidth() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ImGui::BeginGroup();
    field_label("Team");
    ImGui::SetNextItemWidth(half);
    const bool picking_team = ImGui::BeginCombo("###editor-team", team ? team->name.c_str() : draft.team.c_str());
    widget_probe_note_last_item("###editor-team");
    if (picking_team) {
        for (const Team& t : workspace.teams)
            if (ImGui::Selectable((t.name + "###editor-team-" + t.id).c_str(), t.id == draft.team))
                draft.team = t.id;
        ImGui::EndCombo();
    }
    field_problems(form_.problems, "team");
    ImGui::EndGroup();
    ImGui::SameLine();
    const float second_column = ImGui::GetCursorPosX();
    ImGui::BeginGroup();
    field_label("Owner");
    person_picker("###editor-owner", workspace.people, draft.owner, half);
    field_problems(form_.problems, "owner");
    ImGui::EndGroup();

    draw_parent_picker(workspace);

    ImGui::BeginGroup();
    field_label("Commitment");
    if (ImGui::RadioButton("Aspirational###editor-commitment-aspirational", draft.commitment == "aspirational"))
        draft.commitment = "aspirational";
    ImGui::SameLine(0, 14);
    if (ImGui::RadioButton("Committed###editor-commitment-committed", draft.commitment == "committed"))
        draft.commitment = "committed";
    ImGui::PushFont(fonts.small);
    muted_text(draft.commitment == "committed" ? "Expected to reach 1.0." : "A stretch: 0.6-0.7 is a good score.");
    ImGui::PopFont();
    field_problems(form_.problems, "commitment");
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::SetCursorPosX(second_column);  // SameLine(x) would count from the form's group
    ImGui::BeginGroup();
    field_label("Perspective");
    const Choice* shown = &perspectives[0];
    for (const Choice& choice : perspectives)
        if (draft.perspective == choice.value)
            shown = &choice;
    ImGui::SetNextItemWidth(half);
    const bool picking = ImGui::BeginCombo("###editor-perspective", shown->label);
    widget_probe_note_last_item("###editor-perspective");
    if (picking) {
        for (const Choice& choice : perspectives) {
            const std::string label = std::string(choice.label) + "###editor-perspective-" +
                                      (*choice.value ? choice.value : "none");
            if (ImGui::Selectable(label.c_str(), draft.perspective == choice.value))
                draft.perspective = choice.value;
        }
        ImGui::EndCombo();
    }
    field_problems(form_.problems, "perspective");
    ImGui::EndGroup();

    draw_kpi_links(workspace);
    return entered;
}

// Enclosing teams' objectives first, nearest first, each saying how many levels up it is.
void EntityEditor::draw_parent_picker(const Workspace& workspace)
{
    ObjectiveDraft& draft = form_.objective;
    field_label("Aligns to");
    std::string shown = "Not aligned to another objective";
    if (draft.parent) {
        const Objective* parent = find_by_id(workspace.objectives, *draft.parent);
        shown = parent ? parent->title : *draft.parent + " (not in this workspace)";
        for (const ParentCandidate& candidate : coach_.parents)
            if (candidate.objective == *draft.parent)
                shown = candidate.title + "  ·  " + levels_text(candidate);
    }
    const bool picking = ImGui::BeginCombo("###editor-aligns", shown.c_str());
    widget_probe_note_last_item("###editor-aligns");
    if (picking) {
        if (ImGui::Selectable("Not aligned to another objective###editor-aligns-none", !draft.parent))
            draft.parent.reset();
        bool others_started = false;
        for (const ParentCandidate& candidate : coach_.parents) {
            if (candidate.levels_up == 0 && !others_started) {
                others_started = true;
                ImGui::Separator();
                muted_text("Other teams");
            }
            const std::string label = candidate.title + "  ·  " + levels_text(candidate) + "###editor-aligns-" +
                                      candidate.objective;
            if (ImGui::Selectable(label.c_str(), draft.parent == candidate.objective))
                draft.parent = candidate.objective;
        }
        if (coach_.parents.empty())
            muted_text("No other team has objectives in this cycle yet.");
        ImGui::EndCombo();
    }
    field_problems(form_.problems, "parent");
}

void EntityEditor::draw_kpi_links(const Workspace& workspace)
{
    ObjectiveDraft& draft = form_.objective;
    field_label("KPIs it should move");
    if (workspace.kpis.empty())
        muted_text("This workspace has no KPIs yet.");
    for (const Kpi& kpi : workspace.kpis) {
        const auto listed = std::find(draft.kpis.begin(), draft.kpis.end(), kpi.id);
        bool linked = listed != draft.kpis.end();
        if (ImGui::Checkbox((kpi.name + "###editor-kpi-" + kpi.id).c_str(), &linked)) {
            if (linked)
                draft.kpis.push_back(kpi.id);
            else
                draft.kpis.erase(listed);
        }
        const Team* team = kpi.team ? find_by_id(workspace.teams, *kpi.team) : nullptr;
        if (team) {
            ImGui::SameLine();
            muted_text(team->name.c_str());
        }
    }
    field_problems(form_.problems, "kpis");
}

// ---- key results --------------------------------------------------------------------------------

bool EntityEditor::draw_key_result_fields(const Workspace& workspace, const Fonts& fonts)
{
    KeyResultDraft& draft = form_.key_result;
    const Objective* objective = find_by_id(workspace.objectives, draft.objective);
    const Cycle* cycle = objective ? find_by_id(workspace.cycles, objective->cycle) : nullptr;
    ImGui::PushFont(fonts.small);
    muted_text(("For: " + (objective ? objective->title : draft.objective)).c_str());
    ImGui::PopFont();
    closed_cycle_note(cycle);

    field_label("Title: the outcome that shows the objective was reached");
    if (ImGui::IsWindowAppearing())
        ImGui::SetKeyboardFocusHere();
    bool entered = one_line_field("###editor-title", draft.title, "Raise NPS from 31 to 45");
    field_problems(form_.problems, "title");

    field_label("Direction");
    const DirectionChoice* shown = &directions[0];
    for (const DirectionChoice& choice : directions)
        if (choice.direction == draft.direction)
            shown = &choice;
    const bool picking = ImGui::BeginCombo("###editor-direction", shown->label);
    widget_probe_note_last_item("###editor-direction");
    if (picking) {
        for (const DirectionChoice& choice : directions) {
            const std::string label = std::string(choice.label) + "###editor-direction-" + to_string(choice.direction);
            if (ImGui::Selectable(label.c_str(), choice.direction == draft.direction))
                draft.direction = choice.direction;
        }
        ImGui::EndCombo();
    }

    const float half = (ImGui::CalcItemWidth() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const auto number_field = [&](const char* label, const char* id, std::string& text, const char* field) {
        ImGui::BeginGroup();
        field_label(label);
        ImGui::SetNextItemWidth(half);
        const bool enter = ImGui::InputText(id, &text, ImGuiInputTextFlags_EnterReturnsTrue |
                                                           ImGuiInputTextFlags_CharsScientific);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + half);
        field_problems(form_.problems, field);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        return enter;
    };
    entered = number_field("Baseline: where it starts", "###editor-baseline", form_.baseline, "baseline") || entered;
    ImGui::SameLine();
    entered = number_field("Target: where it should get", "###editor-target", form_.target, "target") || entered;

    ImGui::BeginGroup();
    field_label("Unit (optional)");
    ImGui::SetNextItemWidth(half);
    entered = ImGui::InputTextWithHint("###editor-unit", "%, clients, days", &draft.unit,
                                       ImGuiInputTextFlags_EnterReturnsTrue) || entered;
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    field_label("Deadline (YYYY-MM-DD)");
    ImGui::SetNextItemWidth(half);
    entered = ImGui::InputText("###editor-deadline", &draft.deadline, ImGuiInputTextFlags_EnterReturnsTrue) || entered;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + half);
    field_problems(form_.problems, "deadline");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();

    ImGui::BeginGroup();
    field_label("Weight (empty counts 1; 0 leaves it out)");
    ImGui::SetNextItemWidth(half);
    entered = ImGui::InputTextWithHint("###editor-weight", "1", &form_.weight,
                                       ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsScientific) ||
              entered;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + half);
    field_problems(form_.problems, "weight");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    field_label("Owner");
    person_picker("###editor-owner", workspace.people, draft.owner, half);
    field_problems(form_.problems, "owner");
    ImGui::EndGroup();
    return entered;
}

}  // namespace okr::ui
