#pragma once
// The functions src/web/browser.js provides to C++.

#include <cstdint>

extern "C" {
void okr_store_load(int request_id);
void okr_store_save(int request_id, const char* id, const char* text, int text_length);
void okr_pick_file(int request_id);
void okr_download(const char* name, const char* text, int text_length);
double okr_fit_canvas(double* css_width, double* css_height);
void okr_wake_on_input_install();
void okr_wheel_install();
void okr_text_input_install();
void okr_text_input_set_active(int active);
void okr_clipboard_write(const char* text);
void okr_local_date(int* year, int* month, int* day);
double okr_now_ms();
double okr_since_navigation_ms();
uint32_t okr_random_u32();
}
