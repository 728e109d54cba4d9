#include "export/plan_schema.h"

#include <nlohmann/json.hpp>

#include "export/export_paths.h"

namespace congkhai {
namespace {

// Kept as JSON text so that it reads like the published file. Every object is closed
// (additionalProperties: false): a field added to plan_json.cc must be described here, and
// the tests validate generated files against this schema.
constexpr const char kSchema[] = R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Các kế hoạch kiểm soát thủ tục hành chính của một đơn vị (dữ liệu mở)",
  "description": "Toàn bộ dữ liệu các kế hoạch của một đơn vị trên cổng Công khai, trong một tệp: đơn vị, rồi từng kế hoạch với thông tin văn bản, phụ lục nhiệm vụ, chỉ tiêu, tiến độ, số liệu và báo cáo, kèm trạng thái tính đến ngày as_of. Trong các đối tượng lặp lại nhiều lần (nhiệm vụ, thời gian thực hiện, mục tiến độ, số liệu), trường không có giá trị được bỏ đi; default của trường cho biết giá trị khi vắng. Trường suy ra được từ trường khác không được ghi lại: tên tiếng Việt của mỗi mã nằm ở title trong lược đồ này; trang của nhiệm vụ là page#nv-<id>, của chỉ tiêu là page#ct-<id>; số đầy đủ của nhiệm vụ là number_path nối bằng ' › '. / The plans of one unit published on the Công khai portal, in one file: the unit, then each plan with its tasks, targets, progress, measurements and reports, and the facts derived as of as_of. In the objects repeated many times over (tasks, their timeframes, progress entries, measurements) a member with no value is left out: its default says what it then is. What follows from another member is not written again: each code's Vietnamese label is its title in this schema; a task's page is page#nv-<id>, a target's page#ct-<id>; a task's full number is its number_path joined with ' › '.",
  "type": "object",
  "additionalProperties": false,
  "required": ["$schema", "as_of", "unit", "plans"],
  "properties": {
    "$schema": {"type": "string", "description": "Địa chỉ lược đồ này / this schema's address"},
    "as_of": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
              "description": "Ngày tính trạng thái / reference date of every derived fact"},
    "unit": {
      "type": "object",
      "additionalProperties": false,
      "required": ["path", "name", "display_name", "level", "page"],
      "properties": {
        "path": {"$ref": "#/$defs/unit_path"},
        "name": {"type": "string"},
        "display_name": {"type": "string", "description": "xã Sơn Lâm, Phường 2"},
        "level": {"enum": ["tinh", "thanh-pho", "huyen", "quan", "thi-xa", "thanh-pho-thuoc-tinh",
                           "xa", "phuong", "thi-tran"]},
        "page": {"$ref": "#/$defs/link"}
      }
    },
    "plans": {"type": "array", "items": {"$ref": "#/$defs/plan"}, "minItems": 1,
              "description": "Các kế hoạch của đơn vị, theo thứ tự trên cổng / the unit's plans, in the portal's order"}
  },
  "$defs": {
    "plan": {
      "type": "object",
      "additionalProperties": false,
      "description": "Một kế hoạch / one plan",
      "required": ["id", "number", "number_blank", "not_in_copy", "title", "year", "date", "place", "issuer",
                   "signer", "legal_basis", "implements", "implemented_by", "recipients", "budget", "body",
                   "appendix", "page", "summary", "sections", "tasks", "targets", "progress", "reports"],
      "properties": {
        "id": {"type": "string", "minLength": 1},
        "number": {"type": ["string", "null"],
                   "description": "Số như in; /KH-UBND khi văn bản in số để trống; null khi bản đăng tải không có dòng số (xem not_in_copy) / number as printed; /KH-UBND when printed blank; null when this copy has no number line"},
        "number_blank": {"type": "boolean", "description": "Văn bản in số để trống / the number is printed blank"},
        "not_in_copy": {"type": "array", "uniqueItems": true,
                        "items": {"enum": ["number", "date", "place", "issuer", "signer"]},
                        "description": "Các phần đầu văn bản mà bản đăng tải không có (không rõ), khác với phần in để trống; signer là tên người ký / header fields this copy lacks altogether (unknown), as opposed to printed blank; signer is the signer's name"},
        "title": {"type": "string"},
        "year": {"type": "integer"},
        "date": {"$ref": "#/$defs/partial_date_or_null",
                 "description": "Ngày ban hành, có thể chỉ có tháng hoặc năm / date of issue, possibly partial"},
        "place": {"$ref": "#/$defs/text_or_null"},
        "issuer": {"type": ["string", "null"], "description": "null khi bản đăng tải không có phần này / null when this copy lacks it"},
        "signer": {
          "type": "object",
          "additionalProperties": false,
          "required": ["name", "title", "capacity"],
          "properties": {
            "name": {"$ref": "#/$defs/text_or_null"},
            "title": {"$ref": "#/$defs/text_or_null"},
            "capacity": {"$ref": "#/$defs/strings"}
          }
        },
        "legal_basis": {"type": "array", "items": {"$ref": "#/$defs/reference"}},
        "implements": {
          "description": "Kế hoạch cấp trên mà kế hoạch này thực hiện, như văn bản ghi; plan: kế hoạch đó khi có trên cổng / the higher-level plan this plan implements, as printed; plan: that plan when it is in this portal",
          "oneOf": [{
            "type": "object",
            "additionalProperties": false,
            "required": ["text", "url", "plan"],
            "properties": {
              "text": {"type": "string"},
              "url": {"$ref": "#/$defs/text_or_null"},
              "plan": {"oneOf": [{"$ref": "#/$defs/plan_link"}, {"type": "null"}]}
            }
          }, {"type": "null"}]
        },
        "implemented_by": {
          "description": "Các kế hoạch trên cổng ghi là thực hiện kế hoạch này / the plans in this portal that implement this one",
          "type": "array", "items": {"$ref": "#/$defs/plan_link"}
        },
        "recipients": {"$ref": "#/$defs/strings"},
        "budget": {"$ref": "#/$defs/text_or_null", "description": "Markdown"},
        "body": {"$ref": "#/$defs/text_or_null", "description": "Markdown; khi appendix.position là body, một dòng [[bảng nhiệm vụ]] đánh dấu chỗ đặt bảng / Markdown; when appendix.position is body, a line [[bảng nhiệm vụ]] marks where the task table stands"},
        "appendix": {
          "type": "object",
          "additionalProperties": false,
          "required": ["title", "note", "position", "columns"],
          "description": "Bảng nhiệm vụ như in: tiêu đề, dòng (Kèm theo …), chỗ đặt và tiêu đề các cột / the task table as printed: heading, its (Kèm theo …) line, where it stands and its column headings",
          "properties": {
            "title": {"$ref": "#/$defs/text_or_null"},
            "note": {"$ref": "#/$defs/text_or_null"},
            "position": {"enum": ["appendix", "body"],
                         "description": "appendix: phụ lục sau văn bản; body: trong một phần của văn bản / after the document, or inside a part of its body"},
            "columns": {
              "type": "object",
              "additionalProperties": false,
              "required": ["number", "task", "lead", "partners", "output", "timeframe"],
              "description": "Tiêu đề cột như in; null khi không ghi. Tên khoá ổn định, như các cột của nhiệm vụ / printed column headings, null when not given; the keys are the stable task field names",
              "properties": {
                "number": {"$ref": "#/$defs/text_or_null"},
                "task": {"$ref": "#/$defs/text_or_null"},
                "lead": {"$ref": "#/$defs/text_or_null"},
                "partners": {"$ref": "#/$defs/text_or_null"},
                "output": {"$ref": "#/$defs/text_or_null"},
                "timeframe": {"$ref": "#/$defs/text_or_null"}
              }
            }
          }
        },
        "page": {"$ref": "#/$defs/link", "description": "Trang của kế hoạch / the plan's page"},
        "summary": {
          "type": "object",
          "additionalProperties": false,
          "required": ["tasks", "targets", "done", "in_progress", "not_started", "postponed",
                       "cancelled", "overdue", "last_updated"],
          "properties": {
            "tasks": {"$ref": "#/$defs/count",
                      "description": "Số nhiệm vụ được đếm: mọi dòng trừ nhiệm vụ con (tasks[].counted) / tasks counted: every row but sub-tasks (tasks[].counted)"},
            "targets": {"$ref": "#/$defs/count"},
            "done": {"$ref": "#/$defs/count"},
            "in_progress": {"$ref": "#/$defs/count"},
            "not_started": {"$ref": "#/$defs/count"},
            "postponed": {"$ref": "#/$defs/count"},
            "cancelled": {"$ref": "#/$defs/count"},
            "overdue": {"$ref": "#/$defs/count"},
            "last_updated": {"$ref": "#/$defs/partial_date_or_null"}
          }
        },
        "sections": {
          "type": "array",
          "description": "Các mục của phụ lục; nhiệm vụ và mục con trỏ tới mục theo chỉ số trong mảng này / sections of the task table, referred to by their index in this array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["number", "full_number", "title", "depth", "parent"],
            "properties": {
              "number": {"$ref": "#/$defs/text_or_null"},
              "full_number": {"$ref": "#/$defs/text_or_null",
                              "description": "Số như in kèm số các mục chứa nó, ngăn bằng › / the printed numbers of the section and those above it, separated by ›: C › 3"},
              "title": {"type": "string"},
              "depth": {"type": "integer", "minimum": 1, "maximum": 3},
              "parent": {"$ref": "#/$defs/index_or_null"}
            }
          }
        },
        "tasks": {"type": "array", "items": {"$ref": "#/$defs/task"}},
        "targets": {"type": "array", "items": {"$ref": "#/$defs/target"}},
        "progress": {"type": "array", "items": {"$ref": "#/$defs/record"},
                     "description": "Các tệp tiến độ nói về kế hoạch, theo ngày rồi theo đường dẫn, mỗi tệp với các mục tiến độ và số liệu của nó (tính đến as_of) theo thứ tự trong tệp / the progress files about this plan, by date then path, each with its entries and measurements dated by as_of, in file order"},
        "reports": {"type": "array", "items": {"$ref": "#/$defs/report"}}
      }
    },
    "text_or_null": {"type": ["string", "null"], "minLength": 1},
    "strings": {"type": "array", "items": {"type": "string"}},
    "count": {"type": "integer", "minimum": 0},
    "index_or_null": {"type": ["integer", "null"], "minimum": 0},
    "index": {"type": "integer", "minimum": 0},
    "unit_path": {"type": "string", "pattern": "^[a-z0-9-]+(/[a-z0-9-]+)*$"},
    "link": {"type": "string", "format": "uri-reference",
             "description": "Tuyệt đối khi cổng có base_url, nếu không thì tương đối với tệp JSON này / absolute when the site has a base_url, else relative to this JSON file"},
    "partial_date": {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"},
    "partial_date_or_null": {"oneOf": [{"$ref": "#/$defs/partial_date"}, {"type": "null"}]},
    "status": {"oneOf": [{"const": "not_started", "title": "chưa bắt đầu"},
                         {"const": "in_progress", "title": "đang thực hiện"},
                         {"const": "done", "title": "hoàn thành"},
                         {"const": "postponed", "title": "tạm hoãn"},
                         {"const": "cancelled", "title": "huỷ bỏ"}]},
    "plan_link": {
      "type": "object",
      "additionalProperties": false,
      "required": ["path", "page", "data"],
      "properties": {
        "path": {"type": "string", "description": "Đường dẫn kế hoạch trên cổng: thư mục đơn vị và mã kế hoạch / the plan's portal path: its unit's path and its id"},
        "page": {"$ref": "#/$defs/link"},
        "data": {"$ref": "#/$defs/link",
                 "description": "Tệp dữ liệu của đơn vị có kế hoạch đó; trong plans của tệp, kế hoạch có id là phần cuối của path / the data file of that plan's unit; among its plans, the one whose id ends path"}
      }
    },
    "reference": {
      "type": "object",
      "additionalProperties": false,
      "required": ["text", "url"],
      "properties": {
        "text": {"type": "string"},
        "url": {"$ref": "#/$defs/text_or_null"}
      }
    },
    "timeframe": {
      "type": "object",
      "additionalProperties": false,
      "required": ["raw", "kind"],
      "properties": {
        "raw": {"type": "string", "description": "Thời gian thực hiện như ghi / as written"},
        "kind": {"enum": ["due", "period", "recurring", "checkpoints", "unscheduled", "unknown"]},
        "start": {"$ref": "#/$defs/partial_date", "description": "Vắng: không có / absent: none"},
        "due": {"$ref": "#/$defs/partial_date", "description": "Vắng: không có / absent: none"},
        "checkpoints": {"type": "array", "items": {"$ref": "#/$defs/partial_date"}, "minItems": 1, "default": []},
        "cadences": {"type": "array", "minItems": 1, "default": [],
                     "items": {"enum": ["continuous", "monthly", "quarterly", "yearly", "on_demand"]}},
        "also_on_demand": {"const": true, "default": false},
        "qualifier": {"type": "string", "minLength": 1, "description": "Vắng: không có / absent: none"}
      }
    },
    "task": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "number_path", "text", "timeframe", "status"],
      "properties": {
        "id": {"type": "string", "minLength": 1},
        "number": {"type": "string", "minLength": 1, "description": "Số như in; vắng khi dòng không in số / as printed; absent when the row has no number"},
        "number_path": {"$ref": "#/$defs/strings",
                        "description": "Số của các mục và nhiệm vụ chứa nó và số của nó, từ ngoài vào, mỗi số như in; nối bằng ' › ' là số đầy đủ trên trang (C › 3 › 2), khi nhiệm vụ có số / the printed numbers of the sections and tasks above it and its own, outermost first; joined with ' › ' they are the full number the page shows (C › 3 › 2), when the task has a number"},
        "text": {"type": "string", "description": "Markdown"},
        "section": {"$ref": "#/$defs/index", "description": "Vắng: không thuộc mục nào / absent: in no section"},
        "parent": {"$ref": "#/$defs/index",
                   "description": "Nhiệm vụ chứa dòng con này, theo chỉ số trong tasks; vắng: không phải nhiệm vụ con, và nhiệm vụ được đếm trong summary.tasks / for a sub-task, the index in tasks of its task; absent: not a sub-task, and counted in summary.tasks"},
        "lead": {"type": "array", "items": {"type": "string"}, "minItems": 1, "default": [],
                 "description": "Từng cơ quan chủ trì, tách ở dấu ; và xuống dòng, không tách ở dấu phẩy / each lead office"},
        "lead_text": {"type": "string", "minLength": 1,
                      "description": "Ô cơ quan chủ trì như in (các dòng cách nhau bởi \\n); vắng khi ô in đúng các cơ quan trong lead, mỗi cơ quan một dòng / the lead cell as printed; absent when it is the offices in lead, one per line"},
        "partners": {"type": "array", "items": {"type": "string"}, "minItems": 1, "default": [],
                     "description": "Từng cơ quan phối hợp / each coordinating office"},
        "partners_text": {"type": "string", "minLength": 1,
                          "description": "Ô cơ quan phối hợp như in; vắng khi ô in đúng các cơ quan trong partners, mỗi cơ quan một dòng / the coordinating offices' cell as printed; absent when it is the offices in partners, one per line"},
        "output": {"type": "string", "minLength": 1, "description": "Vắng: không ghi / absent: not given"},
        "timeframe": {"$ref": "#/$defs/timeframe"},
        "due": {"$ref": "#/$defs/partial_date",
                "description": "Hạn tính quá hạn; vắng: không có hạn / the deadline overdue is measured against; absent: none"},
        "status": {"$ref": "#/$defs/status"},
        "percent": {"type": "integer", "minimum": 0, "maximum": 100, "description": "Vắng: không rõ / absent: unknown"},
        "reported": {"const": true, "default": false,
                     "description": "Có ít nhất một mục tiến độ tính đến as_of / at least one progress entry by as_of"},
        "from_subtasks": {"const": true, "default": false,
                          "description": "Trạng thái tính theo các nhiệm vụ con, vì nhiệm vụ không có báo cáo riêng / status derived from the sub-tasks, the task having no report of its own"},
        "overdue_days": {"type": "integer", "minimum": 1, "default": 0,
                         "description": "Số ngày quá hạn tính đến as_of; vắng: không quá hạn / days overdue as of as_of; absent: not overdue"}
      }
    },
    "target": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "measure", "comparison", "value", "value_text", "unit",
                   "task", "statement", "part", "result", "latest"],
      "properties": {
        "id": {"type": "string", "minLength": 1},
        "measure": {"type": "string"},
        "comparison": {"oneOf": [{"const": "at_least", "title": "tối thiểu"},
                                 {"const": "at_most", "title": "tối đa"},
                                 {"const": "exactly", "title": "đúng"}]},
        "value": {"type": "number"},
        "value_text": {"$ref": "#/$defs/text_or_null"},
        "unit": {"type": "string"},
        "task": {"$ref": "#/$defs/text_or_null",
                 "description": "Mã nhiệm vụ nêu chỉ tiêu / id of the task whose row states the target"},
        "statement": {"$ref": "#/$defs/text_or_null",
                      "description": "Câu nêu chỉ tiêu, nguyên văn như in / the plan's sentence stating the target, verbatim"},
        "part": {"$ref": "#/$defs/text_or_null",
                 "description": "Đề mục của phần văn bản nêu chỉ tiêu, như in / heading of the body part stating the target, as printed"},
        "result": {"oneOf": [{"const": "met", "title": "đạt"},
                             {"const": "not_met", "title": "chưa đạt"},
                             {"const": "no_data", "title": "chưa có số liệu"}]},
        "latest": {
          "oneOf": [
            {"type": "null"},
            {"type": "object", "additionalProperties": false, "required": ["value", "date"],
             "properties": {"value": {"type": "number"},
                            "date": {"$ref": "#/$defs/partial_date_or_null"}}}
          ]
        }
      }
    },
    "record": {
      "type": "object",
      "additionalProperties": false,
      "required": ["record", "period", "date", "reported_by", "entries", "measurements"],
      "description": "Một tệp tiến độ: những gì các mục của nó chung nhau, như đầu tệp ghi / a progress file: what its items share, as the top of the file gives it",
      "properties": {
        "record": {"type": "string", "description": "Tệp tiến độ, tính từ content/ / progress file, relative to content/"},
        "period": {"$ref": "#/$defs/text_or_null"},
        "date": {"$ref": "#/$defs/partial_date_or_null",
                 "description": "Ngày của các mục và số liệu không ghi ngày riêng (ngày nhiều mục có nhất) / the date of every item that gives none of its own (the date most items have)"},
        "reported_by": {"$ref": "#/$defs/text_or_null",
                        "description": "Người báo cáo của các mục không ghi riêng / who reported the entries that name no one of their own"},
        "entries": {"type": "array", "items": {"$ref": "#/$defs/progress_entry"}},
        "measurements": {"type": "array", "items": {"$ref": "#/$defs/measurement"}}
      }
    },
    "progress_entry": {
      "type": "object",
      "additionalProperties": false,
      "required": ["task", "status"],
      "properties": {
        "task": {"type": "string"},
        "date": {"$ref": "#/$defs/partial_date_or_null", "description": "Vắng: ngày của tệp (date) / absent: the file's date"},
        "status": {"$ref": "#/$defs/status"},
        "percent": {"type": "integer", "minimum": 0, "maximum": 100, "description": "Vắng: không ghi / absent: not given"},
        "note": {"type": "string", "minLength": 1, "description": "Markdown; vắng: không có / absent: none"},
        "reported_by": {"$ref": "#/$defs/text_or_null", "description": "Vắng: người báo cáo của tệp (reported_by) / absent: the file's"},
        "evidence": {
          "type": "array", "minItems": 1, "default": [],
          "items": {"type": "object", "additionalProperties": false, "required": ["title", "url"],
                    "properties": {"title": {"type": "string"},
                                   "url": {"$ref": "#/$defs/text_or_null"}}}
        },
        "line": {"$ref": "#/$defs/index", "description": "Dòng trong tệp; vắng: không rõ / line in the file; absent: unknown"}
      }
    },
    "measurement": {
      "type": "object",
      "additionalProperties": false,
      "required": ["target", "value"],
      "properties": {
        "target": {"type": "string"},
        "date": {"$ref": "#/$defs/partial_date_or_null", "description": "Vắng: ngày của tệp (date) / absent: the file's date"},
        "value": {"type": "number"},
        "value_text": {"type": "string", "minLength": 1,
                       "description": "Số như ghi, khi khác cách viết của value / the number as written, when it differs from value as written here"},
        "source": {"type": "string", "minLength": 1, "description": "Nguồn số liệu; vắng: không ghi / absent: not given"},
        "line": {"$ref": "#/$defs/index", "description": "Vắng: không rõ / absent: unknown"}
      }
    },
    "report": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "title", "number", "date", "period", "period_vi", "tasks", "targets",
                   "attachments", "page"],
      "properties": {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "number": {"$ref": "#/$defs/text_or_null"},
        "date": {"$ref": "#/$defs/partial_date_or_null"},
        "period": {"type": "string", "pattern": "^[0-9]{4}(-(Q[1-4]|H[12]|M(0[1-9]|1[0-2])))?$"},
        "period_vi": {"type": "string"},
        "tasks": {"$ref": "#/$defs/strings"},
        "targets": {"$ref": "#/$defs/strings"},
        "attachments": {
          "type": "array",
          "items": {"type": "object", "additionalProperties": false,
                    "required": ["title", "url", "bytes"],
                    "properties": {"title": {"type": "string"}, "url": {"$ref": "#/$defs/link"},
                                   "bytes": {"$ref": "#/$defs/count"}}}
        },
        "page": {"$ref": "#/$defs/link"}
      }
    }
  }
})json";

}  // namespace

std::string write_plan_schema(const Site& site) {
  auto schema = nlohmann::ordered_json::parse(kSchema);
  if (!site.base_url.empty()) {
    nlohmann::ordered_json out;
    out["$schema"] = schema["$schema"];
    out["$id"] = absolute_url(site.base_url, plan_schema_path());
    for (auto it = schema.begin(); it != schema.end(); ++it)
      if (it.key() != "$schema") out[it.key()] = it.value();
    schema = std::move(out);
  }
  return schema.dump(2) + "\n";
}

}  // namespace congkhai
