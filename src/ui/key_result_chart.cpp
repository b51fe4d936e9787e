#include "ui/key_result_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/pace.hpp"
#include "core/progress.hpp"
#include "ui/format.hpp"
#include "ui/line_drawing.hpp"
#include "ui/widget_probe.hpp"
#include "ui/widgets.hpp"

namespace okr::ui {
namespace {

constexpr float plot_height = 190.0f;
constexpr float strip_height = 10.0f;
constexpr float point_radius = 4.5f;
constexpr float hover_radius = 8.0f;
constexpr const char* month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// One reading on the chart; `check_in` is null for the point a milestone's tasks give today.
struct Point {
    Date date;
    double value = 0;
    const CheckIn* check_in = nullptr;
    std::string tooltip;
};

// Dates left to right, values bottom to top, in screen pixels.
struct Frame {
    ImVec2 min;
    ImVec2 max;
    Date from;
    Date to;
    double low = 0;
    double high = 1;

    float x(Date date) const
    {
        const double span = std::max(1, to - from);
        return min.x + static_cast<float>((date - from) / span) * (max.x - min.x);
    }
    float y(double value) const
    {
        return max.y - static_cast<float>((value - low) / (high - low)) * (max.y - min.y);
    }
};

// A step of 1, 2, 2.5 or 5 times a power of ten that cuts `range` into about `parts`.
double nice_step(double range, int parts)
{
    const double raw = range / parts;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 2.5, 5.0})
        if (raw <= factor * power)
            return factor * power;
    return 10 * power;
}

std::string tooltip_for(const CheckIn& check_in, const KeyResult& kr)
{
    std::string text = check_in.date.to_string() + "\nValue " + format_value(check_in.value, kr.unit) +
                       "\nConfidence " + format_number(check_in.confidence) + " (" +
                       status_words(confidence_status(check_in.confidence)) + ")";
    if (check_in.note && !check_in.note->empty())
        text += "\n" + *check_in.note;
    return text;
}

// A milestone driven by tasks has no readings to plot: its one point is today's share of
// tasks done.
std::vector<Point> points_of(const Workspace& workspace, const KeyResult& kr, const KeyResultInsight& insight,
                             Date today)
{
    std::vector<Point> points;
    if (driven_by_tasks(workspace, kr)) {
        const auto tasks = tasks_of(workspace, kr.id);
        const auto done = std::count_if(tasks.begin(), tasks.end(), [](const Task* t) { return t->done; });
        const double value = insight.progress.raw.value_or(0);
        points.push_back({today, value, nullptr,
                          today.to_string() + "\n" + format_percent(value) + " from its tasks: " +
                              std::to_string(done) + " of " + std::to_string(tasks.size()) + " done"});
        return points;
    }
    for (const CheckIn* check_in : effective_check_ins(workspace, kr.id))
        if (std::isfinite(check_in->value))
            points.push_back({check_in->date, check_in->value, check_in, tooltip_for(*check_in, kr)});
    return points;
}

// The range of values shown: every reading, the baseline, the target and the forecast,
// rounded out to whole ticks.
void fit_values(Frame& frame, const KeyResult& kr, const std::vector<Point>& points, const Forecast& forecast,
                double& step)
{
    std::vector<double> values;
    for (const Point& point : points)
        values.push_back(point.value);
    for (const auto& v : {kr.baseline, kr.target, forecast.value, forecast.trend_from_value})
        if (v && std::isfinite(*v))
            values.push_back(*v);
    if (values.empty())
        values = {0.0, 1.0};
    double low = *std::min_element(values.begin(), values.end());
    double high = *std::max_element(values.begin(), values.end());
    // A range too small for the numbers' own precision (all values equal, or 12345678.9
    // beside 12345678.900000002) would give a step that adding to them cannot move.
    if (high - low <= std::max(std::abs(low), std::abs(high)) * 1e-9) {
        low -= std::max(1.0, std::abs(low) * 0.1);
        high += std::max(1.0, std::abs(high) * 0.1);
    }
    step = nice_step(high - low, 4);
    frame.low = std::floor(low / step) * step;
    frame.high = std::ceil(high / step) * step;
}

// The values of the axis's ticks, counted rather than added up, so that a step too small for
// the values' precision can never keep the loop going.
std::vector<double> tick_values(const Frame& frame, double step)
{
    std::vector<double> ticks;
    const double count = std::floor((frame.high - frame.low) / step + 0.01);
    if (!std::isfinite(count) || count < 0 || count > 50)
        return {frame.low, frame.high};
    for (int i = 0; i <= static_cast<int>(count); ++i)
        ticks.push_back(frame.low + step * i);
    return ticks;
}

void draw_value_axis(ImDrawList* draw, const Frame& frame, double step, const KeyResult& kr, const Fonts& fonts)
{
    const float size = fonts.small->FontSize;
    for (const double v : tick_values(frame, step)) {
        const float y = frame.y(v);
        draw->AddLine(ImVec2(frame.min.x, y), ImVec2(frame.max.x, y), colour::card_border);
        const std::string label = format_number(v);
        const ImVec2 text = fonts.small->CalcTextSizeA(size, 1e9f, 0, label.c_str());
        draw->AddText(fonts.small, size, ImVec2(frame.min.x - text.x - 6, y - text.y * 0.5f), colour::muted_text,
                      label.c_str());
    }
    const std::string caption = kr.unit && !kr.unit->empty() ? "Value (" + *kr.unit + ")" : std::string("Value");
    draw->AddText(fonts.small, size, ImVec2(frame.min.x - 4, frame.min.y - size - 6), colour::muted_text,
                  caption.c_str());
}

// The first of each month, labelled with the month's name.
void draw_date_axis(ImDrawList* draw, const Frame& frame, const Fonts& fonts)
{
    const float size = fonts.small->FontSize;
    draw->AddLine(ImVec2(frame.min.x, frame.max.y), ImVec2(frame.max.x, frame.max.y), colour::muted_text);
    Date month = Date::from_civil(frame.from.year(), frame.from.month(), 1);
    for (int guard = 0; guard < 40 && month <= frame.to; ++guard) {
        if (month >= frame.from) {
            const float x = frame.x(month);
            draw->AddLine(ImVec2(x, frame.max.y), ImVec2(x, frame.max.y + 4), colour::muted_text);
            const std::string label = std::string(month_names[month.month() - 1]) + " 1";
            draw->AddText(fonts.small, size, ImVec2(x + 2, frame.max.y + 4), colour::muted_text, label.c_str());
        }
        const bool december = month.month() == 12;
        month = Date::from_civil(month.year() + (december ? 1 : 0), december ? 1 : month.month() + 1, 1);
    }
}

// Baseline at the cycle's start to target at the deadline, then level: the linear
// expectation. Keep-above and keep-below KRs have no path, only their threshold.
void draw_expectation(ImDrawList* draw, const Frame& frame, const KeyResult& kr, std::optional<Date> deadline,
                      const Fonts& fonts)
{
    if (!kr.target)
        return;
    const float target_y = frame.y(*kr.target);
    dashed_line(draw, ImVec2(frame.min.x, target_y), ImVec2(frame.max.x, target_y), colour::green, 1.5f, 10, 4);
    const float size = fonts.small->FontSize;
    const std::string label = "Target " + format_value(*kr.target, kr.unit);
    const ImVec2 text = fonts.small->CalcTextSizeA(size, 1e9f, 0, label.c_str());
    draw->AddText(fonts.small, size, ImVec2(frame.max.x - text.x - 2, target_y - text.y - 1), colour::green,
                  label.c_str());

    const bool has_path = kr.direction == Direction::increase || kr.direction == Direction::decrease ||
                          kr.direction == Direction::milestone;
    if (!has_path || !kr.baseline || !deadline || invalid_reason(kr))
        return;
    const ImVec2 start(frame.x(frame.from), frame.y(*kr.baseline));
    const ImVec2 due(frame.x(std::min(*deadline, frame.to)), frame.y(*kr.target));
    dashed_line(draw, start, due, colour::muted_text, 1.5f, 6, 4);
}

void draw_today(ImDrawList* draw, const Frame& frame, Date today, const Fonts& fonts)
{
    if (today < frame.from || today > frame.to)
        return;
    const float x = frame.x(today);
    draw->AddLine(ImVec2(x, frame.min.y), ImVec2(x, frame.max.y), colour::accent_active, 1.0f);
    draw->AddText(fonts.small, fonts.small->FontSize, ImVec2(x + 3, frame.min.y), colour::accent_active, "Today");
}

void draw_forecast(ImDrawList* draw, const Frame& frame, const Forecast& forecast, std::optional<Date> deadline)
{
    if (!forecast.value || !forecast.trend_from || !forecast.trend_from_value || !deadline)
        return;
    const ImVec2 from(frame.x(*forecast.trend_from), frame.y(*forecast.trend_from_value));
    const ImVec2 to(frame.x(std::min(*deadline, frame.to)), frame.y(*forecast.value));
    dashed_line(draw, from, to, colour::accent, 2.0f, 2, 4);
    draw->AddCircle(to, point_radius, colour::accent, 0, 1.5f);
}

void draw_readings(ImDrawList* draw, const Frame& frame, const std::vector<Point>& points, int hovered)
{
    for (size_t i = 1; i < points.size(); ++i)
        draw->AddLine(ImVec2(frame.x(points[i - 1].date), frame.y(points[i - 1].value)),
                      ImVec2(frame.x(points[i].date), frame.y(points[i].value)), colour::accent, 2.0f);
    for (size_t i = 0; i < points.size(); ++i) {
        const ImVec2 at(frame.x(points[i].date), frame.y(points[i].value));
        const double confidence = points[i].check_in ? points[i].check_in->confidence : 1.0;
        const ImU32 fill = points[i].check_in ? status_colour(confidence_status(confidence)) : colour::accent;
        const float radius = static_cast<int>(i) == hovered ? point_radius + 2 : point_radius;
        draw->AddCircleFilled(at, radius + 1.5f, colour::card);
        draw->AddCircleFilled(at, radius, fill);
    }
}

// Each reading's confidence holds until the next reading (the last one until today).
void draw_confidence_strip(ImDrawList* draw, const Frame& frame, const std::vector<Point>& points, Date today,
                           float top)
{
    draw->AddRectFilled(ImVec2(frame.min.x, top), ImVec2(frame.max.x, top + strip_height), colour::card_border, 3);
    for (size_t i = 0; i < points.size(); ++i) {
        if (!points[i].check_in)
            continue;
        const Date end = i + 1 < points.size() ? points[i + 1].date : std::max(points[i].date, std::min(today, frame.to));
        const float from = std::max(frame.min.x, frame.x(points[i].date));
        const float to = std::max(from + 3, std::min(frame.max.x, frame.x(end)));
        const ImU32 tone = status_colour(confidence_status(points[i].check_in->confidence));
        draw->AddRectFilled(ImVec2(from, top), ImVec2(to, top + strip_height), tone, 2);
    }
}

// One legend entry: a short sample of the line or mark, then its name.
void legend_entry(const char* name, ImU32 tone, int style)
{
    ImGui::SameLine(0, 14);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float mid = at.y + ImGui::GetTextLineHeight() * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    switch (style) {
    case 0: draw->AddCircleFilled(ImVec2(at.x + 9, mid), point_radius, tone); break;
    case 1: dashed_line(draw, ImVec2(at.x, mid), ImVec2(at.x + 18, mid), tone, 1.5f, 6, 4); break;
    case 2: dashed_line(draw, ImVec2(at.x, mid), ImVec2(at.x + 18, mid), tone, 1.5f, 10, 4); break;
    case 3: dashed_line(draw, ImVec2(at.x, mid), ImVec2(at.x + 18, mid), tone, 2.0f, 2, 4); break;
    default: draw->AddLine(ImVec2(at.x + 9, mid - 6), ImVec2(at.x + 9, mid + 6), tone); break;
    }
    ImGui::Dummy(ImVec2(20, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, 4);
    muted_text(name);
}

}  // namespace

void KeyResultChart::draw(const Workspace& workspace, const KeyResult& kr, const KeyResultInsight& insight,
                          Date today, const Fonts& fonts)
{
    hovered_text_.clear();
    const Cycle* cycle = cycle_of(workspace, kr);
    const std::optional<Date> deadline = deadline_of(workspace, kr);
    const std::vector<Point> points = points_of(workspace, kr, insight, today);
    if (!cycle && points.empty()) {
        muted_text("Nothing to chart yet: the key result has no cycle and no check-ins.");
        return;
    }

    Frame frame;
    frame.from = cycle ? cycle->start : points.front().date;
    frame.to = std::max(cycle ? cycle->end : points.back().date, deadline.value_or(frame.from));
    double step = 1;
    fit_values(frame, kr, points, insight.forecast, step);

    ImGui::PushFont(fonts.small);
    float label_width = 0;
    for (const double v : tick_values(frame, step))
        label_width = std::max(label_width, ImGui::CalcTextSize(format_number(v).c_str()).x);
    const float row = ImGui::GetTextLineHeight();
    ImGui::PopFont();

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    frame.min = ImVec2(origin.x + label_width + 10, origin.y + row + 10);
    frame.max = ImVec2(origin.x + width - 8, frame.min.y + plot_height);
    const float strip_top = frame.max.y + row + 24;
    ImDrawList* draw = ImGui::GetWindowDrawList();

    draw_value_axis(draw, frame, step, kr, fonts);
    draw_date_axis(draw, frame, fonts);
    draw_expectation(draw, frame, kr, deadline, fonts);
    draw_today(draw, frame, today, fonts);
    draw_forecast(draw, frame, insight.forecast, deadline);

    // Each point is a small invisible button: hovering it says what the reading was.
    int hovered = -1;
    for (size_t i = 0; i < points.size(); ++i) {
        const ImVec2 at(frame.x(points[i].date), frame.y(points[i].value));
        ImGui::SetCursorScreenPos(ImVec2(at.x - hover_radius, at.y - hover_radius));
        const std::string id = "###chart-point-" + (points[i].check_in ? points[i].check_in->id : kr.id);
        ImGui::InvisibleButton(id.c_str(), ImVec2(hover_radius * 2, hover_radius * 2));
        widget_probe_note_last_item(id.c_str());
        if (ImGui::IsItemHovered())
            hovered = static_cast<int>(i);
    }
    draw_readings(draw, frame, points, hovered);
    ImGui::PushFont(fonts.small);
    draw->AddText(fonts.small, fonts.small->FontSize, ImVec2(frame.min.x - 4, strip_top - row - 4),
                  colour::muted_text, "Confidence over time");
    ImGui::PopFont();
    draw_confidence_strip(draw, frame, points, today, strip_top);
    if (hovered >= 0) {
        hovered_text_ = points[static_cast<size_t>(hovered)].tooltip;
        ImGui::SetTooltip("%s", hovered_text_.c_str());
    }

    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, strip_top + strip_height - origin.y + 8));
    ImGui::PushFont(fonts.small);
    ImGui::Dummy(ImVec2(0, 0));
    legend_entry("Check-in", colour::accent, 0);
    legend_entry("Expected", colour::muted_text, 1);
    legend_entry("Target", colour::green, 2);
    legend_entry("Forecast", colour::accent, 3);
    legend_entry("Today", colour::accent_active, 4);
    ImGui::PopFont();
}

}  // namespace okr::ui
