#pragma once
// The whole page: a top bar, then whatever the session's state calls for (loading, the
// first-run choices, or the cascade beside the open key result), plus the dialogs.

#include <optional>
#include <string>

#include "app/platform.hpp"
#include "app/session.hpp"
#include "app/insights.hpp"
#include "ui/alignment_map.hpp"
#include "ui/cascade_view.hpp"
#include "ui/coach_panel.hpp"
#include "ui/cycles_view.hpp"
#include "ui/entity_editor.hpp"
#include "ui/finder.hpp"
#include "ui/kpi_board.hpp"
#include "ui/key_result_panel.hpp"
#include "ui/merge_dialog.hpp"
#include "ui/people_teams_dialog.hpp"
#include "ui/problems_dialog.hpp"
#include "ui/report_window.hpp"
#include "ui/storage_view.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"
#include "ui/weekly_check_in_view.hpp"
#include "ui/workspaces_dialog.hpp"

namespace okr::ui {

class AppView {
public:
    AppView(Session& session, Platform& platform, Fonts fonts);

    void draw();
    const ViewState& view() const { return view_; }
    const Insights& insights() const { return insights_; }
    const AlignmentMap& alignment_map() const { return alignment_map_; }
    const KeyResultPanel& key_result_panel() const { return key_result_panel_; }
    // The fonts change when the device pixel ratio does (browser zoom, another screen).
    void set_fonts(const Fonts& fonts) { fonts_ = fonts; }

    // Where a file the person picked ends up, whichever way it came in.
    void open_file_contents(const std::string& name, const std::string& bytes);
    // Files dropped on the page: one is opened as if picked; several at once are refused,
    // since each may need its own merge preview.
    void open_dropped_files(const std::string& first_name, const std::string& first_bytes, int count);
    void report_unreadable_file(const std::string& name, const std::string& reason);
    // While a file is dragged over the page, the page says what dropping it would do.
    void set_file_dragged_over(bool over) { file_dragged_over_ = over; }
    bool file_dragged_over() const { return file_dragged_over_; }

private:
    void handle_shortcuts();
    void draw_top_bar();
    void draw_workspace_title(const std::string& name);
    void draw_undo_buttons();
    void draw_theme_switch();
    void draw_save_status();
    void draw_storage_banner();
    void draw_loading();
    void draw_first_run();
    void draw_workspace();
    void draw_side_panel();
    void draw_merge_dialog();
    void merge_as_previewed_now();
    void draw_new_workspace_dialog();
    void draw_drop_hint();

    void choose_file();
    void open_now(const std::string& name, const std::string& bytes);
    void open_separately(const std::string& file_name, const std::string& bytes);
    void show_refusal(const std::string& name, std::vector<Problem> refusals);
    void export_file();
    void draw_export_menu();
    void export_team(const Id& team_id);
    void open_check_ins_sheet(const std::string& name, const std::string& bytes);
    void carry_out(const StorageRequests& requests);

    Session& session_;
    Platform& platform_;
    Fonts fonts_;
    ViewState view_;
    Insights insights_;
    CascadeView cascade_;
    CoachPanel coach_;
    KeyResultPanel key_result_panel_;
    WeeklyCheckInView weekly_check_in_;
    AlignmentMap alignment_map_;
    CyclesView cycles_;
    ProblemsDialog problems_;
    MergeDialog merge_dialog_;
    StorageView storage_;
    WorkspacesDialog workspaces_;
    KpiBoard kpi_board_;
    Finder finder_;
    ReportWindow report_;
    EntityEditor editor_;
    PeopleTeamsDialog people_teams_;
    float top_bar_height_ = 56.0f;
    bool new_workspace_requested_ = false;
    bool file_dragged_over_ = false;
    std::string new_workspace_name_;
};

}  // namespace okr::ui
