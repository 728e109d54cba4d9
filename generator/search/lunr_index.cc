#include "search/lunr_index.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "search/vi_terms.h"

namespace congkhai {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr const char* kLunrVersion = "2.3.9";

// A character of lunr.tokenizer.separator, /[\s\-]+/: JavaScript's \s, and "-".
bool is_separator(char32_t c) {
  switch (c) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case '-':
    case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000: case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

// Length of the UTF-8 sequence starting with `b` (1 for stray bytes).
std::size_t sequence_length(unsigned char b) {
  if (b >= 0xF0 && b <= 0xF4) return 4;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  return 1;
}

char32_t decode_at(std::string_view s, std::size_t i, std::size_t* len) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = sequence_length(b);
  if (i + n > s.size()) n = 1;
  *len = n;
  if (n == 1) return b < 0x80 ? b : 0xFFFD;
  char32_t c = b & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return c;
}

// UTF-16 code units, for JavaScript's default string order.
std::u16string utf16(std::string_view s) {
  std::u16string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n;
    char32_t c = decode_at(s, i, &n);
    i += n;
    if (c >= 0x10000) {
      c -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (c >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(c));
    }
  }
  return out;
}

// Whether JavaScript treats the property key as an array index, which objects list first,
// in numeric order, before the other keys in insertion order.
bool is_array_index(std::string_view key) {
  if (key.empty() || key.size() > 10) return false;
  if (key.size() > 1 && key[0] == '0') return false;
  unsigned long long v = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<unsigned long long>(c - '0');
  }
  return v < 4294967295ULL;
}

// Positions of `keys` (given in insertion order) in the order Object.keys lists them.
std::vector<std::size_t> js_key_order(const std::vector<std::string_view>& keys) {
  std::vector<std::size_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0);
  bool any_index = std::any_of(keys.begin(), keys.end(), is_array_index);
  if (!any_index) return order;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    bool ia = is_array_index(keys[a]), ib = is_array_index(keys[b]);
    if (ia != ib) return ia;
    if (!ia) return false;
    return std::stoull(std::string(keys[a])) < std::stoull(std::string(keys[b]));
  });
  return order;
}

void append_unsigned(std::string* out, unsigned long long v) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, static_cast<std::size_t>(res.ptr - buf));
}

void append_hex4(std::string* out, unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04x", v);
  out->append(buf);
}

void write_string(std::string* out, std::string_view s) {
  out->push_back('"');
  std::size_t run = 0;  // start of the characters not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default: append_hex4(out, c);
    }
  }
  out->append(s.substr(run));
  out->push_back('"');
}

void write_json(std::string* out, const LunrJson& v) {
  switch (v.type()) {
    case LunrJson::value_t::null:
    case LunrJson::value_t::discarded:
      out->append("null");
      break;
    case LunrJson::value_t::boolean:
      out->append(v.get<bool>() ? "true" : "false");
      break;
    case LunrJson::value_t::number_integer:
      out->append(std::to_string(v.get<long long>()));
      break;
    case LunrJson::value_t::number_unsigned:
      out->append(std::to_string(v.get<unsigned long long>()));
      break;
    case LunrJson::value_t::number_float:
      append_js_number(out, v.get<double>());
      break;
    case LunrJson::value_t::string:
      write_string(out, v.get_ref<const std::string&>());
      break;
    case LunrJson::value_t::array: {
      out->push_back('[');
      bool first = true;
      for (const auto& item : v) {
        if (!first) out->push_back(',');
        first = false;
        write_json(out, item);
      }
      out->push_back(']');
      break;
    }
    case LunrJson::value_t::object: {
      out->push_back('{');
      bool first = true;
      for (const auto& [key, item] : v.items()) {
        if (!first) out->push_back(',');
        first = false;
        write_string(out, key);
        out->push_back(':');
        write_json(out, item);
      }
      out->push_back('}');
      break;
    }
    case LunrJson::value_t::binary:
      out->append("null");
      break;
  }
}

struct Posting {
  std::size_t index = 0;
  std::vector<std::vector<std::size_t>> docs;  // per field: documents, in insertion order
};

// Calls `fn` with each token of lower-cased text: lunr.tokenizer's split on /[\s\-]+/.
template <typename Fn>
void for_each_token(std::string_view lower, Fn fn) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < lower.size();) {
    std::size_t n;
    char32_t c = decode_at(lower, i, &n);
    if (is_separator(c)) {
      if (i > start) fn(lower.substr(start, i - start));
      start = i + n;
    }
    i += n;
  }
  if (lower.size() > start) fn(lower.substr(start));
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The terms of an index, numbered in the order they first appear, and what each distinct
// token stands for: vi_terms and its Unicode work run once per token, not per occurrence.
struct TermTable {
  std::vector<std::string> terms;
  std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> term_ids;
  std::unordered_map<std::string, std::vector<std::size_t>, StringHash, std::equal_to<>> token_terms;

  const std::vector<std::size_t>& terms_of(std::string_view token) {
    auto found = token_terms.find(token);
    if (found != token_terms.end()) return found->second;
    std::vector<std::size_t> ids;
    for (std::string& term : vi_terms(token)) {
      auto [it, added] = term_ids.try_emplace(term, terms.size());
      if (added) terms.push_back(std::move(term));
      ids.push_back(it->second);
    }
    return token_terms.emplace(std::string(token), std::move(ids)).first->second;
  }
};

}  // namespace

double js_round(double x) {
  if (!std::isfinite(x)) return x;
  double r = std::floor(x);
  if (x - r >= 0.5) r += 1;
  return r;
}

void append_js_number(std::string* out, double value) {
  if (!std::isfinite(value)) {
    out->append("null");
    return;
  }
  if (value == 0) {
    out->push_back('0');
    return;
  }
  // An integer below 2^53 (an index's scores in thousandths, most of what it holds) is written
  // as its digits: every integer there is a double of its own, so no shorter decimal gives
  // it back and the shortest round-trip search below would find exactly these digits.
  if (std::abs(value) < 1e15 && value == std::floor(value)) {
    long long v = static_cast<long long>(value);
    if (v < 0) out->push_back('-');
    append_unsigned(out, static_cast<unsigned long long>(v < 0 ? -v : v));
    return;
  }
  // Shortest round-trip digits and exponent, then ECMAScript's Number::toString layout.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
  if (sci.front() == '-') {
    out->push_back('-');
    sci.remove_prefix(1);
  }
  std::size_t e_pos = sci.find('e');
  char digit_buf[32];
  int k = 0;
  for (char c : sci.substr(0, e_pos))
    if (c != '.') digit_buf[k++] = c;
  std::string_view digits(digit_buf, static_cast<std::size_t>(k));
  std::string_view exp_text = sci.substr(e_pos + 1);
  if (!exp_text.empty() && exp_text.front() == '+') exp_text.remove_prefix(1);
  int exponent = 0;
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
  int n = exponent + 1;
  if (k <= n && n <= 21) {
    out->append(digits);
    out->append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out->append(digits.substr(0, static_cast<std::size_t>(n)));
    out->push_back('.');
    out->append(digits.substr(static_cast<std::size_t>(n)));
  } else if (-6 < n && n <= 0) {
    out->append("0.");
    out->append(static_cast<std::size_t>(-n), '0');
    out->append(digits);
  } else {
    out->push_back(digits[0]);
    if (k > 1) {
      out->push_back('.');
      out->append(digits.substr(1));
    }
    out->push_back('e');
    out->push_back(n - 1 < 0 ? '-' : '+');
    append_unsigned(out, static_cast<unsigned long long>(std::abs(n - 1)));
  }
}

void append_js_thousandths(std::string* out, double thousandths) {
  // thousandths / 1000 is the double nearest to that decimal, and no shorter decimal is that
  // close while the numbers stay far from 2^53, so Number::toString writes the integer's
  // digits with the point three places from the right, trailing zeros dropped.
  if (!(std::abs(thousandths) < 1e12) || thousandths != std::floor(thousandths)) {
    append_js_number(out, thousandths / 1000);
    return;
  }
  long long v = static_cast<long long>(thousandths);
  if (v == 0) {
    out->push_back('0');
    return;
  }
  // Laid out in a buffer and appended once: an index has a score per term of each field.
  char buf[40];
  char* w = buf;
  if (v < 0) {
    *w++ = '-';
    v = -v;
  }
  char digits[24] = {};
  std::size_t len = static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, v).ptr - digits);
  std::size_t frac = 3;  // digits after the point, before trailing zeros are dropped
  while (frac > 0 && digits[len - 1] == '0') {
    --len;
    --frac;
  }
  if (len <= frac) {
    *w++ = '0';
    *w++ = '.';
    for (std::size_t i = len; i < frac; ++i) *w++ = '0';
    w = std::copy(digits, digits + len, w);
  } else {
    w = std::copy(digits, digits + len - frac, w);
    if (frac > 0) {
      *w++ = '.';
      w = std::copy(digits + len - frac, digits + len, w);
    }
  }
  out->append(buf, static_cast<std::size_t>(w - buf));
}

std::string js_number(double value) {
  std::string out;
  append_js_number(&out, value);
  return out;
}

std::vector<std::string> lunr_tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  const std::string lower = js_to_lower(text);
  for_each_token(lower, [&](std::string_view token) { tokens.emplace_back(token); });
  return tokens;
}

std::vector<std::string> lunr_field_terms(std::string_view text) {
  std::vector<std::string> terms;
  for (const std::string& token : lunr_tokenize(text))
    for (std::string& term : vi_terms(token)) terms.push_back(std::move(term));
  return terms;
}

namespace {

// An element of a field vector: a term's _index and its score in thousandths.
struct VectorElement {
  std::size_t term;
  double thousandths;
};

// An index as lunr's Builder makes it, before it is written.
struct BuiltIndex {
  std::vector<std::string_view> fields;     // in Object.keys(builder._fields) order
  std::vector<const LunrDocument*> docs;    // without repeated refs
  std::vector<std::string> terms;           // by _index: the order they first appear in
  std::vector<Posting> postings;            // by _index
  // Per document and field (document-major, fields in `fields` order), by term _index.
  std::vector<std::vector<VectorElement>> vectors;
};

// "0" … "z", "10" …: a document's position in base 36.
std::string base36(std::size_t n) {
  std::string out;
  do {
    out.push_back("0123456789abcdefghijklmnopqrstuvwxyz"[n % 36]);
    n /= 36;
  } while (n > 0);
  return {out.rbegin(), out.rend()};
}

BuiltIndex build_index(const std::vector<LunrField>& field_list, const std::vector<LunrDocument>& all_documents) {
  BuiltIndex built;
  // Fields in the order Object.keys(builder._fields) lists them.
  std::vector<std::string_view> names;
  for (const LunrField& f : field_list) names.push_back(f.name);
  const std::vector<std::size_t> fields = js_key_order(names);
  const std::size_t nfields = fields.size();
  for (std::size_t f : fields) built.fields.push_back(field_list[f].name);

  std::vector<const LunrDocument*>& docs = built.docs;
  std::unordered_set<std::string_view> seen;
  for (const LunrDocument& d : all_documents)
    if (seen.insert(d.ref).second) docs.push_back(&d);

  TermTable table;
  std::vector<Posting>& postings = built.postings;
  // Per document and field (in `fields` order): term ids with frequencies, and the length.
  struct FieldTerms {
    std::vector<std::pair<std::size_t, int>> tf;
    std::size_t length = 0;
  };
  std::vector<FieldTerms> field_terms(docs.size() * nfields);
  std::vector<double> total_length(nfields, 0);
  // Where a term's count sits in the current field's tf, valid when its stamp is the field's.
  std::vector<std::size_t> slot, slot_stamp;

  for (std::size_t d = 0; d < docs.size(); ++d) {
    for (std::size_t fi = 0; fi < nfields; ++fi) {
      const std::size_t f = fields[fi];
      const std::vector<std::string>& texts = docs[d]->fields;
      FieldTerms& ft = field_terms[d * nfields + fi];
      if (f >= texts.size()) continue;
      const std::size_t stamp = d * nfields + fi + 1;
      const std::string lower = js_to_lower(texts[f]);
      for_each_token(lower, [&](std::string_view token) {
        for (std::size_t id : table.terms_of(token)) {
          if (id == postings.size()) {
            Posting p;
            p.index = id;
            p.docs.resize(nfields);
            postings.push_back(std::move(p));
            slot.push_back(0);
            slot_stamp.push_back(0);
          }
          ++ft.length;
          if (slot_stamp[id] != stamp) {
            slot_stamp[id] = stamp;
            slot[id] = ft.tf.size();
            ft.tf.emplace_back(id, 0);
          }
          ft.tf[slot[id]].second += 1;
          std::vector<std::size_t>& posted = postings[id].docs[fi];
          if (posted.empty() || posted.back() != d) posted.push_back(d);
        }
      });
      total_length[fi] += static_cast<double>(ft.length);
    }
  }
  built.terms = std::move(table.terms);
  const std::vector<std::string>& terms = built.terms;

  std::vector<double> average_length(nfields, 0);
  for (std::size_t fi = 0; fi < nfields; ++fi)
    average_length[fi] = total_length[fi] / static_cast<double>(docs.size());

  const double document_count = static_cast<double>(docs.size());
  std::vector<double> idf(terms.size(), -1);
  built.vectors.resize(docs.size() * nfields);
  for (std::size_t d = 0; d < docs.size(); ++d) {
    double doc_boost = docs[d]->boost;
    if (!(doc_boost != 0) || std::isnan(doc_boost)) doc_boost = 1;
    for (std::size_t fi = 0; fi < nfields; ++fi) {
      const LunrField& field = field_list[fields[fi]];
      double field_boost = field.boost;
      if (!(field_boost != 0) || std::isnan(field_boost)) field_boost = 1;
      FieldTerms& ft = field_terms[d * nfields + fi];
      std::sort(ft.tf.begin(), ft.tf.end());
      const double field_length = static_cast<double>(ft.length);
      std::vector<VectorElement>& vector = built.vectors[d * nfields + fi];
      vector.reserve(ft.tf.size());
      for (const auto& [id, count] : ft.tf) {
        if (idf[id] < 0) {
          double with_term = 0;
          for (const auto& posted : postings[id].docs) with_term += static_cast<double>(posted.size());
          double x = (document_count - with_term + 0.5) / (with_term + 0.5);
          idf[id] = std::log(1 + std::abs(x));
        }
        const double tf = count;
        // Same operations in the same order as lunr.Builder.prototype.createFieldVectors.
        double score = idf[id] * ((kK1 + 1) * tf) /
                       (kK1 * (1 - kB + kB * (field_length / average_length[fi])) + tf);
        score *= field_boost;
        score *= doc_boost;
        vector.push_back({id, js_round(score * 1000)});
      }
      ft = FieldTerms();
    }
  }
  return built;
}

void write_header(const BuiltIndex& built, std::string& out) {
  out.append(R"({"version":)");
  write_string(&out, kLunrVersion);
  out.append(R"(,"fields":[)");
  for (std::size_t fi = 0; fi < built.fields.size(); ++fi) {
    if (fi > 0) out.push_back(',');
    write_string(&out, built.fields[fi]);
  }
  out.push_back(']');
}

std::string write_full(const BuiltIndex& built) {
  const std::vector<const LunrDocument*>& docs = built.docs;
  const std::vector<std::string>& terms = built.terms;
  const std::vector<Posting>& postings = built.postings;
  const std::size_t nfields = built.fields.size();
  std::string out;
  write_header(built, out);
  out.append(R"(,"fieldVectors":[)");
  for (std::size_t d = 0; d < docs.size(); ++d) {
    for (std::size_t fi = 0; fi < nfields; ++fi) {
      if (d + fi > 0) out.push_back(',');
      out.push_back('[');
      write_string(&out, std::string(built.fields[fi]) + "/" + docs[d]->ref);
      out.append(",[");
      bool first_element = true;
      for (const VectorElement& e : built.vectors[d * nfields + fi]) {
        if (!first_element) out.push_back(',');
        first_element = false;
        append_unsigned(&out, e.term);
        out.push_back(',');
        append_js_thousandths(&out, e.thousandths);
      }
      out.append("]]");
    }
  }
  out.append(R"(],"invertedIndex":[)");

  std::vector<std::size_t> by_term(terms.size());
  std::iota(by_term.begin(), by_term.end(), 0);
  {
    std::vector<std::u16string> keys;
    keys.reserve(terms.size());
    for (const std::string& t : terms) keys.push_back(utf16(t));
    std::sort(by_term.begin(), by_term.end(),
              [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  }

  // Posting keys: "_index", then the fields, in JavaScript's key order. Each becomes a member
  // of the posting object where it is first set (a repeated name replaces the value in place,
  // as assigning an object property does): `source` 0 is _index, k the field at k - 1.
  std::vector<std::string_view> posting_keys{"_index"};
  for (std::size_t fi = 0; fi < nfields; ++fi) posting_keys.push_back(built.fields[fi]);
  struct Member {
    std::string key_json;  // "key":
    std::size_t source;
  };
  std::vector<Member> members;
  for (std::size_t k : js_key_order(posting_keys)) {
    auto same = std::find_if(members.begin(), members.end(), [&](const Member& m) {
      return posting_keys[m.source] == posting_keys[k];
    });
    if (same != members.end()) {
      same->source = k;
      continue;
    }
    std::string key_json;
    write_string(&key_json, posting_keys[k]);
    key_json.push_back(':');
    members.push_back({std::move(key_json), k});
  }

  // Refs of a posting in Object.keys order: array indices first, by value, then the others by
  // insertion (document) order. A document's place in that order over all the documents
  // orders any subset the same way.
  std::vector<std::size_t> rank(docs.size());
  std::vector<std::string> ref_json(docs.size());
  {
    std::vector<std::string_view> refs;
    for (const LunrDocument* doc : docs) refs.push_back(doc->ref);
    const std::vector<std::size_t> order = js_key_order(refs);
    for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    for (std::size_t d = 0; d < docs.size(); ++d) {
      write_string(&ref_json[d], docs[d]->ref);
      ref_json[d].append(":{}");
    }
  }
  std::vector<std::size_t> posted_order;
  for (std::size_t t = 0; t < by_term.size(); ++t) {
    const std::size_t id = by_term[t];
    const Posting& p = postings[id];
    if (t > 0) out.push_back(',');
    out.push_back('[');
    write_string(&out, terms[id]);
    out.append(",{");
    for (std::size_t m = 0; m < members.size(); ++m) {
      if (m > 0) out.push_back(',');
      out.append(members[m].key_json);
      if (members[m].source == 0) {
        append_unsigned(&out, p.index);
        continue;
      }
      posted_order = p.docs[members[m].source - 1];
      std::sort(posted_order.begin(), posted_order.end(),
                [&](std::size_t a, std::size_t b) { return rank[a] < rank[b]; });
      out.push_back('{');
      for (std::size_t i = 0; i < posted_order.size(); ++i) {
        if (i > 0) out.push_back(',');
        out.append(ref_json[posted_order[i]]);
      }
      out.push_back('}');
    }
    out.append("}]");
  }
  out.append(R"(],"pipeline":[)");
  write_string(&out, kViFoldName);
  out.append("]}");
  return out;
}

// The compact form: see build_lunr_compact_index_json.
std::string write_compact(const BuiltIndex& built) {
  const std::vector<const LunrDocument*>& docs = built.docs;
  std::string out;
  write_header(built, out);
  out.append(R"(,"pipeline":[)");
  write_string(&out, kViFoldName);
  out.append(R"(],"terms":[)");
  for (std::size_t t = 0; t < built.terms.size(); ++t) {
    if (t > 0) out.push_back(',');
    write_string(&out, built.terms[t]);
  }
  out.push_back(']');
  bool positional = true;
  for (std::size_t d = 0; d < docs.size() && positional; ++d) positional = docs[d]->ref == base36(d);
  if (!positional) {
    out.append(R"(,"refs":[)");
    for (std::size_t d = 0; d < docs.size(); ++d) {
      if (d > 0) out.push_back(',');
      write_string(&out, docs[d]->ref);
    }
    out.push_back(']');
  }
  out.append(R"(,"vectors":[)");
  for (std::size_t v = 0; v < built.vectors.size(); ++v) {
    if (v > 0) out.push_back(',');
    out.push_back('[');
    std::size_t previous = 0;
    bool first_element = true;
    for (const VectorElement& e : built.vectors[v]) {
      if (!first_element) out.push_back(',');
      first_element = false;
      append_unsigned(&out, e.term - previous);
      previous = e.term;
      out.push_back(',');
      append_js_number(&out, e.thousandths);
    }
    out.push_back(']');
  }
  out.append("]}");
  return out;
}

}  // namespace

std::string build_lunr_index_json(const std::vector<LunrField>& fields, const std::vector<LunrDocument>& documents) {
  return write_full(build_index(fields, documents));
}

std::string build_lunr_compact_index_json(const std::vector<LunrField>& fields,
                                          const std::vector<LunrDocument>& documents) {
  return write_compact(build_index(fields, documents));
}

LunrJson build_lunr_index(const std::vector<LunrField>& fields, const std::vector<LunrDocument>& documents) {
  return LunrJson::parse(build_lunr_index_json(fields, documents));
}

void append_new_key(LunrJson* obj, std::string key, LunrJson value) {
  obj->get_ref<LunrJson::object_t&>().emplace_back(std::move(key), std::move(value));
}

std::string to_js_json(const LunrJson& value) {
  std::string out;
  write_json(&out, value);
  return out;
}

}  // namespace congkhai
