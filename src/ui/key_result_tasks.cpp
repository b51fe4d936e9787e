#include "ui/key_result_tasks.hpp"

#include <imgui.h>

#include <algorithm>
#include <misc/cpp/imgui_stdlib.h>

#include "core/progress.hpp"
#include "ui/typed_text.hpp"
#include "ui/format.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

std::string problems_text(const EditRefused& refused)
{
    std::string text = refused.message;
    for (const FieldProblem& problem : refused.problems)
        text += "\n" + problem.field + ": " + problem.message;
    return text;
}

}  // namespace

void TaskList::draw(Session& session, Platform& platform, const KeyResult& kr, const Fonts& fonts)
{
    if (key_result_ != kr.id) {
        key_result_ = kr.id;
        new_title_.clear();
        error_.clear();
    }
    const Workspace& workspace = session.workspace();
    const std::vector<const Task*> tasks = tasks_of(workspace, kr.id);
    const auto done = std::count_if(tasks.begin(), tasks.end(), [](const Task* t) { return t->done; });

    ImGui::PushFont(fonts.heading);
    ImGui::Text("Tasks  %d of %d done", static_cast<int>(done), static_cast<int>(tasks.size()));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0);
    ImGui::PushFont(fonts.small);
    if (kr.direction == Direction::milestone)
        muted_text(tasks.empty() ? "This milestone takes its progress from check-ins until it has tasks; "
                                   "with tasks, its progress is the share of them done."
                                 : "This milestone's progress is the share of its tasks done.");
    else
        muted_text("Work towards this key result. Its progress comes from check-ins; tasks show what is being done.");
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    const Cycle* cycle = cycle_of(workspace, kr);
    const bool editable = !cycle || cycle->state != CycleState::closed;
    if (!editable)
        muted_text(("The cycle " + cycle->name + " is closed: its tasks are kept as they were.").c_str());
    if (tasks.empty())
        muted_text("No tasks yet.");
    for (const Task* task : tasks)
        draw_task(session, platform, *task, editable);

    if (editable) {
        ImGui::Spacing();
        draw_new_task(session, platform, kr);
    }
    if (!error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::red);
        ImGui::TextWrapped("%s", error_.c_str());
        ImGui::PopStyleColor();
    }
    draw_delete_dialog(session, platform, fonts);
}

// Ticking a box is an edit of the task, one undoable step; the figures follow next frame.
void TaskList::draw_task(Session& session, Platform& platform, const Task& task, bool editable)
{
    ImGui::PushID(task.id.c_str());
    ImGui::BeginDisabled(!editable);
    bool done = task.done;
    if (ImGui::Checkbox((task.title + "###task-done-" + task.id).c_str(), &done)) {
        TaskDraft draft = draft_from(task);
        draft.done = done;
        apply(session, platform, save_task(session.workspace(), draft, task.id, Id(), platform.now()));
    }
    if (task.owner) {
        const Person* owner = find_by_id(session.workspace().people, *task.owner);
        ImGui::SameLine();
        muted_text(("· " + (owner ? owner->name : *task.owner)).c_str());
    }
    if (editable) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - 56));
        if (ImGui::SmallButton(("Delete###task-delete-" + task.id).c_str())) {
            deleting_ = plan_deletion(session.workspace(), EntityKind::task, task.id);
            open_delete_dialog_ = true;
        }
    }
    ImGui::EndDisabled();
    ImGui::PopID();
}

// Enter saves, and the field stays ready for the next one, as in a to-do list.
void TaskList::draw_new_task(Session& session, Platform& platform, const KeyResult& kr)
{
    if (focus_new_title_) {
        ImGui::SetKeyboardFocusHere();
        focus_new_title_ = false;
    }
    ImGui::SetNextItemWidth(-64);
    const bool entered = ImGui::InputTextWithHint("###task-new-title", "Add a task, then Enter", &new_title_,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemEdited())
        error_.clear();
    ImGui::SameLine();
    const bool add = ImGui::Button("Add###task-add", ImVec2(56, 0));
    if (!entered && !add)
        return;

    TaskDraft draft;
    draft.key_result = kr.id;
    draft.title = trimmed(new_title_);
    if (draft.title.empty()) {
        error_ = "Write what the task is before adding it.";
        return;
    }
    EditResult result = save_task(session.workspace(), draft, std::nullopt, "task-" + platform.unique_suffix(),
                                  platform.now());
    const bool saved = std::holds_alternative<ChangeSet>(result);
    apply(session, platform, std::move(result));
    if (saved) {
        new_title_.clear();
        focus_new_title_ = entered;
    }
}

void TaskList::draw_delete_dialog(Session& session, Platform& platform, const Fonts& fonts)
{
    if (open_delete_dialog_) {
        ImGui::OpenPopup("Delete the task?###task-delete-dialog");
        open_delete_dialog_ = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(420, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Delete the task?###task-delete-dialog", nullptr,
                                ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize))
        return;
    if (!deleting_) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::PushFont(fonts.body);
    ImGui::PushTextWrapPos(400);
    ImGui::TextUnformatted(deleting_->summary.c_str());
    if (deleting_->allowed())
        muted_text("Undo brings it back.");
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::BeginDisabled(!deleting_->allowed());
    if (primary_button("Delete###task-delete-confirm")) {
        apply(session, platform, delete_entity(session.workspace(), *deleting_, platform.now()));
        deleting_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel###task-delete-cancel")) {
        deleting_.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void TaskList::apply(Session& session, Platform& platform, EditResult result)
{
    if (const auto* refused = std::get_if<EditRefused>(&result)) {
        error_ = problems_text(*refused);
        return;
    }
    error_.clear();
    session.apply(std::get<ChangeSet>(std::move(result)), platform.now());
}

}  // namespace okr::ui
