#pragma once
// The workspaces kept in this browser: the list, with the open one marked, and opening,
// renaming, duplicating and deleting them. Deleting asks first and says what goes with it.

#include <string>

#include "app/platform.hpp"
#include "app/session.hpp"
#include "ui/theme.hpp"

namespace okr::ui {

class WorkspacesDialog {
public:
    void open(Session& session);
    // Returns true when another workspace was opened, so the page starts its view afresh.
    bool draw(Session& session, Platform& platform, const Fonts& fonts, bool& new_workspace_requested);
    bool is_open() const { return requested_ || visible_; }

private:
    void draw_list(Session& session, Platform& platform, bool& switched);
    void draw_row(Session& session, Platform& platform, const WorkspaceSummary& workspace, bool& switched);
    void draw_rename(Session& session, Platform& platform);
    void draw_delete_confirmation(Session& session, const Fonts& fonts);

    bool requested_ = false;
    bool visible_ = false;
    std::string renaming_id_;
    std::string new_name_;
    bool focus_rename_ = false;
    std::string deleting_id_;
    std::string deleting_name_;
    bool delete_requested_ = false;
    std::string switching_to_;
};

}  // namespace okr::ui
