#pragma once
// The tasks (initiatives) of the open key result: tick one done, add one, delete one. For
// a milestone they are its progress (docs/okr-method.md: the fraction of tasks done), so
// ticking a task moves the KR at once. Every change is one undoable edit.

#include <optional>
#include <string>

#include "app/platform.hpp"
#include "app/session.hpp"
#include "core/entity_edits.hpp"
#include "ui/theme.hpp"

namespace okr::ui {

class TaskList {
public:
    void draw(Session& session, Platform& platform, const KeyResult& kr, const Fonts& fonts);

private:
    void draw_task(Session& session, Platform& platform, const Task& task, bool editable);
    void draw_new_task(Session& session, Platform& platform, const KeyResult& kr);
    void draw_delete_dialog(Session& session, Platform& platform, const Fonts& fonts);
    void apply(Session& session, Platform& platform, EditResult result);

    Id key_result_;  // the KR the fields below were filled for
    std::string new_title_;
    std::string error_;
    bool focus_new_title_ = false;
    std::optional<DeletionPlan> deleting_;
    bool open_delete_dialog_ = false;
};

}  // namespace okr::ui
