#include "ui/people_teams_dialog.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/team_tree.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

constexpr const char* popup_id = "People & teams###people-teams";

float button_width(const char* label)
{
    return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
}

// Called at the start of a table cell: its width, which is where SameLine() puts its right
// edge (inside a table cell SameLine counts from the cell's start).
float cell_width() { return ImGui::GetContentRegionAvail().x; }

// Edit and delete at the right end of a row.
void row_actions(const std::string& id_suffix, float right, bool& edit, bool& remove)
{
    const float width = button_width("Edit") + button_width("Delete") + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine(right - width);
    edit = ImGui::SmallButton(("Edit###edit-" + id_suffix).c_str());
    ImGui::SameLine();
    remove = ImGui::SmallButton(("Delete###delete-" + id_suffix).c_str());
}

}  // namespace

void PeopleTeamsDialog::draw(Session& session, Platform& platform, ViewState& view, const Fonts& fonts,
                             EntityEditor& editor)
{
    if (open_requested_) {
        ImGui::OpenPopup(popup_id);
        open_requested_ = false;
    }
    const ImVec2 viewport = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowSize(ImVec2(std::min(860.0f, viewport.x - 40), std::min(560.0f, viewport.y - 40)),
                             ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    open_ = session.has_workspace() && ImGui::BeginPopupModal(popup_id, nullptr, ImGuiWindowFlags_NoSavedSettings);
    if (!open_)
        return;
    widget_probe_note_window_title(popup_id);
    const Workspace& workspace = session.workspace();

    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 3;
    const float bottom = ImGui::GetCursorPosY() + ImGui::GetContentRegionAvail().y - footer;
    if (ImGui::BeginTable("people-teams", 2, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_PadOuterX)) {
        ImGui::TableNextColumn();
        draw_teams(workspace, editor, fonts, bottom);
        ImGui::TableNextColumn();
        draw_people(workspace, editor, fonts, bottom);
        ImGui::EndTable();
    }
    ImGui::Separator();
    const bool escape = !editor.is_open() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    if (primary_button("Done###people-teams-close", 110) || escape)
        ImGui::CloseCurrentPopup();
    editor.draw(session, platform, view, fonts);
    ImGui::EndPopup();
}

void PeopleTeamsDialog::draw_teams(const Workspace& workspace, EntityEditor& editor, const Fonts& fonts,
                                   float bottom)
{
    const float right = cell_width();
    const float wrap_at = ImGui::GetCursorPosX() + right;
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Teams");
    ImGui::PopFont();
    ImGui::SameLine(right - button_width("+ Team"));
    if (ImGui::Button("+ Team###add-team"))
        editor.new_team(std::nullopt);
    ImGui::PushTextWrapPos(wrap_at);
    muted_text("The organisation from the top down: each team's objectives can align to those above it.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    ImGui::BeginChild("team-list", ImVec2(0, bottom - ImGui::GetCursorPosY()), false);
    if (workspace.teams.empty())
        ImGui::TextWrapped("No teams yet. Add the company first, then the departments and teams within it.");
    for (const TeamInTree& row : teams_top_down(workspace, SiblingOrder::by_name)) {
        ImGui::PushID(row.team->id.c_str());
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 18.0f * static_cast<float>(row.depth));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(row.team->name.c_str());
        bool edit = false, remove = false;
        row_actions("team-" + row.team->id, ImGui::GetContentRegionMax().x, edit, remove);
        if (edit)
            editor.edit_team(*row.team);
        if (remove)
            editor.confirm_deletion(workspace, EntityKind::team, row.team->id);
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void PeopleTeamsDialog::draw_people(const Workspace& workspace, EntityEditor& editor, const Fonts& fonts,
                                    float bottom)
{
    const float right = cell_width();
    const float wrap_at = ImGui::GetCursorPosX() + right;
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("People");
    ImGui::PopFont();
    ImGui::SameLine(right - button_width("+ Person"));
    if (ImGui::Button("+ Person###add-person"))
        editor.new_person();
    ImGui::PushTextWrapPos(wrap_at);
    muted_text("Who can own objectives, key results and tasks.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    ImGui::BeginChild("people-list", ImVec2(0, bottom - ImGui::GetCursorPosY()), false);
    if (workspace.people.empty())
        ImGui::TextWrapped("No people yet. Add the ones who will own objectives and key results.");
    for (const Person& person : workspace.people) {
        ImGui::PushID(person.id.c_str());
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(person.name.c_str());
        if (person.email && !person.email->empty()) {
            ImGui::SameLine();
            muted_text(person.email->c_str());
        }
        bool edit = false, remove = false;
        row_actions("person-" + person.id, ImGui::GetContentRegionMax().x, edit, remove);
        if (edit)
            editor.edit_person(person);
        if (remove)
            editor.confirm_deletion(workspace, EntityKind::person, person.id);
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace okr::ui
