#pragma once
// The KPI board: every KPI with its latest reading, its health against its floor
// (core/kpi_health.hpp), a sparkline of its readings and the objectives it guards; a
// reading is added in place (date and value, Enter saves), and KPIs are created, edited
// and deleted in a small form.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/platform.hpp"
#include "app/session.hpp"
#include "core/entity_edits.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace okr::ui {

class KpiBoard {
public:
    void draw(Session& session, Platform& platform, ViewState& view, const Fonts& fonts);

private:
    // What the person typed for the next reading of one KPI, and why it was not saved.
    struct ReadingEntry {
        std::string date;
        std::string value;
        std::string error;
        bool focus_value = false;
    };
    // The definition form, for a new KPI (`editing` empty) or an existing one.
    struct Form {
        bool open = false;
        std::optional<Id> editing;
        std::string name;
        std::optional<Id> team;
        std::string unit;
        KpiDirection direction = KpiDirection::higher_is_better;
        std::string floor;
        std::map<std::string, std::string> problems;  // by field
        std::string refusal;
    };

    void draw_header(const Workspace& workspace, const Fonts& fonts);
    void draw_empty(const Fonts& fonts);
    void draw_kpi(Session& session, Platform& platform, ViewState& view, const Fonts& fonts, const Kpi& kpi);
    void draw_figures(const Kpi& kpi, const Fonts& fonts);
    void draw_guarded(const Workspace& workspace, ViewState& view, const Kpi& kpi);
    void draw_reading_entry(Session& session, Platform& platform, const Kpi& kpi);
    void save_reading(Session& session, Platform& platform, const Kpi& kpi);
    void open_form(const Kpi* kpi);
    void draw_form(Session& session, Platform& platform, const Fonts& fonts);
    void draw_form_fields(const Workspace& workspace);
    void save_form(Session& session, Platform& platform);
    void draw_delete_confirmation(Session& session, Platform& platform);

    std::map<Id, ReadingEntry> entries_;
    Form form_;
    bool form_requested_ = false;
    std::optional<DeletionPlan> deleting_;
    bool delete_requested_ = false;
    std::string delete_error_;
};

}  // namespace okr::ui
