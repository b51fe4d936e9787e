#pragma once
// "People & teams": the organisation tree and the people of the workspace, each with its
// edit and delete buttons, and buttons to add more. The forms open over it.

#include "app/platform.hpp"
#include "app/session.hpp"
#include "ui/entity_editor.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace okr::ui {

class PeopleTeamsDialog {
public:
    void open() { open_requested_ = true; }
    bool is_open() const { return open_ || open_requested_; }
    // Draws the editor inside itself while open, so that its forms stack over the list.
    void draw(Session& session, Platform& platform, ViewState& view, const Fonts& fonts, EntityEditor& editor);

private:
    // `bottom`: where the lists end, in window coordinates, leaving room for the footer.
    void draw_teams(const Workspace& workspace, EntityEditor& editor, const Fonts& fonts, float bottom);
    void draw_people(const Workspace& workspace, EntityEditor& editor, const Fonts& fonts, float bottom);

    bool open_requested_ = false;
    bool open_ = false;
};

}  // namespace okr::ui
