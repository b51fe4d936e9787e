#pragma once
// The key result open in the detail panel: its figures, its check-in history, and the
// form to record this week's check-in or to correct an earlier one.

#include <string>

#include "app/insights.hpp"
#include "app/platform.hpp"
#include "app/session.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace okr::ui {

class KeyResultPanel {
public:
    void draw(Session& session, Platform& platform, const Insights& insights, ViewState& view, const Fonts& fonts);

private:
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
    void draw_summary(const Workspace& workspace, const Insights& insights, const KeyResult& kr, const Fonts& fonts);
    void draw_history(const Workspace& workspace, const KeyResult& kr, const Fonts& fonts);
    void draw_history_row(const Workspace& workspace, const KeyResult& kr, const CheckIn& check_in, bool can_correct,
                          const Fonts& fonts);
    void draw_form(Session& session, Platform& platform, const KeyResult& kr, const Fonts& fonts);
    void submit(Session& session, Platform& platform, const KeyResult& kr);

    CheckInForm form_;
};

}  // namespace okr::ui
