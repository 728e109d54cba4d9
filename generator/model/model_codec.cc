#include "model/model_codec.h"

#include <optional>
#include <string>
#include <vector>

namespace congkhai {

// Adding a field to a model struct changes its size: this fails until the field is encoded
// and decoded below (and set in model_codec_test.cc), then the expected size is updated. The
// sizes are those of the build platform (x86-64, libstdc++); elsewhere the test alone guards.
#if defined(__x86_64__) && defined(__GLIBCXX__) && _GLIBCXX_USE_CXX11_ABI && !defined(_GLIBCXX_DEBUG)
#define CONGKHAI_FIELDS_OF(T, size) \
  static_assert(sizeof(T) == (size), #T " changed: encode and decode its new field in model_codec.cc")
#else
#define CONGKHAI_FIELDS_OF(T, size)
#endif

CONGKHAI_FIELDS_OF(SourcePos, 8);
CONGKHAI_FIELDS_OF(Date, 12);
CONGKHAI_FIELDS_OF(Diagnostic, 216);
CONGKHAI_FIELDS_OF(Reference, 64);
CONGKHAI_FIELDS_OF(Signer, 88);
CONGKHAI_FIELDS_OF(Task, 320);
CONGKHAI_FIELDS_OF(Section, 80);
CONGKHAI_FIELDS_OF(TableRow, 8);
CONGKHAI_FIELDS_OF(Target, 264);
CONGKHAI_FIELDS_OF(NotInCopy, 5);
CONGKHAI_FIELDS_OF(ColumnHeadings, 192);
CONGKHAI_FIELDS_OF(Plan, 944);
CONGKHAI_FIELDS_OF(Evidence, 136);
CONGKHAI_FIELDS_OF(ProgressEntry, 184);
CONGKHAI_FIELDS_OF(Measurement, 160);
CONGKHAI_FIELDS_OF(ProgressRecord, 200);
CONGKHAI_FIELDS_OF(Period, 12);
CONGKHAI_FIELDS_OF(Attachment, 112);
CONGKHAI_FIELDS_OF(Report, 368);
CONGKHAI_FIELDS_OF(Contact, 160);
CONGKHAI_FIELDS_OF(Unit, 408);

namespace {

// Scalars, strings, enums, optionals and lists: the pieces every struct is made of.
void put(ByteWriter& w, const std::string& s) { w.text(s); }
void put(ByteWriter& w, int v) { w.signed_varint(v); }
void put(ByteWriter& w, long long v) { w.signed_varint(v); }
void put(ByteWriter& w, bool b) { w.boolean(b); }
void put(ByteWriter& w, double d) { w.real(d); }
bool get(ByteReader& r, std::string* s) { return r.text(s); }
bool get(ByteReader& r, int* v) { return r.integer(v); }
bool get(ByteReader& r, long long* v) { return r.integer(v); }
bool get(ByteReader& r, bool* b) { return r.boolean(b); }
bool get(ByteReader& r, double* d) { return r.real(d); }

// Declared before the templates below, which call them for list items and optional values.
void put(ByteWriter& w, const SourcePos& x);
bool get(ByteReader& r, SourcePos* x);
void put(ByteWriter& w, const Date& x);
bool get(ByteReader& r, Date* x);
void put(ByteWriter& w, const Reference& x);
bool get(ByteReader& r, Reference* x);
void put(ByteWriter& w, const Signer& x);
bool get(ByteReader& r, Signer* x);
void put(ByteWriter& w, const Task& x);
bool get(ByteReader& r, Task* x);
void put(ByteWriter& w, const Section& x);
bool get(ByteReader& r, Section* x);
void put(ByteWriter& w, const TableRow& x);
bool get(ByteReader& r, TableRow* x);
void put(ByteWriter& w, const Target& x);
bool get(ByteReader& r, Target* x);
void put(ByteWriter& w, const NotInCopy& x);
bool get(ByteReader& r, NotInCopy* x);
void put(ByteWriter& w, const ColumnHeadings& x);
bool get(ByteReader& r, ColumnHeadings* x);
void put(ByteWriter& w, const Evidence& x);
bool get(ByteReader& r, Evidence* x);
void put(ByteWriter& w, const Period& x);
bool get(ByteReader& r, Period* x);
void put(ByteWriter& w, const Attachment& x);
bool get(ByteReader& r, Attachment* x);
void put(ByteWriter& w, const Contact& x);
bool get(ByteReader& r, Contact* x);

template <typename E>
void put_enum(ByteWriter& w, E e) {
  w.varint(static_cast<std::uint64_t>(e));
}
template <typename E>
bool get_enum(ByteReader& r, E last, E* e) {
  std::uint64_t v;
  if (!r.below(static_cast<std::uint64_t>(last) + 1, &v)) return false;
  *e = static_cast<E>(v);
  return true;
}

void put(ByteWriter& w, const SourcePos& p) {
  put(w, p.line);
  put(w, p.column);
}
bool get(ByteReader& r, SourcePos* p) { return get(r, &p->line) && get(r, &p->column); }

void put(ByteWriter& w, const Date& d) {
  put(w, d.year);
  put(w, d.month);
  put(w, d.day);
}
bool get(ByteReader& r, Date* d) { return get(r, &d->year) && get(r, &d->month) && get(r, &d->day); }

template <typename T>
void put(ByteWriter& w, const std::optional<T>& o) {
  w.boolean(o.has_value());
  if (o) put(w, *o);
}
template <typename T>
bool get(ByteReader& r, std::optional<T>* o) {
  bool has;
  if (!r.boolean(&has)) return false;
  if (!has) {
    o->reset();
    return true;
  }
  return get(r, &o->emplace());
}

template <typename T>
void put(ByteWriter& w, const std::vector<T>& v) {
  w.varint(v.size());
  for (const T& x : v) put(w, x);
}
template <typename T>
bool get(ByteReader& r, std::vector<T>* v) {
  std::size_t n;
  if (!r.count(&n)) return false;
  v->clear();
  v->reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    if (!get(r, &v->emplace_back())) return false;
  return true;
}

// get_all(r, &a, &b, …): each in turn, stopping at the first failure.
template <typename... T>
bool get_all(ByteReader& r, T*... fields) {
  return (get(r, fields) && ...);
}
template <typename... T>
void put_all(ByteWriter& w, const T&... fields) {
  (put(w, fields), ...);
}

// --- plans

void put(ByteWriter& w, const Reference& x) { put_all(w, x.text, x.url); }
bool get(ByteReader& r, Reference* x) { return get_all(r, &x->text, &x->url); }

void put(ByteWriter& w, const Signer& x) { put_all(w, x.name, x.title, x.capacity); }
bool get(ByteReader& r, Signer* x) { return get_all(r, &x->name, &x->title, &x->capacity); }

void put(ByteWriter& w, const Task& x) {
  put_all(w, x.id, x.id_explicit, x.number, x.text, x.lead_text, x.partners_text, x.lead, x.partners, x.output,
          x.timeframe, x.section, x.parent, x.subtasks, x.pos);
}
bool get(ByteReader& r, Task* x) {
  return get_all(r, &x->id, &x->id_explicit, &x->number, &x->text, &x->lead_text, &x->partners_text, &x->lead,
                 &x->partners, &x->output, &x->timeframe, &x->section, &x->parent, &x->subtasks, &x->pos);
}

void put(ByteWriter& w, const Section& x) { put_all(w, x.number, x.title, x.depth, x.parent, x.pos); }
bool get(ByteReader& r, Section* x) { return get_all(r, &x->number, &x->title, &x->depth, &x->parent, &x->pos); }

void put(ByteWriter& w, const TableRow& x) {
  put_enum(w, x.kind);
  put(w, x.index);
}
bool get(ByteReader& r, TableRow* x) {
  return get_enum(r, TableRow::Kind::kTask, &x->kind) && get(r, &x->index);
}

void put(ByteWriter& w, const Target& x) {
  put(w, x.id);
  put(w, x.measure);
  put_enum(w, x.comparison);
  put_all(w, x.value, x.value_text, x.unit, x.task, x.statement, x.part, x.pos, x.task_pos, x.part_pos);
}
bool get(ByteReader& r, Target* x) {
  return get_all(r, &x->id, &x->measure) && get_enum(r, Comparison::kExactly, &x->comparison) &&
         get_all(r, &x->value, &x->value_text, &x->unit, &x->task, &x->statement, &x->part, &x->pos, &x->task_pos,
                 &x->part_pos);
}

void put(ByteWriter& w, const NotInCopy& x) { put_all(w, x.number, x.date, x.place, x.issuer, x.signer); }
bool get(ByteReader& r, NotInCopy* x) { return get_all(r, &x->number, &x->date, &x->place, &x->issuer, &x->signer); }

void put(ByteWriter& w, const ColumnHeadings& x) {
  put_all(w, x.number, x.task, x.lead, x.partners, x.output, x.timeframe);
}
bool get(ByteReader& r, ColumnHeadings* x) {
  return get_all(r, &x->number, &x->task, &x->lead, &x->partners, &x->output, &x->timeframe);
}

// --- progress

void put(ByteWriter& w, const Evidence& x) { put_all(w, x.title, x.url, x.file, x.pos, x.file_on_disk); }
bool get(ByteReader& r, Evidence* x) { return get_all(r, &x->title, &x->url, &x->file, &x->pos, &x->file_on_disk); }

// An entry's and a measurement's `source` is the record's own path but in a record assembled
// by hand: written as a flag then, not again (a national portal has two million entries).
void put_source(ByteWriter& w, const std::string& source, const std::string& record_path) {
  w.boolean(source == record_path);
  if (source != record_path) w.text(source);
}
bool get_source(ByteReader& r, std::string* source, const std::string& record_path) {
  bool same;
  if (!r.boolean(&same)) return false;
  if (same) {
    *source = record_path;
    return true;
  }
  return r.text(source);
}

void put(ByteWriter& w, const ProgressEntry& x, const std::string& record_path) {
  put_all(w, x.task, x.date);
  put_enum(w, x.status);
  put_all(w, x.percent, x.note, x.evidence, x.reported_by);
  put_source(w, x.source, record_path);
  put(w, x.pos);
}
bool get(ByteReader& r, ProgressEntry* x, const std::string& record_path) {
  return get_all(r, &x->task, &x->date) && get_enum(r, TaskStatus::kCancelled, &x->status) &&
         get_all(r, &x->percent, &x->note, &x->evidence, &x->reported_by) &&
         get_source(r, &x->source, record_path) && get(r, &x->pos);
}

void put(ByteWriter& w, const Measurement& x, const std::string& record_path) {
  put_all(w, x.target, x.date, x.value, x.value_text, x.source_note);
  put_source(w, x.source, record_path);
  put(w, x.pos);
}
bool get(ByteReader& r, Measurement* x, const std::string& record_path) {
  return get_all(r, &x->target, &x->date, &x->value, &x->value_text, &x->source_note) &&
         get_source(r, &x->source, record_path) && get(r, &x->pos);
}

// A record's entries or measurements, each read with the record's path.
template <typename T>
void put_items(ByteWriter& w, const std::vector<T>& items, const std::string& record_path) {
  w.varint(items.size());
  for (const T& x : items) put(w, x, record_path);
}
template <typename T>
bool get_items(ByteReader& r, std::vector<T>* items, const std::string& record_path) {
  std::size_t n;
  if (!r.count(&n)) return false;
  items->clear();
  items->reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    if (!get(r, &items->emplace_back(), record_path)) return false;
  return true;
}

// --- reports

void put(ByteWriter& w, const Period& x) {
  put_enum(w, x.kind);
  put_all(w, x.year, x.index);
}
bool get(ByteReader& r, Period* x) {
  return get_enum(r, Period::Kind::kMonth, &x->kind) && get_all(r, &x->year, &x->index);
}

void put(ByteWriter& w, const Attachment& x) { put_all(w, x.file, x.title, x.bytes, x.pos, x.file_on_disk); }
bool get(ByteReader& r, Attachment* x) { return get_all(r, &x->file, &x->title, &x->bytes, &x->pos, &x->file_on_disk); }

// --- units

void put(ByteWriter& w, const Contact& x) { put_all(w, x.address, x.phone, x.email, x.website, x.hours); }
bool get(ByteReader& r, Contact* x) { return get_all(r, &x->address, &x->phone, &x->email, &x->website, &x->hours); }

}  // namespace

void encode(ByteWriter& w, const Plan& x) {
  put_all(w, x.path, x.id, x.unit, x.number, x.title, x.year, x.date, x.place, x.issuer, x.signer, x.legal_basis,
          x.implements, x.implements_plan, x.implements_pos, x.implements_index, x.implemented_by, x.recipients,
          x.budget, x.body, x.body_line, x.appendix_title, x.appendix_note, x.columns, x.not_in_copy,
          x.table_marker, x.sections, x.tasks, x.table, x.targets);
}
bool decode(ByteReader& r, Plan* x) {
  return get_all(r, &x->path, &x->id, &x->unit, &x->number, &x->title, &x->year, &x->date, &x->place, &x->issuer,
                 &x->signer, &x->legal_basis, &x->implements, &x->implements_plan, &x->implements_pos,
                 &x->implements_index, &x->implemented_by, &x->recipients, &x->budget, &x->body, &x->body_line,
                 &x->appendix_title, &x->appendix_note, &x->columns, &x->not_in_copy, &x->table_marker,
                 &x->sections, &x->tasks, &x->table, &x->targets);
}

void encode(ByteWriter& w, const ProgressRecord& x) {
  put_all(w, x.path, x.sheet, x.plan, x.plan_id, x.plan_pos, x.period);
  put_items(w, x.entries, x.path);
  put_items(w, x.measurements, x.path);
}
bool decode(ByteReader& r, ProgressRecord* x) {
  return get_all(r, &x->path, &x->sheet, &x->plan, &x->plan_id, &x->plan_pos, &x->period) &&
         get_items(r, &x->entries, x->path) && get_items(r, &x->measurements, x->path);
}

void encode(ByteWriter& w, const Report& x) {
  put_all(w, x.path, x.id, x.unit, x.title, x.date, x.period, x.number, x.plan_id, x.plan, x.tasks, x.targets,
          x.task_pos, x.target_pos, x.attachments, x.body, x.body_line, x.plan_pos);
}
bool decode(ByteReader& r, Report* x) {
  return get_all(r, &x->path, &x->id, &x->unit, &x->title, &x->date, &x->period, &x->number, &x->plan_id, &x->plan,
                 &x->tasks, &x->targets, &x->task_pos, &x->target_pos, &x->attachments, &x->body, &x->body_line,
                 &x->plan_pos);
}

void encode(ByteWriter& w, const Unit& x) {
  put_all(w, x.path, x.slug, x.url_path, x.name);
  put_enum(w, x.level);
  put_all(w, x.contact, x.feedback, x.parent, x.children, x.plans, x.reports);
}
bool decode(ByteReader& r, Unit* x) {
  return get_all(r, &x->path, &x->slug, &x->url_path, &x->name) &&
         get_enum(r, UnitLevel::kThiTran, &x->level) &&
         get_all(r, &x->contact, &x->feedback, &x->parent, &x->children, &x->plans, &x->reports);
}

void encode(ByteWriter& w, const Diagnostic& x) {
  put_all(w, x.path, x.pos, x.message, x.message_en, x.hint, x.hint_en, x.sheet, x.warning);
}
bool decode(ByteReader& r, Diagnostic* x) {
  return get_all(r, &x->path, &x->pos, &x->message, &x->message_en, &x->hint, &x->hint_en, &x->sheet, &x->warning);
}

}  // namespace congkhai
