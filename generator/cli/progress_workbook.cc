#include "cli/progress_workbook.h"

#include <xlsxwriter.h>

#include <vector>

#include "cli/scaffold.h"
#include "load/progress_sheet.h"

namespace congkhai {

namespace {

// Column widths in characters, by column (progress_columns() order).
double width_of(ProgressColumn c) {
  switch (c) {
    case ProgressColumn::kNumber: return 15;  // also the labels of the rows above
    case ProgressColumn::kText: return 55;
    case ProgressColumn::kLead: return 22;
    case ProgressColumn::kStatus: return 17;
    case ProgressColumn::kPercent: return 12;
    case ProgressColumn::kDate: return 13;
    case ProgressColumn::kNote: return 40;
    case ProgressColumn::kEvidence: return 34;
    case ProgressColumn::kTask: return 16;
  }
  return 12;
}

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

lxw_datetime excel_date(const Date& d) { return lxw_datetime{d.year, d.month, d.day, 0, 0, 0}; }

}  // namespace

bool write_progress_workbook(const std::string& path, const Plan& plan, const Period& period, std::string* error) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) {
    *error = "không tạo được tệp " + path;
    return false;
  }
  // The same plan and period give the same bytes: no clock in the document's properties.
  lxw_doc_properties props{};
  std::string title = "Tiến độ " + period_vi(period) + " - kế hoạch " + plan.id;
  props.title = title.data();
  Date end = period_end(period);
  props.created = static_cast<time_t>(days_from_civil(end)) * 86400;
  workbook_set_properties(wb, &props);

  lxw_format* heading = workbook_add_format(wb);
  format_set_bold(heading);
  format_set_text_wrap(heading);
  format_set_align(heading, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color(heading, 0xDDEBF7);
  format_set_border(heading, LXW_BORDER_THIN);
  lxw_format* title_format = workbook_add_format(wb);
  format_set_bold(title_format);
  format_set_font_size(title_format, 14);
  lxw_format* label = workbook_add_format(wb);
  format_set_bold(label);
  lxw_format* reference = workbook_add_format(wb);  // locked, shaded: for reading only
  format_set_text_wrap(reference);
  format_set_align(reference, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(reference, 0xF2F2F2);
  format_set_border(reference, LXW_BORDER_THIN);
  lxw_format* fill = workbook_add_format(wb);  // unlocked: the official's cells
  format_set_unlocked(fill);
  format_set_text_wrap(fill);
  format_set_align(fill, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(fill, LXW_BORDER_THIN);
  lxw_format* fill_date = workbook_add_format(wb);
  format_set_unlocked(fill_date);
  format_set_num_format(fill_date, "dd/mm/yyyy");
  format_set_align(fill_date, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(fill_date, LXW_BORDER_THIN);
  lxw_format* meta_fill = workbook_add_format(wb);
  format_set_unlocked(meta_fill);
  lxw_format* meta_date = workbook_add_format(wb);
  format_set_unlocked(meta_date);
  format_set_num_format(meta_date, "dd/mm/yyyy");
  format_set_align(meta_date, LXW_ALIGN_LEFT);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);

  lxw_worksheet* ws = workbook_add_worksheet(wb, kProgressSheetName);
  const auto& columns = progress_columns();
  worksheet_write_string(ws, 0, 0,
                         ("Báo cáo tiến độ " + period_vi(period) + " - Kế hoạch " +
                          (plan.number.empty() || is_blank_number(plan.number) ? plan.id : "số " + plan.number))
                             .c_str(),
                         title_format);
  // The record's own fields: labels in A, values in B.
  const std::string label_text = period_label(period);  // "Quý I/2025", as the YAML record has it
  int row = 1;
  for (const auto& l : progress_sheet_labels()) {
    worksheet_write_string(ws, row, 0, l.vi, label);
    switch (l.field) {
      case ProgressSheetField::kPlan: worksheet_write_string(ws, row, 1, plan.id.c_str(), nullptr); break;
      case ProgressSheetField::kPeriod: worksheet_write_string(ws, row, 1, label_text.c_str(), meta_fill); break;
      case ProgressSheetField::kDate: {
        lxw_datetime d = excel_date(end);
        worksheet_write_datetime(ws, row, 1, &d, meta_date);
        break;
      }
      case ProgressSheetField::kReportedBy: worksheet_write_blank(ws, row, 1, meta_fill); break;
    }
    ++row;
  }
  const int heading_row = kProgressHeadingRow - 1;  // 0-based
  for (std::size_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(ws, heading_row, static_cast<lxw_col_t>(c), columns[c].heading, heading);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width_of(columns[c].column), nullptr);
  }
  worksheet_set_row(ws, heading_row, 32, nullptr);

  static const char* statuses[] = {"chưa bắt đầu", "đang thực hiện", "hoàn thành", "tạm hoãn", "huỷ bỏ", nullptr};
  lxw_data_validation list{};
  list.validate = LXW_VALIDATION_TYPE_LIST;
  list.value_list = const_cast<char**>(statuses);
  list.input_title = const_cast<char*>("Trạng thái");
  list.input_message = const_cast<char*>("Chọn trong danh sách; để trống nếu kỳ này không báo cáo nhiệm vụ này.");
  list.error_title = const_cast<char*>("Trạng thái không hợp lệ");
  list.error_message = const_cast<char*>("Chọn một trong: chưa bắt đầu, đang thực hiện, hoàn thành, tạm hoãn, huỷ bỏ.");
  lxw_data_validation percent{};
  percent.validate = LXW_VALIDATION_TYPE_DECIMAL;
  percent.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  percent.minimum_number = 0;
  percent.maximum_number = 100;
  percent.error_title = const_cast<char*>("Tỷ lệ không hợp lệ");
  percent.error_message = const_cast<char*>("Gõ một số từ 0 đến 100, ví dụ 50 hoặc 50%.");

  lxw_row_t r = heading_row + 1;
  for (const Task& t : plan.tasks) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const lxw_col_t col = static_cast<lxw_col_t>(c);
      switch (columns[c].column) {
        case ProgressColumn::kNumber: worksheet_write_string(ws, r, col, full_number(plan, t).c_str(), reference); break;
        case ProgressColumn::kText: worksheet_write_string(ws, r, col, t.text.c_str(), reference); break;
        case ProgressColumn::kLead: worksheet_write_string(ws, r, col, office_cell(t.lead_text, t.lead).c_str(), reference); break;
        case ProgressColumn::kTask: worksheet_write_string(ws, r, col, t.id.c_str(), reference); break;
        case ProgressColumn::kStatus: worksheet_write_string(ws, r, col, statuses[0], fill); break;
        case ProgressColumn::kDate: worksheet_write_blank(ws, r, col, fill_date); break;
        default: worksheet_write_blank(ws, r, col, fill); break;
      }
    }
    ++r;
  }
  if (r > static_cast<lxw_row_t>(heading_row + 1)) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const lxw_col_t col = static_cast<lxw_col_t>(c);
      if (columns[c].column == ProgressColumn::kStatus) worksheet_data_validation_range(ws, heading_row + 1, col, r - 1, col, &list);
      if (columns[c].column == ProgressColumn::kPercent) worksheet_data_validation_range(ws, heading_row + 1, col, r - 1, col, &percent);
    }
  }
  worksheet_freeze_panes(ws, heading_row + 1, 0);
  // Locked cells stay as the plan has them; no password, so that a column can still be widened.
  lxw_protection protection{};
  protection.format_columns = 1;
  protection.format_rows = 1;
  worksheet_protect(ws, nullptr, &protection);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);

  lxw_worksheet* help = workbook_add_worksheet(wb, kProgressHelpSheetName);
  worksheet_set_column(help, 0, 0, 26, nullptr);
  worksheet_set_column(help, 1, 1, 95, nullptr);
  worksheet_write_string(help, 0, 0, "Cách điền bảng tiến độ", title_format);
  worksheet_write_string(help, 1, 0,
                         "Mỗi dòng của trang \"Tiến độ\" là một nhiệm vụ của kế hoạch. Các cột nền xám chỉ để đối chiếu; "
                         "điền các cột nền trắng. Không thêm, xoá hay gộp dòng. Lưu tệp dạng Excel Workbook (.xlsx) "
                         "hoặc CSV UTF-8, đặt trong thư mục progress/ của đơn vị, rồi chạy: congkhai check.",
                         wrap);
  worksheet_set_row(help, 1, 48, nullptr);
  worksheet_write_string(help, 3, 0, "Cột", heading);
  worksheet_write_string(help, 3, 1, "Cách ghi", heading);
  lxw_row_t h = 4;
  for (const auto& l : progress_sheet_labels()) {
    const char* text = l.field == ProgressSheetField::kPlan     ? "Mã kế hoạch (tên tệp trong plans/, không có .md). Không sửa."
                       : l.field == ProgressSheetField::kPeriod ? "Tên kỳ báo cáo, hiện trên trang."
                       : l.field == ProgressSheetField::kDate   ? "Ngày của số liệu, dùng cho mọi dòng không ghi ngày riêng."
                                                                : "Cơ quan báo cáo (không bắt buộc).";
    worksheet_write_string(help, h, 0, l.vi, wrap);
    worksheet_write_string(help, h++, 1, text, wrap);
  }
  for (const auto& c : columns) {
    worksheet_write_string(help, h, 0, c.heading, wrap);
    worksheet_write_string(help, h++, 1, c.help_vi, wrap);
  }

  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    *error = std::string("không ghi được tệp ") + path + ": " + lxw_strerror(err);
    return false;
  }
  return true;
}

}  // namespace congkhai
