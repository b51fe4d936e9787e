#include "ui/cycles_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <misc/cpp/imgui_stdlib.h>

#include "core/team_tree.hpp"
#include "core/cycle_workflow.hpp"
#include "core/progress.hpp"
#include "ui/typed_text.hpp"
#include "ui/cycle_support.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

using cycles::count_text;

constexpr float list_width = 300.0f;
constexpr const char* form_popup = "Cycle###cycle-form";
constexpr const char* confirm_popup = "Confirm###cycle-confirm";

std::string date_text(Date date)
{
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return std::to_string(date.day()) + " " + months[date.month() - 1] + " " + std::to_string(date.year());
}

std::string span_text(const Cycle& cycle)
{
    return date_text(cycle.start) + " – " + date_text(cycle.end);
}

ImU32 state_tone(CycleState state)
{
    return state == CycleState::active ? colour::accent : colour::muted_text;
}

std::vector<const Cycle*> by_start(const Workspace& workspace)
{
    std::vector<const Cycle*> cycles;
    for (const Cycle& cycle : workspace.cycles)
        cycles.push_back(&cycle);
    std::stable_sort(cycles.begin(), cycles.end(), [](const Cycle* a, const Cycle* b) { return a->start < b->start; });
    return cycles;
}

size_t key_result_count(const Workspace& workspace, const Id& cycle)
{
    size_t count = 0;
    for (const Objective& objective : workspace.objectives)
        if (objective.cycle == cycle)
            count += key_results_of(workspace, objective.id).size();
    return count;
}

const Cycle* other_active(const Workspace& workspace, const Id& besides)
{
    for (const Cycle& cycle : workspace.cycles)
        if (cycle.state == CycleState::active && cycle.id != besides)
            return &cycle;
    return nullptr;
}

void centre_next_window(float width)
{
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    // Height 0 on every frame: the dialog grows when problems appear under its fields.
    ImGui::SetNextWindowSize(ImVec2(std::min(width, ImGui::GetMainViewport()->Size.x - 40), 0), ImGuiCond_Always);
}

std::string state_explanation(const Cycle& cycle)
{
    switch (cycle.state) {
    case CycleState::draft:
        return "A draft: write its objectives and key results in the cascade, with the coach's tips. Nobody "
               "checks in until it is activated.";
    case CycleState::active:
        return "Active: teams check in weekly. Closing it freezes every key result's final score.";
    case CycleState::closed:
        return "Closed: its final scores are frozen. Review the grades, then let each team write its "
               "retrospective and carry forward what continues.";
    }
    return {};
}

}  // namespace

void CyclesView::draw(Session& session, Platform& platform, ViewState& view, const Fonts& fonts)
{
    const Workspace& workspace = session.workspace();
    const Cycle* cycle = chosen_cycle(workspace, view);
    if (!cycle) {
        draw_empty(platform, workspace, fonts);
    } else {
        ImGui::BeginChild("cycle-list", ImVec2(list_width, 0), true);
        draw_cycle_list(workspace, platform, fonts);
        ImGui::EndChild();
        ImGui::SameLine(0, 12);
        ImGui::BeginChild("cycle-detail", ImVec2(0, 0), false);
        draw_detail(session, platform, view, *cycle, fonts);
        ImGui::EndChild();
    }
    draw_form_dialog(session, platform, fonts);
    draw_confirmation(session, platform, fonts);
}

// The cycle picked here before, else the one the cascade shows.
const Cycle* CyclesView::chosen_cycle(const Workspace& workspace, const ViewState& view)
{
    if (view.cycle != followed_) {
        followed_ = view.cycle;
        selected_ = view.cycle;
        tab_ = Tab::overview;
    }
    if (const Cycle* cycle = find_by_id(workspace.cycles, selected_))
        return cycle;
    const Cycle* cycle = find_by_id(workspace.cycles, view.cycle);
    if (!cycle)
        cycle = find_by_id(workspace.cycles, default_cycle(workspace));
    selected_ = cycle ? cycle->id : Id();
    tab_ = Tab::overview;
    return cycle;
}

void CyclesView::draw_empty(Platform& platform, const Workspace& workspace, const Fonts& fonts)
{
    ImGui::Spacing();
    begin_card("cycles-empty");
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("No cycles yet");
    ImGui::PopFont();
    widget_probe_note_last_item("###cycles-empty");
    muted_text("A cycle is the time box of a set of OKRs, normally a quarter. Plan the first one, then draft "
               "its objectives in the cascade and activate it when the teams are ready.");
    ImGui::Spacing();
    if (primary_button("Plan this quarter###cycle-plan"))
        open_plan(workspace, platform, false);
    end_card();
}

void CyclesView::draw_cycle_list(const Workspace& workspace, Platform& platform, const Fonts& fonts)
{
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Cycles");
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - 136);
    if (primary_button("Plan next quarter###cycle-plan"))
        open_plan(workspace, platform, false);
    ImGui::Spacing();
    for (const Cycle* cycle : by_start(workspace))
        draw_cycle_row(workspace, *cycle, fonts);
}

void CyclesView::draw_cycle_row(const Workspace& workspace, const Cycle& cycle, const Fonts& fonts)
{
    const float height = ImGui::GetTextLineHeight() * 2.4f + 12;
    const ImVec2 start = ImGui::GetCursorPos();
    if (ImGui::Selectable(("###cycle-row-" + cycle.id).c_str(), cycle.id == selected_, 0, ImVec2(0, height))) {
        selected_ = cycle.id;
        tab_ = Tab::overview;
        notice_.clear();
    }
    const ImVec2 end = ImGui::GetCursorPos();

    ImGui::SetCursorPos(ImVec2(start.x + 8, start.y + 5));
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(cycle.name.c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, 8);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 3);
    badge(to_string(cycle.state), state_tone(cycle.state), false);
    widget_probe_note_last_item((std::string(to_string(cycle.state)) + "###cycle-state-" + cycle.id).c_str());

    ImGui::SetCursorPosX(start.x + 8);
    ImGui::PushFont(fonts.small);
    const size_t objectives = cycles::objective_count(workspace, cycle.id);
    const std::string count = objectives == 0 ? "no objectives yet" : count_text(objectives, "objective", "objectives");
    muted_text((span_text(cycle) + "  ·  " + count).c_str());
    widget_probe_note_last_item((count + "###cycle-count-" + cycle.id).c_str());
    ImGui::PopFont();
    ImGui::SetCursorPos(end);
    ImGui::Dummy(ImVec2(0, 2));
}

void CyclesView::draw_detail(Session& session, Platform& platform, ViewState& view, const Cycle& cycle,
                             const Fonts& fonts)
{
    const Workspace& workspace = session.workspace();
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted(cycle.name.c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, 10);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 5);
    badge(to_string(cycle.state), state_tone(cycle.state), false);
    ImGui::SameLine(0, 12);
    muted_text(span_text(cycle).c_str());
    ImGui::PushTextWrapPos(0);
    muted_text(state_explanation(cycle).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    draw_actions(workspace, view, cycle);
    if (!notice_.empty() && notice_revision_ == session.revision()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::green);
        ImGui::TextWrapped("%s", notice_.c_str());
        ImGui::PopStyleColor();
        widget_probe_note_last_item((notice_ + "###cycle-notice").c_str());
    }
    ImGui::Spacing();

    if (cycle.state == CycleState::draft)
        tab_ = Tab::overview;
    else
        draw_tabs(cycle);
    ImGui::Spacing();

    bool plan_requested = false;
    switch (tab_) {
    case Tab::overview: draw_overview(workspace, view, cycle, fonts); break;
    case Tab::scores: scores_.draw(session, platform, cycle, fonts); break;
    case Tab::retrospectives: retrospectives_.draw(session, platform, view, cycle, fonts, plan_requested); break;
    }
    if (plan_requested)
        open_plan(session.workspace(), platform, true);
}

void CyclesView::draw_actions(const Workspace& workspace, ViewState& view, const Cycle& cycle)
{
    const std::string& id = cycle.id;
    const bool draft = cycle.state == CycleState::draft;
    if ((draft ? primary_button(("Open in cascade###cycle-open-" + id).c_str())
               : ImGui::Button(("Open in cascade###cycle-open-" + id).c_str()))) {
        view.cycle = id;
        view.screen = Screen::cascade;
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", draft ? "Draft its objectives and key results there" : "See its objectives there");
    ImGui::SameLine();
    if (ImGui::Button(("Edit…###cycle-edit-" + id).c_str()))
        open_edit(cycle);
    if (draft) {
        ImGui::SameLine();
        if (ImGui::Button(("Activate…###cycle-activate-" + id).c_str()))
            ask(Step::activate, workspace, cycle);
    }
    if (cycle.state == CycleState::active) {
        ImGui::SameLine();
        if (ImGui::Button(("Close cycle…###cycle-close-" + id).c_str()))
            ask(Step::close, workspace, cycle);
    }
    ImGui::SameLine();
    if (ImGui::Button(("Delete…###cycle-delete-" + id).c_str()))
        ask(Step::remove, workspace, cycle);
}

void CyclesView::draw_tabs(const Cycle& cycle)
{
    const auto tab = [&](const char* label, Tab which) {
        const bool current = tab_ == which;
        if (current ? primary_button(label) : ImGui::Button(label))
            tab_ = which;
    };
    tab("Objectives###cycle-tab-overview", Tab::overview);
    ImGui::SameLine(0, 4);
    tab(cycle.state == CycleState::closed ? "Scores###cycle-tab-scores" : "Score preview###cycle-tab-scores",
        Tab::scores);
    ImGui::SameLine(0, 4);
    tab("Retrospectives###cycle-tab-retro", Tab::retrospectives);
}

void CyclesView::draw_overview(const Workspace& workspace, ViewState& view, const Cycle& cycle, const Fonts& fonts)
{
    if (cycles::objective_count(workspace, cycle.id) == 0) {
        begin_card("cycle-no-objectives");
        ImGui::TextUnformatted(("No objectives in " + cycle.name + " yet.").c_str());
        widget_probe_note_last_item("###cycle-no-objectives");
        muted_text(cycle.state == CycleState::closed
                       ? "Nothing was planned in this cycle: there is nothing to score."
                       : "Open it in the cascade to draft them, or carry objectives forward from a closed "
                         "cycle's retrospective.");
        const bool can_draft = cycle.state != CycleState::closed;
        if (can_draft && ImGui::Button(("Draft objectives###cycle-draft-" + cycle.id).c_str())) {
            view.cycle = cycle.id;
            view.screen = Screen::cascade;
        }
        end_card();
        return;
    }
    for (const auto& [team, depth] : teams_top_down(workspace, SiblingOrder::as_stored)) {
        const auto objectives = cycles::objectives_of(workspace, team->id, cycle.id);
        if (objectives.empty())
            continue;
        begin_card(("cycle-team-" + team->id).c_str());
        ImGui::PushFont(fonts.heading);
        ImGui::TextUnformatted(team->name.c_str());
        ImGui::PopFont();
        for (const Objective* objective : objectives) {
            ImGui::BulletText("%s", objective->title.c_str());
            ImGui::SameLine(0, 8);
            ImGui::PushFont(fonts.small);
            const size_t key_results = key_results_of(workspace, objective->id).size();
            muted_text(count_text(key_results, "key result", "key results").c_str());
            if (objective->carried_from)
                badge("carried forward", colour::muted_text);
            ImGui::PopFont();
        }
        end_card();
    }
}

// ---- planning and editing a cycle -------------------------------------------------------------

void CyclesView::open_plan(const Workspace& workspace, Platform& platform, bool for_carrying)
{
    form_ = CycleForm{};
    form_.requested = true;
    form_.draft = next_quarter_draft(workspace, platform.today());
    form_.for_carrying = for_carrying;
}

void CyclesView::open_edit(const Cycle& cycle)
{
    form_ = CycleForm{};
    form_.requested = true;
    form_.editing = cycle.id;
    form_.draft = draft_from(cycle);
}

void CyclesView::draw_form_dialog(Session& session, Platform& platform, const Fonts& fonts)
{
    if (form_.requested) {
        ImGui::OpenPopup(form_popup);
        form_.requested = false;
    }
    centre_next_window(480);
    if (!ImGui::BeginPopupModal(form_popup, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar))
        return;
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(form_.editing ? "Edit the cycle" : "Plan a cycle");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0);
    muted_text(form_.editing ? "Name and dates; its state changes through activating and closing."
                             : "Prefilled with the quarter after the last cycle. It starts as a draft: nobody "
                               "checks in until you activate it.");
    ImGui::PopTextWrapPos();

    bool enter = false;
    if (ImGui::IsWindowAppearing())
        ImGui::SetKeyboardFocusHere();
    draw_form_field("NAME", "name", form_.draft.name, "2027 Q3", enter);
    draw_form_field("STARTS", "start", form_.draft.start, "YYYY-MM-DD", enter);
    draw_form_field("ENDS", "end", form_.draft.end, "YYYY-MM-DD", enter);
    if (!form_.message.empty())
        cycles::error_line(form_.message, "cycle-form-message");

    ImGui::Spacing();
    const bool save = primary_button(form_.editing ? "Save###cycle-form-save" : "Plan it###cycle-form-save");
    ImGui::SameLine();
    if (ImGui::Button("Cancel###cycle-form-cancel"))
        ImGui::CloseCurrentPopup();
    if (save || enter)
        save_form(session, platform);
    ImGui::EndPopup();
}

void CyclesView::draw_form_field(const char* label, const char* id, std::string& text, const char* hint, bool& enter)
{
    ImGui::Spacing();
    muted_text(label);
    ImGui::SetNextItemWidth(-1);
    const bool invalid =
        std::any_of(form_.problems.begin(), form_.problems.end(), [&](const FieldProblem& p) { return p.field == id; });
    if (invalid)
        ImGui::PushStyleColor(ImGuiCol_FrameBg, soft(colour::red));
    enter = ImGui::InputTextWithHint((std::string("###cycle-form-") + id).c_str(), hint, &text,
                                     ImGuiInputTextFlags_EnterReturnsTrue) ||
            enter;
    if (invalid)
        ImGui::PopStyleColor();
    cycles::field_problems(form_.problems, id, "cycle-form-problem-");
}

// Runs inside the dialog, so that a refusal keeps it open with the problems under the fields.
void CyclesView::save_form(Session& session, Platform& platform)
{
    const Workspace& workspace = session.workspace();
    CycleDraft draft = form_.draft;
    draft.name = trimmed(draft.name);
    draft.start = trimmed(draft.start);
    draft.end = trimmed(draft.end);
    const Id new_id = new_cycle_id(workspace, draft.name);
    EditResult result = save_cycle(workspace, draft, form_.editing, new_id, platform.now());
    if (const auto* refused = std::get_if<EditRefused>(&result)) {
        form_.problems = refused->problems;
        form_.message = refused->problems.empty() ? "Not saved. " + cycles::as_sentence(refused->message)
                                                  : "Not saved: correct the fields marked above.";
        return;
    }
    ChangeSet change_set = std::get<ChangeSet>(std::move(result));
    if (!change_set.empty())
        session.apply(std::move(change_set), platform.now());
    if (form_.editing) {
        tell(session, "Saved " + draft.name + ", " + draft.start + " to " + draft.end + ".");
    } else {
        if (form_.for_carrying)
            retrospectives_.set_carry_target(new_id);
        else
            selected_ = new_id;
        tell(session, "Planned " + draft.name + " as a draft. Open it in the cascade to write its objectives.");
    }
    ImGui::CloseCurrentPopup();
}

// ---- steps that ask first --------------------------------------------------------------------

void CyclesView::ask(Step step, const Workspace& workspace, const Cycle& cycle)
{
    confirmation_ = Confirmation{};
    confirmation_.requested = true;
    confirmation_.step = step;
    confirmation_.cycle = cycle.id;
    const std::string objectives = count_text(cycles::objective_count(workspace, cycle.id), "objective", "objectives");
    // The core answers the same later; asked now, a refusal shows before anyone confirms.
    const auto refusal_of = [](const EditResult& result) {
        const auto* refused = std::get_if<EditRefused>(&result);
        return refused ? cycles::as_sentence(refused->message) : std::string();
    };

    switch (step) {
    case Step::activate: {
        confirmation_.title = "Activate " + cycle.name + "?";
        confirmation_.action = "Activate";
        confirmation_.explanation = "It becomes a running cycle: weekly check-ins start for its " + objectives +
                                    ", and they show on the check-in screen. Its objectives can still be edited.";
        if (const Cycle* active = other_active(workspace, cycle.id))
            confirmation_.explanation += " " + active->name + " is active too: close it when " + cycle.name +
                                         " takes over, so that each week's check-ins go to one cycle.";
        confirmation_.refusal = refusal_of(activate_cycle(workspace, cycle.id, Timestamp{}));
        break;
    }
    case Step::close: {
        const size_t key_results = key_result_count(workspace, cycle.id);
        confirmation_.title = "Close " + cycle.name + "?";
        confirmation_.action = "Close and freeze scores";
        confirmation_.explanation =
            "Scores will be frozen: each of its " + count_text(key_results, "key result", "key results") +
            " keeps as its final score the one computed from its last check-in on or before its deadline "
            "(a grade a person already set stands). Check-ins stop. Grades can still be overridden with a "
            "note, and each team writes its retrospective. Undo reopens it.";
        confirmation_.refusal = refusal_of(close_cycle(workspace, cycle.id, Timestamp{}));
        break;
    }
    case Step::remove: {
        const DeletionPlan plan = plan_deletion(workspace, EntityKind::cycle, cycle.id);
        confirmation_.title = "Delete " + cycle.name + "?";
        confirmation_.action = "Delete";
        confirmation_.explanation = plan.allowed() ? plan.summary + ". Undo brings it back." : std::string();
        confirmation_.refusal = plan.allowed() ? std::string()
                                               : "It cannot be deleted. " + plan.refusal +
                                                     " A cycle's objectives are its history.";
        break;
    }
    }
}

void CyclesView::draw_confirmation(Session& session, Platform& platform, const Fonts& fonts)
{
    if (confirmation_.requested) {
        ImGui::OpenPopup(confirm_popup);
        confirmation_.requested = false;
    }
    centre_next_window(520);
    if (!ImGui::BeginPopupModal(confirm_popup, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar))
        return;
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", confirmation_.title.c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    if (!confirmation_.explanation.empty()) {
        ImGui::TextWrapped("%s", confirmation_.explanation.c_str());
        widget_probe_note_last_item((confirmation_.explanation + "###cycle-confirm-text").c_str());
    }
    if (!confirmation_.refusal.empty())
        cycles::error_line(confirmation_.refusal, "cycle-confirm-refusal");
    ImGui::Spacing();

    if (confirmation_.refusal.empty()) {
        if (primary_button((confirmation_.action + "###cycle-confirm-yes").c_str())) {
            carry_out(session, platform);
            if (confirmation_.refusal.empty())
                ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
    }
    if (ImGui::Button((confirmation_.refusal.empty() ? "Cancel###cycle-confirm-no" : "Close###cycle-confirm-no")))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// The step as confirmed, asked of the core again: the workspace may have changed meanwhile.
void CyclesView::carry_out(Session& session, Platform& platform)
{
    const Workspace& workspace = session.workspace();
    const Id& id = confirmation_.cycle;
    EditResult result;
    switch (confirmation_.step) {
    case Step::activate: result = activate_cycle(workspace, id, platform.now()); break;
    case Step::close: result = close_cycle(workspace, id, platform.now()); break;
    case Step::remove:
        result = delete_entity(workspace, plan_deletion(workspace, EntityKind::cycle, id), platform.now());
        break;
    }
    if (const auto* refused = std::get_if<EditRefused>(&result)) {
        confirmation_.refusal = cycles::as_sentence(refused->message);
        return;
    }
    ChangeSet change_set = std::get<ChangeSet>(std::move(result));
    const Cycle* cycle = find_by_id(workspace.cycles, id);
    const std::string name = cycle ? cycle->name : id;
    // The core's summary after its colon says what closing froze ("14 final scores frozen").
    const auto colon = change_set.summary.find(": ");
    const std::string detail = colon == std::string::npos ? std::string() : change_set.summary.substr(colon);
    session.apply(std::move(change_set), platform.now());
    switch (confirmation_.step) {
    case Step::activate: tell(session, name + " is active: weekly check-ins have started."); break;
    case Step::close:
        tell(session, "Closed " + name + detail + ".");
        tab_ = Tab::scores;
        break;
    case Step::remove: tell(session, "Deleted " + name + ". Undo brings it back."); break;
    }
}

void CyclesView::tell(const Session& session, std::string notice)
{
    notice_ = std::move(notice);
    notice_revision_ = session.revision();
}

}  // namespace okr::ui
