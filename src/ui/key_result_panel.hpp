#pragma once
// The key result open in the detail panel: its figures, then one of four pages: the form
// to record this week's check-in or correct an earlier one with the check-in history; the
// chart over the cycle with the forecast; its tasks; its dependencies.

#include <string>

#include "app/insights.hpp"
#include "app/platform.hpp"
#include "app/session.hpp"
#include "ui/key_result_chart.hpp"
#include "ui/key_result_dependencies.hpp"
#include "ui/key_result_tasks.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace okr::ui {

class KeyResultPanel {
public:
    void draw(Session& session, Platform& platform, const Insights& insights, ViewState& view, const Fonts& fonts);
    // What the chart's hovered point says, empty when none is hovered (for the browser tests).
    const std::string& chart_hovered_text() const { return chart_.hovered_text(); }

private:
    // The page stays chosen from one KR to the next, as a person comparing KRs expects.
    enum class Page { check_ins, chart, tasks, dependencies };

    struct CheckInForm {
        Id key_result;  // the KR the fields were filled for
        std::string date;
        bool date_typed = false;  // the person chose the date: it no longer follows today
        double value = 0;
        double confidence = 0.5;
        std::string note;
        std::string error;
        bool one_line_field_active = false;  // last frame: Enter there records the check-in
        Id corrects;                         // the check-in being corrected; empty for a new one
    };

    void reset_form(const KeyResult& kr, const KeyResultInsight& insight, Date today);
    void start_correction(const CheckIn& check_in);
    void follow_today(Date today);
    void draw_page_switch(const Workspace& workspace, const KeyResult& kr);
    void draw_chart_page(const Workspace& workspace, const KeyResult& kr, const KeyResultInsight& insight,
                         Date today, const Fonts& fonts);
    void draw_summary(const Workspace& workspace, const Insights& insights, const KeyResult& kr, const Fonts& fonts);
    void draw_history(const Workspace& workspace, const KeyResult& kr, const Fonts& fonts);
    void draw_history_row(const Workspace& workspace, const KeyResult& kr, const CheckIn& check_in, bool can_correct,
                          const Fonts& fonts);
    void draw_form(Session& session, Platform& platform, const KeyResult& kr, const Fonts& fonts);
    void submit(Session& session, Platform& platform, const KeyResult& kr);

    CheckInForm form_;
    Page page_ = Page::check_ins;
    KeyResultChart chart_;
    TaskList tasks_;
    DependencyList dependencies_;
};

}  // namespace okr::ui
