// The browser entry point: a GLFW window on the page's canvas, Dear ImGui drawn with
// WebGL2, the session on IndexedDB, and the functions browser.js calls back.
//
// Supported: mouse and keys through Emscripten's GLFW; text (any layout, input methods,
// paste) through a hidden textarea; copy to the system clipboard; the canvas follows the
// window size at the device's pixel ratio, also when the browser zooms; the loop sleeps
// while nothing happens. Not yet: touch gestures beyond a single tap.

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <nlohmann/json.hpp>

#include <cfloat>
#include <algorithm>
#include <array>
#include <memory>
#include <string>

#include "app/session.hpp"
#include "ui/app_view.hpp"
#include "ui/widget_probe.hpp"
#include "web/browser_calls.hpp"
#include "web/browser_platform.hpp"
#include "web/indexeddb_store.hpp"

namespace {

// ImGui settles a change over a few frames (a popup opens the frame after it is asked
// for and sizes itself the frame after that), so each wake draws this many.
constexpr int frames_per_wake = 4;

struct Page {
    GLFWwindow* window = nullptr;
    okr::web::IndexedDbStore store;
    okr::web::BrowserPlatform platform;
    std::unique_ptr<okr::Session> session;
    std::unique_ptr<okr::ui::AppView> view;
    okr::ui::Fonts fonts;

    double css_width = 0;
    double css_height = 0;
    double pixel_ratio = 0;

    int frames_left = frames_per_wake;
    bool sleeping = false;
    long frames = 0;
    // When the first frame, and the first frame after storage answered, were drawn.
    double first_frame_ms = -1;
    double first_data_frame_ms = -1;

    // How long each of the last frames took on the main thread (draw_frame from start to
    // end, in ms), and of that the interface's own work (ImGui from NewFrame to Render,
    // without handing the draw lists to WebGL); the browser benchmarks read both through
    // okr_debug_frame_times.
    std::array<double, 4096> frame_ms{};
    std::array<double, 4096> interface_ms{};
    long frames_timed = 0;
    long frames_timed_read = 0;

    std::string pending_paste;  // pasted text waiting for Ctrl's release
};

Page* page = nullptr;

void wake()
{
    page->frames_left = frames_per_wake;
    if (page->sleeping) {
        page->sleeping = false;
        emscripten_resume_main_loop();
    }
}

// Text is rasterised at the device's pixel density so that it stays sharp at any zoom.
void load_fonts_for(double pixel_ratio)
{
    okr::ui::load_fonts("/assets/ui-font.ttf", static_cast<float>(pixel_ratio), page->fonts);
    // Before the first frame the backend creates the texture itself.
    if (page->frames > 0) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

void fit_canvas()
{
    const double ratio = okr_fit_canvas(&page->css_width, &page->css_height);
    if (ratio != page->pixel_ratio) {
        page->pixel_ratio = ratio;
        load_fonts_for(ratio);
        if (page->view)
            page->view->set_fonts(page->fonts);
    }
    wake();
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*)
{
    fit_canvas();
    return EM_FALSE;
}

void note_frame_times()
{
    if (page->first_frame_ms < 0)
        page->first_frame_ms = okr_since_navigation_ms();
    if (page->first_data_frame_ms < 0 && page->session->startup() != okr::Startup::loading)
        page->first_data_frame_ms = okr_since_navigation_ms();
}

// GLFW speaks in canvas pixels; ImGui lays out in CSS pixels and renders at the ratio.
void use_css_pixels(ImGuiIO& io)
{
    const float ratio = static_cast<float>(page->pixel_ratio);
    io.DisplaySize = ImVec2(static_cast<float>(page->css_width), static_cast<float>(page->css_height));
    io.DisplayFramebufferScale = ImVec2(ratio, ratio);
    if (io.MousePos.x != -FLT_MAX)
        io.MousePos = ImVec2(io.MousePos.x / ratio, io.MousePos.y / ratio);
}

void deliver_paste(ImGuiIO& io)
{
    if (page->pending_paste.empty() || io.KeyCtrl || io.KeySuper)
        return;
    io.AddInputCharactersUTF8(page->pending_paste.c_str());
    page->pending_paste.clear();
}

// The page's own background, so nothing of another theme shows at the edges.
void clear_to_window_colour()
{
    const ImVec4 ground = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(ground.x, ground.y, ground.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

void draw_frame()
{
    const double started = emscripten_get_now();
    glfwPollEvents();
    okr::ui::widget_probe_new_frame();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    use_css_pixels(ImGui::GetIO());
    deliver_paste(ImGui::GetIO());
    const double interface_started = emscripten_get_now();
    ImGui::NewFrame();

    page->view->draw();

    ImGui::Render();
    const double interface_ms = emscripten_get_now() - interface_started;
    okr_text_input_set_active(ImGui::GetIO().WantTextInput ? 1 : 0);
    int width = 0, height = 0;
    glfwGetFramebufferSize(page->window, &width, &height);
    glViewport(0, 0, width, height);
    clear_to_window_colour();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    note_frame_times();
    ++page->frames;
    const size_t slot = static_cast<size_t>(page->frames_timed++) % page->frame_ms.size();
    page->frame_ms[slot] = emscripten_get_now() - started;
    page->interface_ms[slot] = interface_ms;

    // A held button may be the start of a drag: keep drawing until it is released.
    if (--page->frames_left <= 0 && !ImGui::IsAnyMouseDown()) {
        page->sleeping = true;
        emscripten_pause_main_loop();
    }
}

// Text comes from the page's hidden textarea (browser.js), not from GLFW's key presses,
// which miss dead keys, input methods and pasted text; the wheel from browser.js too. ImGui's own paste reads nothing:
// the system clipboard reaches the textarea as a paste.
void use_browser_text_input(ImGuiIO& io)
{
    glfwSetCharCallback(page->window, nullptr);
    glfwSetScrollCallback(page->window, nullptr);
    okr_wheel_install();
    okr_text_input_install();
    io.SetClipboardTextFn = [](void*, const char* text) { okr_clipboard_write(text); };
    io.GetClipboardTextFn = [](void*) -> const char* { return ""; };
    // A blinking caret would need frames while nothing else moves.
    io.ConfigInputTextCursorBlink = false;
}

bool create_window()
{
    if (!glfwInit())
        return false;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    page->window = glfwCreateWindow(1280, 800, "OKR", nullptr, nullptr);
    if (!page->window)
        return false;
    glfwMakeContextCurrent(page->window);
    return true;
}

void create_interface()
{
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    // Layout is rebuilt from the data every frame; nothing to keep in imgui.ini.
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

    ImGui_ImplGlfw_InitForOpenGL(page->window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    use_browser_text_input(io);
    fit_canvas();

    page->session = std::make_unique<okr::Session>(page->store);
    page->view = std::make_unique<okr::ui::AppView>(*page->session, page->platform, page->fonts);
}

const char* keep_string(std::string text)
{
    static std::string kept;
    kept = std::move(text);
    return kept.c_str();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void okr_wake() { wake(); }

EMSCRIPTEN_KEEPALIVE void okr_store_answer(int request, const char* meta, const char* text, int length)
{
    page->store.answered(request, nlohmann::json::parse(meta, nullptr, false), std::string(text, static_cast<size_t>(length)));
    wake();
}

EMSCRIPTEN_KEEPALIVE void okr_store_notice(const char* meta)
{
    page->store.noticed(nlohmann::json::parse(meta, nullptr, false));
    wake();
}

// The page is being hidden or closed: edits waiting behind a write go now.
EMSCRIPTEN_KEEPALIVE void okr_flush() { page->session->flush(); }

EMSCRIPTEN_KEEPALIVE void okr_wheel(double steps_x, double steps_y)
{
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheelH += static_cast<float>(steps_x);
    io.MouseWheel += static_cast<float>(steps_y);
    wake();
}

EMSCRIPTEN_KEEPALIVE void okr_text_typed(const char* text)
{
    ImGui::GetIO().AddInputCharactersUTF8(text);
    wake();
}

// Pasted text arrives while Ctrl (or Cmd) is still down, and ImGui's fields drop
// characters typed with Ctrl held: it waits for the key's release (see deliver_paste).
EMSCRIPTEN_KEEPALIVE void okr_text_pasted(const char* text)
{
    page->pending_paste += text;
    wake();
}

EMSCRIPTEN_KEEPALIVE void okr_file_opened(int request, const char* name, const char* bytes, int length)
{
    page->platform.file_opened(request, name, std::string(bytes, static_cast<size_t>(length)));
    wake();
}

// A file dropped on the page (the first of `count`), and a drag entering or leaving it.
EMSCRIPTEN_KEEPALIVE void okr_file_dropped(const char* name, const char* bytes, int length, int count)
{
    page->view->open_dropped_files(name, std::string(bytes, static_cast<size_t>(length)), count);
    wake();
}

EMSCRIPTEN_KEEPALIVE void okr_file_unreadable(const char* name, const char* reason)
{
    page->view->report_unreadable_file(name, reason);
    wake();
}

EMSCRIPTEN_KEEPALIVE void okr_file_dragged_over(int over)
{
    page->view->set_file_dragged_over(over != 0);
    wake();
}

// Read by the browser tests and handy in the console: what the page holds right now.
EMSCRIPTEN_KEEPALIVE const char* okr_debug_state()
{
    nlohmann::json state;
    const okr::Session& session = *page->session;
    state["frames"] = page->frames;
    state["sleeping"] = page->sleeping;
    state["pixel_ratio"] = page->pixel_ratio;
    state["theme"] = okr::ui::current_theme() == okr::ui::Theme::dark ? "dark" : "light";
    state["first_frame_ms"] = page->first_frame_ms;
    state["first_data_frame_ms"] = page->first_data_frame_ms;
    state["startup"] = static_cast<int>(session.startup());
    state["save_status"] = static_cast<int>(session.save_status());
    state["selected_key_result"] = page->view->view().key_result;
    state["cycle"] = page->view->view().cycle;
    const okr::ui::CascadeFilter& filter = page->view->view().filter;
    state["screen"] = okr::ui::screen_name(page->view->view().screen);
    state["cascade_filter"] = {{"active", filter.active},
                               {"objectives", std::vector<std::string>(filter.objectives.begin(), filter.objectives.end())}};
    state["side_panel"] = page->view->view().side == okr::ui::SidePanel::coach ? "coach" : "key_result";
    state["can_undo"] = session.can_undo();
    state["file_dragged_over"] = page->view->file_dragged_over();
    state["text_input_active"] = ImGui::GetIO().WantTextInput;
    state["stored_revision"] = session.stored_revision();
    state["stale"] = session.stale().has_value();
    state["storage_released"] = session.storage_released();
    state["storage_error"] = session.storage_error();
    state["storage_notice"] = session.storage_notice();
    state["save_error"] = session.save_error();
    state["persistence"] = static_cast<int>(session.persistence());
    state["updates_from_other_tabs"] = session.updates_from_other_tabs();
    state["restore_points"] = session.restore_points().size();
    state["restore_preview_ready"] = session.restore_preview() && session.restore_preview()->workspace;
    if (session.has_workspace()) {
        const okr::Workspace& w = session.workspace();
        state["workspace"] = {{"id", w.info.id},
                              {"name", w.info.name},
                              {"objectives", w.objectives.size()},
                              {"key_results", w.key_results.size()},
                              {"check_ins", w.check_ins.size()}};
        state["findings"] = page->view->insights().findings().size();
        const okr::ui::ViewState& view = page->view->view();
        const okr::ui::AlignmentMap& map = page->view->alignment_map();
        state["map"] = {{"zoom", map.zoom()},
                        {"offset_x", map.offset().x},
                        {"offset_y", map.offset().y},
                        {"cards_drawn", map.cards_drawn()}};
        state["chart_tooltip"] = page->view->key_result_panel().chart_hovered_text();
        if (const okr::KeyResultInsight* kr = page->view->insights().key_result(view.key_result))
            state["selected_key_result_progress"] = kr->progress.progress ? nlohmann::json(*kr->progress.progress)
                                                                          : nlohmann::json();
    }
    return keep_string(state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// Opens JSON text as if the person had picked it; benchmarks use it to skip the file chooser.
EMSCRIPTEN_KEEPALIVE void okr_debug_open_text(const char* text, int length)
{
    page->view->open_file_contents("benchmark input", std::string(text, static_cast<size_t>(length)));
    wake();
}

// Records a check-in through the same edit the form makes; the storage tests use it to
// script many edits faster than a person types.
EMSCRIPTEN_KEEPALIVE int okr_debug_record_check_in(const char* key_result, double value, const char* note)
{
    okr::Session& session = *page->session;
    if (!session.has_workspace())
        return 0;
    okr::CheckInDraft draft;
    draft.key_result = key_result;
    draft.date = page->platform.today();
    draft.value = value;
    draft.confidence = 0.7;
    draft.note = std::string(note);
    const okr::Timestamp now = page->platform.now();
    okr::EditResult edit =
        okr::record_check_in(session.workspace(), draft, "ci-" + page->platform.unique_suffix(), now);
    if (!std::holds_alternative<okr::ChangeSet>(edit))
        return 0;
    session.apply(std::get<okr::ChangeSet>(std::move(edit)), now);
    wake();
    return 1;
}

EMSCRIPTEN_KEEPALIVE const char* okr_debug_widgets() { return keep_string(okr::ui::widget_probe_json()); }

// The durations of the frames drawn since the last call (at most the last 4096), oldest
// first, in milliseconds: {"frame": [whole frame...], "interface": [ImGui's part...]}.
EMSCRIPTEN_KEEPALIVE const char* okr_debug_frame_times()
{
    nlohmann::json frame = nlohmann::json::array();
    nlohmann::json interface = nlohmann::json::array();
    const long size = static_cast<long>(page->frame_ms.size());
    for (long i = std::max(page->frames_timed_read, page->frames_timed - size); i < page->frames_timed; ++i) {
        frame.push_back(page->frame_ms[static_cast<size_t>(i % size)]);
        interface.push_back(page->interface_ms[static_cast<size_t>(i % size)]);
    }
    page->frames_timed_read = page->frames_timed;
    return keep_string(nlohmann::json{{"frame", frame}, {"interface", interface}}.dump());
}

// Exports the workspace as the Export button does, without the download; returns the size
// in bytes (-1 without a workspace). The benchmarks time it.
EMSCRIPTEN_KEEPALIVE double okr_debug_export()
{
    if (!page->session->has_workspace())
        return -1;
    return static_cast<double>(page->session->export_text().size());
}

// Switching the probe on draws fresh frames, so that the list describes the page as it is.
EMSCRIPTEN_KEEPALIVE void okr_debug_probe(int enabled)
{
    okr::ui::set_widget_probe_enabled(enabled != 0);
    wake();
}

}  // extern "C"

int main()
{
    page = new Page();
    if (!create_window()) {
        EM_ASM({ document.body.setAttribute('data-okr-error', 'WebGL2 is not available in this browser'); });
        return 1;
    }
    create_interface();
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
    okr_wake_on_input_install();
    okr_drop_install();
    okr_store_install();

    // The first frame that shows data comes after storage answered: until then the view
    // draws "Loading".
    page->session->start();
    emscripten_set_main_loop(draw_frame, 0, false);
    return 0;
}
