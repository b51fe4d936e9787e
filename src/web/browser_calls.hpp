#pragma once
// The functions src/web/browser.js provides to C++.

#include <cstdint>

extern "C" {
void okr_store_request(int request_id, const char* kind, const char* meta_json, const char* text, int text_length);
void okr_store_install();
void okr_reload_page();
void okr_local_time_text(double unix_ms, char* text, int capacity);
void okr_pick_file(int request_id);
void okr_download(const char* name, const char* text, int text_length);
double okr_fit_canvas(double* css_width, double* css_height);
void okr_wake_on_input_install();
void okr_wheel_install();
void okr_drop_install();
void okr_text_input_install();
void okr_text_input_set_active(int active);
void okr_clipboard_write(const char* text);
void okr_setting_read(const char* key, char* value, int capacity);
void okr_setting_write(const char* key, const char* value);
int okr_prefers_dark();
void okr_print_document(const char* title, const char* html);
void okr_local_date(int* year, int* month, int* day);
double okr_now_ms();
double okr_since_navigation_ms();
uint32_t okr_random_u32();
}
