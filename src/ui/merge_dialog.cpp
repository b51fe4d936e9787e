#include "ui/merge_dialog.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/format.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

// A check-in is known by its key result and day, not by its id.
std::string note_label(const EntityMergeNote& note, const Workspace& merged, const Workspace& ours)
{
    if (note.collection != "check_ins")
        return note.title + "  (" + note.collection + ")";
    const CheckIn* check_in = find_by_id(merged.check_ins, note.id);
    if (!check_in)
        check_in = find_by_id(ours.check_ins, note.id);
    if (!check_in)
        return note.title + "  (check-in)";
    const KeyResult* key_result = find_by_id(merged.key_results, check_in->key_result);
    const std::string on = key_result ? "\"" + key_result->title + "\"" : check_in->key_result;
    return "Check-in of " + check_in->date.to_string() + " on " + on + ": " + format_number(check_in->value);
}


constexpr const char* popup_id = "Merge a teammate's file###merge";

ImU32 outcome_colour(MergeOutcome outcome)
{
    switch (outcome) {
    case MergeOutcome::added: return colour::green;
    case MergeOutcome::changed: return colour::accent;
    case MergeOutcome::deleted: return colour::red;
    case MergeOutcome::conflict: return colour::yellow;
    }
    return colour::muted_text;
}

// Short enough to read in a table cell; the whole value is in the tooltip.
std::string shown(const nlohmann::json& value)
{
    std::string text = value.is_null() ? "(none)"
                       : value.is_string()
                           ? value.get<std::string>()
                           : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (text.size() > 80)
        text = text.substr(0, 77) + "…";
    return text;
}

}  // namespace

void MergeDialog::open(std::string file_name, std::string bytes, MergeResult merge, bool whole_workspace)
{
    whole_workspace_ = whole_workspace;
    file_name_ = std::move(file_name);
    bytes_ = std::move(bytes);
    merge_ = std::move(merge);
    open_requested_ = true;
}

void MergeDialog::close()
{
    merge_.reset();
    bytes_.clear();
}

MergeDialog::Choice MergeDialog::draw(const Workspace& ours, const Fonts& fonts)
{
    if (open_requested_) {
        ImGui::OpenPopup(popup_id);
        open_requested_ = false;
    }
    const ImVec2 viewport = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowSize(ImVec2(std::min(860.0f, viewport.x - 40), std::min(620.0f, viewport.y - 40)),
                             ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(popup_id, nullptr, ImGuiWindowFlags_NoSavedSettings))
        return Choice::none;
    if (!merge_) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return Choice::none;
    }

    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("\"%s\" into \"%s\"", file_name_.c_str(), ours.info.name.c_str());
    ImGui::PopFont();
    draw_summary(ours);
    const float buttons_height = ImGui::GetFrameHeightWithSpacing() + 12;
    ImGui::BeginChild("merge-notes", ImVec2(0, -buttons_height), true);
    draw_notes(ours);
    ImGui::EndChild();

    Choice choice = Choice::none;
    if (primary_button("Merge###merge-confirm"))
        choice = Choice::merge;
    ImGui::SameLine();
    if (whole_workspace_) {
        if (ImGui::Button("Open as a separate workspace###merge-separate"))
            choice = Choice::separate;
        ImGui::SameLine();
    }
    if (ImGui::Button("Cancel###merge-cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        choice = Choice::cancel;
    if (choice != Choice::none)
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return choice;
}

void MergeDialog::draw_summary(const Workspace& ours)
{
    const MergeResult& merge = *merge_;
    for (MergeOutcome outcome : {MergeOutcome::added, MergeOutcome::changed, MergeOutcome::deleted,
                                 MergeOutcome::conflict}) {
        const std::string text = std::to_string(merge.count(outcome)) + " " + to_string(outcome);
        badge(text.c_str(), outcome_colour(outcome), outcome != MergeOutcome::added);
    }
    ImGui::PushTextWrapPos(0);
    if (merge.notes.empty())
        muted_text("The file holds nothing this workspace lacks: merging changes nothing.");
    else
        muted_text("Check-ins from both copies are kept. Of two versions of the same thing, the one edited "
                   "last wins. Conflicts were edited at the same moment in both copies: the version kept is "
                   "chosen by a fixed rule, so every teammate who merges gets the same result.");
    if (merge.merged.info.id != ours.info.id)
        muted_text(("This file belongs to workspace \"" + merge.merged.info.id + "\", not \"" + ours.info.id +
                    "\"; merge only if it is really the same organisation's OKRs.")
                       .c_str());
    if (whole_workspace_)
        muted_text("Open as a separate workspace keeps this one as it is and opens the file beside it; "
                   "Workspaces in the top bar switches between them.");
    ImGui::PopTextWrapPos();
}

void MergeDialog::draw_notes(const Workspace& ours)
{
    int index = 0;
    for (const EntityMergeNote& note : merge_->notes) {
        ImGui::PushID(index++);
        badge(to_string(note.outcome), outcome_colour(note.outcome), false);
        ImGui::SameLine();
        const std::string label = note_label(note, merge_->merged, ours) + "###note";
        const bool expandable = !note.differences.empty();
        const ImGuiTreeNodeFlags flags = expandable ? 0 : ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
        const bool expanded = ImGui::TreeNodeEx(label.c_str(), flags);
        if (expandable && expanded) {
            if (ImGui::BeginTable("fields", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg)) {
                ImGui::TableSetupColumn("Field", ImGuiTableColumnFlags_WidthFixed, 130);
                ImGui::TableSetupColumn("This browser");
                ImGui::TableSetupColumn("The file");
                ImGui::TableHeadersRow();
                for (const FieldDifference& difference : note.differences) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(difference.field.c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s", shown(difference.ours).c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s", shown(difference.theirs).c_str());
                }
                ImGui::EndTable();
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
}

}  // namespace okr::ui
