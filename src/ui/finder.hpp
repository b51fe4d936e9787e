#pragma once
// The bar above the cascade for finding things: a search across what people wrote
// (core/search.hpp), whose results open the entity they name, and filters by team, owner
// and status that narrow the cascade itself (ViewState::filter).

#include <cstdint>
#include <string>
#include <vector>

#include "app/insights.hpp"
#include "core/search.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace okr::ui {

class Finder {
public:
    void draw(const Workspace& workspace, const Insights& insights, ViewState& view, const Fonts& fonts);

private:
    void draw_search_box();
    void draw_filters(const Workspace& workspace, ViewState& view);
    void draw_filter_summary(const Workspace& workspace, ViewState& view);
    void draw_results(const Workspace& workspace, ViewState& view, const Fonts& fonts);
    void open_hit(const Workspace& workspace, ViewState& view, const SearchHit& hit);
    void refresh_filter(const Workspace& workspace, const Insights& insights, ViewState& view);
    void refresh_hits(const Workspace& workspace, const Insights& insights);

    std::string query_;
    // What the filter sets and the hits were worked out from.
    struct Basis {
        const Workspace* workspace = nullptr;
        uint64_t generation = 0;
        Id cycle;
        ObjectiveFilter criteria;
        std::string query;
        bool operator==(const Basis&) const = default;
    };
    Basis filter_basis_;
    Basis hits_basis_;
    bool filter_worked_out_ = false;
    bool hits_worked_out_ = false;
    std::vector<SearchHit> hits_;
    int cycle_objectives_ = 0;
};

}  // namespace okr::ui
