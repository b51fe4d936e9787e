#pragma once
// The weekly check-in (docs/okr-method.md, "Cycle workflow", step 3): one screen per team
// for the ISO week that holds today. Every key result the team has in the active cycle is
// a row, grouped by objective: its last reading, fields for value, confidence and note
// prefilled from it, and whether this week's check-in is done. Tab moves through the
// fields; Enter saves the row as one undoable edit and moves on to the next row still
// missing. A row already checked in this week is corrected, never overwritten.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/platform.hpp"
#include "app/session.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace okr::ui {

// The top bar's switch between the screens: cascade, weekly check-in, map, cycles, KPIs.
void draw_screen_switch(ViewState& view, const Workspace& workspace);
float screen_switch_width();

class WeeklyCheckInView {
public:
    void draw(Session& session, Platform& platform, ViewState& view, const Fonts& fonts);

private:
    // What the screen shows, derived from the workspace once per change of it (or of the
    // day), never per frame. The pointers live until the workspace changes.
    struct Row {
        const KeyResult* key_result = nullptr;
        const CheckIn* latest = nullptr;     // latest effective reading, any week
        const CheckIn* this_week = nullptr;  // this week's effective reading
        bool from_tasks = false;             // a milestone its tasks drive: no check-in
        bool missing() const { return !from_tasks && !this_week; }
    };
    struct ObjectiveGroup {
        const Objective* objective = nullptr;
        std::vector<Row> rows;
    };
    struct TeamSheet {
        const Team* team = nullptr;
        int depth = 0;
        std::vector<ObjectiveGroup> groups;
        int missing = 0;
        int total = 0;
    };
    // What the person has typed in a row. `basis` is the reading it was filled from, so
    // that an untouched row follows the data (undo, a merge) and an edited one keeps its text.
    struct RowDraft {
        Id basis;
        std::string value;
        std::string confidence;
        std::string note;
        std::string error;  // why the last Enter saved nothing
        bool value_invalid = false;
        bool confidence_invalid = false;
        bool edited = false;
    };

    void refresh(const Session& session, const Id& cycle, Date today);
    static TeamSheet build_sheet(const Workspace& workspace, const Team& team, int depth, const Id& cycle,
                                 Date today);
    const TeamSheet* chosen_sheet();
    void draw_not_active(ViewState& view, const Workspace& workspace, const Cycle* cycle);
    void draw_team_list(const Fonts& fonts);
    void draw_sheet(const TeamSheet& sheet, const Cycle& cycle, const Fonts& fonts);
    void draw_group(const ObjectiveGroup& group, const Fonts& fonts);
    void draw_row(const Row& row, const Fonts& fonts);
    void draw_last_reading(const Row& row, const Fonts& fonts);
    void draw_fields(const Row& row, RowDraft& draft);
    void draw_status(const Row& row, const RowDraft& draft);
    RowDraft& draft_for(const Row& row);
    void save(Session& session, Platform& platform, const Row& row);
    Id next_missing_after(const Id& key_result) const;

    std::vector<TeamSheet> sheets_;
    std::optional<uint64_t> revision_;
    Date today_;
    Id cycle_;

    Id team_;
    std::map<Id, RowDraft> drafts_;  // by KR id
    std::optional<Row> save_requested_;  // saved after the rows are drawn
    Id focus_;                           // the KR whose value field takes the keyboard next
    Id open_requested_;                  // the KR whose history the person asked for
};

}  // namespace okr::ui
