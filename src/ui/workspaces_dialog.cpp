#include "ui/workspaces_dialog.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

constexpr const char* list_popup = "Workspaces in this browser###workspaces";
constexpr const char* delete_popup = "Delete a workspace###workspace-delete";

}  // namespace

void WorkspacesDialog::open(Session& session)
{
    session.refresh_workspace_list();
    renaming_id_.clear();
    requested_ = true;
}

bool WorkspacesDialog::draw(Session& session, Platform& platform, const Fonts& fonts, bool& new_workspace_requested)
{
    if (requested_) {
        ImGui::OpenPopup(list_popup);
        requested_ = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    // Height 0 fits the content on every frame: the list arrives after the dialog opens.
    ImGui::SetNextWindowSize(ImVec2(std::min(760.0f, viewport->Size.x - 40), 0), ImGuiCond_Always);
    visible_ = ImGui::BeginPopupModal(list_popup, nullptr, ImGuiWindowFlags_NoSavedSettings);
    if (!visible_)
        return false;

    bool switched = false;
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("Workspaces in this browser");
    ImGui::PopFont();
    muted_text("Each workspace is a cascade of its own, with its own history. Open one to work in it.");
    ImGui::Spacing();

    const std::string blocked = session.why_it_cannot_be_left();
    if (!blocked.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
        ImGui::TextWrapped("%s", blocked.c_str());
        ImGui::PopStyleColor();
    }
    if (!session.workspace_action_error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
        ImGui::TextWrapped("%s", session.workspace_action_error().c_str());
        ImGui::PopStyleColor();
    }

    draw_list(session, platform, switched);
    draw_rename(session, platform);

    ImGui::Spacing();
    ImGui::BeginDisabled(!blocked.empty());
    const bool new_one = ImGui::Button("New workspace…###workspaces-new");
    ImGui::EndDisabled();
    if (new_one) {
        new_workspace_requested = true;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (primary_button("Close###workspaces-close", 110) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        ImGui::CloseCurrentPopup();

    draw_delete_confirmation(session, fonts);
    if (switched)
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return switched;
}

void WorkspacesDialog::draw_list(Session& session, Platform& platform, bool& switched)
{
    if (session.workspace_list_loading() && session.workspace_list().empty()) {
        muted_text("Reading the list…");
        return;
    }
    if (!session.workspace_list_error().empty()) {
        ImGui::TextWrapped("The list could not be read: %s", session.workspace_list_error().c_str());
        return;
    }
    // The switch lands a frame or more later; until then the row says so.
    if (!switching_to_.empty() && session.has_workspace() && session.workspace().info.id == switching_to_) {
        switching_to_.clear();
        switched = true;
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    const float height = std::clamp(40.0f + 44.0f * static_cast<float>(session.workspace_list().size()), 120.0f, 420.0f);
    if (!ImGui::BeginTable("workspace-list", 3, flags, ImVec2(0, height)))
        return;
    ImGui::TableSetupColumn("Workspace", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Last saved", ImGuiTableColumnFlags_WidthFixed, 170);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 290);
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    for (const WorkspaceSummary& workspace : session.workspace_list())
        draw_row(session, platform, workspace, switched);
    ImGui::EndTable();
}

void WorkspacesDialog::draw_row(Session& session, Platform& platform, const WorkspaceSummary& workspace, bool& switched)
{
    const bool is_open = session.has_workspace() && session.workspace().info.id == workspace.id;
    const bool can_leave = session.why_it_cannot_be_left().empty();
    ImGui::PushID(workspace.id.c_str());
    ImGui::TableNextRow(ImGuiTableRowFlags_None, 40);

    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    const std::string& name = is_open ? session.workspace().info.name : workspace.name;
    ImGui::TextUnformatted(name.empty() ? "(no name)" : name.c_str());
    if (is_open)
        badge("open", colour::accent);

    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    muted_text(workspace.saved_at_ms > 0 ? platform.local_time_text(workspace.saved_at_ms).c_str() : "–");

    ImGui::TableNextColumn();
    const std::string open_label = "Open###workspace-open-" + workspace.id;
    ImGui::BeginDisabled(is_open || !can_leave || !switching_to_.empty());
    if (ImGui::Button(open_label.c_str())) {
        switching_to_ = workspace.id;
        session.switch_to(workspace.id);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (is_open) {
        const std::string rename_label = "Rename###workspace-rename-" + workspace.id;
        if (ImGui::Button(rename_label.c_str())) {
            renaming_id_ = workspace.id;
            new_name_ = session.workspace().info.name;
            focus_rename_ = true;
        }
        ImGui::SameLine();
    }
    const std::string copy_label = "Duplicate###workspace-duplicate-" + workspace.id;
    ImGui::BeginDisabled(!can_leave);
    if (ImGui::Button(copy_label.c_str())) {
        session.duplicate_workspace(workspace.id, "w-" + platform.unique_suffix(), name + " (copy)", platform.now());
        switching_to_.clear();
        switched = true;
    }
    ImGui::SameLine();
    const std::string delete_label = "Delete…###workspace-delete-" + workspace.id;
    if (ImGui::Button(delete_label.c_str())) {
        deleting_id_ = workspace.id;
        deleting_name_ = name;
        delete_requested_ = true;
    }
    ImGui::EndDisabled();
    ImGui::PopID();
}

void WorkspacesDialog::draw_rename(Session& session, Platform& platform)
{
    if (renaming_id_.empty() || !session.has_workspace() || session.workspace().info.id != renaming_id_)
        return;
    ImGui::Spacing();
    ImGui::TextUnformatted("New name of the open workspace");
    ImGui::SetNextItemWidth(360);
    if (focus_rename_) {
        ImGui::SetKeyboardFocusHere();
        focus_rename_ = false;
    }
    const bool entered = ImGui::InputText("###workspace-new-name", &new_name_,
                                          ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    ImGui::SameLine();
    const bool named = new_name_.find_first_not_of(" \t") != std::string::npos;
    ImGui::BeginDisabled(!named);
    if ((ImGui::Button("Rename###workspace-rename-confirm") || entered) && named) {
        session.rename_workspace(new_name_, platform.now());
        session.refresh_workspace_list();
        renaming_id_.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel###workspace-rename-cancel"))
        renaming_id_.clear();
}

void WorkspacesDialog::draw_delete_confirmation(Session& session, const Fonts& fonts)
{
    if (delete_requested_) {
        ImGui::OpenPopup(delete_popup);
        delete_requested_ = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(delete_popup, nullptr, ImGuiWindowFlags_NoSavedSettings))
        return;
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("Delete \"%s\"?", deleting_name_.c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextWrapped("Its objectives, key results, check-ins and everything else in it are removed from this "
                       "browser, with its restore points, so it cannot be brought back here. Files exported "
                       "from it are not touched.");
    const bool is_open = session.has_workspace() && session.workspace().info.id == deleting_id_;
    if (is_open)
        muted_text("It is the open workspace: the one saved last among the others opens in its place.");
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Button, colour::red);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour::red);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::on_accent);
    if (ImGui::Button("Delete it###workspace-delete-confirm")) {
        session.delete_workspace(deleting_id_);
        ImGui::CloseCurrentPopup();
    }
    ImGui::PopStyleColor(3);
    ImGui::SameLine();
    if (ImGui::Button("Keep it###workspace-delete-cancel"))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace okr::ui
