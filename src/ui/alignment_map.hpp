#pragma once
// The cascade of one cycle as a map: teams as bands from the company down, objectives as
// cards in their team's band, lines to the objectives they align to and dashed arrows to
// what they depend on. Cards are coloured by grade or by confidence; unaligned ones are
// marked. The wheel zooms around the pointer, dragging the background pans, and clicking
// a card opens the objective in the cascade.
//
// The layout (core/alignment_layout.hpp) is computed when the data or the cycle changes;
// a frame draws only the bands, cards and lines that fall inside the canvas.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/insights.hpp"
#include "core/alignment_layout.hpp"
#include "ui/theme.hpp"
#include "ui/view_state.hpp"

namespace okr::ui {

class AlignmentMap {
public:
    void draw(const Workspace& workspace, const Insights& insights, ViewState& view, const Fonts& fonts);

    // The view transform: a map point p shows at canvas origin + offset + p * zoom.
    float zoom() const { return zoom_; }
    ImVec2 offset() const { return offset_; }
    int cards_drawn() const { return cards_drawn_; }

private:
    enum class Colouring { grade, confidence };

    // What a card shows, gathered with the layout so that a frame only draws.
    struct Card {
        std::optional<double> progress;  // objective progress, or the final score of a closed cycle
        std::optional<ConfidenceStatus> status;  // the lowest among its key results
        int key_results = 0;
        std::string parent_title;
    };

    struct Canvas {
        ImVec2 min;
        ImVec2 max;
        ImVec2 to_screen(const AlignmentMap& map, double x, double y) const;
    };

    void rebuild(const Workspace& workspace, const Insights& insights, const Id& cycle);
    void draw_toolbar(const Cycle& cycle, const Fonts& fonts);
    void draw_legend();
    void draw_empty(const Workspace& workspace, ViewState& view, const Cycle* cycle, const Fonts& fonts);
    void draw_canvas(const Workspace& workspace, ViewState& view, const Fonts& fonts);
    void draw_bands(const Canvas& canvas, const Fonts& fonts);
    void draw_edges(const Canvas& canvas);
    std::optional<int> draw_cards(const Canvas& canvas, const Fonts& fonts, std::optional<int>& clicked);
    void draw_card(const Canvas& canvas, int index, bool hovered, const Fonts& fonts);
    void draw_card_tooltip(int index);
    void handle_pan_and_zoom(const Canvas& canvas);
    // `point` is relative to the canvas's top left: the map point under it stays there.
    void zoom_around(ImVec2 point, float factor);
    void fit(const Canvas& canvas);
    ImU32 card_colour(const Card& card) const;

    const Workspace* workspace_ = nullptr;
    uint64_t generation_ = 0;
    Id cycle_;
    AlignmentLayout layout_;
    MapMetrics metrics_;
    std::vector<Card> cards_;  // by node index

    Colouring colouring_ = Colouring::grade;
    float zoom_ = 1.0f;
    ImVec2 offset_ = ImVec2(0, 0);
    bool fit_pending_ = true;  // the next frame fits the map to the canvas
    ImVec2 canvas_size_ = ImVec2(0, 0);
    int cards_drawn_ = 0;
};

}  // namespace okr::ui
